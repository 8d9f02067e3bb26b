import type { Domain } from './indicator-semantics.js';
/** Rows as the data-access layer hands them to the GraphQL layer (camelCase, dates as ISO strings). */

export const UNIT_KINDS = ['PROVINCE', 'DISTRICT', 'COMMUNE', 'VILLAGE', 'PARTY_COMMITTEE', 'PARTY_CELL'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const QUALIFIERS = [
  'EXACT',
  'MORE_THAN',
  'NEARLY',
  'JUST_OVER',
  'ABOUT',
  'AT_LEAST',
  'LESS_THAN',
  'AT_MOST',
] as const;
export type QualifierCode = (typeof QUALIFIERS)[number];

export interface UnitRow {
  id: string;
  kind: UnitKind;
  name: string;
  level: string | null;
  adminUnitId: string | null;
  validFrom: string | null;
  validTo: string | null;
  sourceId: string | null;
  note: string | null;
  /** GSO code of an administrative unit version (one code may name several versions over time). */
  gsoCode: string | null;
  /** PROVINCE, CENTRAL_CITY, DISTRICT ... (src/units/unit-types.ts); null when not known. */
  unitType: string | null;
  nameEn: string | null;
}

/** A unit reached through a hierarchy edge, with the edge's own validity. */
export interface LinkedUnitRow extends UnitRow {
  anchorId: string; // the unit the edge was followed from
  linkValidFrom: string | null;
  linkValidTo: string | null;
  depth: number;
  totalCount: number;
}

export interface ObservationRow {
  id: string;
  subjectId: string;
  indicator: string;
  period: string;
  periodStart: string;
  periodEnd: string | null;
  granularity: string;
  value: number;
  qualifier: QualifierCode;
  lower: number | null;
  upper: number | null;
  sourceId: string;
  derived: boolean;
  formula: string | null;
  quote: string | null;
  note: string | null;
  /** The part of the unit the figure is about; null: the whole unit. */
  scope: string | null;
  recordedAt: string;
  /** True for a point rebuilt from predecessors (series on today's geography). */
  reconstructed?: boolean;
}

/** A change a source states between two periods (reported_changes), as a signed value with its interval. */
export interface ReportedChangeRow {
  id: string;
  subjectId: string;
  indicator: string;
  fromPeriod: string;
  toPeriod: string;
  value: number;
  qualifier: QualifierCode;
  lower: number | null;
  upper: number | null;
  sourceId: string;
  quote: string | null;
  note: string | null;
  recordedAt: string;
}

/** A lineage edge seen from `anchorId`: the unit on the other end and how they are related. */
export interface LineageRow {
  anchorId: string;
  direction: 'PREDECESSOR' | 'SUCCESSOR';
  otherId: string | null;
  kind: string;
  changedOn: string;
  /** Share of the predecessor the successor took; null when no source gives it. */
  weight: number | null;
  sourceId: string;
  /** Other sources that state the same change. */
  alsoSourceIds: string[] | null;
  note: string | null;
}

export interface SourceRow {
  id: string;
  kind: string;
  title: string;
  publisher: string | null;
  author: string | null;
  published: string | null;
  url: string | null;
  seedFile: string | null;
  note: string | null;
}

export interface IndicatorRow {
  code: string;
  name: string;
  unit: string;
  valueType: string;
  aggregation: string;
  numerator: string | null;
  denominator: string | null;
  description: string;
  /** STOCK or FLOW (src/domain/indicator-semantics.ts). */
  measure: string;
  /** The values it can take, from its value type. */
  domain: Domain;
}

export interface DocumentRow {
  id: string;
  number: string;
  kind: string;
  title: string;
  issuer: string;
  issuedOn: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  periodNote: string | null;
  sourceId: string;
  quote: string | null;
}

export interface DocumentLinkRow {
  documentId: string;
  unitId: string;
  role: string;
  sourceId: string;
}

/** One finding of a data-quality report (see src/national/findings.ts for the kinds). */
export interface FindingRow {
  kind: string;
  severity: string;
  unitId: string | null;
  otherUnitId: string | null;
  message: string;
  sourceIds: string[];
}

export interface FindingCountRow {
  kind: string;
  severity: string;
  count: number;
}

/** A person a source names (src/people/roles.ts lists the roles). */
export interface PersonRow {
  id: string;
  name: string;
  partyMember: boolean | null;
  partyJoined: string | null;
  sourceId: string;
  quote: string | null;
  note: string | null;
}

/** A role a person held in a unit or Party organisation during a period, as a source states it. */
export interface RoleRow {
  personId: string;
  role: string;
  unitId: string;
  period: string;
  periodStart: string;
  periodEnd: string | null;
  title: string;
  sourceId: string;
  quote: string;
  note: string | null;
}

/** One earlier version of a row (row_history): what a later load replaced or a re-import retired. */
export interface RowVersionRow {
  table: string;
  key: string;
  /** The whole row as it was, as JSON text. */
  row: string;
  change: string;
  writtenBy: number;
  writtenByKind: string;
  replacedBy: number;
  replacedByKind: string;
  replacedAt: string;
}
