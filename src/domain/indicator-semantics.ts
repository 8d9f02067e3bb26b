/**
 * What an indicator's numbers mean, declared once: the domain its values live in (by value type)
 * and whether it is a stock or a flow. The load checks (src/ingest/tables.ts) refuse figures
 * outside the domain and the value layer (src/analytics/values-sql.ts) clips computed intervals
 * to it, both from the table below, so a rule cannot hold on one side and not the other.
 */

export const VALUE_TYPES = ['COUNT', 'SHARE', 'AREA', 'AMOUNT'] as const;
export type ValueType = (typeof VALUE_TYPES)[number];

export interface Domain {
  /** Smallest possible value; null: unbounded below. */
  readonly min: number | null;
  /** Largest possible value; null: unbounded above. */
  readonly max: number | null;
  /** Whether values are whole numbers (a count of people). */
  readonly whole: boolean;
  /** How the domain reads in an error message or a description. */
  readonly words: string;
}

/**
 * COUNT: persons, households, organisations; SHARE: a part of a whole (0 to 1); AREA: hectares;
 * AMOUNT: any other quantity, such as a ratio that may exceed 1 (target attainment), unbounded
 * because the catalogue cannot know its sign.
 */
export const DOMAINS: Readonly<Record<ValueType, Domain>> = {
  COUNT: { min: 0, max: null, whole: true, words: 'a count is a whole number of at least 0' },
  SHARE: { min: 0, max: 1, whole: false, words: 'a share lies between 0 and 1' },
  AREA: { min: 0, max: null, whole: false, words: 'an area is at least 0' },
  AMOUNT: { min: null, max: null, whole: false, words: 'an amount may take any value' },
};

/**
 * STOCK: a level at a moment (Party members at the end of the year): it persists, so a gap may be
 * carried from the previous level, and a coarser period takes the level at its end.
 * FLOW: an amount during a period (members admitted in 2025): a gap is unknown, never the previous
 * year's amount, and a coarser period sums its sub-periods.
 */
export const MEASURES = ['STOCK', 'FLOW'] as const;
export type Measure = (typeof MEASURES)[number];

/** Indicators loaded without a measure (files written before it was a column) are levels. */
export const DEFAULT_MEASURE: Measure = 'STOCK';

const sqlNumber = (n: number | null) => (n === null ? 'NULL' : String(n));

/**
 * SQL: the domain bound of an indicator whose value type is the expression `valueType` (a column),
 * NULL where unbounded. Static text built from the table above, never from input.
 */
export function domainBoundSql(valueType: string, bound: 'min' | 'max'): string {
  const arms = VALUE_TYPES.map((t) => `WHEN '${t}' THEN ${sqlNumber(DOMAINS[t][bound])}`).join(' ');
  return `(CASE ${valueType} ${arms} ELSE NULL END)::DOUBLE`;
}

/** The value types with a bound below (for the load checks' "cannot be negative" family). */
export const typesWith = (pick: (d: Domain) => boolean): ValueType[] => VALUE_TYPES.filter((t) => pick(DOMAINS[t]));

/** `('A','B')` for SQL IN lists. */
export const sqlList = (values: readonly string[]): string => `(${values.map((v) => `'${v}'`).join(',')})`;
