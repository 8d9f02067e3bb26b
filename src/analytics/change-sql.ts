import { sql, raw, join, type Fragment } from '../store/sql.js';
import { valuesCtes, type SubjectSet, type ValueOptions } from './values-sql.js';
import { pointStruct } from './point-sql.js';
import { sourcePreferenceKey } from '../sql/source-preference-sql.js';
import { reportedChangeRevisions, reportedChangeStruct } from '../sql/reported-changes-sql.js';
import {
  CHANGE_MEASURES,
  ESTIMATE_FIELDS,
  EVERY_ESTIMATE_FIELD,
  type ChangeMeasure,
  type EstimateField,
  type RankColumns,
} from '../domain/change-measures.js';
import {
  compoundRate,
  derivedQualifier,
  divide,
  minus,
  numberText,
  offset,
  qualifiedText,
  scale,
  triple,
  type Triple,
} from './interval-sql.js';

/*
 * A change compares the value `a` of an earlier period with the value `b` of a later one. Where a
 * source states the change itself (a reported change, `r`: "down by more than 20 compared to
 * 2024"), the change is that claim, not the difference of the levels: the rule is here once, in
 * the columns every change statement (change, yoy, change rankings) selects.
 */

/** A NULL of each estimate field's type, for the fields a statement leaves out. */
const NO_FIELD: Record<EstimateField, string> = {
  value: 'NULL::DOUBLE',
  lower: 'NULL::DOUBLE',
  upper: 'NULL::DOUBLE',
  qualifier: 'NULL::VARCHAR',
  formula: 'NULL::VARCHAR',
};

/**
 * An estimate's struct with the `fields` asked; the others NULL, so every statement's struct has
 * one shape. DuckDB binds and optimises the interval, qualifier and formula expressions on every
 * run, read or not: for a ranking that shows only values they were half of its statement's time
 * (A3: 24 → 12 ms).
 */
function estimateStruct(fields: ReadonlySet<EstimateField>, parts: Record<EstimateField, string>): string {
  const field = (f: EstimateField) => `'${f}': ${f === 'value' || fields.has(f) ? parts[f] : NO_FIELD[f]}`;
  return `{${ESTIMATE_FIELDS.map(field).join(', ')}}`;
}

function estimate(t: Triple, allExact: string, formula: string, fields: ReadonlySet<EstimateField>): string {
  const parts = { ...t, qualifier: derivedQualifier(allExact, t), formula };
  return `CASE WHEN ${t.value} IS NULL THEN NULL ELSE ${estimateStruct(fields, parts)} END`;
}

/** Each end as the source words it ("more than 40"), for the formulas below. */
const QA = qualifiedText('a.qualifier', 'a.value');
const QB = qualifiedText('b.qualifier', 'b.value');
const FORMULA = {
  absolute: `b.period || ' − ' || a.period || ' = ' || ${QB} || ' − ' || ${QA}`,
  percent: `'(' || ${QB} || ' / ' || ${QA} || ' − 1) × 100'`,
  index: `${QB} || ' / ' || ${QA} || ' × 100'`,
};

const A = triple('a');
const B = triple('b');
const EXACT = `(a.qualifier = 'EXACT' AND b.qualifier = 'EXACT')`;
const ratioBA = divide(B, A);
/** A reported change for the pair was found (the `reported_change` row joined as r). */
const REPORTED = 'r.id IS NOT NULL';
const YEARS = `(date_diff('month', coalesce(a.period_start, r.from_start), coalesce(b.period_start, r.to_start)) / 12.0)`;

/**
 * The absolute change a ranking sorts by: the reported value where there is one, else later −
 * earlier, given the SQL of the two ends' values.
 */
export function absoluteChangeValue(earlier: string, later: string): string {
  return `(CASE WHEN ${REPORTED} THEN r.value ELSE ${later} - ${earlier} END)`;
}

/**
 * Whether a change compares figures from two sides of a boundary change of its unit: either end
 * was re-expressed through the lineage (basis RECONSTRUCTED), or a lineage row naming the unit
 * (as predecessor or successor) falls after the earlier period's start and by the later period's
 * end (a unit whose figures were recorded on both sides of its own change). False when an end
 * is missing: nothing is compared.
 */
const lineageBetween = (end: 'successor_id' | 'predecessor_id') =>
  `EXISTS (SELECT 1 FROM unit_lineage l WHERE l.${end} = b.subject_id
      AND l.changed_on > a.period_start AND l.changed_on <= coalesce(b.period_end, current_date))`;
// Two EXISTS, each on one equality, not one with an OR: DuckDB turns each into a hash semi-join,
// where an OR in the condition would be a nested loop over the lineage per unit.
const CROSSES = raw(`(a.subject_id IS NOT NULL AND b.subject_id IS NOT NULL AND (
    a.basis = 'RECONSTRUCTED' OR b.basis = 'RECONSTRUCTED'
    OR ${lineageBetween('successor_id')} OR ${lineageBetween('predecessor_id')}))`);

/** The period labels a statement compares, as SQL: bound values, or columns of its pairs. */
export interface PairLabels {
  readonly from: Fragment;
  readonly to: Fragment;
}

/**
 * Whether the later period directly follows the earlier one at the same length: year Y after
 * Y−1, a quarter after the one before, a month after the previous month (the macro of migration
 * 009, beside the period grammar). What `yoy` keeps by default; a wider step (2024 → 2026) is a
 * change over several periods, not a year over year.
 */
function consecutive(p: PairLabels): Fragment {
  return sql`periods_consecutive(${p.from}, ${p.to})`;
}

const MEASURE_SQL: Record<ChangeMeasure, (p: PairLabels, fields: ReadonlySet<EstimateField>) => Fragment> = {
  from: () => sql`${pointStruct('a')}`,
  to: () => sql`${pointStruct('b')}`,
  years: () => sql`${raw(YEARS)}`,
  // A reported change is taken as stated (its own interval and qualifier); otherwise b − a.
  absolute: (_, fields) =>
    sql`${raw(`CASE WHEN ${REPORTED} THEN ${estimateStruct(fields, { value: 'r.value', lower: 'r.lower', upper: 'r.upper', qualifier: 'r.qualifier', formula: `'reported: ' || ${qualifiedText('r.qualifier', 'r.value')}` })} ELSE ${estimate(minus(B, A), EXACT, FORMULA.absolute, fields)} END`)}`,
  // The relative measures are of the two levels, whichever way the absolute change was obtained.
  percent: (_, fields) => sql`${raw(estimate(scale(offset(ratioBA, '-1'), '100'), EXACT, FORMULA.percent, fields))}`,
  cagr: (_, fields) =>
    sql`${raw(estimate(scale(compoundRate(ratioBA, YEARS), '100'), EXACT, `'((' || ${QB} || ' / ' || ${QA} || ')^(1/' || ${numberText(YEARS)} || ') − 1) × 100'`, fields))}`,
  index: (_, fields) => sql`${raw(estimate(scale(ratioBA, '100'), EXACT, FORMULA.index, fields))}`,
  crossesBoundaryChange: () => sql`${CROSSES}`,
  basis: () => sql`${raw(`CASE WHEN ${REPORTED} THEN 'REPORTED' ELSE 'COMPUTED' END`)}`,
  consecutive,
  reported: () => sql`${raw(reportedChangeStruct('r'))}`,
};

/**
 * The change columns between point a (earlier) and point b (later), with the reported change r
 * of the pair where a source states one; each with its interval. Those not `wanted` are NULL,
 * and so are the estimates' fields not in `fields`. DuckDB binds and optimises every interval
 * expression whether or not it is read, and they are most of a ranking's statement (52 → 27 ms
 * with one of four).
 */
export function changeColumns(
  pair: PairLabels,
  wanted: ReadonlySet<ChangeMeasure> = new Set(CHANGE_MEASURES),
  fields: ReadonlySet<EstimateField> = EVERY_ESTIMATE_FIELD,
): Fragment {
  return join(
    CHANGE_MEASURES.map((m) => sql`${wanted.has(m) ? MEASURE_SQL[m](pair, fields) : raw('NULL')} AS ${raw(`"${m}"`)}`),
    ',\n  ',
  );
}

/** Which reported changes a statement may join: those of one pair of periods, or within a window. */
export type ReportedPairs =
  | { readonly from: string | null; readonly to: string }
  | { readonly window: { readonly from: string | null; readonly to: string | null } };

/**
 * `reported_change`: for each subject and pair of periods, the one reported change of the
 * indicator a statement uses, picked among sources as a series picks among figures (a preferred
 * source, then publication date), as recorded by `recordedAsOf`. Appended to `valuesCtes`.
 */
export function reportedChangeCte(indicator: string, pairs: ReportedPairs, options: ValueOptions): Fragment {
  const within =
    'window' in pairs
      ? sql`(${pairs.window.from}::DATE IS NULL OR o.from_end >= ${pairs.window.from}::DATE)
        AND (${pairs.window.to}::DATE IS NULL OR o.to_start <= ${pairs.window.to}::DATE)`
      : sql`o.from_period = ${pairs.from} AND o.to_period = ${pairs.to}`;
  return sql`reported_change AS (
      SELECT o.*
      FROM (SELECT *, false AS derived FROM ${reportedChangeRevisions(options.recordedAsOf)}) o JOIN sources s ON s.id = o.source_id
      WHERE o.subject_id IN (SELECT id FROM subjects) AND o.indicator = ${indicator} AND ${within}
      QUALIFY row_number() OVER (PARTITION BY o.subject_id, o.from_period, o.to_period
        ORDER BY ${sourcePreferenceKey(options.preferredSource, options.earliestPublication)}) = 1
    )`;
}

/** Every measure, and no point: what a `change` field reads. */
const EVERY_MEASURE: RankColumns = { change: new Set(CHANGE_MEASURES), estimate: EVERY_ESTIMATE_FIELD, point: false };

/**
 * Change of one indicator between two named periods for every subject of the set (`from` null:
 * no earlier period, as a ranking by value has; the measures are then NULL), with the later
 * period's point when `selection.point`.
 */
export function changeBetween(
  set: SubjectSet,
  indicator: string,
  from: string | null,
  to: string,
  options: ValueOptions,
  selection: RankColumns = EVERY_MEASURE,
): Fragment {
  const pair = { from: sql`${from}::VARCHAR`, to: sql`${to}::VARCHAR` };
  const periods = from === null ? [to] : [from, to];
  return sql`${valuesCtes(set, [indicator], { from: null, to: null, periods }, options)},
    ${reportedChangeCte(indicator, { from, to }, options)}
    SELECT s.id AS "subjectId", ${changeColumns(pair, selection.change, selection.estimate)}${selection.point ? sql`, ${pointStruct('b')} AS point` : sql``}
    FROM subjects s
    LEFT JOIN vals a ON a.subject_id = s.id AND a.period = ${from}
    LEFT JOIN vals b ON b.subject_id = s.id AND b.period = ${to}
    LEFT JOIN reported_change r ON r.subject_id = s.id
    ORDER BY s.id`;
}

const PAIR_COLUMNS: PairLabels = { from: sql`p.from_period`, to: sql`p.to_period` };

/**
 * Year over year (quarter over quarter, month over month): each period's change from the
 * previous period of the same length, for every subject of the set, oldest first. A unit's
 * figures may skip periods (2024, then 2026): such a wider step is left out unless
 * `includeWiderSteps`, and then flagged (`consecutive` false, with its `years`). A change a
 * source reports between two periods in the window is a step too, whether or not the levels are
 * there.
 */
export function consecutiveChanges(
  set: SubjectSet,
  indicator: string,
  window: { from: string | null; to: string | null },
  options: ValueOptions,
  includeWiderSteps = false,
): Fragment {
  return sql`${valuesCtes(set, [indicator], { ...window, periods: null }, options)},
    ${reportedChangeCte(indicator, { window }, options)},
    ordered AS (
      SELECT v.subject_id, v.period, lag(v.period) OVER (PARTITION BY v.subject_id, v.granularity ORDER BY v.period_start) AS previous_period
      FROM vals v WHERE v.granularity <> 'RANGE'
    ),
    pairs AS (
      SELECT subject_id, previous_period AS from_period, period AS to_period FROM ordered WHERE previous_period IS NOT NULL
      UNION SELECT subject_id, from_period, to_period FROM reported_change
    )
    SELECT p.subject_id AS "subjectId", ${changeColumns(PAIR_COLUMNS)}
    FROM pairs p
    LEFT JOIN vals a ON a.subject_id = p.subject_id AND a.period = p.from_period
    LEFT JOIN vals b ON b.subject_id = p.subject_id AND b.period = p.to_period
    LEFT JOIN reported_change r ON r.subject_id = p.subject_id AND r.from_period = p.from_period AND r.to_period = p.to_period
    WHERE ${includeWiderSteps} OR ${consecutive(PAIR_COLUMNS)}
    ORDER BY p.subject_id, period_start(p.to_period), period_start(p.from_period)`;
}
