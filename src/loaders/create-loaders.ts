import DataLoaderImpl from 'dataloader';
type DataLoader<K, V, C = K> = DataLoaderImpl<K, V, C>;
import type { GrassrootsReader } from '../readers/grassroots-reader.js';
import type { AnalyticsReader } from '../readers/analytics-reader.js';
import type { ValueOptions, ValueWindow } from '../analytics/values-sql.js';
import type { Fill, Granularity } from '../analytics/series-sql.js';
import { canUseReportedPath } from '../analytics/reported-sql.js';
import type { ChangeRow, PartsRow, PeerRow, PointField, PointRow } from '../domain/analytics-rows.js';
import type { DescendantQuery } from '../sql/units-sql.js';
import type { ObservationFilter, Reconstruction } from '../sql/observations-sql.js';
import type { DocumentLinkRow, DocumentRow, IndicatorRow, LineageRow, LinkedUnitRow, ObservationRow, SourceRow, UnitRow } from '../domain/rows.js';
import { byIdLoader, groupedLoader, indicatorGroupedLoader } from './grouped-loader.js';
import { memoryFirst, type KeyLoader } from './memory-first.js';

export interface SeriesArgs {
  indicator: string;
  window: ValueWindow;
  options: ValueOptions;
  grid: { granularity: Granularity; fill: Fill } | null;
  /** Set for a series on today's geography: how to rebuild it from predecessors (lineage). */
  reconstruction: Reconstruction | null;
  /** The point fields the request reads (null: all); served lookups return just those. */
  fields: readonly PointField[] | null;
}

export interface LatestArgs {
  indicator: string;
  options: ValueOptions;
  /** As in SeriesArgs. */
  fields: readonly PointField[] | null;
}

/** A rebuilt or recorded observation as a series point (the lineage path reads observations). */
function observationPoint(row: ObservationRow & { reconstructed?: boolean }): PointRow {
  return {
    subjectId: row.subjectId, indicator: row.indicator, period: row.period, periodStart: row.periodStart, periodEnd: row.periodEnd,
    granularity: row.granularity, value: row.value, qualifier: row.qualifier, lower: row.lower, upper: row.upper,
    basis: row.reconstructed ? 'RECONSTRUCTED' : 'REPORTED', derived: row.derived || Boolean(row.reconstructed),
    sourceIds: [row.sourceId], observationId: row.reconstructed ? null : row.id, reporting: null, expected: null, filledFrom: null,
    recordedAt: row.recordedAt, formula: row.reconstructed ? row.formula : null,
  };
}

export interface ChangeArgs {
  indicator: string;
  from: string;
  to: string;
  options: ValueOptions;
}

export interface WindowArgs {
  indicator: string;
  window: { from: string | null; to: string | null };
  options: ValueOptions;
}

export type DescendantArgs = DescendantQuery;

export interface Loaders {
  unit: DataLoader<string, UnitRow | null>;
  parent: DataLoader<{ id: string; args: string | null }, LinkedUnitRow | null, string>;
  ancestors: DataLoader<{ id: string; args: string | null }, LinkedUnitRow[], string>;
  descendants: DataLoader<{ id: string; args: DescendantArgs }, LinkedUnitRow[], string>;
  partyOrganisations: DataLoader<{ id: string; args: null }, UnitRow[], string>;
  observations: DataLoader<{ id: string; args: ObservationFilter }, ObservationRow[], string>;
  series: KeyLoader<{ id: string; args: SeriesArgs }, PointRow[]>;
  change: DataLoader<{ id: string; args: ChangeArgs }, ChangeRow | null, string>;
  consecutiveChanges: DataLoader<{ id: string; args: WindowArgs }, ChangeRow[], string>;
  latest: KeyLoader<{ id: string; args: LatestArgs }, PointRow | null>;
  peers: DataLoader<{ id: string; args: { indicator: string; period: string; options: ValueOptions } }, PeerRow | null, string>;
  totalsAndParts: DataLoader<{ id: string; args: WindowArgs & { childKind: string } }, PartsRow[], string>;
  granularities: DataLoader<string, string[]>;
  source: DataLoader<string, SourceRow | null>;
  document: DataLoader<string, DocumentRow | null>;
  documentLinksOfUnit: DataLoader<{ id: string; args: null }, DocumentLinkRow[], string>;
  documentLinksOfDocument: DataLoader<{ id: string; args: null }, DocumentLinkRow[], string>;
  observationsOfSource: DataLoader<{ id: string; args: null }, ObservationRow[], string>;
  observation: DataLoader<string, ObservationRow | null>;
  lineage: DataLoader<{ id: string; args: null }, LineageRow[], string>;
  history: DataLoader<{ id: string; args: null }, ObservationRow[], string>;
  indicators: () => Promise<Map<string, IndicatorRow>>;
}

const all = <T>(rows: T[]) => rows;
const first = <T>(rows: T[]) => rows[0] ?? null;

/** Loaders for one request: never shared, so one request's cache never answers another's. */
export function createLoaders(reader: GrassrootsReader, analytics: AnalyticsReader): Loaders {
  let indicators: Promise<Map<string, IndicatorRow>> | null = null;
  const catalogue = () => (indicators ??= reader.readIndicators().then((rows) => new Map(rows.map((r) => [r.code, r]))));
  // A ratio may have to be computed from its parts, so it never takes the lean reported path.
  const isRatio = async (code: string) => (await catalogue()).get(code)?.aggregation === 'RATIO';
  // A fresh serving layer answers faster still; the lean path is for stores without one.
  const lean = async (options: ValueOptions, indicator: string) => !analytics.serves(options) && canUseReportedPath(options, await isRatio(indicator));
  return {
    unit: byIdLoader((ids) => reader.readUnits(ids), (r) => r.id),
    parent: groupedLoader({ load: (ids, asOf: string | null) => reader.readParents(ids, asOf), idOf: (r) => r.anchorId, collect: first }),
    ancestors: groupedLoader({ load: (ids, asOf: string | null) => reader.readAncestors(ids, asOf), idOf: (r) => r.anchorId, collect: all }),
    descendants: groupedLoader({ load: (ids, q: DescendantArgs) => reader.readDescendants(ids, q), idOf: (r) => r.anchorId, collect: all }),
    partyOrganisations: groupedLoader({ load: (ids, _: null) => reader.readPartyOrganisationsIn(ids), idOf: (r) => r.adminUnitId ?? '', collect: all }),
    observations: groupedLoader({ load: (ids, f: ObservationFilter) => reader.readObservations(ids, f), idOf: (r) => r.subjectId, collect: all }),
    // Plain series and latest values come from the hot copy at once where it holds them.
    series: memoryFirst(({ id, args: a }) => (a.grid === null && a.reconstruction === null ? analytics.seriesInMemory(id, a.indicator, a.window, a.options, a.fields) : undefined), indicatorGroupedLoader({
      load: async (ids, indicators, a: SeriesArgs) => {
        if (indicators.length > 1) return analytics.readSeries(ids, indicators, a.window, a.options, a.fields);
        if (a.reconstruction !== null) {
          const filter: ObservationFilter = { indicators: [a.indicator], from: a.window.from, to: a.window.to, asOf: a.options.recordedAsOf, updatedAfter: a.options.updatedAfter };
          const preference = a.options.earliestPublication ? 'EARLIEST_PUBLICATION' : 'MOST_RECENT_PUBLICATION';
          const rows = await reader.readReconstructedSeries(ids, filter, preference, a.options.preferredSource, a.reconstruction);
          return rows.map((row) => ({ subjectId: row.subjectId, point: observationPoint(row) }));
        }
        if (a.grid !== null) return analytics.readSeriesOnGrid(ids, a.indicator, a.window, a.options, a.grid.granularity, a.grid.fill);
        return await lean(a.options, a.indicator)
          ? analytics.readReportedSeries(ids, a.indicator, a.window, a.options)
          : analytics.readSeries(ids, [a.indicator], a.window, a.options, a.fields);
      },
      // Served plain series share statements across indicators; grids, lineage and computed paths do not.
      acrossIndicators: (a) => a.grid === null && a.reconstruction === null && analytics.serves(a.options),
      idOf: (r) => r.subjectId,
      indicatorOf: (r) => r.point.indicator,
      collect: (rows) => rows.map((r) => r.point),
    })),
    change: groupedLoader({ load: (ids, a: ChangeArgs) => analytics.readChanges(ids, a.indicator, a.from, a.to, a.options), idOf: (r) => r.subjectId, collect: first }),
    consecutiveChanges: groupedLoader({ load: (ids, a: WindowArgs) => analytics.readConsecutiveChanges(ids, a.indicator, a.window, a.options), idOf: (r) => r.subjectId, collect: all }),
    latest: memoryFirst(({ id, args: a }) => analytics.latestInMemory(id, a.indicator, a.options, a.fields), indicatorGroupedLoader({
      load: async (ids, indicators, a: LatestArgs) => indicators.length === 1 && await lean(a.options, a.indicator)
        ? analytics.readReportedLatest(ids, a.indicator, a.options)
        : analytics.readLatest(ids, indicators, a.options, a.fields),
      acrossIndicators: (a) => analytics.serves(a.options),
      idOf: (r) => r.subjectId,
      indicatorOf: (r) => r.point.indicator,
      collect: (rows) => rows[0]?.point ?? null,
    })),
    peers: groupedLoader({
      load: (ids, a: { indicator: string; period: string; options: ValueOptions }) => analytics.readPeers(ids, a.indicator, a.period, a.options),
      idOf: (r) => r.subjectId,
      collect: first,
    }),
    totalsAndParts: groupedLoader({
      load: (ids, a: WindowArgs & { childKind: string }) => analytics.readTotalsAndParts(ids, a.indicator, a.childKind, a.window, a.options),
      idOf: (r) => r.subjectId,
      collect: all,
    }),
    granularities: new DataLoaderImpl<string, string[]>(async (codes) => Promise.all(codes.map((c) => analytics.readGranularities(c)))),
    source: byIdLoader((ids) => reader.readSources(ids), (r) => r.id),
    document: byIdLoader((ids) => reader.readDocuments(ids), (r) => r.id),
    documentLinksOfUnit: groupedLoader({ load: (ids, _: null) => reader.readDocumentLinksForUnits(ids), idOf: (r) => r.unitId, collect: all }),
    documentLinksOfDocument: groupedLoader({ load: (ids, _: null) => reader.readDocumentLinksForDocuments(ids), idOf: (r) => r.documentId, collect: all }),
    observationsOfSource: groupedLoader({ load: (ids, _: null) => reader.readObservationsFromSources(ids), idOf: (r) => r.sourceId, collect: all }),
    observation: byIdLoader((ids) => reader.readObservationsByIds(ids), (r) => r.id),
    lineage: groupedLoader({ load: (ids, _: null) => reader.readLineage(ids), idOf: (r) => r.anchorId, collect: all }),
    history: groupedLoader({ load: (ids, _: null) => reader.readRevisions(ids), idOf: (r) => r.anchorId, collect: all }),
    indicators: catalogue,
  };
}
