import { join, raw, sql, stringList, type Fragment } from '../store/sql.js';
import { latestFirstKey } from '../analytics/latest-order.js';

/**
 * Statements that read the serving layer's hot part into memory (see `HotValues`). Leaf units
 * (villages and Party cells) hold nine rows in ten of the layer; of them only the latest value
 * of each indicator is kept, which is what a commune's or a committee's profile asks of them.
 */
const LEAF_KINDS = ['VILLAGE', 'PARTY_CELL'];

const leafKeys = sql`SELECT su.unit_key FROM serving_units su JOIN units u ON u.id = su.unit_id WHERE u.kind IN (${join(
  LEAF_KINDS.map((k) => sql`${k}`),
  ', ',
)})`;

/** The layer's distinct labels, each list in DuckDB's own sort order: codes then sort as labels do (an empty layer: empty lists). */
export function hotDictionaries(): Fragment {
  return sql`SELECT coalesce(list(DISTINCT indicator ORDER BY indicator), []) AS indicators, coalesce(list(DISTINCT period ORDER BY period), []) AS periods,
      coalesce(list(DISTINCT rollup_from ORDER BY rollup_from), []) AS rollups,
      coalesce(list(DISTINCT qualifier ORDER BY qualifier) FILTER (WHERE qualifier IS NOT NULL), []) AS qualifiers,
      coalesce(list(DISTINCT granularity ORDER BY granularity), []) AS granularities,
      coalesce((SELECT max(unit_key) FROM serving_units), 0) AS "maxKey"
    FROM serving_values`;
}

/** Keys of the units of which only latest values are kept. */
export function hotLeafKeys(): Fragment {
  return sql`${leafKeys}`;
}

export interface HotDictionaries {
  readonly indicators: readonly string[];
  readonly periods: readonly string[];
  readonly rollups: readonly string[];
  readonly qualifiers: readonly string[];
  readonly granularities: readonly string[];
}

const code = (list: readonly string[], column: string) =>
  sql`(list_position(${stringList(list)}, ${raw(column)}) - 1)::INTEGER`;

/** A row as numbers only: labels as positions in the dictionaries (0-based), dates as days since 1970-01-01. */
function numericRow(d: HotDictionaries, a: string): Fragment {
  const c = (column: string) => `${a}.${column}`;
  return sql`${raw(c('unit_key'))} AS unit_key, ${code(d.indicators, c('indicator'))} AS indicator, ${code(d.rollups, c('rollup_from'))} AS rollup,
    ${code(d.periods, c('period'))} AS period, (${raw(c('period_start'))} - DATE '1970-01-01')::INTEGER AS start_day,
    (${raw(c('period_end'))} - DATE '1970-01-01')::INTEGER AS end_day, ${code(d.granularities, c('granularity'))} AS granularity,
    ${raw(c('value'))} AS value, ${code(d.qualifiers, c('qualifier'))} AS qualifier`;
}

/** Units with keys from..to (inclusive): the rows are read a slice at a time (see `HotValues.load`). */
export interface KeyRange {
  readonly from: number;
  readonly to: number;
}

/**
 * Every row of the units above the leaves, sorted by unit key, indicator, period start, period,
 * rollup: a unit's rows are one run, in the order series are read.
 */
export function hotUpperRows(d: HotDictionaries, keys: KeyRange): Fragment {
  return sql`SELECT ${numericRow(d, 'o')}
    FROM serving_values o ANTI JOIN (${leafKeys}) l ON l.unit_key = o.unit_key
    WHERE o.unit_key BETWEEN ${keys.from} AND ${keys.to}
    ORDER BY o.unit_key, o.indicator, o.period_start, o.period, o.rollup_from`;
}

/** The latest row with a value per leaf unit, indicator and rollup, picked as `servedLatest` picks, by unit key. */
export function hotLeafLatestRows(d: HotDictionaries, keys: KeyRange): Fragment {
  return sql`WITH latest AS (
      SELECT o.unit_key, o.indicator, o.rollup_from,
        arg_min({'period': o.period, 'period_start': o.period_start, 'period_end': o.period_end, 'granularity': o.granularity, 'value': o.value, 'qualifier': o.qualifier}, ${latestFirstKey('o')}) AS b
      FROM serving_values o SEMI JOIN (${leafKeys}) l ON l.unit_key = o.unit_key
      WHERE o.value IS NOT NULL AND o.unit_key BETWEEN ${keys.from} AND ${keys.to}
      GROUP BY o.unit_key, o.indicator, o.rollup_from
    )
    SELECT ${numericRow(d, 'x')}
    FROM (SELECT unit_key, indicator, rollup_from, b.* FROM latest) x
    ORDER BY x.unit_key, x.indicator, x.rollup_from`;
}

/** The order of both row statements' columns, for the reader that packs them. */
export const HOT_ROW_COLUMNS = [
  'unitKey',
  'indicator',
  'rollup',
  'period',
  'startDay',
  'endDay',
  'granularity',
  'value',
  'qualifier',
] as const;
