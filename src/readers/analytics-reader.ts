import type { StatementRunner } from '../store/store.js';
import { seriesOnGrid, seriesPoints, indicatorGranularities, type Fill, type Granularity } from '../analytics/series-sql.js';
import { changeBetween, consecutiveChanges } from '../analytics/change-sql.js';
import { rankUnits, type RankBy } from '../analytics/rank-sql.js';
import { peerContext, totalsAgainstParts } from '../analytics/context-sql.js';
import { availability, latestValues } from '../analytics/availability-sql.js';
import { tableColumns, tablePacked, tablePivot, tableRows } from '../analytics/table-sql.js';
import { copyTable, type ExportFormat } from '../analytics/export-sql.js';
import type { SubjectSet, ValueOptions, ValueWindow } from '../analytics/values-sql.js';
import { reportedLatest, reportedSeries } from '../analytics/reported-sql.js';
import type { AvailabilityRow, ChangeRow, PackedTableRow, PartsRow, PeerRow, PivotRow, PointRow, RankRow, TableColumnsRow } from '../domain/analytics-rows.js';
import { QUALIFIERS } from '../domain/rows.js';

/** Runs the analytics statements; each method is one statement over any number of units. */
export class AnalyticsReader {
  constructor(private readonly store: StatementRunner) {}

  readReportedSeries(ids: readonly string[], indicator: string, window: ValueWindow, options: ValueOptions): Promise<{ subjectId: string; point: PointRow }[]> {
    return this.store.all('analytics.series-reported', reportedSeries(ids, indicator, window, options));
  }

  readReportedLatest(ids: readonly string[], indicator: string, options: ValueOptions): Promise<{ subjectId: string; point: PointRow }[]> {
    return this.store.all('analytics.latest-reported', reportedLatest(ids, indicator, options));
  }

  readSeries(ids: readonly string[], indicator: string, window: ValueWindow, options: ValueOptions): Promise<{ subjectId: string; point: PointRow }[]> {
    return this.store.all('analytics.series', seriesPoints({ ids }, indicator, window, options));
  }

  readSeriesOnGrid(ids: readonly string[], indicator: string, window: ValueWindow, options: ValueOptions, granularity: Granularity, fill: Fill): Promise<{ subjectId: string; point: PointRow }[]> {
    return this.store.all('analytics.series-grid', seriesOnGrid({ ids }, indicator, window, options, granularity, fill));
  }

  async readGranularities(indicator: string): Promise<string[]> {
    const rows = await this.store.all<{ granularity: string }>('analytics.granularities', indicatorGranularities(indicator));
    return rows.map((r) => r.granularity);
  }

  readChanges(ids: readonly string[], indicator: string, from: string, to: string, options: ValueOptions): Promise<ChangeRow[]> {
    return this.store.all('analytics.change', changeBetween({ ids }, indicator, from, to, options));
  }

  readConsecutiveChanges(ids: readonly string[], indicator: string, window: { from: string | null; to: string | null }, options: ValueOptions): Promise<ChangeRow[]> {
    return this.store.all('analytics.yoy', consecutiveChanges({ ids }, indicator, window, options));
  }

  readLatest(ids: readonly string[], indicator: string, options: ValueOptions): Promise<{ subjectId: string; point: PointRow }[]> {
    return this.store.all('analytics.latest', latestValues(ids, indicator, options));
  }

  readPeers(ids: readonly string[], indicator: string, period: string, options: ValueOptions): Promise<PeerRow[]> {
    return this.store.all('analytics.peers', peerContext(ids, indicator, period, options));
  }

  readTotalsAndParts(ids: readonly string[], indicator: string, childKind: string, window: { from: string | null; to: string | null }, options: ValueOptions): Promise<PartsRow[]> {
    return this.store.all('analytics.parts', totalsAgainstParts(ids, indicator, childKind, window, options));
  }

  rank(set: SubjectSet, indicator: string, by: RankBy, from: string | null, to: string, descending: boolean, limit: number, options: ValueOptions): Promise<RankRow[]> {
    return this.store.all('analytics.rank', rankUnits(set, indicator, by, from, to, descending, limit, options));
  }

  readAvailability(indicators: readonly string[] | null): Promise<AvailabilityRow[]> {
    return this.store.all('analytics.availability', availability(indicators));
  }

  /** Writes the same rows as `readTableRows` to a file, in the given format, with DuckDB's writer. */
  async exportTable(set: SubjectSet, indicators: readonly string[], window: ValueWindow, options: ValueOptions, path: string, format: ExportFormat): Promise<void> {
    await this.store.all('analytics.table-export', copyTable(tableRows(set, indicators, window, options), path, format));
  }

  readTableRows(set: SubjectSet, indicators: readonly string[], window: ValueWindow, options: ValueOptions): Promise<PointRow[]> {
    return this.store.all('analytics.table-rows', tableRows(set, indicators, window, options));
  }

  async readTableColumns(set: SubjectSet, indicators: readonly string[], window: ValueWindow, options: ValueOptions): Promise<TableColumnsRow> {
    return (await this.store.vectors('analytics.table-columns', tableColumns(set, indicators, window, options))) as unknown as TableColumnsRow;
  }

  async readTablePacked(set: SubjectSet, indicators: readonly string[], window: ValueWindow, options: ValueOptions): Promise<PackedTableRow> {
    const c = await this.store.vectors('analytics.table-packed', tablePacked(set, indicators, window, options, QUALIFIERS), ['localityCodes', 'rowIndicators', 'rowStarts', 'periods', 'indicators']);
    const rowOffsets = c['rowStarts'] as number[];
    // Arrow's convention: one offset more than rows, so the last row's end needs no special case.
    rowOffsets.push((c['periodIndexes'] as number[]).length);
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

  readTablePivot(set: SubjectSet, indicators: readonly string[], window: ValueWindow, options: ValueOptions): Promise<(PivotRow & { periods: string[] })[]> {
    return this.store.all('analytics.table-pivot', tablePivot(set, indicators, window, options));
  }
}
