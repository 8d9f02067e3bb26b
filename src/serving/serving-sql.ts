import { sql, raw, join, stringList, type Fragment } from '../store/sql.js';
import { NO_ROLLUP, computedCtes, type SubjectSet } from '../analytics/values-sql.js';

/**
 * Statements that build the serving layer. Its rows are the `vals` of the general path (the
 * same CTE chain, so the same answers), keyed by integer unit keys and stored in the order
 * reads skip by (`LAYER_ORDER`).
 */

const EVERY_PERIOD = { from: null, to: null, periods: null };

/**
 * The layer's physical order, for a full build and each refresh's new rows alike: by indicator
 * and rollup, then unit. A question about one indicator across the country (a ranking, the
 * availability matrix, a bulk pull) reads that indicator's row groups only, and a unit's lookup
 * still skips by min/max unit key to one row group per indicator asked. Sorted by unit first, every
 * such question scanned all 41.8 M national rows: a nationwide ranking of villages took 1.2 s
 * where it now takes 0.6-0.9 s, 50 villages' series 430 ms where they take 120-150 ms.
 */
const LAYER_ORDER = raw('indicator, rollup_from, unit_key, period_start, period');

/**
 * A full build takes the indicators a few at a time, in indicator order, and each pass writes its
 * rows straight into the layer sorted by `LAYER_ORDER`: pass after pass, the layer comes out in
 * that order with no second copy of it and no sort of all of it (the national layer's one global
 * sort took 2.5 minutes and most of 20 GB). Passes stay small: own values of every indicator at
 * once ranked all observations in one window and spilled gigabytes, and a rollup's joins and list
 * aggregates grow with the indicators asked.
 *
 * Own values and those rolled up from `kind` in one statement: for indicators summed from one
 * kind only (most), a table of own values would only add a write.
 */
export function insertOwnAndRolled(indicators: readonly string[], kind: string | null): Fragment {
  return sql`INSERT INTO serving_values
    ${computedCtes({ all: true }, indicators, EVERY_PERIOD, { ...NO_ROLLUP, rollupFrom: kind })}
    SELECT ${servingColumns(kind)}
    FROM vals v JOIN serving_units su ON su.unit_id = v.subject_id
    ORDER BY ${LAYER_ORDER}`;
}

/**
 * A pass whose indicators roll up from several kinds computes the units' own values once (the
 * scan of the observations, the revision filter, the source preference) into `serving_own`, and
 * reads each kind's rollups from it (`insertOwnAndRolledFromOwn`).
 */
export function createOwnTable(indicators: readonly string[]): Fragment {
  return sql`CREATE OR REPLACE TEMP TABLE serving_own AS
    ${computedCtes({ all: true }, indicators, EVERY_PERIOD, NO_ROLLUP)}
    SELECT * FROM own`;
}

/**
 * The pass's own values from `serving_own` (which holds their parts too, written by their own
 * pass) and their rollups from each kind, summed from it by the general path's SQL: one insert,
 * so the pass is written in layer order as a whole.
 */
export function insertOwnAndRolledFromOwn(indicators: readonly string[], kinds: readonly string[]): Fragment {
  const rolled = kinds.map(
    (kind) => sql`
    UNION ALL SELECT * FROM (
      ${computedCtes({ all: true }, indicators, EVERY_PERIOD, { ...NO_ROLLUP, rollupFrom: kind }, 'serving_own')}
      SELECT ${servingColumns(kind)}
      FROM vals v JOIN serving_units su ON su.unit_id = v.subject_id
      WHERE v.basis = 'ROLLED_UP')`,
  );
  return sql`INSERT INTO serving_values
    SELECT * FROM (
      SELECT ${servingColumns(null)} FROM serving_own v JOIN serving_units su ON su.unit_id = v.subject_id
      WHERE v.indicator = ANY(${stringList(indicators)})${join(rolled, '')})
    ORDER BY ${LAYER_ORDER}`;
}

export function dropOwnTable(): Fragment {
  return sql`DROP TABLE IF EXISTS temp.serving_own`;
}

/**
 * The generator's build runs each pass in a transaction of its own and notes it here, so a build
 * that was killed goes on from the next pass (`rebuildServingInSteps`). A plain table: a temp one
 * would die with the process.
 */
export function createBuildProgress(): Fragment {
  return sql`CREATE TABLE IF NOT EXISTS serving_build_progress (step VARCHAR PRIMARY KEY)`;
}

export function buildStepsDone(): Fragment {
  return sql`SELECT step FROM serving_build_progress`;
}

export function markBuildStep(step: string): Fragment {
  return sql`INSERT INTO serving_build_progress VALUES (${step})`;
}

export function dropBuildProgress(): Fragment {
  return sql`DROP TABLE IF EXISTS serving_build_progress`;
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
 * The incremental refresh works on two temp tables of touched keys, so every statement is a join
 * whatever the load's size (no list of ids travels through JavaScript). A value is one unit,
 * indicator and period, and depends only on figures of that period (a unit's own value on its
 * figures, a ratio on its parts', a rollup on its descendants' own values), so the keys are
 * (unit, indicator, period):
 * - `serving_touched`: whose own values may have changed: what the import wrote or retracted,
 *   and the ratios those figures are a numerator or denominator of;
 * - `serving_rolled`: whose rolled-up values may have changed: the touched keys (a unit's own
 *   value hides its rollup) and those of every ancestor of their units (whatever the links'
 *   dates: a rollup may count a child for some years only), of units with children only.
 * Both carry the unit's serving key.
 */
export function createTouchedKeys(importId: number): Fragment {
  // One grouping of the written and retracted rows and the ratios they are parts of, by the key
  // alone (a period's start and end follow from its label): three DISTINCTs over a million-row
  // load, each on five columns, cost a fifth of its refresh.
  return sql`CREATE OR REPLACE TEMP TABLE serving_touched AS
    WITH loaded AS (
      SELECT subject_id, indicator, period, period_start, period_end FROM observations WHERE import_id = ${importId}
      UNION ALL SELECT o.subject_id, o.indicator, o.period, o.period_start, o.period_end FROM observations o
        SEMI JOIN superseded_observations s ON s.id = o.id AND s.retracted_by = ${importId}
    ),
    touched AS (
      SELECT * FROM loaded
      UNION ALL SELECT l.subject_id, i.code, l.period, l.period_start, l.period_end FROM loaded l
        JOIN indicators i ON i.aggregation = 'RATIO' AND l.indicator IN (i.numerator, i.denominator)
    )
    SELECT su.unit_key, t.subject_id AS unit_id, t.indicator, t.period,
      any_value(t.period_start) AS period_start, any_value(t.period_end) AS period_end
    FROM touched t JOIN serving_units su ON su.unit_id = t.subject_id
    GROUP BY su.unit_key, t.subject_id, t.indicator, t.period`;
}

export function createRolledKeys(): Fragment {
  // The walk up starts from the touched units' parents with the keys already collapsed onto them
  // (a commune's villages' million keys become its few thousand), not from every touched key.
  return sql`CREATE OR REPLACE TEMP TABLE serving_rolled AS
    WITH RECURSIVE up(unit_id, indicator, period) AS (
      SELECT DISTINCT l.parent_id, t.indicator, t.period FROM serving_touched t JOIN unit_links l ON l.child_id = t.unit_id
      UNION
      SELECT l.parent_id, u.indicator, u.period FROM up u JOIN unit_links l ON l.child_id = u.unit_id
    ),
    rolled AS (
      SELECT unit_id, indicator, period FROM up
      -- a touched unit with children: its own value hides its rollup, which may reappear or vanish
      UNION SELECT t.unit_id, t.indicator, t.period FROM serving_touched t
        SEMI JOIN (SELECT DISTINCT parent_id FROM unit_links) p ON p.parent_id = t.unit_id
    )
    SELECT su.unit_key, r.unit_id, r.indicator, r.period FROM rolled r JOIN serving_units su ON su.unit_id = r.unit_id`;
}

/** Up to this many touched periods are named to the refresh (see `touchedScope`); more, and the window alone bounds it. */
const NAMED_PERIODS = 400;

/**
 * The touched indicators (a catalogue's worth at most), the days the touched periods span, and
 * the touched periods themselves when they are few: the refresh reads the figures of those
 * periods only, filtered in the scan, where the window alone also read every other figure in it
 * (the province's yearly figures under a load of months).
 */
export function touchedScope(): Fragment {
  return sql`SELECT list(DISTINCT indicator ORDER BY indicator) AS indicators,
      strftime(min(period_start), '%Y-%m-%d') AS "from", strftime(max(coalesce(period_end, current_date)), '%Y-%m-%d') AS "to",
      CASE WHEN count(DISTINCT period) <= ${NAMED_PERIODS} THEN list(DISTINCT period ORDER BY period) END AS periods
    FROM serving_touched`;
}

/** Drops the touched own values and every touched rolled-up value (of any kind), before they are written anew. */
export function deleteTouchedValues(): Fragment[] {
  return [
    sql`DELETE FROM serving_values v USING serving_touched t
      WHERE v.unit_key = t.unit_key AND v.indicator = t.indicator AND v.period = t.period AND v.rollup_from = ''`,
    sql`DELETE FROM serving_values v USING serving_rolled t
      WHERE v.unit_key = t.unit_key AND v.indicator = t.indicator AND v.period = t.period AND v.rollup_from <> ''`,
  ];
}

/** Units of a keys table as a subject set, so the general path's SQL computes over them. */
function unitsOf(table: 'serving_touched' | 'serving_rolled'): SubjectSet {
  return {
    // Materialized: the rollup's walk down the links starts from it, and read inline it was
    // recomputed from the whole keys table there.
    prelude: sql`refreshed_units(id) AS MATERIALIZED (SELECT DISTINCT unit_id FROM ${raw(table)})`,
    query: sql`SELECT id FROM refreshed_units`,
  };
}

/** A refresh's scope: the touched indicators, the window their periods span and, when few, those periods (`touchedScope`). */
export interface TouchedScope {
  readonly indicators: readonly string[];
  readonly from: string;
  readonly to: string;
  /** Absent or null: every period in the window. */
  readonly periods?: readonly string[] | null;
}

// A value depends only on figures of its own period, so naming the touched periods leaves every
// touched value as it was.
const windowOf = (scope: TouchedScope) => ({ from: scope.from, to: scope.to, periods: scope.periods ?? null });

/**
 * The touched units' own values, computed by the general path for their units, indicators and
 * window, and kept for the touched keys only.
 */
export function insertTouchedOwn(scope: TouchedScope): Fragment {
  return sql`INSERT INTO serving_values
    ${computedCtes(unitsOf('serving_touched'), scope.indicators, windowOf(scope), NO_ROLLUP)}
    SELECT ${servingColumns(null)}
    -- the keys table holds each key once, with its unit's key: one join, not a semi join and a lookup
    FROM vals v JOIN serving_touched su ON su.unit_id = v.subject_id AND su.indicator = v.indicator AND su.period = v.period
    ORDER BY ${LAYER_ORDER}`;
}

/**
 * The own values a rollup of the touched keys reads, taken from the layer (just refreshed)
 * instead of computed again: of those units and all their descendants, for the touched
 * indicators and their parts and the touched periods, in the shape of the general path's `own`
 * (see `ownFromTable`).
 */
export function createRolledOwn(scope: TouchedScope): Fragment {
  const indicators = stringList(scope.indicators);
  return sql`CREATE OR REPLACE TEMP TABLE serving_own AS
    WITH RECURSIVE down(id) AS (
      SELECT DISTINCT unit_id FROM serving_rolled
      UNION
      SELECT l.child_id FROM down d JOIN unit_links l ON l.parent_id = d.id
    ),
    parts AS (
      SELECT code FROM indicators WHERE code = ANY(${indicators})
      UNION SELECT numerator FROM indicators WHERE code = ANY(${indicators}) AND aggregation = 'RATIO' AND numerator IS NOT NULL
      UNION SELECT denominator FROM indicators WHERE code = ANY(${indicators}) AND aggregation = 'RATIO' AND denominator IS NOT NULL
    )
    SELECT su.unit_id AS subject_id, v.indicator, v.period, v.period_start, v.period_end, v.granularity, v.value, v.qualifier,
           v.lower, v.upper, v.source_ids, v.observation_id, v.derived, v.basis, v.reporting, v.expected, v.recorded_at,
           v.formula, NULL::VARCHAR AS scope
    FROM serving_values v JOIN serving_units su ON su.unit_key = v.unit_key SEMI JOIN down d ON d.id = su.unit_id
    WHERE v.rollup_from = '' AND v.indicator IN (SELECT code FROM parts)
      AND v.period IN (SELECT DISTINCT period FROM serving_rolled)`;
}

/** Kinds of unit holding any of those own values: the only kinds a rollup of them can sum. */
export function rolledOwnKinds(): Fragment {
  return sql`SELECT DISTINCT u.kind FROM units u SEMI JOIN serving_own o ON o.subject_id = u.id ORDER BY 1`;
}

/** The touched rolled-up values from `kind`, summed by the general path's SQL from `serving_own`. */
export function insertTouchedRolled(kind: string, scope: TouchedScope): Fragment {
  return sql`INSERT INTO serving_values
    ${computedCtes(unitsOf('serving_rolled'), scope.indicators, windowOf(scope), { ...NO_ROLLUP, rollupFrom: kind }, 'serving_own')}
    SELECT ${servingColumns(kind)}
    FROM vals v JOIN serving_rolled su ON su.unit_id = v.subject_id AND su.indicator = v.indicator AND su.period = v.period
    WHERE v.basis = 'ROLLED_UP'
    ORDER BY ${LAYER_ORDER}`;
}

export function dropTouched(): Fragment[] {
  return [
    sql`DROP TABLE IF EXISTS temp.serving_touched`,
    sql`DROP TABLE IF EXISTS temp.serving_rolled`,
    sql`DROP TABLE IF EXISTS temp.serving_own`,
  ];
}

/** Whether an import changed units, links or the catalogue (wrote, replaced or retired rows): then every rollup may change. */
export function importChangedStructure(importId: number): Fragment {
  return sql`SELECT (EXISTS (SELECT 1 FROM units WHERE import_id = ${importId})
    OR EXISTS (SELECT 1 FROM unit_links WHERE import_id = ${importId})
    OR EXISTS (SELECT 1 FROM indicators WHERE import_id = ${importId})
    OR EXISTS (SELECT 1 FROM row_history WHERE replaced_by = ${importId} AND table_name IN ('units', 'unit_links', 'indicators'))) AS changed`;
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

/**
 * The units an import's refresh recomputed: the subjects of the observations it wrote or retracted
 * and every ancestor of theirs (their rollups), whatever the link's dates. Read by the serving
 * status to keep the rest of the hot copy answering while it reloads.
 */
export function importUnitsAndAncestors(importId: number): Fragment {
  return sql`WITH RECURSIVE up(id, depth) AS (
      SELECT DISTINCT subject_id, 0 FROM observations
      WHERE import_id = ${importId} OR id IN (SELECT id FROM superseded_observations WHERE retracted_by = ${importId})
      UNION ALL
      SELECT l.parent_id, u.depth + 1 FROM up u JOIN unit_links l ON l.child_id = u.id WHERE u.depth < 8
    )
    SELECT DISTINCT id FROM up ORDER BY 1`;
}
