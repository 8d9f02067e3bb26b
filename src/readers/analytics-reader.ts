import type { StatementRunner } from '../store/store.js';
import type { ServingLookup } from '../serving/serving-status.js';
import { seriesOnGrid, indicatorGranularities, type Fill, type Granularity } from '../analytics/series-sql.js';
import { changeBetween, consecutiveChanges } from '../analytics/change-sql.js';
import { rankCounts, rankUnits } from '../analytics/rank-sql.js';
import { ALL_RANK_COLUMNS, CHANGE_MEASURES, type RankColumns } from '../domain/change-measures.js';
import { peerContext, totalsAgainstParts } from '../analytics/context-sql.js';
import { availability, availabilityOn } from '../analytics/availability-sql.js';
import { tableColumns, tablePacked, tablePivot, tableRows } from '../analytics/table-sql.js';
import { copyTable, exportRows, type CopyOptions, type ExportFormat } from '../analytics/export-sql.js';
import {
  subjectIds,
  SUBJECT_WALK_DEPTH,
  type SubjectSet,
  type ValueOptions,
  type ValueWindow,
} from '../analytics/values-sql.js';
import { servedPivot } from '../analytics/served-sql.js';
import type { KeptAvailability } from './kept-availability.js';
import type {
  AvailabilityRow,
  ChangeRow,
  PackedTableRow,
  PartsRow,
  PeerRow,
  PivotRow,
  PointField,
  PointRow,
  RankRow,
  RankedUnit,
  TableColumnsRow,
} from '../domain/analytics-rows.js';
import { QUALIFIERS } from '../domain/rows.js';
import type { HierarchySource } from '../hierarchy/hierarchy-cache.js';
import { LayerChoice } from '../values/layer-choice.js';
import { ValueChain } from '../values/value-chain.js';
import {
  ALL_TIME,
  type LatestArgs,
  type NamedPoint,
  type RankRequest,
  type SeriesArgs,
} from '../values/value-request.js';

/** A ranking whose set is at most this many times its limit keeps most of it (see `rank`). */
const KEEPS_MOST = 2;

/** A ranking entry's change and point when none was asked: NULL, as a statement gives a measure not asked. */
const NO_ENTRY = {
  ...(Object.fromEntries(CHANGE_MEASURES.map((m) => [m, null])) as unknown as Omit<ChangeRow, 'subjectId'>),
  point: null,
};

/**
 * Runs the analytics statements; each method is one statement over any number of units (or a
 * few, one per indicator, where an operation takes one). Plain values (series and latest) go
 * through the value chain, which alone decides who answers them (values/value-chain.ts).
 */
export class AnalyticsReader {
  readonly values: ValueChain;
  private readonly layer: LayerChoice;

  /**
   * `serving`: the store's serving layer (null: compute every value from observations);
   * `hierarchy`: units and links in memory, which name a set's units without a statement;
   * `keptAvailability`: the availability matrix as last read, answered from while no write followed.
   */
  constructor(
    private readonly store: StatementRunner,
    serving: ServingLookup | null = null,
    private readonly hierarchy: HierarchySource | null = null,
    private readonly keptAvailability: KeptAvailability | null = null,
  ) {
    this.layer = new LayerChoice(serving);
    this.values = new ValueChain(store, this.layer);
  }

  /** Whether these options are answered from the serving layer (else computed from observations). */
  serves(options: ValueOptions): boolean {
    return this.layer.serves(options);
  }

  private layout(options: ValueOptions): ValueOptions {
    return this.layer.layout(options);
  }

  /** Units named by id, with their serving keys when the layer will be read. */
  private unitsOf(ids: readonly string[], options: ValueOptions): { ids: readonly string[]; keys?: readonly number[] } {
    return this.layer.keyed(ids, options) ?? { ids };
  }

  /**
   * A set of units under a parent, named by id and serving key when the layer is read: a join
   * on keys found by a walk gives DuckDB no bounds, so it scanned the whole layer (110 ms for a
   * province's communes); literal keys read a few row groups. With the hierarchy in memory the
   * names cost nothing; without it they cost a walk statement (13 ms), which pays for a ranking
   * (120 → 90 ms) but not for a table (43 → 47 ms), so then only rankings resolve (`always`).
   * Kind-wide sets read most of the layer anyway and stay a join.
   */
  private async scoped(set: SubjectSet, options: ValueOptions, always: boolean): Promise<SubjectSet> {
    // Units named by id (a table's `localities`) are keyed too: joined to the layer on keys found
    // by a statement, 50 villages scanned all 41.8 M rows (1.3 s); their literal keys read a few row groups.
    if ('ids' in set && set.keys === undefined && this.serves(options)) return this.unitsOf(set.ids, options);
    if (!('kind' in set) || set.within === null || !this.serves(options)) return set;
    const hierarchy = this.hierarchy?.current();
    if (hierarchy)
      return this.unitsOf(hierarchy.unitsWithin(set.within, set.kind, set.asOf, SUBJECT_WALK_DEPTH), options);
    if (!always) return set;
    const rows = await this.store.all<{ id: string }>('analytics.subjects', subjectIds(set));
    return this.unitsOf(
      rows.map((r) => r.id),
      options,
    );
  }

  /**
   * A `series` field's points for these units and indicators: on a time axis, or (plain, on any
   * geography) from the value chain.
   */
  async readSeriesOf(ids: readonly string[], indicators: readonly string[], args: SeriesArgs): Promise<NamedPoint[]> {
    if (args.grid !== null) {
      const grid = args.grid;
      return this.perIndicator(indicators, (indicator) =>
        this.readSeriesOnGrid(ids, indicator, args.window, args.options, grid.granularity, grid.fill, grid.fillFlows),
      );
    }
    return this.readSeries(ids, indicators, args.window, args.options, args.fields);
  }

  /** One unit's plain series from memory at once (no batch); undefined: ask `readSeriesOf`. */
  seriesAtOnce(id: string, args: SeriesArgs): PointRow[] | undefined {
    if (args.grid !== null) return undefined;
    const rows = this.values.seriesNow({
      ids: [id],
      indicators: [args.indicator],
      window: args.window,
      options: args.options,
      fields: args.fields,
    });
    return rows?.map((row) => row.point);
  }

  /** One unit's latest value from memory at once; undefined: ask `readLatest`. */
  latestAtOnce(id: string, args: LatestArgs): PointRow | null | undefined {
    const rows = this.values.latestNow({
      ids: [id],
      indicators: [args.indicator],
      window: ALL_TIME,
      options: args.options,
      fields: args.fields,
    });
    return rows === null ? undefined : (rows[0]?.point ?? null);
  }

  /**
   * Plain points (`fields`: the point fields the caller will read, null: all; sources reading
   * the serving layer return just those, so a point may lack the others).
   */
  readSeries(
    ids: readonly string[],
    indicators: readonly string[],
    window: ValueWindow,
    options: ValueOptions,
    fields: readonly PointField[] | null = null,
  ): Promise<NamedPoint[]> {
    return this.values.series({ ids, indicators, window, options, fields });
  }

  /** Each unit and indicator's latest point with a value; `fields` as for `readSeries`. */
  readLatest(
    ids: readonly string[],
    indicators: readonly string[],
    options: ValueOptions,
    fields: readonly PointField[] | null = null,
  ): Promise<NamedPoint[]> {
    return this.values.latest({ ids, indicators, window: ALL_TIME, options, fields });
  }

  readSeriesOnGrid(
    ids: readonly string[],
    indicator: string,
    window: ValueWindow,
    options: ValueOptions,
    granularity: Granularity,
    fill: Fill,
    fillFlows = false,
  ): Promise<NamedPoint[]> {
    return this.store.all(
      'analytics.series-grid',
      seriesOnGrid(this.unitsOf(ids, options), indicator, window, this.layout(options), granularity, fill, fillFlows),
    );
  }

  /** An operation that takes one indicator, run for each (a batch rarely has more than one). */
  private async perIndicator(
    indicators: readonly string[],
    read: (indicator: string) => Promise<NamedPoint[]>,
  ): Promise<NamedPoint[]> {
    return (await Promise.all(indicators.map(read))).flat();
  }

  async readGranularities(indicator: string): Promise<string[]> {
    const rows = await this.store.all<{ granularity: string }>(
      'analytics.granularities',
      indicatorGranularities(indicator),
    );
    return rows.map((r) => r.granularity);
  }

  readChanges(
    ids: readonly string[],
    indicator: string,
    from: string,
    to: string,
    options: ValueOptions,
  ): Promise<ChangeRow[]> {
    return this.store.all(
      'analytics.change',
      changeBetween(this.unitsOf(ids, options), indicator, from, to, this.layout(options)),
    );
  }

  readConsecutiveChanges(
    ids: readonly string[],
    indicator: string,
    window: { from: string | null; to: string | null },
    options: ValueOptions,
    includeWiderSteps = false,
  ): Promise<ChangeRow[]> {
    return this.store.all(
      'analytics.yoy',
      consecutiveChanges(this.unitsOf(ids, options), indicator, window, this.layout(options), includeWiderSteps),
    );
  }

  readPeers(ids: readonly string[], indicator: string, period: string, options: ValueOptions): Promise<PeerRow[]> {
    return this.store.all('analytics.peers', peerContext(ids, indicator, period, this.layout(options)));
  }

  readTotalsAndParts(
    ids: readonly string[],
    indicator: string,
    childKind: string,
    window: { from: string | null; to: string | null },
    options: ValueOptions,
  ): Promise<PartsRow[]> {
    return this.store.all(
      'analytics.parts',
      totalsAgainstParts(ids, indicator, childKind, window, this.layout(options)),
    );
  }

  /**
   * A ranking's entries. A ranking that keeps few units of many (50 of 117,810 villages) reads its
   * ranks (`rankUnits` without entries), then the change and point of the units kept
   * (`changeBetween`, named by their serving keys), both on one snapshot of the store so that no
   * write can pair one state's ranks with another's figures (for a nationwide ranking of
   * villages the two statements took about a fifth less than the one, timed alternately with the
   * same arguments). One that keeps most of its units (a province's communes) reads them in the
   * same statement, as reading their values again would cost more. With no change measure and no
   * point asked, the ranks alone.
   */
  async rank(request: RankRequest, columns: RankColumns = ALL_RANK_COLUMNS): Promise<RankRow[]> {
    const { set, indicator, by, from, to, descending, limit, options } = request;
    const layout = this.layout(options);
    const scoped = await this.scoped(set, options, true);
    const asked = columns.point || columns.change.size > 0;
    if (asked && 'ids' in scoped && scoped.ids.length <= KEEPS_MOST * limit)
      return this.store.all(
        'analytics.rank',
        rankUnits(scoped, indicator, by, from, to, descending, limit, layout, columns),
      );
    const ranking = rankUnits(scoped, indicator, by, from, to, descending, limit, layout, null);
    if (!asked)
      return (await this.store.all<RankedUnit>('analytics.rank', ranking)).map((r) => ({ ...NO_ENTRY, ...r }));
    const variant = JSON.stringify([columns.point, [...columns.change].sort(), [...columns.estimate].sort()]);
    return this.store.snapshot({ id: 'analytics.rank', fragment: ranking, variant }, async (reads) => {
      const ranks = await reads.all<RankedUnit>('analytics.rank', ranking);
      if (ranks.length === 0) return [];
      const entries = await reads.all<ChangeRow & { point?: PointRow | null }>(
        'analytics.rank-entries',
        changeBetween(
          this.unitsOf(
            ranks.map((r) => r.subjectId),
            options,
          ),
          indicator,
          from,
          to,
          layout,
          columns,
        ),
      );
      const byId = new Map(entries.map((e) => [e.subjectId, e]));
      return ranks.map((r) => ({ ...NO_ENTRY, ...byId.get(r.subjectId), ...r }));
    });
  }

  /** How many units a ranking ranks and has in scope, also when it ranks none. */
  async countRanked(request: RankRequest): Promise<{ peerCount: number; unitCount: number }> {
    const { set, indicator, by, from, to, options } = request;
    const rows = await this.store.all<{ peerCount: number; unitCount: number }>(
      'analytics.rank-counts',
      rankCounts(await this.scoped(set, options, true), indicator, by, from, to, this.layout(options)),
    );
    return rows[0]!;
  }

  /** `geography`: null as recorded, else on that date's units (then `indicators` are named). */
  readAvailability(indicators: readonly string[] | null, geography: string | null = null): Promise<AvailabilityRow[]> {
    if (geography === null) {
      const kept = this.keptAvailability?.rowsOf(indicators);
      if (kept) return Promise.resolve(kept);
      return this.store.all('analytics.availability', availability(indicators));
    }
    return this.store.all('analytics.availability-on', availabilityOn(indicators ?? [], geography));
  }

  /** Writes the same rows as `readTableRows` to a file, in the given format, with DuckDB's writer. */
  async exportTable(
    set: SubjectSet,
    indicators: readonly string[],
    window: ValueWindow,
    options: ValueOptions,
    path: string,
    format: ExportFormat,
    copy: CopyOptions = {},
  ): Promise<void> {
    await this.store.all(
      'analytics.table-export',
      copyTable(
        exportRows(await this.scoped(set, options, false), indicators, window, this.layout(options), copy.columns),
        path,
        format,
        copy,
      ),
    );
  }

  /** The table's flat rows; `fields` as for `readSeries` (each row has its `subjectId` and those). */
  async readTableRows(
    set: SubjectSet,
    indicators: readonly string[],
    window: ValueWindow,
    options: ValueOptions,
    fields: readonly PointField[] | null = null,
  ): Promise<PointRow[]> {
    return this.store.all(
      'analytics.table-rows',
      tableRows(await this.scoped(set, options, false), indicators, window, this.layout(options), fields),
    );
  }

  async readTableColumns(
    set: SubjectSet,
    indicators: readonly string[],
    window: ValueWindow,
    options: ValueOptions,
  ): Promise<TableColumnsRow> {
    return (await this.store.vectors(
      'analytics.table-columns',
      tableColumns(await this.scoped(set, options, false), indicators, window, this.layout(options)),
    )) as unknown as TableColumnsRow;
  }

  async readTablePacked(
    set: SubjectSet,
    indicators: readonly string[],
    window: ValueWindow,
    options: ValueOptions,
  ): Promise<PackedTableRow> {
    const c = await this.store.vectors(
      'analytics.table-packed',
      tablePacked(await this.scoped(set, options, false), indicators, window, this.layout(options), QUALIFIERS),
      ['localityCodes', 'rowIndicators', 'rowStarts', 'periods', 'indicators'],
    );
    // Arrow's convention: one offset more than rows, so the last row's end needs no special case.
    // (A copy: the result may be a cached one, shared with other requests.)
    const rowOffsets = [...(c['rowStarts'] as number[]), (c['periodIndexes'] as number[]).length];
    return {
      periods: c['periods'] as string[],
      indicators: c['indicators'] as string[],
      qualifiers: QUALIFIERS,
      localityCodes: c['localityCodes'] as string[],
      rowIndicators: c['rowIndicators'] as number[],
      rowOffsets,
      periodIndexes: c['periodIndexes'] as number[],
      values: c['values'] as (number | null)[],
      qualifierIndexes: c['qualifierIndexes'] as (number | null)[],
    };
  }

  async readTablePivot(
    set: SubjectSet,
    indicators: readonly string[],
    window: ValueWindow,
    options: ValueOptions,
  ): Promise<(PivotRow & { periods: string[] })[]> {
    const scoped = await this.scoped(set, options, false);
    if ('keys' in scoped && scoped.keys)
      return this.servedPivotRows(scoped.ids, scoped.keys, indicators, window, options);
    return this.store.all('analytics.table-pivot', tablePivot(scoped, indicators, window, this.layout(options)));
  }

  /** Pivot rows of units named by key, in the order of `tablePivot`: by unit (as `ids` are), then indicator. */
  private async servedPivotRows(
    ids: readonly string[],
    keys: readonly number[],
    indicators: readonly string[],
    window: ValueWindow,
    options: ValueOptions,
  ): Promise<(PivotRow & { periods: string[] })[]> {
    const place = new Map(keys.map((key, i) => [key, i]));
    const rows =
      this.layer.hot()?.pivot(keys, indicators, window, options) ??
      (await this.store.all<Omit<PivotRow, 'subjectId'> & { unitKey: number; periods: string[] }>(
        'analytics.table-pivot-served',
        servedPivot(keys, indicators, window, options),
      ));
    return [...rows]
      .sort(
        (a, b) =>
          place.get(a.unitKey)! - place.get(b.unitKey)! ||
          (a.indicator < b.indicator ? -1 : a.indicator > b.indicator ? 1 : 0),
      )
      .map(({ unitKey, ...row }) => ({ subjectId: ids[place.get(unitKey)!]!, ...row }));
  }
}
