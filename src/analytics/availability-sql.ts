import { sql, stringList, type Fragment } from '../store/sql.js';
import { NO_ROLLUP, valuesCtes, type SubjectSet, type ValueOptions } from './values-sql.js';
import { geographyDate } from './geography-sql.js';
import { pointStruct } from './point-sql.js';
import { latestFirstKey } from './latest-order.js';

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

/**
 * `availability` on another date's units (`geography`, see geography-sql.ts): the units in force
 * that day, with their own and re-expressed values, counted as `availability` counts figures.
 */
export function availabilityOn(indicators: readonly string[], geography: string): Fragment {
  const day = geographyDate(geography);
  const set: SubjectSet = {
    prelude: sql`in_force AS (SELECT id FROM units
      WHERE (valid_from IS NULL OR valid_from <= ${day}) AND (valid_to IS NULL OR valid_to > ${day}))`,
    query: sql`SELECT id FROM in_force`,
  };
  return sql`${valuesCtes(set, indicators, { from: null, to: null, periods: null }, { ...NO_ROLLUP, geography })}
    SELECT v.indicator, u.kind, v.granularity,
      count(DISTINCT v.subject_id)::INTEGER AS "unitCount", count(*)::INTEGER AS "observationCount",
      count(DISTINCT v.period)::INTEGER AS "periodCount", list(DISTINCT v.period ORDER BY v.period) AS periods,
      min(v.period_start)::VARCHAR AS earliest, max(coalesce(v.period_end, v.period_start))::VARCHAR AS latest
    FROM vals v JOIN units u ON u.id = v.subject_id
    GROUP BY v.indicator, u.kind, v.granularity ORDER BY v.indicator, u.kind, v.granularity`;
}

/** The latest non-empty value of each unit and indicator (latest-order.ts). */
export function latestValues(set: SubjectSet, indicators: readonly string[], options: ValueOptions): Fragment {
  return sql`${valuesCtes(set, indicators, { from: null, to: null, periods: null }, options)}
    -- An aggregate, not a window: DuckDB partitions a window's input however small it is
    -- (15 ms of a 20 ms lookup of 35 villages).
    SELECT v.subject_id AS "subjectId", arg_min(${pointStruct('v')}, ${latestFirstKey('v')}) AS point
    FROM vals v
    WHERE v.value IS NOT NULL
    GROUP BY v.subject_id, v.indicator
    ORDER BY v.subject_id, v.indicator`;
}
