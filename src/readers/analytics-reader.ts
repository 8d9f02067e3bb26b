import type { StatementRunner } from '../store/store.js';
import type { Fragment } from '../store/sql.js';
import type { ServingLookup } from '../serving/serving-status.js';
import type { HotRow, HotValues } from '../serving/hot-values.js';
import { seriesOnGrid, seriesPoints, indicatorGranularities, type Fill, type Granularity } from '../analytics/series-sql.js';
import { changeBetween, consecutiveChanges } from '../analytics/change-sql.js';
import { rankUnits, type RankBy } from '../analytics/rank-sql.js';
import type { RankColumns } from '../domain/change-measures.js';
import { peerContext, totalsAgainstParts } from '../analytics/context-sql.js';
import { availability, latestValues } from '../analytics/availability-sql.js';
import { tableColumns, tablePacked, tablePivot, tableRows } from '../analytics/table-sql.js';
import { copyTable, type ExportFormat } from '../analytics/export-sql.js';
import { servable, subjectIds, SUBJECT_WALK_DEPTH, type SubjectSet, type ValueOptions, type ValueWindow } from '../analytics/values-sql.js';
import { reportedLatest, reportedSeries } from '../analytics/reported-sql.js';
import { servedLatest, servedPivot, servedSeries } from '../analytics/served-sql.js';
import type { AvailabilityRow, ChangeRow, PackedTableRow, PartsRow, PeerRow, PivotRow, PointField, PointRow, RankRow, TableColumnsRow } from '../domain/analytics-rows.js';
import { QUALIFIERS } from '../domain/rows.js';
import type { HierarchySource } from '../hierarchy/hierarchy-cache.js';

/** Runs the analytics statements; each method is one statement over any number of units. */
export class AnalyticsReader {
  /**
   * `serving`: the store's serving layer (null: compute every value from observations);
   * `hierarchy`: units and links in memory, which name a set's units without a statement.
   */
  constructor(private readonly store: StatementRunner, private readonly serving: ServingLookup | null = null, private readonly hierarchy: HierarchySource | null = null) {}

  /** Whether these options are answered from the serving layer (else computed from observations). */
  serves(options: ValueOptions): boolean {
    return options.serving !== false && (this.serving?.isFresh ?? false) && servable(options);
  }

  private layout(options: ValueOptions): ValueOptions {
    return { ...options, serving: this.serves(options) };
  }

  /** Units named by id, with their serving keys when the layer will be read. */
  private unitsOf(ids: readonly string[], options: ValueOptions): { ids: readonly string[]; keys?: readonly number[] } {
    if (!this.serves(options) || !this.serving!.keysLoaded) return { ids };
    const keys: number[] = [];
    const known: string[] = [];
    for (const id of ids) {
      const key = this.serving!.keyOf(id);
      if (key !== undefined) {
        keys.push(key);
        known.push(id);
      }
    }
    // a unit without a key has no values in the layer; keys are kept aligned with their ids
    return { ids: known, keys };
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
    if (!('kind' in set) || set.within === null || !this.serves(options)) return set;
    const hierarchy = this.hierarchy?.current();
    if (hierarchy) return this.unitsOf(hierarchy.unitsWithin(set.within, set.kind, set.asOf, SUBJECT_WALK_DEPTH), options);
    if (!always) return set;
    const rows = await this.store.all<{ id: string }>('analytics.subjects', subjectIds(set));
    return this.unitsOf(rows.map((r) => r.id), options);
  }

  readReportedSeries(ids: readonly string[], indicator: string, window: ValueWindow, options: ValueOptions): Promise<{ subjectId: string; point: PointRow }[]> {
    return this.store.all('analytics.series-reported', reportedSeries(ids, indicator, window, options));
  }

  readReportedLatest(ids: readonly string[], indicator: string, options: ValueOptions): Promise<{ subjectId: string; point: PointRow }[]> {
    return this.store.all('analytics.latest-reported', reportedLatest(ids, indicator, options));
  }

  /**
   * `fields`: the point fields the caller will read (null: all). Served lookups return just
   * those, so a point may lack the others; computed paths return them all.
   */
  readSeries(ids: readonly string[], indicators: readonly string[], window: ValueWindow, options: ValueOptions, fields: readonly PointField[] | null = null): Promise<{ subjectId: string; point: PointRow }[]> {
    const set = this.unitsOf(ids, options);
    if (set.keys) {
      const hot = this.serving!.hot()?.series(set.keys, indicators, window, options, fields);
      if (hot) return Promise.resolve(named(set.ids, set.keys, hot));
      return this.readServed('analytics.series-served', set.ids, set.keys, servedSeries(set.keys, indicators, window, options, fields));
    }
    return this.store.all('analytics.series', seriesPoints(set, indicators, window, this.layout(options)));
  }

  readSeriesOnGrid(ids: readonly string[], indicator: string, window: ValueWindow, options: ValueOptions, granularity: Granularity, fill: Fill): Promise<{ subjectId: string; point: PointRow }[]> {
    return this.store.all('analytics.series-grid', seriesOnGrid(this.unitsOf(ids, options), indicator, window, this.layout(options), granularity, fill));
  }

  async readGranularities(indicator: string): Promise<string[]> {
    const rows = await this.store.all<{ granularity: string }>('analytics.granularities', indicatorGranularities(indicator));
    return rows.map((r) => r.granularity);
  }

  readChanges(ids: readonly string[], indicator: string, from: string, to: string, options: ValueOptions): Promise<ChangeRow[]> {
    return this.store.all('analytics.change', changeBetween(this.unitsOf(ids, options), indicator, from, to, this.layout(options)));
  }

  readConsecutiveChanges(ids: readonly string[], indicator: string, window: { from: string | null; to: string | null }, options: ValueOptions): Promise<ChangeRow[]> {
    return this.store.all('analytics.yoy', consecutiveChanges(this.unitsOf(ids, options), indicator, window, this.layout(options)));
  }

  /** `fields` as for `readSeries`. */
  readLatest(ids: readonly string[], indicators: readonly string[], options: ValueOptions, fields: readonly PointField[] | null = null): Promise<{ subjectId: string; point: PointRow }[]> {
    const set = this.unitsOf(ids, options);
    if (set.keys) {
      const hot = this.serving!.hot()?.latest(set.keys, indicators, options, fields);
      if (hot) return Promise.resolve(named(set.ids, set.keys, hot));
      return this.readServed('analytics.latest-served', set.ids, set.keys, servedLatest(set.keys, indicators, options, fields));
    }
    return this.store.all('analytics.latest', latestValues(set, indicators, this.layout(options)));
  }

  /** One unit's latest value where the hot copy holds it, at once (see memoryFirst); undefined: memory cannot answer, readLatest does. */
  latestInMemory(id: string, indicator: string, options: ValueOptions, fields: readonly PointField[] | null): PointRow | null | undefined {
    const rows = this.inMemory(id, options, (keys, hot) => hot.latest(keys, [indicator], options, fields));
    return rows === undefined ? undefined : (rows[0]?.point ?? null);
  }

  /** One unit's series where the hot copy holds it, as latestInMemory; undefined: ask readSeries. */
  seriesInMemory(id: string, indicator: string, window: ValueWindow, options: ValueOptions, fields: readonly PointField[] | null): PointRow[] | undefined {
    const rows = this.inMemory(id, options, (keys, hot) => hot.series(keys, [indicator], window, options, fields));
    return rows?.map((row) => row.point);
  }

  private inMemory(id: string, options: ValueOptions, lookup: (keys: readonly number[], hot: HotValues) => HotRow[] | null): { subjectId: string; point: PointRow }[] | undefined {
    const set = this.unitsOf([id], options);
    const hot = set.keys ? this.serving!.hot() : null;
    const rows = hot ? lookup(set.keys!, hot) : null;
    return rows ? named(set.ids, set.keys!, rows) : undefined;
  }

  /** A served lookup's rows, named. */
  private async readServed(id: string, ids: readonly string[], keys: readonly number[], lookup: Fragment): Promise<{ subjectId: string; point: PointRow }[]> {
    return named(ids, keys, await this.store.all<{ unitKey: number; point: Omit<PointRow, 'subjectId'> }>(id, lookup));
  }

  readPeers(ids: readonly string[], indicator: string, period: string, options: ValueOptions): Promise<PeerRow[]> {
    return this.store.all('analytics.peers', peerContext(ids, indicator, period, this.layout(options)));
  }

  readTotalsAndParts(ids: readonly string[], indicator: string, childKind: string, window: { from: string | null; to: string | null }, options: ValueOptions): Promise<PartsRow[]> {
    return this.store.all('analytics.parts', totalsAgainstParts(ids, indicator, childKind, window, this.layout(options)));
  }

  async rank(set: SubjectSet, indicator: string, by: RankBy, from: string | null, to: string, descending: boolean, limit: number, options: ValueOptions, columns?: RankColumns): Promise<RankRow[]> {
    return this.store.all('analytics.rank', rankUnits(await this.scoped(set, options, true), indicator, by, from, to, descending, limit, this.layout(options), columns));
  }

  readAvailability(indicators: readonly string[] | null): Promise<AvailabilityRow[]> {
    return this.store.all('analytics.availability', availability(indicators));
  }

  /** Writes the same rows as `readTableRows` to a file, in the given format, with DuckDB's writer. */
  async exportTable(set: SubjectSet, indicators: readonly string[], window: ValueWindow, options: ValueOptions, path: string, format: ExportFormat): Promise<void> {
    await this.store.all('analytics.table-export', copyTable(tableRows(await this.scoped(set, options, false), indicators, window, this.layout(options)), path, format));
  }

  async readTableRows(set: SubjectSet, indicators: readonly string[], window: ValueWindow, options: ValueOptions): Promise<PointRow[]> {
    return this.store.all('analytics.table-rows', tableRows(await this.scoped(set, options, false), indicators, window, this.layout(options)));
  }

  async readTableColumns(set: SubjectSet, indicators: readonly string[], window: ValueWindow, options: ValueOptions): Promise<TableColumnsRow> {
    return (await this.store.vectors('analytics.table-columns', tableColumns(await this.scoped(set, options, false), indicators, window, this.layout(options)))) as unknown as TableColumnsRow;
  }

  async readTablePacked(set: SubjectSet, indicators: readonly string[], window: ValueWindow, options: ValueOptions): Promise<PackedTableRow> {
    const c = await this.store.vectors('analytics.table-packed', tablePacked(await this.scoped(set, options, false), indicators, window, this.layout(options), QUALIFIERS), ['localityCodes', 'rowIndicators', 'rowStarts', 'periods', 'indicators']);
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

  async readTablePivot(set: SubjectSet, indicators: readonly string[], window: ValueWindow, options: ValueOptions): Promise<(PivotRow & { periods: string[] })[]> {
    const scoped = await this.scoped(set, options, false);
    if ('keys' in scoped && scoped.keys) return this.servedPivotRows(scoped.ids, scoped.keys, indicators, window, options);
    return this.store.all('analytics.table-pivot', tablePivot(scoped, indicators, window, this.layout(options)));
  }

  /** Pivot rows of units named by key, in the order of `tablePivot`: by unit (as `ids` are), then indicator. */
  private async servedPivotRows(ids: readonly string[], keys: readonly number[], indicators: readonly string[], window: ValueWindow, options: ValueOptions): Promise<(PivotRow & { periods: string[] })[]> {
    const place = new Map(keys.map((key, i) => [key, i]));
    const rows = this.serving!.hot()?.pivot(keys, indicators, window, options)
      ?? await this.store.all<Omit<PivotRow, 'subjectId'> & { unitKey: number; periods: string[] }>('analytics.table-pivot-served', servedPivot(keys, indicators, window, options));
    return [...rows]
      .sort((a, b) => place.get(a.unitKey)! - place.get(b.unitKey)! || (a.indicator < b.indicator ? -1 : a.indicator > b.indicator ? 1 : 0))
      .map(({ unitKey, ...row }) => ({ subjectId: ids[place.get(unitKey)!]!, ...row }));
  }
}

/** Served rows named by the ids their keys were asked for (rows may be shared with the read cache: copied, not changed). */
function named(ids: readonly string[], keys: readonly number[], rows: readonly { unitKey: number; point: Partial<Omit<PointRow, 'subjectId'>> }[]): { subjectId: string; point: PointRow }[] {
  const idOfKey = new Map(keys.map((key, i) => [key, ids[i]!]));
  return rows.map((row) => {
    const subjectId = idOfKey.get(row.unitKey)!;
    return { subjectId, point: { subjectId, ...row.point } as PointRow };
  });
}
