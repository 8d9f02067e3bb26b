import DataLoaderImpl from 'dataloader';
type DataLoader<K, V, C = K> = DataLoaderImpl<K, V, C>;
import type { GrassrootsReader } from '../readers/grassroots-reader.js';
import type { AnalyticsReader } from '../readers/analytics-reader.js';
import type { ChangeArgs, LatestArgs, PartsArgs, PeerArgs, SeriesArgs, YoyArgs } from '../values/value-request.js';
import type { ChangeRow, PartsRow, PeerRow, PointRow } from '../domain/analytics-rows.js';
import type { DescendantQuery } from '../sql/units-sql.js';
import type { ObservationFilter } from '../sql/observations-sql.js';
import type {
  DocumentLinkRow,
  DocumentRow,
  IndicatorRow,
  LineageRow,
  LinkedUnitRow,
  ObservationRow,
  PersonRow,
  ReportedChangeRow,
  RoleRow,
  SourceRow,
  UnitRow,
} from '../domain/rows.js';
import type { RoleFilter } from '../sql/people-sql.js';
import { byIdLoader, groupedLoader, indicatorGroupedLoader } from './grouped-loader.js';
import { memoryFirst, type KeyLoader } from './memory-first.js';

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
  consecutiveChanges: DataLoader<{ id: string; args: YoyArgs }, ChangeRow[], string>;
  reportedChanges: DataLoader<{ id: string; args: string | null }, ReportedChangeRow[], string>;
  latest: KeyLoader<{ id: string; args: LatestArgs }, PointRow | null>;
  peers: DataLoader<{ id: string; args: PeerArgs }, PeerRow | null, string>;
  totalsAndParts: DataLoader<{ id: string; args: PartsArgs }, PartsRow[], string>;
  granularities: DataLoader<string, string[]>;
  source: DataLoader<string, SourceRow | null>;
  document: DataLoader<string, DocumentRow | null>;
  documentLinksOfUnit: DataLoader<{ id: string; args: null }, DocumentLinkRow[], string>;
  documentLinksOfDocument: DataLoader<{ id: string; args: null }, DocumentLinkRow[], string>;
  observationsOfSource: DataLoader<{ id: string; args: null }, ObservationRow[], string>;
  observation: DataLoader<string, ObservationRow | null>;
  lineage: DataLoader<{ id: string; args: null }, LineageRow[], string>;
  history: DataLoader<{ id: string; args: null }, ObservationRow[], string>;
  person: DataLoader<string, PersonRow | null>;
  rolesInUnit: DataLoader<{ id: string; args: RoleFilter }, RoleRow[], string>;
  rolesOfPerson: DataLoader<{ id: string; args: null }, RoleRow[], string>;
  indicators: () => Promise<Map<string, IndicatorRow>>;
}

const all = <T>(rows: T[]) => rows;
const first = <T>(rows: T[]) => rows[0] ?? null;

/**
 * Loaders for one request: never shared, so one request's cache never answers another's. They
 * only batch: which source answers is the readers' decision (values/value-chain.ts).
 */
export function createLoaders(reader: GrassrootsReader, analytics: AnalyticsReader): Loaders {
  let indicators: Promise<Map<string, IndicatorRow>> | null = null;
  const catalogue = () =>
    (indicators ??= reader.readIndicators().then((rows) => new Map(rows.map((r) => [r.code, r]))));
  return {
    unit: byIdLoader(
      (ids) => reader.readUnits(ids),
      (r) => r.id,
    ),
    parent: groupedLoader({
      load: (ids, asOf: string | null) => reader.readParents(ids, asOf),
      idOf: (r) => r.anchorId,
      collect: first,
    }),
    ancestors: groupedLoader({
      load: (ids, asOf: string | null) => reader.readAncestors(ids, asOf),
      idOf: (r) => r.anchorId,
      collect: all,
    }),
    descendants: groupedLoader({
      load: (ids, q: DescendantArgs) => reader.readDescendants(ids, q),
      idOf: (r) => r.anchorId,
      collect: all,
    }),
    partyOrganisations: groupedLoader({
      load: (ids, _: null) => reader.readPartyOrganisationsIn(ids),
      idOf: (r) => r.adminUnitId ?? '',
      collect: all,
    }),
    observations: groupedLoader({
      load: (ids, f: ObservationFilter) => reader.readObservations(ids, f),
      idOf: (r) => r.subjectId,
      collect: all,
    }),
    // What the reader can answer at once (from memory) skips the batch; the rest is batched.
    series: memoryFirst(
      ({ id, args }) => analytics.seriesAtOnce(id, args),
      indicatorGroupedLoader({
        load: (ids, indicators, args: SeriesArgs) => analytics.readSeriesOf(ids, indicators, args),
        idOf: (r) => r.subjectId,
        indicatorOf: (r) => r.point.indicator,
        collect: (rows) => rows.map((r) => r.point),
      }),
    ),
    change: groupedLoader({
      load: (ids, a: ChangeArgs) => analytics.readChanges(ids, a.indicator, a.from, a.to, a.options),
      idOf: (r) => r.subjectId,
      collect: first,
    }),
    consecutiveChanges: groupedLoader({
      load: (ids, a: YoyArgs) =>
        analytics.readConsecutiveChanges(ids, a.indicator, a.window, a.options, a.includeWiderSteps),
      idOf: (r) => r.subjectId,
      collect: all,
    }),
    latest: memoryFirst(
      ({ id, args }) => analytics.latestAtOnce(id, args),
      indicatorGroupedLoader({
        load: (ids, indicators, args: LatestArgs) => analytics.readLatest(ids, indicators, args.options, args.fields),
        idOf: (r) => r.subjectId,
        indicatorOf: (r) => r.point.indicator,
        collect: (rows) => rows[0]?.point ?? null,
      }),
    ),
    reportedChanges: groupedLoader({
      load: (ids, indicator: string | null) => reader.readReportedChanges(ids, indicator === null ? null : [indicator]),
      idOf: (r) => r.subjectId,
      collect: all,
    }),
    peers: groupedLoader({
      load: (ids, a: PeerArgs) => analytics.readPeers(ids, a.indicator, a.period, a.options),
      idOf: (r) => r.subjectId,
      collect: first,
    }),
    totalsAndParts: groupedLoader({
      load: (ids, a: PartsArgs) => analytics.readTotalsAndParts(ids, a.indicator, a.childKind, a.window, a.options),
      idOf: (r) => r.subjectId,
      collect: all,
    }),
    granularities: new DataLoaderImpl<string, string[]>(async (codes) =>
      Promise.all(codes.map((c) => analytics.readGranularities(c))),
    ),
    source: byIdLoader(
      (ids) => reader.readSources(ids),
      (r) => r.id,
    ),
    document: byIdLoader(
      (ids) => reader.readDocuments(ids),
      (r) => r.id,
    ),
    documentLinksOfUnit: groupedLoader({
      load: (ids, _: null) => reader.readDocumentLinksForUnits(ids),
      idOf: (r) => r.unitId,
      collect: all,
    }),
    documentLinksOfDocument: groupedLoader({
      load: (ids, _: null) => reader.readDocumentLinksForDocuments(ids),
      idOf: (r) => r.documentId,
      collect: all,
    }),
    observationsOfSource: groupedLoader({
      load: (ids, _: null) => reader.readObservationsFromSources(ids),
      idOf: (r) => r.sourceId,
      collect: all,
    }),
    observation: byIdLoader(
      (ids) => reader.readObservationsByIds(ids),
      (r) => r.id,
    ),
    lineage: groupedLoader({ load: (ids, _: null) => reader.readLineage(ids), idOf: (r) => r.anchorId, collect: all }),
    person: byIdLoader(
      (ids) => reader.readPeople(ids),
      (r) => r.id,
    ),
    rolesInUnit: groupedLoader({
      load: (ids, f: RoleFilter) => reader.readRolesInUnits(ids, f),
      idOf: (r) => r.unitId,
      collect: all,
    }),
    rolesOfPerson: groupedLoader({
      load: (ids, _: null) => reader.readRolesOfPeople(ids),
      idOf: (r) => r.personId,
      collect: all,
    }),
    history: groupedLoader({
      load: (ids, _: null) => reader.readRevisions(ids),
      idOf: (r) => r.anchorId,
      collect: all,
    }),
    indicators: catalogue,
  };
}
