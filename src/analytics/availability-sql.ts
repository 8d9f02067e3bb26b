import { sql, stringList, type Fragment } from '../store/sql.js';
import { valuesCtes, type SubjectSet, type ValueOptions } from './values-sql.js';
import { pointStruct } from './point-sql.js';

/** What a dashboard can draw: per indicator and level, how many units and periods have data. */
export function availability(indicators: readonly string[] | null): Fragment {
  const filter = indicators === null ? sql`true` : sql`o.indicator = ANY(${stringList(indicators)})`;
  return sql`SELECT o.indicator, u.kind, o.granularity,
      count(DISTINCT o.subject_id)::INTEGER AS "unitCount", count(*)::INTEGER AS "observationCount",
      count(DISTINCT o.period)::INTEGER AS "periodCount", list(DISTINCT o.period ORDER BY o.period) AS periods,
      min(o.period_start)::VARCHAR AS earliest, max(coalesce(o.period_end, o.period_start))::VARCHAR AS latest
    FROM current_observations o JOIN units u ON u.id = o.subject_id
    WHERE ${filter}
    GROUP BY o.indicator, u.kind, o.granularity ORDER BY o.indicator, u.kind, o.granularity`;
}

/** The most recent non-empty value of each unit (latest period start, then latest end). */
export function latestValues(set: SubjectSet, indicators: readonly string[], options: ValueOptions): Fragment {
  return sql`${valuesCtes(set, indicators, { from: null, to: null, periods: null }, options)}
    -- An ordered aggregate, not a window: DuckDB partitions a window's input however small it is
    -- (15 ms of a 20 ms lookup of 35 villages).
    SELECT v.subject_id AS "subjectId", first(${pointStruct('v')} ORDER BY v.period_start DESC, v.period_end DESC NULLS FIRST, v.period) AS point
    FROM vals v
    WHERE v.value IS NOT NULL
    GROUP BY v.subject_id, v.indicator
    ORDER BY v.subject_id, v.indicator`;
}
