import { sql, raw, join, stringList, numberList, integer, type Fragment } from '../store/sql.js';
import { sourceIdsOf } from '../sql/source-ids-sql.js';
import { sourcePreferenceKey } from '../sql/source-preference-sql.js';
import { notRetractedBy } from '../sql/observations-sql.js';
import { derivedQualifier, divide, qualifiedText, triple } from './interval-sql.js';
import { settled } from './settle-sql.js';
import { geographyLabel, geographyPathCtes, geographyValueCtes } from './geography-sql.js';

/** Which units a computation runs over. */
export type SubjectSet =
  /** Units by id; `keys` (aligned with ids) are their serving-layer keys when it is read. */
  | { readonly ids: readonly string[]; readonly keys?: readonly number[] }
  | { readonly kind: string; readonly within: string | null; readonly asOf: string | null }
  /** Subjects chosen by a query; `prelude` holds CTEs that query (and the caller) use. */
  | { readonly prelude: Fragment; readonly query: Fragment }
  /** Every unit (building the serving layer). */
  | { readonly all: true };

export interface ValueWindow {
  readonly from: string | null; // first day of the earliest period wanted
  readonly to: string | null; // last day of the latest period wanted
  readonly periods: readonly string[] | null; // exact period labels, when the caller names them
}

export interface ValueOptions {
  /** Fill a unit's missing periods with the sum of its descendants of this kind. */
  readonly rollupFrom: string | null;
  readonly preferredSource: string | null;
  readonly earliestPublication: boolean;
  /** Read the store as it was then (UTC 'YYYY-MM-DD HH:MM:SS.mmm'): revisions recorded by that time. */
  readonly recordedAsOf: string | null;
  /** Keep only values whose latest input was recorded after this time (incremental pulls). */
  readonly updatedAfter: string | null;
  /**
   * Whose units the figures are expressed on: null (as recorded, the default), 'CURRENT' (today's
   * units) or a date 'YYYY-MM-DD' (the units in force that day). Not null: a unit's periods when it
   * did not exist are re-expressed from the units that did, through the lineage (`geographyCtes`).
   * Optional so that callers that never re-express need not say so.
   */
  readonly geography?: string | null;
  /**
   * Include figures about a part of a unit (observations with a `scope`, "one household"), which
   * are otherwise kept out of its values. Only for a unit's own points: never summed or divided.
   */
  readonly includeParts?: boolean;
  /**
   * Read the precomputed serving layer instead of computing (set by the reader when the layer is
   * fresh and the options are ones it holds; see `servable`).
   */
  readonly serving?: boolean;
}

export const NO_ROLLUP: ValueOptions = {
  rollupFrom: null,
  preferredSource: null,
  earliestPublication: false,
  recordedAsOf: null,
  updatedAfter: null,
  geography: null,
};

/**
 * The serving layer holds the values of the default source preference at the latest revision;
 * time travel and other preferences are computed.
 */
export function servable(options: ValueOptions): boolean {
  return (
    options.preferredSource === null &&
    !options.earliestPublication &&
    options.recordedAsOf === null &&
    !reexpresses(options) &&
    !options.includeParts
  );
}

/** Whether figures are re-expressed on another date's units (any geography but as recorded). */
export function reexpresses(options: ValueOptions): boolean {
  return options.geography != null;
}

const validAt = (alias: string, asOf: string | null) =>
  asOf === null
    ? sql`true`
    : sql`(${raw(alias)}.valid_from IS NULL OR ${raw(alias)}.valid_from <= ${asOf}::DATE) AND (${raw(alias)}.valid_to IS NULL OR ${raw(alias)}.valid_to > ${asOf}::DATE)`;

/** How far below `within` a kind's units are looked for (a province's villages are three links down). */
export const SUBJECT_WALK_DEPTH = 8;

function subjectsCte(set: SubjectSet): Fragment {
  if ('all' in set) return sql`subjects(id) AS (SELECT id FROM units)`;
  if ('query' in set) return sql`${set.prelude}, subjects(id) AS (${set.query})`;
  if ('ids' in set) return sql`subjects(id) AS (SELECT unnest(${stringList(set.ids)}))`;
  const kind = set.kind;
  if (set.within === null) {
    return sql`subjects(id) AS (SELECT u.id FROM units u WHERE u.kind = ${kind} AND ${validAt('u', set.asOf)})`;
  }
  return sql`walk(id, depth) AS (
      SELECT l.child_id, 1 FROM unit_links l WHERE l.parent_id = ${set.within} AND ${validAt('l', set.asOf)}
      UNION ALL
      SELECT l.child_id, w.depth + 1 FROM walk w JOIN unit_links l ON l.parent_id = w.id WHERE w.depth < ${SUBJECT_WALK_DEPTH} AND ${validAt('l', set.asOf)}
    ),
    subjects(id) AS (SELECT DISTINCT w.id FROM walk w JOIN units u ON u.id = w.id WHERE u.kind = ${kind} AND ${validAt('u', set.asOf)})`;
}

/** The ids a set stands for, so a lookup can name them (and their serving keys) as literals. */
export function subjectIds(set: SubjectSet): Fragment {
  return sql`WITH RECURSIVE ${subjectsCte(set)} SELECT id FROM subjects ORDER BY id`;
}

/** The window's bounds on `o`; only the bounds given, so DuckDB has no NULL tests to fold. */
export function periodFilter(w: ValueWindow): Fragment {
  const bounds = [sql`true`];
  if (w.to !== null) bounds.push(sql`o.period_start <= ${w.to}::DATE`);
  if (w.from !== null) bounds.push(sql`coalesce(o.period_end, current_date) >= ${w.from}::DATE`);
  // An IN list of values, which DuckDB pushes into the scan; `= ANY(list)` became a semi-join
  // after it (a nationwide ranking's two years filtered 1.27 M scanned rows to 0.21 M only then).
  if (w.periods !== null)
    bounds.push(
      w.periods.length === 0
        ? sql`false`
        : sql`o.period IN (${join(
            w.periods.map((p) => sql`${p}`),
            ', ',
          )})`,
    );
  return join(bounds, ' AND ');
}

/** Values recorded (or revised) after `updatedAfter`, for incremental pulls. */
export function updatedAfterFilter(options: ValueOptions): Fragment {
  return options.updatedAfter === null
    ? sql`true`
    : sql`date_trunc('millisecond', o.recorded_at) > ${options.updatedAfter}::TIMESTAMP`;
}

const ratio = divide(triple('n'), triple('d'));

/** Subjects as a literal list when known up front (prunes row groups), else a semi-join. */
function subjectFilter(set: SubjectSet, options: ValueOptions): Fragment {
  if ('all' in set) return sql`true`;
  if ('ids' in set && options.rollupFrom === null && !reexpresses(options))
    return sql`o.subject_id = ANY(${stringList(set.ids)})`;
  return sql`o.subject_id IN (SELECT id FROM scope)`;
}

/** Numerators and denominators of the asked indicators, looked up in the catalogue. */
function componentList(indicators: readonly string[]): Fragment {
  return sql`coalesce((SELECT list(x) FROM (SELECT numerator AS x FROM indicators WHERE code = ANY(${stringList(indicators)}) AND numerator IS NOT NULL
    UNION ALL SELECT denominator FROM indicators WHERE code = ANY(${stringList(indicators)}) AND denominator IS NOT NULL)), [])`;
}

const rolledRatio = divide(
  { value: 'rp.rn_value', lower: 'rp.rn_lower', upper: 'rp.rn_upper' },
  { value: 'rp.rd_value', lower: 'rp.rd_lower', upper: 'rp.rd_upper' },
);

/**
 * The CTEs that give every (subject, indicator, period) one value, with its interval, how it
 * was obtained (basis) and the sources behind it. The caller appends a SELECT over `vals`.
 *
 * basis REPORTED: one observation, chosen as in `series` (reported before derived rows, then a
 *   preferred source, then publication date).
 * basis COMPUTED: a RATIO indicator recomputed from its numerator and denominator.
 * basis ROLLED_UP: (with rollupFrom) the sum of the unit's descendants of that kind, or for a
 *   ratio the sum of numerators over the sum of denominators of the descendants reporting both;
 *   `reporting` and `expected` give the coverage.
 */
export function valuesCtes(
  set: SubjectSet,
  indicators: readonly string[],
  window: ValueWindow,
  options: ValueOptions,
): Fragment {
  return options.serving
    ? servingCtes(set, indicators, window, options)
    : computedCtes(set, indicators, window, options);
}

/**
 * The serving rows a read wants: of these units (null: every unit, joined by the caller), of
 * these indicators, own values and those rolled up from the asked kind, in the window. Units and
 * indicators are plain IN lists, which DuckDB turns into filters that skip row groups; a bound
 * list (`= ANY($1)`) became a hash join with an unnest instead. A few keys are bound, so a lookup
 * repeats one text and its prepared statement; many (a province's communes) are spelled out, as
 * binding thousands of values one by one costs more than parsing them in a one-off text.
 *
 * `scattered`: the keys may lie far apart (a table's or a ranking's units across the country).
 * DuckDB tests an IN list of keys after the scan and skips only the row groups outside its
 * min/max, so 50 villages drawn across the country read an indicator's 1.7 M rows; a semi-join
 * on `serving_units` hands the scan a Bloom filter of the keys, and it read 4,900.
 */
export function servedRowFilter(
  keys: readonly number[] | null,
  indicators: readonly string[],
  window: ValueWindow,
  options: ValueOptions,
  scattered = false,
): Fragment {
  const keyFilter =
    keys === null
      ? sql`true`
      : keys.length === 0
        ? sql`false`
        : scattered
          ? sql`o.unit_key IN (SELECT unit_key FROM serving_units WHERE unit_key IN (${unitKeyList(keys)}))`
          : sql`o.unit_key IN (${unitKeyList(keys)})`;
  const indicatorFilter =
    indicators.length === 0
      ? sql`false`
      : sql`o.indicator IN (${join(
          indicators.map((i) => sql`${i}`),
          ', ',
        )})`;
  // Without a rollup, an equality: DuckDB pushes it into the scan, where IN ('', '') was a filter after it.
  const rollupFilter =
    options.rollupFrom === null ? sql`o.rollup_from = ''` : sql`o.rollup_from IN ('', ${options.rollupFrom})`;
  return sql`${keyFilter} AND ${indicatorFilter} AND ${rollupFilter}
    AND ${periodFilter(window)} AND ${updatedAfterFilter(options)}`;
}

/** Keys bound one by one up to this many; more are spelled out (see `servedRowFilter`). */
const BOUND_KEYS = 128;

function unitKeyList(keys: readonly number[]): Fragment {
  for (const k of keys) if (!Number.isSafeInteger(k)) throw new Error(`bad unit key ${k}`);
  if (keys.length > BOUND_KEYS) return sql`${raw(keys.join(', '))}`;
  // Padded to a power of two with the last key (IN ignores repeats): a lookup shape has a few
  // texts, not one per key count, so their prepared statements stay in the cache.
  const padded = [...keys];
  let size = 1;
  while (size < padded.length) size *= 2;
  while (padded.length < size) padded.push(keys[keys.length - 1]!);
  return join(
    padded.map((k) => sql`${integer(k)}`),
    ', ',
  );
}

/**
 * `vals` read from the serving layer: the unit's own values and, with a rollup, the values
 * rolled up from that kind (stored only where the unit has no own value, as computed). Named
 * keys are joined to their ids after the scan (LEFT: every row the key filter keeps has its
 * key there): joined as an inner join, DuckDB built it below the key filter's semi-join and
 * the scan lost its Bloom filter (`servedRowFilter`).
 */
function servingCtes(
  set: SubjectSet,
  indicators: readonly string[],
  window: ValueWindow,
  options: ValueOptions,
): Fragment {
  const known = 'keys' in set && set.keys !== undefined ? set.keys : null;
  const keys =
    known === null
      ? sql`keys AS MATERIALIZED (SELECT su.unit_key, su.unit_id FROM serving_units su WHERE su.unit_id IN (SELECT id FROM subjects))`
      : sql`keys(unit_key, unit_id) AS (SELECT unnest(${numberList(known)})::INTEGER, unnest(${stringList((set as { ids: readonly string[] }).ids)}))`;
  return sql`WITH RECURSIVE ${subjectsCte(set)},
    ${keys},
    vals AS (
      SELECT k.unit_id AS subject_id, o.indicator, o.period, o.period_start, o.period_end, o.granularity, o.value, o.qualifier,
             o.lower, o.upper, o.source_ids, o.observation_id, o.derived, o.basis, o.reporting, o.expected, o.recorded_at,
             o.formula, NULL::VARCHAR AS scope
      FROM serving_values o ${known === null ? sql`JOIN` : sql`LEFT JOIN`} keys k ON k.unit_key = o.unit_key
      WHERE ${servedRowFilter(known, indicators, window, options, true)}
    )`;
}

/**
 * `vals` computed from the observations. With `ownTable`, the units' own values (the `own` CTE,
 * for at least these indicators and their parts, over the same window) are read from that table
 * instead: the serving build computes them once for every indicator and then only the rollups
 * per kind, through the same SQL as here.
 */
export function computedCtes(
  set: SubjectSet,
  indicators: readonly string[],
  window: ValueWindow,
  options: ValueOptions,
  ownTable: string | null = null,
): Fragment {
  const rollup = options.rollupFrom;
  const geography = options.geography ?? null;
  // "sum of 2 of 3 village figures"
  const kindWord = sql`${(rollup ?? '').toLowerCase().replace('_', ' ')}`;
  const children =
    rollup === null
      ? sql`children(parent_id, child_id, link_from, link_to) AS (SELECT NULL::VARCHAR, NULL::VARCHAR, NULL::DATE, NULL::DATE WHERE false)`
      : // Each path carries when all its links held (greatest start, least end; both skip NULLs), so a
        // village that moved in a merger counts for its old commune before and its new one after.
        sql`child_walk(parent_id, id, depth, link_from, link_to) AS (
          SELECT l.parent_id, l.child_id, 1, l.valid_from, l.valid_to FROM unit_links l WHERE ${'all' in set ? sql`true` : sql`l.parent_id IN (SELECT id FROM subjects)`}
          UNION ALL
          SELECT w.parent_id, l.child_id, w.depth + 1, greatest(w.link_from, l.valid_from), least(w.link_to, l.valid_to)
          FROM child_walk w JOIN unit_links l ON l.parent_id = w.id WHERE w.depth < 8
        ),
        children(parent_id, child_id, link_from, link_to) AS MATERIALIZED (
          SELECT DISTINCT w.parent_id, w.id, w.link_from, w.link_to FROM child_walk w JOIN units u ON u.id = w.id WHERE u.kind = ${rollup}
        )`;
  return sql`WITH RECURSIVE ${subjectsCte(set)},
    wanted AS (SELECT code, aggregation, numerator, denominator FROM indicators WHERE code = ANY(${stringList(indicators)})),
    components AS (
      SELECT code FROM wanted
      UNION SELECT numerator FROM wanted WHERE aggregation = 'RATIO' AND numerator IS NOT NULL
      UNION SELECT denominator FROM wanted WHERE aggregation = 'RATIO' AND denominator IS NOT NULL
    ),
    ${children},${
      geography === null
        ? sql``
        : sql`
    ${geographyPathCtes(geography)},`
    }
    scope(id) AS (SELECT id FROM subjects UNION SELECT child_id FROM children${geography === null ? sql`` : sql` UNION SELECT unit FROM geo_paths`}),
    ${ownTable === null ? ownCtes(set, indicators, window, options) : ownFromTable(ownTable)},
    -- How many descendants of the kind existed at each period's start: a commune that ended in
    -- 2023 counts for 2022 and not for 2024.
    period_keys AS (
      SELECT DISTINCT subject_id AS parent_id, period, period_start FROM own WHERE subject_id IN (SELECT parent_id FROM children)
      UNION SELECT DISTINCT c.parent_id, v.period, v.period_start FROM children c JOIN own v ON v.subject_id = c.child_id
      WHERE (c.link_from IS NULL OR c.link_from <= v.period_start) AND (c.link_to IS NULL OR c.link_to > v.period_start)
    ),
    expected_children AS (
      -- validity goes in the FILTER, not the join: an OR in a join condition forces a nested loop
      SELECT k.parent_id, k.period,
             count(*) FILTER (WHERE (u.valid_to IS NULL OR u.valid_to > k.period_start) AND (u.valid_from IS NULL OR u.valid_from <= k.period_start)
               AND (c.link_from IS NULL OR c.link_from <= k.period_start) AND (c.link_to IS NULL OR c.link_to > k.period_start))::INTEGER AS n
      FROM period_keys k JOIN children c ON c.parent_id = k.parent_id JOIN units u ON u.id = c.child_id
      GROUP BY k.parent_id, k.period
    ),
    child_sums AS (
      SELECT c.parent_id AS subject_id, v.indicator, v.period, min(v.period_start) AS period_start, max(v.period_end) AS period_end,
             min(v.granularity) AS granularity, sum(v.value) AS value,
             CASE WHEN bool_or(v.lower IS NULL) THEN NULL ELSE sum(v.lower) END AS lower,
             CASE WHEN bool_or(v.upper IS NULL) THEN NULL ELSE sum(v.upper) END AS upper,
             bool_and(v.qualifier = 'EXACT') AS all_exact, ${sourceIdsOf('v.source_ids')} AS source_ids,
             count(*)::INTEGER AS reporting, max(v.recorded_at) AS recorded_at
      FROM children c JOIN own v ON v.subject_id = c.child_id
      WHERE (c.link_from IS NULL OR c.link_from <= v.period_start) AND (c.link_to IS NULL OR c.link_to > v.period_start)
      GROUP BY c.parent_id, v.indicator, v.period
    ),
    rolled_sum_raw AS (
      SELECT cs.subject_id, cs.indicator, cs.period, cs.period_start, cs.period_end, cs.granularity, cs.value,
             ${raw(derivedQualifier('cs.all_exact', triple('cs')))} AS qualifier, cs.lower, cs.upper, cs.source_ids,
             NULL::BIGINT AS observation_id, true AS derived, 'ROLLED_UP' AS basis, cs.reporting, e.n AS expected, cs.recorded_at,
             'sum of ' || cs.reporting || ' of ' || e.n || ' ' || ${kindWord} || ' figures' AS formula, NULL::VARCHAR AS scope
      FROM child_sums cs JOIN wanted w ON w.code = cs.indicator AND w.aggregation = 'SUM'
      JOIN expected_children e ON e.parent_id = cs.subject_id AND e.period = cs.period
    ),
    rolled_sum AS (${settled('rolled_sum_raw')}),
    -- Each numerator row carries the denominator it pairs with, so that join is on the indicator
    -- too: joined on unit and period alone (the planner's choice otherwise), every indicator of a
    -- unit met every other, quadratic in the indicators asked.
    numerators AS MATERIALIZED (
      SELECT w.code, w.denominator, n.* FROM wanted w JOIN own n ON n.indicator = w.numerator WHERE w.aggregation = 'RATIO'
    ),
    ratio_parts AS (
      SELECT c.parent_id AS subject_id, n.code AS indicator, n.period, min(n.period_start) AS period_start, max(n.period_end) AS period_end,
             min(n.granularity) AS granularity, any_value(n.indicator) AS numerator, any_value(n.denominator) AS denominator,
             CASE WHEN bool_and(n.qualifier = 'EXACT') THEN 'EXACT' ELSE 'ABOUT' END AS rn_qualifier,
             CASE WHEN bool_and(d.qualifier = 'EXACT') THEN 'EXACT' ELSE 'ABOUT' END AS rd_qualifier,
             sum(n.value) AS rn_value, CASE WHEN bool_or(n.lower IS NULL) THEN NULL ELSE sum(n.lower) END AS rn_lower, CASE WHEN bool_or(n.upper IS NULL) THEN NULL ELSE sum(n.upper) END AS rn_upper,
             sum(d.value) AS rd_value, CASE WHEN bool_or(d.lower IS NULL) THEN NULL ELSE sum(d.lower) END AS rd_lower, CASE WHEN bool_or(d.upper IS NULL) THEN NULL ELSE sum(d.upper) END AS rd_upper,
             bool_and(n.qualifier = 'EXACT' AND d.qualifier = 'EXACT') AS all_exact,
             ${sourceIdsOf('n.source_ids || d.source_ids')} AS source_ids, count(*)::INTEGER AS reporting,
             max(greatest(n.recorded_at, d.recorded_at)) AS recorded_at
      FROM numerators n
      JOIN children c ON c.child_id = n.subject_id
      JOIN own d ON d.subject_id = n.subject_id AND d.indicator = n.denominator AND d.period = n.period
      WHERE (c.link_from IS NULL OR c.link_from <= n.period_start) AND (c.link_to IS NULL OR c.link_to > n.period_start)
      GROUP BY c.parent_id, n.code, n.period
    ),
    rolled_ratio_raw AS (
      SELECT rp.subject_id, rp.indicator, rp.period, rp.period_start, rp.period_end, rp.granularity,
             ${raw(rolledRatio.value)} AS value,
             ${raw(derivedQualifier('rp.all_exact', rolledRatio))} AS qualifier,
             ${raw(rolledRatio.lower)} AS lower, ${raw(rolledRatio.upper)} AS upper, rp.source_ids,
             NULL::BIGINT AS observation_id, true AS derived, 'ROLLED_UP' AS basis, rp.reporting, e.n AS expected, rp.recorded_at,
             rp.numerator || ' / ' || rp.denominator || ' summed over ' || rp.reporting || ' of ' || e.n || ' ' || ${kindWord} || ' figures = '
               || ${raw(qualifiedText('rp.rn_qualifier', 'rp.rn_value'))} || ' / ' || ${raw(qualifiedText('rp.rd_qualifier', 'rp.rd_value'))} AS formula,
             NULL::VARCHAR AS scope
      FROM ratio_parts rp
      JOIN expected_children e ON e.parent_id = rp.subject_id AND e.period = rp.period
    ),
    rolled_ratio AS (${settled('rolled_ratio_raw')}),
    all_vals AS (
      SELECT * FROM own WHERE subject_id IN (SELECT id FROM subjects) AND indicator IN (SELECT code FROM wanted)
      UNION ALL
      SELECT r.* FROM (SELECT * FROM rolled_sum UNION ALL SELECT * FROM rolled_ratio) r
      WHERE NOT EXISTS (SELECT 1 FROM own o WHERE o.subject_id = r.subject_id AND o.indicator = r.indicator AND o.period = r.period)
    ),
    -- Every value's working: a derived figure's formula as loaded, a computed value's terms, and a
    -- re-expressed value's terms after the geography they are on.
    vals AS (
      SELECT * ${geography === null ? sql`` : sql`REPLACE (CASE WHEN basis = 'RECONSTRUCTED' THEN ${geographyLabel(geography)} || formula ELSE formula END AS formula)`} FROM all_vals
      WHERE ${options.updatedAfter}::TIMESTAMP IS NULL OR date_trunc('millisecond', recorded_at) > ${options.updatedAfter}::TIMESTAMP
    )`;
}

/** A ratio part's term in a re-expressed ratio's formula: its own terms when rebuilt, else its value. */
const reconstructedTerm = (a: string) =>
  `CASE WHEN ${a}.basis = 'RECONSTRUCTED' THEN ${a}.formula ELSE ${qualifiedText(`${a}.qualifier`, `${a}.value`)} END`;

/** Every subject's own values: its picked observations and the ratios computed from them. */
function ownCtes(set: SubjectSet, indicators: readonly string[], window: ValueWindow, options: ValueOptions): Fragment {
  const geography = options.geography ?? null;
  // Every unit's figures at the latest revision (a serving-layer build): the candidates are read
  // once, by `revised` (which DuckDB materializes, as it is read twice); materialized here too,
  // each pass copied all its figures twice. Kept materialized for a set of units, where the
  // general path's reads were as fast or faster with it.
  const candidates = 'all' in set && options.recordedAsOf === null ? 'NOT MATERIALIZED' : 'MATERIALIZED';
  return sql`-- Filter before ranking revisions: the window then runs over the few rows asked for, and a
    -- literal id list lets DuckDB skip row groups by their min/max subject_id.
    candidates AS ${raw(candidates)} (
      SELECT o.id, o.subject_id, o.indicator, o.period, o.period_start, o.period_end, o.granularity, o.value, o.qualifier,
             o.lower, o.upper, o.source_id, o.derived, o.recorded_at, o.formula, o.scope
      FROM observations o
      WHERE ${subjectFilter(set, options)}${options.includeParts ? sql`` : sql` AND o.scope IS NULL`}
        AND (${options.recordedAsOf}::TIMESTAMP IS NULL OR date_trunc('millisecond', o.recorded_at) <= ${options.recordedAsOf}::TIMESTAMP)
        AND o.indicator = ANY(${stringList(indicators)} || ${componentList(indicators)}) AND ${periodFilter(window)}
    ),
    revised AS (${
      options.recordedAsOf === null
        ? // the latest revisions are those no later one superseded: a filter, not a ranking
          sql`SELECT * FROM candidates WHERE id NOT IN (SELECT id FROM superseded_observations)`
        : sql`SELECT * FROM (SELECT * FROM candidates
            QUALIFY row_number() OVER (PARTITION BY subject_id, indicator, period, source_id ORDER BY recorded_at DESC, id DESC) = 1)
          WHERE ${notRetractedBy(options.recordedAsOf)}`
    }
    ),
    -- One figure per key, the preferred source's: its id picked by a grouped aggregate, then its row.
    chosen AS (
      SELECT arg_min(o.id, ${sourcePreferenceKey(options.preferredSource, options.earliestPublication)}) AS id
      FROM revised o JOIN sources s ON s.id = o.source_id
      WHERE o.indicator IN (SELECT code FROM components)
      GROUP BY o.subject_id, o.indicator, o.period
    ),
    picked AS (
      SELECT o.subject_id, o.indicator, o.period, o.period_start, o.period_end, o.granularity, o.value, o.qualifier,
             o.lower, o.upper, o.source_id, o.id AS observation_id, o.derived, o.recorded_at, o.formula, o.scope
      FROM revised o SEMI JOIN chosen c ON c.id = o.id
    ),
    own_recorded AS (
      SELECT p.subject_id, p.indicator, p.period, p.period_start, p.period_end, p.granularity, p.value, p.qualifier, p.lower, p.upper,
             [p.source_id] AS source_ids, p.observation_id, p.derived, 'REPORTED' AS basis, NULL::INTEGER AS reporting, NULL::INTEGER AS expected,
             p.recorded_at, p.formula, p.scope
      FROM picked p
    ),
    ${
      geography === null
        ? sql`own_reported AS (SELECT * FROM own_recorded),`
        : sql`${geographyValueCtes()},
    own_reported AS (SELECT * FROM own_recorded UNION ALL ${settled('geo_reported')}),`
    }
    -- Paired with their denominator before meeting it, as in ratio_parts below.
    reported_numerators AS MATERIALIZED (
      SELECT w.code, w.denominator, n.* FROM wanted w JOIN own_reported n ON n.indicator = w.numerator WHERE w.aggregation = 'RATIO'
    ),
    own_computed AS (
      SELECT n.subject_id, n.code AS indicator, n.period, n.period_start, n.period_end, n.granularity,
             ${raw(ratio.value)} AS value,
             ${raw(derivedQualifier(`n.qualifier = 'EXACT' AND d.qualifier = 'EXACT'`, ratio))} AS qualifier,
             ${raw(ratio.lower)} AS lower, ${raw(ratio.upper)} AS upper,
             list_distinct(n.source_ids || d.source_ids) AS source_ids, NULL::BIGINT AS observation_id, true AS derived,
             CASE WHEN n.basis = 'RECONSTRUCTED' OR d.basis = 'RECONSTRUCTED' THEN 'RECONSTRUCTED' ELSE 'COMPUTED' END AS basis,
             n.reporting, n.expected, greatest(n.recorded_at, d.recorded_at) AS recorded_at,
             -- "em_members / members = 339 / 377"; re-expressed parts show their terms
             CASE WHEN n.basis = 'RECONSTRUCTED' OR d.basis = 'RECONSTRUCTED'
               THEN '(' || ${raw(reconstructedTerm('n'))} || ') / (' || ${raw(reconstructedTerm('d'))} || ')'
               ELSE n.indicator || ' / ' || d.indicator || ' = ' || ${raw(qualifiedText('n.qualifier', 'n.value'))} || ' / ' || ${raw(qualifiedText('d.qualifier', 'd.value'))} END AS formula,
             NULL::VARCHAR AS scope
      FROM reported_numerators n
      JOIN own_reported d ON d.indicator = n.denominator AND d.subject_id = n.subject_id AND d.period = n.period
      -- a part's figure (with includeParts) is never divided: it is not the unit's
      WHERE n.scope IS NULL AND d.scope IS NULL
        AND NOT EXISTS (SELECT 1 FROM own_reported r WHERE r.subject_id = n.subject_id AND r.indicator = n.code AND r.period = n.period)
    ),
    own AS MATERIALIZED (SELECT * FROM own_reported UNION ALL ${settled('own_computed')})`;
}

/**
 * Own values read from a table of them (possibly of more indicators): keeping what `ownCtes` would
 * give for these (a part that is itself a ratio counts only as reported, as there), so rollups
 * match. Materialized as the computed `own` is, so the rollup's plan keeps the same shape.
 */
function ownFromTable(table: string): Fragment {
  return sql`own AS MATERIALIZED (SELECT * FROM ${raw(table)}
      WHERE indicator IN (SELECT code FROM wanted) OR (basis = 'REPORTED' AND indicator IN (SELECT code FROM components)))`;
}
