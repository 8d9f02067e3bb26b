import type { DescendantCount } from '../graphql/cost/cost-catalogue.js';
import { DOMAINS, type ValueType } from '../domain/indicator-semantics.js';
import type { StatementRunner } from '../store/store.js';
import type { HierarchySource } from '../hierarchy/hierarchy-cache.js';
import * as units from '../sql/units-sql.js';
import type { MatchCandidate } from '../units/name-matcher.js';
import * as catalog from '../sql/catalog-sql.js';
import * as obs from '../sql/observations-sql.js';
import * as lineage from '../sql/lineage-sql.js';
import * as quality from '../sql/data-quality-sql.js';
import * as people from '../sql/people-sql.js';
import * as reportedChanges from '../sql/reported-changes-sql.js';
import * as history from '../sql/history-sql.js';
import type {
  DocumentLinkRow,
  DocumentRow,
  FindingCountRow,
  FindingRow,
  PersonRow,
  ReportedChangeRow,
  RoleRow,
  IndicatorRow,
  LineageRow,
  LinkedUnitRow,
  ObservationRow,
  RowVersionRow,
  SourceRow,
  UnitRow,
} from '../domain/rows.js';

/**
 * Reads domain rows through the store; every method is one SQL statement, except that units and
 * their links come from the in-memory hierarchy once it is loaded (same rows).
 */
export class GrassrootsReader {
  constructor(
    private readonly store: StatementRunner,
    private readonly hierarchy: HierarchySource | null = null,
  ) {}

  readUnits(ids: readonly string[]): Promise<UnitRow[]> {
    const h = this.hierarchy?.current();
    return h ? Promise.resolve(h.units(ids)) : this.store.all('units.by-ids', units.unitsByIds(ids));
  }

  async readUnitByGsoCode(code: string, asOf: string | null): Promise<UnitRow | null> {
    const [row] = await this.store.all<UnitRow>('units.by-gso-code', units.unitByGsoCode(code, asOf));
    return row ?? null;
  }

  readCodedUnitsInForce(asOf: string): Promise<MatchCandidate[]> {
    return this.store.all('units.coded-in-force', units.codedUnitsInForce(asOf));
  }

  readVersionsOfGsoCode(code: string): Promise<UnitRow[]> {
    return this.store.all('units.versions-of-gso-code', units.versionsOfGsoCode(code));
  }

  searchUnits(search: units.UnitSearch): Promise<(UnitRow & { totalCount: number })[]> {
    return this.store.all('units.search', units.searchUnits(search));
  }

  readParents(ids: readonly string[], asOf: string | null): Promise<LinkedUnitRow[]> {
    const h = this.hierarchy?.current();
    if (h) return Promise.resolve(h.parents(ids, asOf));
    return this.store.all('units.parents', units.parentsOf(ids, asOf));
  }

  readAncestors(ids: readonly string[], asOf: string | null): Promise<LinkedUnitRow[]> {
    const h = this.hierarchy?.current();
    if (h) return Promise.resolve(h.ancestors(ids, asOf));
    return this.store.all('units.ancestors', units.ancestorsOf(ids, asOf));
  }

  async readDescendants(ids: readonly string[], query: units.DescendantQuery): Promise<LinkedUnitRow[]> {
    const h = this.hierarchy?.current();
    if (h) return h.descendants(ids, query);
    const found = await this.store.all<units.FoundDescendant>(
      'units.descendant-walk',
      units.descendantWalk(ids, query),
    );
    if (found.length === 0) return [];
    return this.store.all('units.descendants', units.descendantUnits(found, query));
  }

  readPartyOrganisationsIn(adminIds: readonly string[]): Promise<UnitRow[]> {
    const h = this.hierarchy?.current();
    if (h) return Promise.resolve(h.partyOrganisationsIn(adminIds));
    return this.store.all('units.party-organisations', units.partyOrganisationsIn(adminIds));
  }

  async readDataVersion(): Promise<string> {
    const [row] = await this.store.all<{ imports: number; lastImport: number; lastImportAt: string }>(
      'catalog.data-version',
      catalog.dataVersion(),
    );
    return `${row?.imports ?? 0}-${row?.lastImport ?? 0}-${row?.lastImportAt ?? ''}`;
  }

  readMostDescendantsByKind(): Promise<DescendantCount[]> {
    return this.store.all('catalog.most-descendants', catalog.mostDescendantsByKind());
  }

  readUnitCountsByKind(): Promise<{ kind: string; units: number }[]> {
    return this.store.all('catalog.unit-counts', catalog.unitCountsByKind());
  }

  async readIndicators(): Promise<IndicatorRow[]> {
    const rows = await this.store.all<Omit<IndicatorRow, 'domain'>>('catalog.indicators', catalog.allIndicators());
    return rows.map((r) => ({ ...r, domain: DOMAINS[r.valueType as ValueType] ?? DOMAINS.AMOUNT }));
  }

  readSources(ids: readonly string[]): Promise<SourceRow[]> {
    return this.store.all('catalog.sources', catalog.sourcesByIds(ids));
  }

  listSources(): Promise<SourceRow[]> {
    return this.store.all('catalog.all-sources', catalog.allSources());
  }

  readPeople(ids: readonly string[]): Promise<PersonRow[]> {
    return this.store.all('people.by-id', people.peopleByIds(ids));
  }

  searchPeople(search: string | null, offset: number, limit: number): Promise<(PersonRow & { totalCount: number })[]> {
    return this.store.all('people.search', people.searchPeople(search, offset, limit));
  }

  readRolesInUnits(unitIds: readonly string[], filter: people.RoleFilter): Promise<RoleRow[]> {
    return this.store.all('people.roles-in-units', people.rolesInUnits(unitIds, filter));
  }

  /** Changes the sources state for these units (of these indicators; null: all), with quote and source. */
  readReportedChanges(unitIds: readonly string[], indicators: readonly string[] | null): Promise<ReportedChangeRow[]> {
    return this.store.all('reported-changes.of-units', reportedChanges.reportedChangesOf(unitIds, indicators));
  }

  readRolesOfPeople(personIds: readonly string[]): Promise<RoleRow[]> {
    return this.store.all('people.roles-of-people', people.rolesOfPeople(personIds));
  }

  readDocuments(ids: readonly string[]): Promise<DocumentRow[]> {
    return this.store.all('catalog.documents', catalog.documentsByIds(ids));
  }

  listDocuments(): Promise<DocumentRow[]> {
    return this.store.all('catalog.all-documents', catalog.allDocuments());
  }

  readDocumentLinksForUnits(unitIds: readonly string[]): Promise<DocumentLinkRow[]> {
    return this.store.all('catalog.document-links-by-unit', catalog.documentLinksForUnits(unitIds));
  }

  readDocumentLinksForDocuments(documentIds: readonly string[]): Promise<DocumentLinkRow[]> {
    return this.store.all('catalog.document-links-by-document', catalog.documentLinksForDocuments(documentIds));
  }

  readObservations(subjectIds: readonly string[], filter: obs.ObservationFilter): Promise<ObservationRow[]> {
    return this.store.all('observations.of-subjects', obs.observationsOf(subjectIds, filter));
  }

  readLineage(unitIds: readonly string[]): Promise<LineageRow[]> {
    return this.store.all('units.lineage', lineage.lineageOf(unitIds));
  }

  countFindings(filter: quality.FindingFilter): Promise<FindingCountRow[]> {
    return this.store.all('quality.counts', quality.findingCounts(filter));
  }

  readFindings(
    filter: quality.FindingFilter,
    offset: number,
    limit: number,
  ): Promise<(FindingRow & { totalCount: number })[]> {
    return this.store.all('quality.findings', quality.findingsPage(filter, offset, limit));
  }

  readRowHistory(table: string, key: string): Promise<RowVersionRow[]> {
    return this.store.all('history.of-row', history.rowHistory(table, key));
  }

  readRevisions(ids: readonly string[]): Promise<(ObservationRow & { anchorId: string })[]> {
    return this.store.all('observations.revisions', obs.revisionsOf(ids));
  }

  readObservationsByIds(ids: readonly string[]): Promise<ObservationRow[]> {
    return this.store.all('observations.by-ids', obs.observationsByIds(ids));
  }

  readObservationsFromSources(sourceIds: readonly string[]): Promise<ObservationRow[]> {
    return this.store.all('observations.from-sources', obs.observationsFromSources(sourceIds));
  }
}
