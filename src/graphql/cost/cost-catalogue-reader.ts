import type { AvailabilityRow } from '../../domain/analytics-rows.js';
import { readHierarchyFingerprint } from '../../hierarchy/hierarchy-cache.js';
import { availability as availabilityRows } from '../../analytics/availability-sql.js';
import { mostDescendantsByKind } from '../../sql/catalog-sql.js';
import type { Store } from '../../store/store.js';
import { warmCode, type WarmCodec, type WarmParts } from '../../warm/warm-parts.js';
import { CostCatalogue, type DescendantCount } from './cost-catalogue.js';
import type { KeptAvailability } from '../../readers/kept-availability.js';

/** What the catalogue reads of the grassroots reader (src/readers). */
export interface CatalogueReader {
  readUnitCountsByKind(): Promise<{ kind: string; units: number }[]>;
  readMostDescendantsByKind(): Promise<DescendantCount[]>;
  readDataVersion(): Promise<string>;
}

/** Rows kept as JSON in a warm file. */
const rowsCodec = <T>(part: string, code: string): WarmCodec<T[]> => ({
  part,
  code,
  encode: (rows) => ({ arrays: {}, texts: {}, json: rows }),
  decode: (content) => {
    if (!Array.isArray(content.json)) throw new Error(`warm file: ${part} rows are not a list`);
    return content.json as T[];
  },
});
const DESCENDANTS_WARM = rowsCodec<DescendantCount>('catalogue-descendants', warmCode(1, mostDescendantsByKind()));
const AVAILABILITY_WARM = rowsCodec<AvailabilityRow>('catalogue-availability', warmCode(1, availabilityRows(null)));

/**
 * Reads the cost catalogue when the server starts and after each write. Its two costly parts are
 * kept with the mark of what they depend on, and read again only when it moves: the descendant
 * counts (a recursive statement over every link, 1.2-2 s at national scale) when units or links
 * change, so recording observations keeps them; the availability (8 s at national scale) when
 * anything is imported. Both are kept in warm files too (`src/warm`), so a restart reads neither.
 * Units per kind are counted every time: a quick statement, and it depends on today's date.
 */
export class CostCatalogueReader {
  private readonly descendants: KeptRows<DescendantCount>;
  private readonly availability: KeptRows<AvailabilityRow>;

  constructor(
    private readonly store: Pick<Store, 'all'>,
    private readonly reader: CatalogueReader,
    warm: WarmParts | null,
    /** Handed each availability read, for the `availability` query to answer from. */
    private readonly keptAvailability: KeptAvailability | null = null,
  ) {
    this.descendants = new KeptRows(DESCENDANTS_WARM, warm);
    this.availability = new KeptRows(AVAILABILITY_WARM, warm);
  }

  async read(): Promise<CostCatalogue> {
    // Taken first: a write committed while the matrix is read leaves it marked as older.
    const commits = this.keptAvailability?.commitsNow() ?? 0;
    const [fingerprint, version] = await Promise.all([
      readHierarchyFingerprint(this.store),
      this.reader.readDataVersion(),
    ]);
    const [units, availability, descendants] = await Promise.all([
      this.reader.readUnitCountsByKind(),
      // The `availability` query's rows, under a statement id of the catalogue's own: a background
      // read, told apart from a request's value reads (analytics.*) in logs and statement counts.
      this.availability.at(`${version}/${fingerprint}`, () =>
        this.store.all<AvailabilityRow>('catalog.availability', availabilityRows(null)),
      ),
      this.descendants.at(fingerprint, () => this.reader.readMostDescendantsByKind()),
    ]);
    this.keptAvailability?.keep(commits, availability);
    return new CostCatalogue(units, availability, descendants);
  }
}

/** Rows read at a mark, kept until it moves (and in a warm file between starts). */
class KeptRows<T> {
  private kept: { mark: string; rows: T[] } | null = null;

  constructor(
    private readonly codec: WarmCodec<T[]>,
    private readonly warm: WarmParts | null,
  ) {}

  async at(mark: string, read: () => Promise<T[]>): Promise<T[]> {
    if (this.kept?.mark === mark) return this.kept.rows;
    const rows = await (this.warm === null ? read() : this.warm.through(this.codec, mark, read));
    this.kept = { mark, rows };
    return rows;
  }
}
