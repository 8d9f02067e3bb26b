import { sql, raw, type Fragment } from '../store/sql.js';
import { reexpresses, valuesCtes, type SubjectSet, type ValueOptions, type ValueWindow } from './values-sql.js';
import { pointStruct, pointWithFormula } from './point-sql.js';

export type Granularity = 'YEAR' | 'QUARTER' | 'MONTH';
export type Fill = 'NONE' | 'PREVIOUS' | 'LINEAR';

const STEP: Record<Granularity, string> = {
  YEAR: 'INTERVAL 1 YEAR',
  QUARTER: 'INTERVAL 3 MONTH',
  MONTH: 'INTERVAL 1 MONTH',
};
const LABEL: Record<Granularity, string> = {
  YEAR: "strftime(g.period_start, '%Y')",
  QUARTER: "strftime(g.period_start, '%Y') || '-Q' || quarter(g.period_start)::VARCHAR",
  MONTH: "strftime(g.period_start, '%Y-%m')",
};
const END: Record<Granularity, string> = {
  YEAR: '(g.period_start + INTERVAL 1 YEAR - INTERVAL 1 DAY)::DATE',
  QUARTER: '(g.period_start + INTERVAL 3 MONTH - INTERVAL 1 DAY)::DATE',
  MONTH: '(g.period_start + INTERVAL 1 MONTH - INTERVAL 1 DAY)::DATE',
};

/** A grid row's nearest observed neighbour, carried by the window functions below. */
const NEIGHBOUR = raw(
  "CASE WHEN j.value IS NOT NULL THEN {'period': j.period, 't': j.t, 'value': j.value, 'lower': j.lower, 'upper': j.upper, " +
    "'qualifier': j.qualifier, 'source_ids': j.source_ids, 'derived': j.derived, 'recorded_at': j.recorded_at} END",
);

/** One numeric column of a grid row: as observed, carried forward, or interpolated in time. */
function filledNumber(column: 'value' | 'lower' | 'upper', fill: Fill): Fragment {
  const c = raw(column);
  return sql`CASE
          WHEN n.value IS NOT NULL THEN n.${c}
          WHEN ${fill} = 'PREVIOUS' THEN n.prev.${c}
          WHEN ${fill} = 'LINEAR' AND n.next IS NOT NULL THEN n.prev.${c} + (n.next.${c} - n.prev.${c}) * (n.t - n.prev.t) / (n.next.t - n.prev.t)
        END`;
}

/** Every point of the series (of each indicator), all granularities, oldest first: the shape without a time axis. */
export function seriesPoints(
  set: SubjectSet,
  indicators: readonly string[],
  window: ValueWindow,
  options: ValueOptions,
): Fragment {
  return sql`${valuesCtes(set, indicators, window, options)}
    SELECT v.subject_id AS "subjectId", ${reexpresses(options) ? pointWithFormula('v') : pointStruct('v')} AS point FROM vals v ORDER BY v.subject_id, v.indicator, v.period_start, v.period`;
}

/**
 * A series on a regular time axis: one row per subject and grid period from the first to the
 * last observed period (or the window asked for). Missing periods stay empty (NONE), repeat the
 * previous point (PREVIOUS) or are interpolated between neighbours (LINEAR); filled points say
 * where they came from and keep their qualifier (LINEAR: the shared qualifier, else ABOUT).
 */
export function seriesOnGrid(
  set: SubjectSet,
  indicator: string,
  window: ValueWindow,
  options: ValueOptions,
  granularity: Granularity,
  fill: Fill,
): Fragment {
  const g = granularity;
  return sql`${valuesCtes(set, [indicator], window, options)},
    pts AS (SELECT * FROM vals WHERE granularity = ${g}),
    bounds AS (
      SELECT subject_id, coalesce(date_trunc('year', ${window.from}::DATE), min(period_start)) AS lo, coalesce(${window.to}::DATE, max(period_start)) AS hi
      FROM pts GROUP BY subject_id
    ),
    grid AS (
      SELECT b.subject_id, gs.d::DATE AS period_start FROM bounds b, LATERAL generate_series(b.lo::TIMESTAMP, b.hi::TIMESTAMP, ${raw(STEP[g])}) gs(d)
      WHERE gs.d >= coalesce(${window.from}::DATE, b.lo)
    ),
    joined AS (
      SELECT g.subject_id, g.period_start, ${raw(LABEL[g])} AS grid_period, ${raw(END[g])} AS grid_end, p.* EXCLUDE (subject_id, period_start),
             (year(g.period_start) * 12 + month(g.period_start)) AS t
      FROM grid g LEFT JOIN pts p ON p.subject_id = g.subject_id AND p.period_start = g.period_start
    ),
    neighbours AS (
      SELECT j.*,
        last_value(${NEIGHBOUR} IGNORE NULLS)
          OVER (PARTITION BY j.subject_id ORDER BY j.period_start ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev,
        first_value(${NEIGHBOUR} IGNORE NULLS)
          OVER (PARTITION BY j.subject_id ORDER BY j.period_start ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING) AS next
      FROM joined j
    ),
    filled AS (
      SELECT n.subject_id, ${indicator} AS indicator, n.grid_period AS period, n.period_start, n.grid_end AS period_end, ${g} AS granularity,
        ${filledNumber('value', fill)} AS value,
        CASE
          WHEN n.value IS NOT NULL THEN n.qualifier
          WHEN ${fill} = 'PREVIOUS' THEN n.prev.qualifier
          WHEN ${fill} = 'LINEAR' AND n.next IS NOT NULL THEN (CASE WHEN n.prev.qualifier = n.next.qualifier THEN n.prev.qualifier ELSE 'ABOUT' END)
        END AS qualifier,
        ${filledNumber('lower', fill)} AS lower,
        ${filledNumber('upper', fill)} AS upper,
        CASE
          WHEN n.value IS NOT NULL THEN n.basis
          WHEN ${fill} = 'PREVIOUS' AND n.prev IS NOT NULL THEN 'FILLED'
          WHEN ${fill} = 'LINEAR' AND n.prev IS NOT NULL AND n.next IS NOT NULL THEN 'FILLED'
        END AS basis,
        CASE WHEN n.value IS NOT NULL THEN n.derived ELSE true END AS derived,
        CASE
          WHEN n.value IS NOT NULL THEN n.source_ids
          WHEN ${fill} = 'PREVIOUS' THEN n.prev.source_ids
          WHEN ${fill} = 'LINEAR' AND n.next IS NOT NULL THEN list_distinct(n.prev.source_ids || n.next.source_ids)
        END AS source_ids,
        n.observation_id, n.reporting, n.expected,
        CASE WHEN n.value IS NOT NULL THEN n.recorded_at ELSE greatest(n.prev.recorded_at, n.next.recorded_at) END AS recorded_at,
        CASE
          WHEN n.value IS NOT NULL THEN NULL
          WHEN ${fill} = 'PREVIOUS' AND n.prev IS NOT NULL THEN [n.prev.period]
          WHEN ${fill} = 'LINEAR' AND n.prev IS NOT NULL AND n.next IS NOT NULL THEN [n.prev.period, n.next.period]
        END AS filled_from
      FROM neighbours n
    )
    SELECT f.subject_id AS "subjectId",
      CASE WHEN f.value IS NULL THEN {'subjectId': f.subject_id, 'indicator': f.indicator, 'period': f.period, 'periodStart': f.period_start::VARCHAR,
        'periodEnd': f.period_end::VARCHAR, 'granularity': f.granularity, 'value': NULL::DOUBLE, 'qualifier': NULL::VARCHAR, 'lower': NULL::DOUBLE,
        'upper': NULL::DOUBLE, 'basis': 'MISSING', 'derived': false, 'sourceIds': []::VARCHAR[], 'observationId': NULL::VARCHAR,
        'reporting': NULL::INTEGER, 'expected': NULL::INTEGER, 'filledFrom': NULL::VARCHAR[], 'recordedAt': NULL::VARCHAR}
      ELSE ${pointStruct('f', 'filled')} END AS point
    FROM filled f ORDER BY f.subject_id, f.period_start`;
}

/** Which granularities an indicator is observed at anywhere in the store. */
export function indicatorGranularities(indicator: string): Fragment {
  return sql`SELECT DISTINCT granularity FROM current_observations WHERE indicator = ${indicator}
    UNION SELECT DISTINCT o.granularity FROM current_observations o JOIN indicators i ON o.indicator IN (i.numerator, i.denominator) WHERE i.code = ${indicator}`;
}
