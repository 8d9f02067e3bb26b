/** Shapes the analytics statements return (see src/analytics/point-sql.ts). */
import type { ReportedChangeRow } from './rows.js';

export type ValueBasis = 'REPORTED' | 'COMPUTED' | 'ROLLED_UP' | 'FILLED' | 'RECONSTRUCTED' | 'MISSING';

export interface PointRow {
  subjectId: string;
  indicator: string;
  period: string;
  periodStart: string;
  periodEnd: string | null;
  granularity: string;
  value: number | null;
  qualifier: string | null;
  lower: number | null;
  upper: number | null;
  basis: ValueBasis;
  derived: boolean;
  sourceIds: string[];
  observationId: string | null;
  reporting: number | null;
  expected: number | null;
  filledFrom: string[] | null;
  /** When the latest input to the value was recorded (ISO 8601, UTC, milliseconds). */
  recordedAt: string | null;
  /**
   * How the value was obtained, with its inputs: a derived figure's formula as loaded, a ratio's
   * "em_members / members = 339 / 377", a rollup's coverage, a re-expressed value's terms.
   */
  formula?: string | null;
  /** The part of the unit a reported figure is about (with includeParts); null: the whole unit. */
  scope?: string | null;
}

/** A point's own columns, the ones a request can leave out (its subject is always there). */
export type PointField = Exclude<keyof PointRow, 'subjectId'>;

export const POINT_FIELDS: readonly PointField[] = [
  'indicator',
  'period',
  'periodStart',
  'periodEnd',
  'granularity',
  'value',
  'qualifier',
  'lower',
  'upper',
  'basis',
  'derived',
  'sourceIds',
  'observationId',
  'reporting',
  'expected',
  'filledFrom',
  'recordedAt',
  'formula',
  'scope',
];

export interface EstimateRow {
  value: number;
  lower: number | null;
  upper: number | null;
  qualifier: string;
  /** How it was computed, with its inputs as stated. */
  formula: string | null;
}

export interface ChangeRow {
  subjectId: string;
  from: PointRow | null;
  to: PointRow | null;
  years: number | null;
  absolute: EstimateRow | null;
  percent: EstimateRow | null;
  cagr: EstimateRow | null;
  index: EstimateRow | null;
  /** The two ends lie on two sides of a boundary change of the unit (see change-sql.ts). */
  crossesBoundaryChange: boolean;
  /** REPORTED: `absolute` is a change a source states (`reported`); COMPUTED: the later value minus the earlier. */
  basis: ChangeBasis;
  /** The later period directly follows the earlier one at the same length (see change-sql.ts). */
  consecutive: boolean;
  reported: ReportedChangeRow | null;
}

export type ChangeBasis = 'REPORTED' | 'COMPUTED';

/** A unit's place in a ranking, as the ranking statement gives it. */
export interface RankedUnit {
  subjectId: string;
  rank: number;
  peerCount: number;
  unitCount: number;
  sortValue: number;
}

export interface RankRow extends ChangeRow, RankedUnit {
  point: PointRow | null;
}

export interface PeerRow {
  subjectId: string;
  point: PointRow | null;
  parentPoint: PointRow | null;
  peerCount: number;
  peersReporting: number;
  median: number | null;
  minimum: number | null;
  maximum: number | null;
  rank: number | null;
  shareOfParent: EstimateRow | null;
}

export interface PartsRow {
  subjectId: string;
  period: string;
  reporting: number;
  expected: number;
  own: PointRow | null;
  children: PointRow | null;
  gap: EstimateRow | null;
}

export interface AvailabilityRow {
  indicator: string;
  kind: string;
  granularity: string;
  unitCount: number;
  observationCount: number;
  periodCount: number;
  periods: string[];
  earliest: string;
  latest: string;
}

export interface TableColumnsRow {
  subjectIds: string[];
  indicators: string[];
  periods: string[];
  values: (number | null)[];
  qualifiers: string[];
  lowers: (number | null)[];
  uppers: (number | null)[];
  sourceIds: (string | null)[];
  bases: string[];
}

/**
 * The table packed around shared axes (see `tablePacked`): rows are (unit, indicator) pairs,
 * each owning the points from rowOffsets[r] to rowOffsets[r + 1].
 */
export interface PackedTableRow {
  periods: string[];
  indicators: string[];
  qualifiers: readonly string[];
  localityCodes: string[];
  rowIndicators: number[];
  rowOffsets: number[];
  periodIndexes: number[];
  values: (number | null)[];
  qualifierIndexes: (number | null)[];
}

export interface PivotRow {
  subjectId: string;
  indicator: string;
  values: (number | null)[];
  qualifiers: (string | null)[];
}
