import { sql, raw, stringList, type Fragment } from '../store/sql.js';
import type { ValueOptions, ValueWindow } from './values-sql.js';
import { pointStruct } from './point-sql.js';
import { sourcePreferenceOrder } from '../sql/source-preference-sql.js';

/**
 * The lean path for the commonest question: reported points of an indicator that is not a
 * ratio, with no rollup and no revision time travel. It answers exactly what `valuesCtes` does
 * in that case (the same source preference), in one scan and one window instead of a CTE
 * chain, which at national scale is most of a profile query's time.
 */
export function canUseReportedPath(options: ValueOptions, isRatio: boolean): boolean {
  return !isRatio && options.rollupFrom === null && options.recordedAsOf === null && options.updatedAfter === null;
}

function reported(subjectIds: readonly string[], indicator: string, window: ValueWindow, options: ValueOptions, pickPerPeriod: boolean): Fragment {
  const partition = pickPerPeriod ? raw('o.subject_id, o.period') : raw('o.subject_id');
  const latestFirst = pickPerPeriod ? raw('') : raw('o.period_start DESC, o.period_end DESC NULLS FIRST, o.period,');
  return sql`SELECT o.subject_id, o.indicator, o.period, o.period_start, o.period_end, o.granularity, o.value, o.qualifier, o.lower, o.upper,
           'REPORTED' AS basis, o.derived, [o.source_id] AS source_ids, o.id AS observation_id, NULL::INTEGER AS reporting,
           NULL::INTEGER AS expected, o.recorded_at
    FROM observations o JOIN sources s ON s.id = o.source_id
    WHERE o.subject_id = ANY(${stringList(subjectIds)}) AND o.indicator = ${indicator}
      AND (${window.to}::DATE IS NULL OR o.period_start <= ${window.to}::DATE)
      AND (${window.from}::DATE IS NULL OR coalesce(o.period_end, current_date) >= ${window.from}::DATE)
      AND o.id NOT IN (SELECT id FROM superseded_observations)
    QUALIFY row_number() OVER (PARTITION BY ${partition}
      ORDER BY ${latestFirst} ${sourcePreferenceOrder(options.preferredSource, options.earliestPublication)}) = 1`;
}

export function reportedSeries(subjectIds: readonly string[], indicator: string, window: ValueWindow, options: ValueOptions): Fragment {
  return sql`SELECT v.subject_id AS "subjectId", ${pointStruct('v')} AS point
    FROM (${reported(subjectIds, indicator, window, options, true)}) v ORDER BY v.subject_id, v.period_start, v.period`;
}

export function reportedLatest(subjectIds: readonly string[], indicator: string, options: ValueOptions): Fragment {
  return sql`SELECT v.subject_id AS "subjectId", ${pointStruct('v')} AS point
    FROM (${reported(subjectIds, indicator, { from: null, to: null, periods: null }, options, false)}) v`;
}
