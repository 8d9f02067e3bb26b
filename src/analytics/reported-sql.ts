import { sql, stringList, type Fragment } from '../store/sql.js';
import { periodFilter, reexpresses, type ValueOptions, type ValueWindow } from './values-sql.js';
import { pointStruct } from './point-sql.js';
import { sourcePreferenceKey } from '../sql/source-preference-sql.js';
import { latestFirstKey } from './latest-order.js';

/**
 * The lean path for the commonest question on a store without a fresh serving layer: reported
 * points of indicators that are not ratios, with no rollup and no revision time travel. It
 * answers exactly what `valuesCtes` does in that case (the same source preference and latest
 * rule), in one scan and one window instead of a CTE chain, which at national scale is most of
 * a profile query's time. `ratios`: whether any indicator asked is a RATIO (those may have to be
 * computed from their parts).
 */
export function canUseReportedPath(options: ValueOptions, ratios: boolean): boolean {
  return (
    !ratios &&
    options.rollupFrom === null &&
    options.recordedAsOf === null &&
    options.updatedAfter === null &&
    !reexpresses(options)
  );
}

/** The codes of RATIO indicators, for `canUseReportedPath`. */
export function ratioIndicators(): Fragment {
  return sql`SELECT code FROM indicators WHERE aggregation = 'RATIO'`;
}

/** Each unit, indicator and period's reported point, picked among sources as `valuesCtes` picks. */
function reported(
  subjectIds: readonly string[],
  indicators: readonly string[],
  window: ValueWindow,
  options: ValueOptions,
): Fragment {
  return sql`SELECT o.subject_id, o.indicator, o.period, o.period_start, o.period_end, o.granularity, o.value, o.qualifier, o.lower, o.upper,
           'REPORTED' AS basis, o.derived, [o.source_id] AS source_ids, o.id AS observation_id, NULL::INTEGER AS reporting,
           NULL::INTEGER AS expected, o.recorded_at, o.formula, o.scope
    FROM observations o JOIN sources s ON s.id = o.source_id
    WHERE o.subject_id = ANY(${stringList(subjectIds)}) AND o.indicator = ANY(${stringList(indicators)}) AND ${periodFilter(window)}
      ${options.includeParts ? sql`` : sql`AND o.scope IS NULL`}
      AND o.id NOT IN (SELECT id FROM superseded_observations)
    QUALIFY row_number() OVER (PARTITION BY o.subject_id, o.indicator, o.period
      ORDER BY ${sourcePreferenceKey(options.preferredSource, options.earliestPublication)}) = 1`;
}

export function reportedSeries(
  subjectIds: readonly string[],
  indicators: readonly string[],
  window: ValueWindow,
  options: ValueOptions,
): Fragment {
  return sql`SELECT v.subject_id AS "subjectId", ${pointStruct('v')} AS point
    FROM (${reported(subjectIds, indicators, window, options)}) v ORDER BY v.subject_id, v.indicator, v.period_start, v.period`;
}

/** The latest picked point with a value, as `latestValues` (a period whose picked value is empty does not count). */
export function reportedLatest(
  subjectIds: readonly string[],
  indicators: readonly string[],
  options: ValueOptions,
): Fragment {
  return sql`SELECT v.subject_id AS "subjectId", arg_min(${pointStruct('v')}, ${latestFirstKey('v')}) AS point
    FROM (${reported(subjectIds, indicators, { from: null, to: null, periods: null }, options)}) v
    WHERE v.value IS NOT NULL
    GROUP BY v.subject_id, v.indicator ORDER BY v.subject_id, v.indicator`;
}
