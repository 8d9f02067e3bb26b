import { sql, raw, join, type Fragment } from '../store/sql.js';
import { sourceIdsOf } from '../sql/source-ids-sql.js';
import { derivedQualifier, triple } from './interval-sql.js';
import { valuesCtes, type SubjectSet, type ValueOptions, type ValueWindow } from './values-sql.js';
import { pointStruct } from './point-sql.js';

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
  "CASE WHEN j.value IS NOT NULL THEN {'period': j.grid_period, 't': j.t, 'value': j.value, 'lower': j.lower, 'upper': j.upper, " +
    "'qualifier': j.qualifier, 'source_ids': j.source_ids, 'derived': j.derived, 'recorded_at': j.recorded_at} END",
);

/**
 * Whether a gap is filled: only between two reported points (never past the last one, so never
 * into the future), and only for a stock unless the request asks for flows too (a flow's gap is
 * an amount nobody reported; carrying 2025's admissions into 2026 would invent them).
 */
const FILLABLE = raw(`(n.prev IS NOT NULL AND n.next IS NOT NULL AND (m.measure = 'STOCK' OR m.fill_flows))`);

/** One numeric column of a grid row: as observed, carried forward, or interpolated in time. */
function filledNumber(column: 'value' | 'lower' | 'upper', fill: Fill): Fragment {
  const c = raw(column);
  return sql`CASE
          WHEN n.value IS NOT NULL THEN n.${c}
          WHEN NOT ${FILLABLE} THEN NULL
          WHEN ${fill} = 'PREVIOUS' THEN n.prev.${c}
          WHEN ${fill} = 'LINEAR' THEN n.prev.${c} + (n.next.${c} - n.prev.${c}) * (n.t - n.prev.t) / (n.next.t - n.prev.t)
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
    SELECT v.subject_id AS "subjectId", ${pointStruct('v')} AS point FROM vals v ORDER BY v.subject_id, v.indicator, v.period_start, v.period`;
}

/** The granularities finer than each, coarsest first: a year is read from quarters before months. */
const FINER: Record<Granularity, readonly Granularity[]> = {
  YEAR: ['QUARTER', 'MONTH'],
  QUARTER: ['MONTH'],
  MONTH: [],
};
const PER: Record<Granularity, Partial<Record<Granularity, number>>> = {
  YEAR: { QUARTER: 4, MONTH: 12 },
  QUARTER: { MONTH: 3 },
  MONTH: {},
};
const TRUNC: Record<Granularity, string> = { YEAR: 'year', QUARTER: 'quarter', MONTH: 'month' };

/**
 * A period of the time axis read from finer figures where it has none of its own (a year from
 * quarters or months): a stock is its level at the period's end (the sub-period that ends with
 * it; none: no value), a summable flow the sum of every sub-period (one missing: no value, as a
 * partial sum would understate it). Other flows (a ratio of flows) are not read from parts.
 */
function coarserPoints(g: Granularity): Fragment {
  const finer = FINER[g];
  if (finer.length === 0) return sql``;
  const perPeriod = raw(`CASE f.granularity ${finer.map((x) => `WHEN '${x}' THEN ${PER[g][x]}`).join(' ')} END`);
  const rank = raw(`CASE f.granularity ${finer.map((x, i) => `WHEN '${x}' THEN ${i}`).join(' ')} END`);
  return sql`,
    fine AS (
      SELECT v.*, date_trunc(${TRUNC[g]}, v.period_start)::DATE AS bucket FROM vals v
      WHERE v.granularity IN (${join(
        finer.map((x) => sql`${x}`),
        ', ',
      )})
        AND NOT EXISTS (SELECT 1 FROM vals o WHERE o.subject_id = v.subject_id AND o.granularity = ${g}
                          AND o.period_start = date_trunc(${TRUNC[g]}, v.period_start)::DATE)
    ),
    coarse_flows AS (
      SELECT f.subject_id, f.bucket, f.granularity, ${rank} AS rank, count(*) = any_value(${perPeriod}) AS complete,
             sum(f.value) AS value, CASE WHEN bool_or(f.lower IS NULL) THEN NULL ELSE sum(f.lower) END AS lower,
             CASE WHEN bool_or(f.upper IS NULL) THEN NULL ELSE sum(f.upper) END AS upper, bool_and(f.qualifier = 'EXACT') AS all_exact,
             ${sourceIdsOf('f.source_ids')} AS source_ids, max(f.recorded_at) AS recorded_at,
             'sum of ' || count(*) || ' ' || lower(f.granularity) || ' figures: ' || min(f.period) || ' to ' || max(f.period) AS formula
      FROM fine f, m WHERE m.measure = 'FLOW' AND m.aggregation = 'SUM' AND f.value IS NOT NULL
      GROUP BY f.subject_id, f.bucket, f.granularity
    ),
    coarse AS (
      SELECT c.subject_id, c.bucket AS period_start, ${g} AS granularity, c.value, ${raw(derivedQualifier('c.all_exact', triple('c')))} AS qualifier,
             c.lower, c.upper, c.source_ids, NULL::BIGINT AS observation_id, true AS derived, 'COMPUTED' AS basis,
             NULL::INTEGER AS reporting, NULL::INTEGER AS expected, c.recorded_at, c.formula, NULL::VARCHAR AS scope
      FROM coarse_flows c WHERE c.complete
      QUALIFY row_number() OVER (PARTITION BY c.subject_id, c.bucket ORDER BY c.rank) = 1
      UNION ALL
      SELECT f.subject_id, f.bucket, ${g}, f.value, f.qualifier, f.lower, f.upper, f.source_ids, f.observation_id, f.derived, f.basis,
             f.reporting, f.expected, f.recorded_at, 'level at the end of the period: ' || f.period, f.scope
      FROM fine f, m WHERE m.measure = 'STOCK' AND f.period_end = (f.bucket + ${raw(STEP[g])} - INTERVAL 1 DAY)::DATE
      QUALIFY row_number() OVER (PARTITION BY f.subject_id, f.bucket ORDER BY ${rank}) = 1
    )`;
}

/**
 * A series on a regular time axis: one row per subject and grid period from the first to the
 * last point (or the window asked for), never past today. A period with no figure of its own is
 * read from finer ones (\`coarserPoints\`). Gaps between reported points stay empty (NONE), repeat
 * the previous point (PREVIOUS) or are interpolated (LINEAR), for stocks, and for flows only with
 * \`fillFlows\`; filled points say where they came from and keep their qualifier (LINEAR: the
 * shared qualifier, else ABOUT).
 */
export function seriesOnGrid(
  set: SubjectSet,
  indicator: string,
  window: ValueWindow,
  options: ValueOptions,
  granularity: Granularity,
  fill: Fill,
  fillFlows = false,
): Fragment {
  const g = granularity;
  const finer = FINER[g].length > 0;
  return sql`${valuesCtes(set, [indicator], window, options)},
    m AS (SELECT measure, aggregation, ${fillFlows} AS fill_flows FROM indicators WHERE code = ${indicator})${coarserPoints(g)},
    pts AS (
      SELECT subject_id, period_start, granularity, value, qualifier, lower, upper, source_ids, observation_id, derived, basis,
             reporting, expected, recorded_at, formula, scope
      FROM vals WHERE granularity = ${g}${
        finer
          ? sql`
      UNION ALL SELECT * FROM coarse`
          : sql``
      }
    ),
    bounds AS (
      SELECT subject_id, coalesce(date_trunc('year', ${window.from}::DATE), min(period_start)) AS lo,
             least(coalesce(${window.to}::DATE, max(period_start)), current_date) AS hi
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
          WHEN NOT ${FILLABLE} THEN NULL
          WHEN ${fill} = 'PREVIOUS' THEN n.prev.qualifier
          WHEN ${fill} = 'LINEAR' THEN (CASE WHEN n.prev.qualifier = n.next.qualifier THEN n.prev.qualifier ELSE 'ABOUT' END)
        END AS qualifier,
        ${filledNumber('lower', fill)} AS lower,
        ${filledNumber('upper', fill)} AS upper,
        CASE
          WHEN n.value IS NOT NULL THEN n.basis
          WHEN ${FILLABLE} AND ${fill} IN ('PREVIOUS', 'LINEAR') THEN 'FILLED'
        END AS basis,
        CASE WHEN n.value IS NOT NULL THEN n.derived ELSE true END AS derived,
        CASE
          WHEN n.value IS NOT NULL THEN n.source_ids
          WHEN NOT ${FILLABLE} THEN NULL
          WHEN ${fill} = 'PREVIOUS' THEN n.prev.source_ids
          WHEN ${fill} = 'LINEAR' THEN list_distinct(n.prev.source_ids || n.next.source_ids)
        END AS source_ids,
        n.observation_id, n.reporting, n.expected,
        CASE WHEN n.value IS NOT NULL THEN n.recorded_at ELSE greatest(n.prev.recorded_at, n.next.recorded_at) END AS recorded_at,
        CASE
          WHEN n.value IS NOT NULL THEN NULL
          WHEN NOT ${FILLABLE} THEN NULL
          WHEN ${fill} = 'PREVIOUS' THEN [n.prev.period]
          WHEN ${fill} = 'LINEAR' THEN [n.prev.period, n.next.period]
        END AS filled_from,
        CASE
          WHEN n.value IS NOT NULL THEN n.formula
          WHEN NOT ${FILLABLE} THEN NULL
          WHEN ${fill} = 'PREVIOUS' THEN 'carried from ' || n.prev.period
          WHEN ${fill} = 'LINEAR' THEN 'interpolated between ' || n.prev.period || ' and ' || n.next.period
        END AS formula,
        n.scope
      FROM neighbours n, m
    )
    SELECT f.subject_id AS "subjectId",
      CASE WHEN f.value IS NULL THEN {'subjectId': f.subject_id, 'indicator': f.indicator, 'period': f.period, 'periodStart': f.period_start::VARCHAR,
        'periodEnd': f.period_end::VARCHAR, 'granularity': f.granularity, 'value': NULL::DOUBLE, 'qualifier': NULL::VARCHAR, 'lower': NULL::DOUBLE,
        'upper': NULL::DOUBLE, 'basis': 'MISSING', 'derived': false, 'sourceIds': []::VARCHAR[], 'observationId': NULL::VARCHAR,
        'reporting': NULL::INTEGER, 'expected': NULL::INTEGER, 'filledFrom': NULL::VARCHAR[], 'recordedAt': NULL::VARCHAR,
        'formula': NULL::VARCHAR, 'scope': NULL::VARCHAR}
      ELSE ${pointStruct('f', 'filled')} END AS point
    FROM filled f ORDER BY f.subject_id, f.period_start`;
}

/** Which granularities an indicator is observed at anywhere in the store. */
export function indicatorGranularities(indicator: string): Fragment {
  return sql`SELECT DISTINCT granularity FROM current_observations WHERE indicator = ${indicator}
    UNION SELECT DISTINCT o.granularity FROM current_observations o JOIN indicators i ON o.indicator IN (i.numerator, i.denominator) WHERE i.code = ${indicator}`;
}
