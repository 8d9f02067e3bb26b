import { sql, raw, type Fragment } from '../store/sql.js';

/**
 * A re-import of a bundled origin (seed, national) retires what that origin wrote earlier and its
 * new files no longer state, so an upgraded store holds what a fresh one would: a unit the seed
 * dropped leaves the live tables instead of lingering beside its replacement. The rule, written
 * here once:
 * - a current figure of the origin whose (subject, indicator, period, source) the load does not
 *   state is retracted: its revision stays in observations and superseded_observations records
 *   the retraction (retracted_by), so a read as of an earlier moment still sees it; a reported
 *   change (keyed by both its periods) likewise, in superseded_reported_changes;
 * - a reference row the origin wrote (its current version; a user's correction is not the
 *   origin's) whose key the load does not state moves to row_history (RETIRED), unless a live row
 *   still refers to it: a current figure or reported change, a link, a document link, a finding,
 *   a unit sitting in it, a document, or for a source or indicator any revision. That row is
 *   kept, and the import says which and why. Links are retired as their set is replaced (replaceLinks).
 * Tables are retired in an order where a row is retired before what it refers to (documents and
 * units before sources), so a retired unit no longer holds its source.
 */
export const RETIRE_ORDER = ['documents', 'people', 'units', 'indicators', 'sources'] as const;
export type RetiredTable = (typeof RETIRE_ORDER)[number];

const KEY: Record<RetiredTable, string> = {
  documents: 'id',
  people: 'id',
  units: 'id',
  indicators: 'code',
  sources: 'id',
};

/** Live rows that refer to a row of each table: (ref, by_table, by_import). */
const REFERRERS: Record<RetiredTable, string> = {
  documents: `SELECT document_id, 'document_links', import_id FROM document_links`,
  people: `SELECT person_id, 'roles', import_id FROM roles`,
  units: `SELECT subject_id, 'observations', import_id FROM observations
      WHERE subject_id IN (SELECT "key" FROM retire_units) AND id NOT IN (SELECT id FROM superseded_observations)
    UNION ALL SELECT child_id, 'unit_links', import_id FROM unit_links
    UNION ALL SELECT parent_id, 'unit_links', import_id FROM unit_links
    UNION ALL SELECT predecessor_id, 'unit_lineage', import_id FROM unit_lineage
    UNION ALL SELECT successor_id, 'unit_lineage', import_id FROM unit_lineage
    UNION ALL SELECT unit_id, 'document_links', import_id FROM document_links
    UNION ALL SELECT unit_id, 'roles', import_id FROM roles
    UNION ALL SELECT unit_id, 'data_findings', import_id FROM data_findings
    UNION ALL SELECT other_unit_id, 'data_findings', import_id FROM data_findings
    UNION ALL SELECT admin_unit_id, 'units', import_id FROM units WHERE id NOT IN (SELECT "key" FROM retire_units)
    UNION ALL SELECT subject_id, 'reported_changes', import_id FROM current_reported_changes`,
  indicators: `SELECT indicator, 'observations', import_id FROM observations
    UNION ALL SELECT indicator, 'reported_changes', import_id FROM reported_changes
    UNION ALL SELECT numerator, 'indicators', import_id FROM indicators WHERE code NOT IN (SELECT "key" FROM retire_indicators)
    UNION ALL SELECT denominator, 'indicators', import_id FROM indicators WHERE code NOT IN (SELECT "key" FROM retire_indicators)`,
  sources: `SELECT source_id, 'observations', import_id FROM observations
    UNION ALL SELECT source_id, 'reported_changes', import_id FROM reported_changes
    UNION ALL SELECT source_id, 'units', import_id FROM units
    UNION ALL SELECT source_id, 'unit_links', import_id FROM unit_links
    UNION ALL SELECT source_id, 'unit_lineage', import_id FROM unit_lineage
    UNION ALL SELECT unnest(also_source_ids), 'unit_lineage', import_id FROM unit_lineage
    UNION ALL SELECT source_id, 'documents', import_id FROM documents
    UNION ALL SELECT source_id, 'document_links', import_id FROM document_links
    UNION ALL SELECT source_id, 'people', import_id FROM people
    UNION ALL SELECT source_id, 'roles', import_id FROM roles
    UNION ALL SELECT unnest(source_ids), 'data_findings', import_id FROM data_findings`,
};

/** The origin's current figures the load does not state: retracted, their revisions kept. */
export function retractUnstatedObservations(origin: string, importId: number): Fragment {
  return sql`INSERT INTO superseded_observations (id, superseded_by, superseded_at, retracted_by)
    SELECT c.id, NULL, now() AT TIME ZONE 'UTC', ${importId}::INTEGER
    FROM observations c
    WHERE c.import_id IN (SELECT id FROM imports WHERE origin = ${origin} AND id <> ${importId})
      AND c.id NOT IN (SELECT id FROM superseded_observations)
      AND NOT EXISTS (SELECT 1 FROM stage_observations s
        WHERE s.subject_id = c.subject_id AND s.indicator = c.indicator AND s.period = c.period AND s.source_id = c.source_id)`;
}

/** The origin's current reported changes the load does not state: retracted like figures. */
export function retractUnstatedChanges(origin: string, importId: number): Fragment {
  return sql`INSERT INTO superseded_reported_changes (id, superseded_by, superseded_at, retracted_by)
    SELECT c.id, NULL, now() AT TIME ZONE 'UTC', ${importId}::INTEGER
    FROM reported_changes c
    WHERE c.import_id IN (SELECT id FROM imports WHERE origin = ${origin} AND id <> ${importId})
      AND c.id NOT IN (SELECT id FROM superseded_reported_changes)
      AND NOT EXISTS (SELECT 1 FROM stage_reported_changes s
        WHERE s.subject_id = c.subject_id AND s.indicator = c.indicator AND s.from_period = c.from_period
          AND s.to_period = c.to_period AND s.source_id = c.source_id)`;
}

export function countRetractedChanges(importId: number): Fragment {
  return sql`SELECT count(*)::INTEGER AS n FROM superseded_reported_changes WHERE retracted_by = ${importId}`;
}

export function countRetracted(importId: number): Fragment {
  return sql`SELECT count(*)::INTEGER AS n FROM superseded_observations WHERE retracted_by = ${importId}`;
}

/**
 * Decides which of the origin's unstated rows of `table` retire: `retire_<table>` holds the
 * candidates, `held_<table>` those a live row still refers to, each with why (a unit kept
 * because a kept unit sits in it is held too). `next_<table>` is the load's typed rows
 * (planReferenceWrite), so a table the load did not carry states nothing.
 */
export function planRetirement(table: RetiredTable, origin: string): Fragment[] {
  const key = raw(`"${KEY[table]}"`);
  const t = raw(table);
  const candidates = raw(`retire_${table}`);
  const sitsIn =
    table === 'units'
      ? `UNION SELECT u.admin_unit_id, 'units (' || u.id || ', itself kept)' FROM units u JOIN held h ON h."key" = u.id
          WHERE u.admin_unit_id IN (SELECT "key" FROM retire_units)`
      : '';
  return [
    sql`CREATE OR REPLACE TEMP TABLE ${candidates} AS
      SELECT t.${key}::VARCHAR AS "key" FROM ${t} t JOIN imports i ON i.id = t.import_id
      WHERE i.origin = ${origin} AND t.${key} NOT IN (SELECT ${key} FROM ${raw(`next_${table}`)})`,
    sql`CREATE OR REPLACE TEMP TABLE ${raw(`held_${table}`)} AS
      WITH RECURSIVE refs(ref, by_table, by_import) AS (${raw(REFERRERS[table])}),
      held("key", reason) AS (
        SELECT DISTINCT r.ref, r.by_table || ' (' || i.origin || ')'
        FROM refs r JOIN imports i ON i.id = r.by_import WHERE r.ref IN (SELECT "key" FROM ${candidates})
        ${raw(sitsIn)}
      )
      SELECT "key", string_agg(DISTINCT reason, '; ' ORDER BY reason) AS reason FROM held GROUP BY "key"`,
  ];
}

/** What the plan keeps in use, and why (the first `limit`). */
export function heldRows(table: RetiredTable, limit: number): Fragment {
  return sql`SELECT ${table} AS "table", "key", reason AS "usedBy" FROM ${raw(`held_${table}`)} ORDER BY "key" LIMIT ${limit}`;
}

/** Moves the planned rows into row_history and out of the live table. */
export function retire(table: RetiredTable, importId: number): Fragment[] {
  const key = raw(`"${KEY[table]}"`);
  const t = raw(table);
  const gone = sql`SELECT "key" FROM ${raw(`retire_${table}`)} WHERE "key" NOT IN (SELECT "key" FROM ${raw(`held_${table}`)})`;
  return [
    sql`INSERT INTO row_history
      SELECT ${table}, t.${key}::VARCHAR, to_json(t), t.import_id, ${importId}::INTEGER, now() AT TIME ZONE 'UTC', 'RETIRED'
      FROM ${t} t WHERE t.${key} IN (${gone})`,
    sql`DELETE FROM ${t} WHERE ${key} IN (${gone})`,
    sql`DROP TABLE ${raw(`retire_${table}`)}`,
    sql`DROP TABLE ${raw(`held_${table}`)}`,
  ];
}

/** Rows this import retired (reference rows here, links in replaceLinks), per table. */
export function countRetired(importId: number): Fragment {
  return sql`SELECT table_name AS "table", count(*)::INTEGER AS n FROM row_history
    WHERE replaced_by = ${importId} AND change = 'RETIRED' GROUP BY table_name ORDER BY 1`;
}
