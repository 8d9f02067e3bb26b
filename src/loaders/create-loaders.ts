import type DataLoader from 'dataloader';
import type { GrassrootsReader } from '../readers/grassroots-reader.js';
import type { DescendantQuery } from '../sql/units-sql.js';
import type { ObservationFilter, Reconstruction, SourcePreference } from '../sql/observations-sql.js';
import type { DocumentLinkRow, DocumentRow, IndicatorRow, LineageRow, LinkedUnitRow, ObservationRow, SourceRow, UnitRow } from '../domain/rows.js';
import { byIdLoader, groupedLoader } from './grouped-loader.js';

export interface SeriesArgs {
  filter: ObservationFilter;
  preference: SourcePreference;
  preferredSource: string | null;
  /** Set for a series on today's geography: how to rebuild it from predecessors. */
  reconstruction: Reconstruction | null;
}

export type DescendantArgs = DescendantQuery;

export interface Loaders {
  unit: DataLoader<string, UnitRow | null>;
  parent: DataLoader<{ id: string; args: string | null }, LinkedUnitRow | null, string>;
  ancestors: DataLoader<{ id: string; args: string | null }, LinkedUnitRow[], string>;
  descendants: DataLoader<{ id: string; args: DescendantArgs }, LinkedUnitRow[], string>;
  partyOrganisations: DataLoader<{ id: string; args: null }, UnitRow[], string>;
  observations: DataLoader<{ id: string; args: ObservationFilter }, ObservationRow[], string>;
  series: DataLoader<{ id: string; args: SeriesArgs }, ObservationRow[], string>;
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
export function createLoaders(reader: GrassrootsReader): Loaders {
  let indicators: Promise<Map<string, IndicatorRow>> | null = null;
  return {
    unit: byIdLoader((ids) => reader.readUnits(ids), (r) => r.id),
    parent: groupedLoader({ load: (ids, asOf: string | null) => reader.readParents(ids, asOf), idOf: (r) => r.anchorId, collect: first }),
    ancestors: groupedLoader({ load: (ids, asOf: string | null) => reader.readAncestors(ids, asOf), idOf: (r) => r.anchorId, collect: all }),
    descendants: groupedLoader({ load: (ids, q: DescendantArgs) => reader.readDescendants(ids, q), idOf: (r) => r.anchorId, collect: all }),
    partyOrganisations: groupedLoader({ load: (ids, _: null) => reader.readPartyOrganisationsIn(ids), idOf: (r) => r.adminUnitId ?? '', collect: all }),
    observations: groupedLoader({ load: (ids, f: ObservationFilter) => reader.readObservations(ids, f), idOf: (r) => r.subjectId, collect: all }),
    series: groupedLoader({
      load: (ids, a: SeriesArgs) => a.reconstruction
        ? reader.readReconstructedSeries(ids, a.filter, a.preference, a.preferredSource, a.reconstruction)
        : reader.readSeries(ids, a.filter, a.preference, a.preferredSource),
      idOf: (r) => r.subjectId,
      collect: all,
    }),
    source: byIdLoader((ids) => reader.readSources(ids), (r) => r.id),
    document: byIdLoader((ids) => reader.readDocuments(ids), (r) => r.id),
    documentLinksOfUnit: groupedLoader({ load: (ids, _: null) => reader.readDocumentLinksForUnits(ids), idOf: (r) => r.unitId, collect: all }),
    documentLinksOfDocument: groupedLoader({ load: (ids, _: null) => reader.readDocumentLinksForDocuments(ids), idOf: (r) => r.documentId, collect: all }),
    observationsOfSource: groupedLoader({ load: (ids, _: null) => reader.readObservationsFromSources(ids), idOf: (r) => r.sourceId, collect: all }),
    observation: byIdLoader((ids) => reader.readObservationsByIds(ids), (r) => r.id),
    lineage: groupedLoader({ load: (ids, _: null) => reader.readLineage(ids), idOf: (r) => r.anchorId, collect: all }),
    history: groupedLoader({ load: (ids, _: null) => reader.readRevisions(ids), idOf: (r) => r.anchorId, collect: all }),
    indicators: () => (indicators ??= reader.readIndicators().then((rows) => new Map(rows.map((r) => [r.code, r])))),
  };
}
