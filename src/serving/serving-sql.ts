import { sql, stringList, type Fragment } from '../store/sql.js';
import { NO_ROLLUP, computedCtes, valuesCtes, type SubjectSet } from '../analytics/values-sql.js';

/**
 * Statements that build the serving layer. Its rows are the `vals` of the general path (the
 * same CTE chain, so the same answers), keyed by integer unit keys and stored in the order
 * lookups read them: by unit, so the values of a unit (or of a commune's villages, whose keys
 * are neighbours) sit in one row group.
 */

const EVERY_PERIOD = { from: null, to: null, periods: null };

/**
 * A full rebuild takes the indicators a few at a time. A pass whose indicators roll up from
 * several kinds computes the units' own values once (the scan of the observations, the revision
 * filter, the source preference) into `serving_own` and reads each kind's rollups from it; a pass
 * with one kind does both in one statement, where the table would only add a write. Passes stay small: own values of every indicator at once
 * ranked all observations in one window and spilled gigabytes, and a rollup's joins and list
 * aggregates grow with the indicators asked.
 */
export function createOwnTable(indicators: readonly string[]): Fragment {
  return sql`CREATE OR REPLACE TEMP TABLE serving_own AS
    ${computedCtes({ all: true }, indicators, EVERY_PERIOD, NO_ROLLUP)}
    SELECT * FROM own`;
}

/** The pass's own values (the table holds their parts too, which their own pass writes). */
export function insertOwnFromTable(indicators: readonly string[]): Fragment {
  return sql`INSERT INTO serving_build
    SELECT ${servingColumns(null)} FROM serving_own v JOIN serving_units su ON su.unit_id = v.subject_id
    WHERE v.indicator = ANY(${stringList(indicators)})`;
}

export function createBuildTable(): Fragment {
  return sql`CREATE OR REPLACE TEMP TABLE serving_build AS SELECT * FROM serving_values LIMIT 0`;
}

/**
 * Own values and those rolled up from `kind` in one statement: for indicators summed from one
 * kind only (most), a table of own values would only add a write.
 */
export function insertOwnAndRolled(indicators: readonly string[], kind: string | null): Fragment {
  return sql`INSERT INTO serving_build
    ${computedCtes({ all: true }, indicators, EVERY_PERIOD, { ...NO_ROLLUP, rollupFrom: kind })}
    SELECT ${servingColumns(kind)}
    FROM vals v JOIN serving_units su ON su.unit_id = v.subject_id`;
}

/** The values of `indicators` rolled up from `kind`, summed from `serving_own` by the general path's SQL. */
export function insertRolledFromOwn(kind: string, indicators: readonly string[]): Fragment {
  return sql`INSERT INTO serving_build
    ${computedCtes({ all: true }, indicators, EVERY_PERIOD, { ...NO_ROLLUP, rollupFrom: kind }, 'serving_own')}
    SELECT ${servingColumns(kind)}
    FROM vals v JOIN serving_units su ON su.unit_id = v.subject_id
    WHERE v.basis = 'ROLLED_UP'`;
}

/** One sort of everything computed: cheaper than keeping each pass in order. */
export function writeBuildInKeyOrder(): Fragment[] {
  return [
    sql`INSERT INTO serving_values SELECT * FROM serving_build ORDER BY unit_key, indicator, rollup_from, period_start, period`,
    sql`DROP TABLE serving_build`,
    sql`DROP TABLE IF EXISTS serving_own`,
  ];
}

/** A row of serving_values from a row `v` of `vals` and its unit's key `su`. */
function servingColumns(rollupFrom: string | null): Fragment {
  return sql`su.unit_key, v.indicator, CASE WHEN v.basis = 'ROLLED_UP' THEN ${rollupFrom ?? ''} ELSE '' END AS rollup_from,
           v.period, v.period_start, v.period_end, v.granularity, v.value, v.qualifier, v.lower, v.upper,
           v.source_ids, v.observation_id, v.derived, v.basis, v.reporting, v.expected, v.recorded_at, v.formula`;
}

export function servingState(): Fragment {
  return sql`SELECT (SELECT max(import_id) FROM serving_state)::INTEGER AS "servedImport",
    (SELECT max(id) FROM imports)::INTEGER AS "latestImport"`;
}

export function markRefreshed(importId: number, how: 'full' | 'incremental'): Fragment[] {
  return [sql`DELETE FROM serving_state`, sql`INSERT INTO serving_state VALUES (${importId}, now(), ${how})`];
}

export function clearServing(): Fragment[] {
  return [sql`DELETE FROM serving_values`, sql`DELETE FROM serving_units`];
}

/** Keys in unit id order, so a commune's villages (ids share a prefix) get neighbouring keys. */
export function numberAllUnits(): Fragment {
  return sql`INSERT INTO serving_units SELECT row_number() OVER (ORDER BY id)::INTEGER, id FROM units`;
}

/** Units loaded since the last numbering get the next keys. */
export function numberNewUnits(): Fragment {
  return sql`INSERT INTO serving_units
    SELECT (SELECT coalesce(max(unit_key), 0) FROM serving_units) + row_number() OVER (ORDER BY u.id)::INTEGER, u.id
    FROM units u ANTI JOIN serving_units s ON s.unit_id = u.id`;
}

/**
 * For each indicator, the kinds of unit holding its figures (or its ratio's parts): the kinds a
 * rollup can sum. Any other rollup of it has nothing to sum, so nothing to store.
 */
export function rollupKindsPerIndicator(): Fragment {
  return sql`WITH held AS (SELECT DISTINCT o.indicator, u.kind FROM observations o JOIN units u ON u.id = o.subject_id)
    SELECT i.code AS indicator, list(DISTINCT h.kind ORDER BY h.kind) AS kinds
    FROM indicators i JOIN held h ON h.indicator IN (i.code, i.numerator, i.denominator)
    GROUP BY i.code ORDER BY i.code`;
}

export function allKinds(): Fragment {
  return sql`SELECT DISTINCT kind FROM units ORDER BY kind`;
}

/**
 * Writes the values of `set` for `indicators` (the incremental refresh): with `ownToo`, the units'
 * own values, and with a rollup kind, the values rolled up from it.
 */
export function insertValues(
  set: SubjectSet,
  indicators: readonly string[],
  rollupFrom: string | null,
  ownToo: boolean,
): Fragment {
  const keep = rollupFrom === null ? sql`true` : ownToo ? sql`true` : sql`v.basis = 'ROLLED_UP'`;
  return sql`INSERT INTO serving_values
    ${valuesCtes(set, indicators, EVERY_PERIOD, { ...NO_ROLLUP, rollupFrom })}
    SELECT ${servingColumns(rollupFrom)}
    FROM vals v JOIN serving_units su ON su.unit_id = v.subject_id
    WHERE ${keep}
    ORDER BY su.unit_key, v.indicator, v.period_start, v.period`;
}

/** Subjects of the import's observations, written or retracted: their own values change. */
export function importSubjects(importId: number): Fragment {
  return sql`SELECT DISTINCT subject_id AS id FROM observations
    WHERE import_id = ${importId} OR id IN (SELECT id FROM superseded_observations WHERE retracted_by = ${importId}) ORDER BY 1`;
}

/** Whether an import changed units, links or the catalogue (wrote, replaced or retired rows): then every rollup may change. */
export function importChangedStructure(importId: number): Fragment {
  return sql`SELECT (EXISTS (SELECT 1 FROM units WHERE import_id = ${importId})
    OR EXISTS (SELECT 1 FROM unit_links WHERE import_id = ${importId})
    OR EXISTS (SELECT 1 FROM indicators WHERE import_id = ${importId})
    OR EXISTS (SELECT 1 FROM row_history WHERE replaced_by = ${importId} AND table_name IN ('units', 'unit_links', 'indicators'))) AS changed`;
}

/** The units whose rollups include any of `ids`: every ancestor, whatever the link's dates. */
export function ancestorsOf(ids: readonly string[]): Fragment {
  return sql`WITH RECURSIVE up(id, depth) AS (
      SELECT unnest(${stringList(ids)}), 0
      UNION ALL
      SELECT l.parent_id, u.depth + 1 FROM up u JOIN unit_links l ON l.child_id = u.id WHERE u.depth < 8
    )
    SELECT DISTINCT id FROM up WHERE depth > 0 ORDER BY 1`;
}

export function deleteValues(ownOf: readonly string[], rolledOf: readonly string[]): Fragment {
  return sql`DELETE FROM serving_values WHERE
    (rollup_from = '' AND unit_key IN (SELECT unit_key FROM serving_units WHERE unit_id = ANY(${stringList(ownOf)})))
    OR (rollup_from <> '' AND unit_key IN (SELECT unit_key FROM serving_units WHERE unit_id = ANY(${stringList(rolledOf)})))`;
}

/** The import the layer reflected and the one before `importId` (inside the import's transaction). */
export function stateBefore(importId: number): Fragment {
  return sql`SELECT (SELECT max(id) FROM imports WHERE id < ${importId})::INTEGER AS previous,
    (SELECT max(import_id) FROM serving_state)::INTEGER AS served`;
}

export function unitKeys(): Fragment {
  return sql`SELECT unit_id, unit_key FROM serving_units`;
}

/**
 * Changes whenever the unit keys or the layer's values may have: every build and refresh of the
 * layer writes its state row anew (a full build numbers the units afresh), and refreshes append
 * keys. The unit keys and the hot values (`HotValues`) are both copies of this mark.
 */
export function unitKeysMark(): Fragment {
  return sql`SELECT concat_ws('/', (SELECT count(*) FROM serving_units), (SELECT max(unit_key) FROM serving_units),
      (SELECT string_agg(concat_ws(',', import_id, refreshed_at, how), ';') FROM serving_state)) AS mark`;
}
