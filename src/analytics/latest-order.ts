import { raw, type Raw } from '../store/sql.js';

/**
 * The one rule for which of a unit's points is its latest: the latest start, then the latest
 * end (an open end, NULL, counts as the latest: 9999-12-31), then the smallest label (two labels
 * can span the same days). It has two renderings, both here: a key that sorts the latest first
 * (SQL: `arg_min(x, key)` and `ORDER BY key`) and a comparison of rows held in memory
 * (serving/hot-values.ts). test/db/hot-values.test.ts proves them alike.
 */
export function latestFirstKey(alias: string): Raw {
  const o = alias;
  return raw(
    `(date_diff('day', ${o}.period_start, DATE '9999-12-31'), date_diff('day', coalesce(${o}.period_end, DATE '9999-12-31'), DATE '9999-12-31'), ${o}.period)`,
  );
}

/** An open end as days since 1970-01-01, as the SQL key ranks it. */
export const OPEN_END_DAY = Date.UTC(9999, 11, 31) / 86_400_000;

/**
 * Whether point a is later than point b under the rule above: days since 1970-01-01 (an open
 * end given as OPEN_END_DAY) and labels in any order-preserving code.
 */
export function isLater(
  aStart: number,
  aEnd: number,
  aLabel: number,
  bStart: number,
  bEnd: number,
  bLabel: number,
): boolean {
  if (aStart !== bStart) return aStart > bStart;
  if (aEnd !== bEnd) return aEnd > bEnd;
  return aLabel < bLabel;
}
