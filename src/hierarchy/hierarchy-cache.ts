import type { Store } from '../store/store.js';
import type { UnitRow } from '../domain/rows.js';
import { allLinksAsJson, allUnitsAsJson, hierarchyFingerprint } from '../sql/units-sql.js';
import type { Fragment } from '../store/sql.js';
import { StoreCopy } from '../store/store-copy.js';
import { Hierarchy, type LinkRow } from './hierarchy.js';
import { warmCode, type WarmCodec, type WarmParts } from '../warm/warm-parts.js';

/** Where a reader finds the in-memory hierarchy; null: not loaded yet, read it with SQL. */
export interface HierarchySource {
  current(): Hierarchy | null;
}

/**
 * The store's units and links in memory (a `StoreCopy`). Its mark is the units' and links'
 * counts and import ids (every load stamps the rows it writes with its import), so recording
 * observations keeps the copy and loading units reloads it. Loading is two statements (185,000
 * units and their links on a national store).
 */
export class HierarchyCache extends StoreCopy<Hierarchy> implements HierarchySource {
  /** `warm`: where the rows are kept between starts (`src/warm`); null: read from the store each time. */
  constructor(store: Pick<Store, 'all' | 'commits'>, after?: Promise<unknown>, warm: WarmParts | null = null) {
    super(
      store,
      {
        // The store's identity is in the warm file's mark too: counts and import ids alone can repeat in a store generated anew.
        mark: () => readHierarchyFingerprint(store),
        load: async (_signal, mark) =>
          buildHierarchy(
            await (warm === null
              ? readHierarchyJson(store)
              : warm.through(HIERARCHY_WARM, mark, () => readHierarchyJson(store))),
          ),
      },
      after,
    );
  }
}

/** What changes whenever units or links do (`hierarchyFingerprint`): the hierarchy's mark, and the cost catalogue's descendant counts'. */
export async function readHierarchyFingerprint(store: Pick<Store, 'all'>): Promise<string> {
  return (
    (await store.all<{ fingerprint: string }>('hierarchy.fingerprint', hierarchyFingerprint()))[0]?.fingerprint ?? ''
  );
}

/** The units and links as DuckDB writes them: chunks of JSON rows, each in its order (`allUnitsAsJson`). */
interface HierarchyJson {
  readonly units: readonly string[];
  readonly links: readonly string[];
}

async function readHierarchyJson(store: Pick<Store, 'all'>): Promise<HierarchyJson> {
  const chunks = (id: string, fragment: Fragment) =>
    store.all<{ rows: string }>(id, fragment).then((rows) => rows.map((r) => r.rows));
  const [units, links] = await Promise.all([
    chunks('hierarchy.units', allUnitsAsJson()),
    chunks('hierarchy.links', allLinksAsJson()),
  ]);
  return { units, links };
}

async function buildHierarchy(json: HierarchyJson): Promise<Hierarchy> {
  const [units, links] = [await parseChunks<UnitRow>(json.units), await parseChunks<LinkRow>(json.links)];
  return new Hierarchy(units, links);
}

/**
 * Rows from chunks of JSON, parsed one at a time with requests served in between: converting
 * 185,000 rows value by value in the DuckDB client took 2.3 s of the only thread.
 */
async function parseChunks<T>(chunks: readonly string[]): Promise<T[]> {
  const rows: T[] = [];
  for (const chunk of chunks) {
    for (const row of JSON.parse(chunk) as T[]) rows.push(row);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return rows;
}

/** The chunks as texts of a warm file, in order. */
const HIERARCHY_WARM: WarmCodec<HierarchyJson> = {
  part: 'hierarchy',
  code: warmCode(1, allUnitsAsJson(), allLinksAsJson()),
  encode: ({ units, links }) => ({
    arrays: {},
    texts: Object.fromEntries([
      ...units.map((text, i) => [`units.${i}`, text]),
      ...links.map((text, i) => [`links.${i}`, text]),
    ]),
    json: { units: units.length, links: links.length },
  }),
  decode: (content) => {
    const counts = content.json as { units?: unknown; links?: unknown } | null;
    const texts = (name: 'units' | 'links') => {
      const n = counts?.[name];
      if (typeof n !== 'number') throw new Error(`warm file: no count of ${name}`);
      return Array.from({ length: n }, (_, i) => {
        const text = content.texts[`${name}.${i}`];
        if (text === undefined) throw new Error(`warm file: ${name}.${i} missing`);
        return text;
      });
    };
    return { units: texts('units'), links: texts('links') };
  },
};
