import { sql, type Fragment } from '../store/sql.js';
import { latestFirstKey } from './latest-order.js';
import { servedRowFilter, type ValueOptions, type ValueWindow } from './values-sql.js';
import { servedPointStruct } from './point-sql.js';
import type { PointField } from '../domain/analytics-rows.js';
import { pivotOfVals } from './table-sql.js';

/**
 * Lookups of the serving layer for units named by key (each point with the `fields` asked for;
 * null: all), with nothing around them: no CTEs and no
 * join back to unit ids (the reader names each row from the keys it asked with). DuckDB's
 * binding and optimising grow with a statement's text, and for the few hundred rows of a commune
 * profile that scaffolding was most of the time: its series 12 → 7 ms, its villages' latest
 * values 14 → 8 ms. Same rows as `seriesPoints` and `latestValues` over the layer
 * (`test/db/serving-layer.test.ts` compares them with the computed path).
 */
export function servedSeries(
  keys: readonly number[],
  indicators: readonly string[],
  window: ValueWindow,
  options: ValueOptions,
  fields: readonly PointField[] | null = null,
): Fragment {
  return sql`SELECT o.unit_key AS "unitKey", ${servedPointStruct('o', fields)} AS point FROM serving_values o
    WHERE ${servedRowFilter(keys, indicators, window, options)}
    ORDER BY o.unit_key, o.indicator, o.period_start, o.period`;
}

/**
 * The latest point with a value per unit and indicator (latest-order.ts): a plain arg_min over
 * the rule's key, not an ordered aggregate, so nothing is sorted per group.
 */
export function servedLatest(
  keys: readonly number[],
  indicators: readonly string[],
  options: ValueOptions,
  fields: readonly PointField[] | null = null,
): Fragment {
  return sql`SELECT o.unit_key AS "unitKey", arg_min(${servedPointStruct('o', fields)}, ${latestFirstKey('o')}) AS point
    FROM serving_values o
    WHERE ${servedRowFilter(keys, indicators, { from: null, to: null, periods: null }, options)} AND o.value IS NOT NULL
    GROUP BY o.unit_key, o.indicator
    ORDER BY o.unit_key, o.indicator`;
}

/**
 * `tablePivot` for units named by key, read straight off the layer: no subjects or keys CTE
 * joined back to ids (the reader names and orders the rows by the keys it asked with).
 */
export function servedPivot(
  keys: readonly number[],
  indicators: readonly string[],
  window: ValueWindow,
  options: ValueOptions,
): Fragment {
  return sql`WITH vals AS (
      SELECT o.unit_key, o.indicator, o.period, o.period_start, o.value, o.qualifier FROM serving_values o
      WHERE ${servedRowFilter(keys, indicators, window, options)}
    ), ${pivotOfVals('unit_key', 'unitKey')}`;
}
