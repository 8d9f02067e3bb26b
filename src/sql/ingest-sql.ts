import { sql, raw, join, stringList, type Fragment } from '../store/sql.js';
import type { TableSpec } from '../ingest/tables.js';
import { DEFAULT_MEASURE } from '../domain/indicator-semantics.js';

const ident = (name: string) => raw(`"${name.replace(/"/g, '')}"`);

/** File formats read with DuckDB's own readers. */
export type FileFormat = 'csv' | 'parquet' | 'jsonl';

const READERS: Record<'parquet' | 'jsonl', (path: string) => Fragment> = {
  parquet: (path) => sql`read_parquet(${path})`,
  jsonl: (path) => sql`read_json(${path}, format = 'newline_delimited')`,
};

/**
 * A CSV file read with the columns of its header (read beforehand, src/ingest/file-inputs.ts), all
 * text, nothing guessed: DuckDB's sniffer, given a row with one field too many, took that row for
 * the header and every real column went "missing". Told the columns, the reader refuses such a
 * row itself, with its line, and reports an over-long line or a byte that is not UTF-8 the same way.
 */
function readCsv(path: string, header: readonly string[]): Fragment {
  const columns = header.map((name) => `'${name.replace(/'/g, "''")}': 'VARCHAR'`).join(', ');
  return sql`read_csv(${path}, header = true, auto_detect = false, columns = {${raw(columns)}}, delim = ',', quote = '"', escape = '"', strict_mode = true, null_padding = false)`;
}

/** The file's rows as a relation: a CSV file by its header's columns, Parquet and JSON Lines by their schema. */
function reader(format: FileFormat, path: string, header: readonly string[]): Fragment {
  return format === 'csv' ? readCsv(path, header) : READERS[format](path);
}

/** The columns of a Parquet or JSON Lines file, without reading its rows (an empty `stage_raw`: the schema only). */
export function describeFile(format: 'parquet' | 'jsonl', path: string): Fragment {
  return sql`CREATE OR REPLACE TEMP TABLE stage_raw AS SELECT * FROM ${READERS[format](path)} LIMIT 0`;
}

/**
 * Reads one file straight into the spec's staging table, each value as text; columns the file
 * lacks become NULL. Every format is cast to text so that one set of SQL checks validates CSV,
 * Parquet and JSON alike (a Parquet DOUBLE and a CSV "1.5" are checked by the same try_cast).
 * No row number is staged: numbering a million rows with row_number() took a second and more
 * on one thread; a row's number comes from its place in the table (stagedRowNumber).
 */
export function stageFile(
  spec: TableSpec,
  format: FileFormat,
  path: string,
  file: string,
  present: ReadonlySet<string>,
  header: readonly string[] = [],
): Fragment {
  const columns = spec.columns.map((c) =>
    raw(present.has(c) ? `"${c}"::VARCHAR AS "${c}"` : `NULL::VARCHAR AS "${c}"`),
  );
  return withComputed(
    spec,
    sql`SELECT ${file} AS _file, ${join(
      columns.map((c) => sql`${c}`),
      ', ',
    )} FROM ${reader(format, path, header)}`,
  );
}

/** Inserts staged text rows with the spec's computed columns added. */
function withComputed(spec: TableSpec, rows: Fragment): Fragment {
  const computed = (spec.computed ?? []).map((c) => `, ${c.expr} AS ${c.name}`).join('');
  return sql`INSERT INTO ${raw(`stage_${spec.table}`)} SELECT *${raw(computed)} FROM (${rows})`;
}

/** The staging table of a spec: every column as text, plus the file it came from. */
export function stageEmpty(spec: TableSpec): Fragment {
  const columns = [
    ...spec.columns.map((c) => `"${c}" VARCHAR`),
    ...(spec.computed ?? []).map((c) => `${c.name} ${c.type}`),
  ].join(', ');
  return sql`CREATE OR REPLACE TEMP TABLE ${raw(`stage_${spec.table}`)} (_file VARCHAR, ${raw(columns)})`;
}

export function stagedColumns(table: string): Fragment {
  return sql`SELECT column_name AS name FROM duckdb_columns() WHERE table_name = ${table} AND database_name = 'temp'`;
}

/**
 * Stages rows given in a request (the GraphQL mutation) into the same staging table a file
 * goes to: one list parameter per column, zipped by unnest, so the file checks apply unchanged.
 */
export function stageRows(spec: TableSpec, file: string, rows: readonly Record<string, string | null>[]): Fragment {
  const lists = spec.columns.map((c) => sql`unnest(${stringList(rows.map((r) => r[c] ?? null))}) AS ${ident(c)}`);
  return withComputed(spec, sql`SELECT ${file} AS _file, ${join(lists, ', ')}`);
}

export function countStaged(spec: TableSpec, file: string): Fragment {
  return sql`SELECT count(*)::INTEGER AS n FROM ${raw(`stage_${spec.table}`)} WHERE _file = ${file}`;
}

export function dropStaging(specs: readonly TableSpec[]): Fragment[] {
  const lookups = [...new Set(specs.flatMap((s) => (s.lookups ? [s.lookups.table] : [])))];
  return ['stage_raw', ...specs.map((s) => `stage_${s.table}`), ...lookups, 'stage_current_observations'].map(
    (t) => sql`DROP TABLE IF EXISTS temp.${raw(t)}`,
  );
}

/**
 * A staged row's 1-based row in its file (a CSV's header is row 0), from `rowid`, its place in the
 * staging table: DuckDB keeps insertion order, so a file's rows sit in the table in file order,
 * one file after the other. Its first row's place is subtracted; computed for the rows a problem
 * names, never for every staged row.
 */
export function stagedRowNumber(table: string, alias: string): Fragment {
  return sql`${raw(`(${alias}._rowid - (SELECT min(rowid) FROM stage_${table} f WHERE f._file = ${alias}._file) + 1)::INTEGER`)}`;
}

/** The staged rows of a table with `_row`, their row in their file (stagedRowNumber). */
export function stagedWithRows(table: string): Fragment {
  return sql`(SELECT *, ${stagedRowNumber(table, 'n')} AS _row FROM (SELECT *, rowid AS _rowid FROM ${raw(`stage_${table}`)}) n)`;
}

/**
 * One query listing rejected cells of a staged table: (file, row, column, reason), at most
 * `limit` of them, each carrying the total so a report can say how many it left out. Every
 * check of a row is evaluated in one scan of the staged table (a scan per check took 40 scans
 * of a million rows); only rows failing some check are then spread into one problem per check,
 * and numbered.
 */
export function findProblems(spec: TableSpec, limit: number): Fragment {
  const stage = raw(`stage_${spec.table}`);
  const keyHash = raw(`hash(${spec.key.map((k) => `"${k}"`).join(', ')})`);
  const checks: { column: string; reason: string; fails: Fragment }[] = [
    ...spec.required.map((column) => ({
      column,
      reason: 'required value is missing',
      fails: sql`${ident(column)} IS NULL OR trim(${ident(column)}) = ''`,
    })),
    ...spec.checks.map((check) => ({
      column: check.column,
      reason: check.reason,
      fails: sql`coalesce((${raw(check.when)}), false)`,
    })),
  ];
  const flag = (i: number) => sql`${raw(`_fails_${i}`)}`;
  const flagged = sql`SELECT s._file, s.rowid AS _rowid, ${join(
    checks.map((c, i) => sql`${c.fails} AS ${flag(i)}`),
    ', ',
  )} FROM ${stage} s ${raw(spec.lookups?.join ?? '')}`;
  const failing = sql`SELECT _file, _rowid, unnest(list_filter([${join(
    checks.map((_, i) => sql`CASE WHEN ${flag(i)} THEN ${i} END`),
    ', ',
  )}], x -> x IS NOT NULL)) AS _check
    FROM (${flagged}) WHERE ${join(
      checks.map((_, i) => flag(i)),
      ' OR ',
    )}`;
  const described = sql`(VALUES ${join(
    checks.map((c, i) => sql`(${i}, ${c.column}, ${c.reason})`),
    ', ',
  )}) AS c(_check, col, reason)`;
  return sql`SELECT _file AS file, ${stagedRowNumber(spec.table, 'p')} AS "row", col AS "column", reason, (count(*) OVER ())::INTEGER AS total
    FROM (
      SELECT f._file, f._rowid, c.col, c.reason, c._check FROM (${failing}) f JOIN ${described} USING (_check)
      UNION ALL
      -- Keys staged more than once (a grouping: a window ranking every staged row cost seconds per
      -- million), then every row of theirs but the first. The rows are grouped by their key's hash
      -- first (one integer: 0.3 s per million rows where grouping by the key's text took 1.8 s), and
      -- only rows whose hash repeats are grouped by the key itself.
      SELECT s._file, s._rowid, ${spec.key.join(', ')} AS col, 'duplicate row: the same key appears earlier in the file' AS reason, ${checks.length} AS _check
        FROM (
          WITH repeated AS (SELECT *, rowid AS _rowid FROM ${stage} WHERE ${keyHash} IN (SELECT ${keyHash} FROM ${stage} GROUP BY ALL HAVING count(*) > 1))
          SELECT r.*, d.first FROM repeated r JOIN (
            SELECT ${raw(spec.key.map((k) => `"${k}"`).join(', '))}, min({'file': _file, 'rowid': _rowid}) AS first FROM repeated
            GROUP BY ALL HAVING count(*) > 1
          ) d ON ${raw(spec.key.map((k) => `r."${k}" IS NOT DISTINCT FROM d."${k}"`).join(' AND '))}
        ) s
        WHERE {'file': s._file, 'rowid': s._rowid} <> s.first
    ) p ORDER BY 1, 2, 3, p._check LIMIT ${limit}`;
}

export function lastImportHash(kind: string, origin: string): Fragment {
  return sql`SELECT content_hash FROM imports WHERE kind = ${kind} AND origin = ${origin} ORDER BY id DESC LIMIT 1`;
}

export function recordImport(kind: string, origin: string, hash: string, rows: number): Fragment {
  return sql`INSERT INTO imports SELECT coalesce(max(id), 0) + 1, ${kind}, ${origin}, ${hash}, now(), ${rows} FROM imports RETURNING id`;
}

const nullIfBlank = (c: string) => `nullif(trim("${c}"), '')`;
/** Free text (a quote, a note) as written, spaces at either end included: a quote is the source's words. Blank is NULL. */
const keptText = (c: string) => `CASE WHEN trim("${c}") = '' THEN NULL ELSE "${c}" END`;

/**
 * The origins shipped in data/ and re-imported at start-up when their files change: the seed and
 * the country's units (src/national/import-national.ts). Every other origin is a user's load.
 */
export const BUNDLED_ORIGINS: readonly string[] = ['seed', 'national'];

export const isBundled = (origin: string): boolean => BUNDLED_ORIGINS.includes(origin);

/**
 * Whether a load from `origin` keeps a stored reference row as the origin `storedOrigin` wrote it
 * rather than the staged row of the same key: a re-import of a bundled origin keeps another
 * origin's row (the user's correction outlives an upgrade of the seed or national files). The one
 * place the rule is written: the reference write (`planReferenceWrite`) and the checks' view of
 * the units after the load (`unitValidityAfterLoad`) both read it.
 */
export function keepsStoredRow(storedOrigin: Fragment, origin: string): Fragment {
  return sql`(${isBundled(origin)} AND ${storedOrigin} <> ${origin})`;
}

/**
 * Each unit's validity as the load would leave it (id, valid_from, valid_to): a staged unit
 * replaces the stored one of its id unless the stored row is kept (`keepsStoredRow`), and the
 * stored units it does not stage stay. So a load may widen a unit's validity and add figures in
 * the widened part, and one that narrows it is checked against the narrower dates.
 */
export function unitValidityAfterLoad(origin: string): Fragment {
  const kept = sql`SELECT u.id FROM units u JOIN imports i ON i.id = u.import_id WHERE ${keepsStoredRow(sql`i.origin`, origin)}`;
  // A staged row without an id (refused by its own check) must not empty NOT IN for every unit.
  return sql`SELECT id, valid_from, valid_to FROM units WHERE id NOT IN (SELECT id FROM stage_units WHERE id IS NOT NULL) OR id IN (${kept})
    UNION ALL
    SELECT id, try_strptime(valid_from, '%Y-%m-%d')::DATE, try_strptime(valid_to, '%Y-%m-%d')::DATE FROM stage_units
    WHERE id NOT IN (${kept})`;
}

/** `name` folded as search folds it (src/sql/units-sql.ts foldCase), stored once per row. */
const FOLDED_NAME = `lower(strip_accents(replace(replace(name, 'đ', 'd'), 'Đ', 'D'))) AS name_folded`;

const REFERENCE_COLUMNS: Record<string, string> = {
  sources: `${nullIfBlank('id')} AS id, kind, title, ${nullIfBlank('publisher')} AS publisher, ${nullIfBlank('author')} AS author, ${nullIfBlank('published')} AS published, ${nullIfBlank('url')} AS url, ${nullIfBlank('seed_file')} AS seed_file, ${keptText('note')} AS note`,
  indicators: `code, name, unit, value_type, aggregation, ${nullIfBlank('numerator')} AS numerator, ${nullIfBlank('denominator')} AS denominator, description, coalesce(${nullIfBlank('measure')}, '${DEFAULT_MEASURE}') AS measure`,
  units: `id, kind, name, ${FOLDED_NAME}, ${nullIfBlank('level')} AS level, ${nullIfBlank('admin_unit_id')} AS admin_unit_id, ${nullIfBlank('valid_from')}::DATE AS valid_from, ${nullIfBlank('valid_to')}::DATE AS valid_to, ${nullIfBlank('source_id')} AS source_id, ${keptText('note')} AS note, ${nullIfBlank('gso_code')} AS gso_code, ${nullIfBlank('unit_type')} AS unit_type, ${nullIfBlank('name_en')} AS name_en`,
  people: `id, name, ${FOLDED_NAME}, lower(${nullIfBlank('party_member')})::BOOLEAN AS party_member, ${nullIfBlank('party_joined')} AS party_joined, source_id, ${keptText('quote')} AS quote, ${keptText('note')} AS note`,
  documents: `id, number, kind, title, issuer, ${nullIfBlank('issued_on')}::DATE AS issued_on, ${nullIfBlank('period_start')}::DATE AS period_start, ${nullIfBlank('period_end')}::DATE AS period_end, ${keptText('period_note')} AS period_note, source_id, ${keptText('quote')} AS quote`,
};

/** The names of a reference table and of the temporary tables its write goes through. */
function referenceNames(spec: TableSpec) {
  const key = spec.key[0];
  if (!REFERENCE_COLUMNS[spec.table] || !key || spec.key.length !== 1)
    throw new Error(`no reference write for ${spec.table}`);
  return {
    table: raw(spec.table),
    key: raw(`"${key}"`),
    stage: raw(`stage_${spec.table}`),
    next: raw(`next_${spec.table}`),
    changed: raw(`changed_${spec.table}`),
    kept: raw(`kept_${spec.table}`),
  };
}

/**
 * Last load wins per key, with three exceptions decided here and nowhere else:
 * - a staged row equal to the stored one (every column but import_id) is not written: it is
 *   unchanged, keeps the import that wrote it and leaves no history;
 * - a re-import of a bundled origin keeps a row whose current version another origin wrote:
 *   the user's correction (or addition) outlives an upgrade of the seed or national files;
 * - every stored version a load replaces is first copied whole into row_history.
 * The statements, in order, leave `changed_<table>` holding exactly the rows written and
 * `kept_<table>` the corrections the import kept.
 */
export function planReferenceWrite(spec: TableSpec, origin: string): Fragment[] {
  const n = referenceNames(spec);
  return [
    // Typed as the table stores them, columns in the table's order, so EXCEPT compares whole rows.
    sql`CREATE OR REPLACE TEMP TABLE ${n.next} AS SELECT * EXCLUDE (import_id) FROM ${n.table} LIMIT 0`,
    sql`INSERT INTO ${n.next} BY NAME SELECT ${raw(REFERENCE_COLUMNS[spec.table]!)} FROM ${n.stage}`,
    sql`CREATE OR REPLACE TEMP TABLE ${n.changed} AS
      SELECT * FROM ${n.next} EXCEPT SELECT * EXCLUDE (import_id) FROM ${n.table} WHERE ${n.key} IN (SELECT ${n.key} FROM ${n.next})`,
    sql`CREATE OR REPLACE TEMP TABLE ${n.kept} AS
      SELECT c.${n.key}::VARCHAR AS "key", t.import_id AS held_by, i.origin AS held_by_origin
      FROM ${n.changed} c JOIN ${n.table} t ON t.${n.key} = c.${n.key} JOIN imports i ON i.id = t.import_id
      WHERE ${keepsStoredRow(sql`i.origin`, origin)}`,
    sql`DELETE FROM ${n.changed} WHERE ${n.key} IN (SELECT "key" FROM ${n.kept})`,
  ];
}

/** What the planned write will do: rows staged, added, replaced (a stored version differs), kept. */
export function countReferenceWrite(spec: TableSpec): Fragment {
  const n = referenceNames(spec);
  return sql`SELECT (SELECT count(*) FROM ${n.next})::INTEGER AS staged,
      (SELECT count(*) FROM ${n.changed} c WHERE c.${n.key} NOT IN (SELECT ${n.key} FROM ${n.table}))::INTEGER AS added,
      (SELECT count(*) FROM ${n.changed} c WHERE c.${n.key} IN (SELECT ${n.key} FROM ${n.table}))::INTEGER AS replaced,
      (SELECT count(*) FROM ${n.kept})::INTEGER AS kept`;
}

/** The keys a bundled re-import kept as another origin wrote them, and who that was. */
export function keptReferences(spec: TableSpec, limit: number): Fragment {
  const n = referenceNames(spec);
  return sql`SELECT ${spec.table} AS "table", k."key", k.held_by::INTEGER AS "heldBy", k.held_by_origin AS "heldByOrigin"
    FROM ${n.kept} k ORDER BY k."key" LIMIT ${limit}`;
}

/** Copies each stored version the planned write replaces into row_history, then writes. */
export function writeReferences(spec: TableSpec, importId: number): Fragment[] {
  const n = referenceNames(spec);
  return [
    sql`INSERT INTO row_history
      SELECT ${spec.table}, t.${n.key}::VARCHAR, to_json(t), t.import_id, ${importId}::INTEGER, now() AT TIME ZONE 'UTC', 'REPLACED'
      FROM ${n.table} t WHERE t.${n.key} IN (SELECT ${n.key} FROM ${n.changed})`,
    sql`INSERT OR REPLACE INTO ${n.table} BY NAME SELECT *, ${importId}::INTEGER AS import_id FROM ${n.changed}`,
  ];
}

export function dropReferencePlan(spec: TableSpec): Fragment[] {
  return ['next', 'changed', 'kept'].map((p) => sql`DROP TABLE IF EXISTS temp.${raw(`${p}_${spec.table}`)}`);
}

const LINK_COLUMNS: Record<string, string> = {
  unit_links: `child_id, parent_id, ${nullIfBlank('valid_from')}::DATE AS valid_from, ${nullIfBlank('valid_to')}::DATE AS valid_to, source_id, ${keptText('note')} AS note`,
  document_links: `document_id, unit_id, role, source_id`,
  roles: `person_id, role, unit_id, period, _start AS period_start, _end AS period_end, title, source_id, quote, ${keptText('note')} AS note`,
  // A blank weight is 1 (the whole predecessor), except in a SPLIT, where it means "share not known".
  unit_lineage: `predecessor_id, ${nullIfBlank('successor_id')} AS successor_id, changed_on::DATE AS changed_on, kind, CASE WHEN kind = 'SPLIT' THEN ${nullIfBlank('weight')}::DOUBLE ELSE coalesce(${nullIfBlank('weight')}::DOUBLE, 1) END AS weight, source_id, ${keptText('note')} AS note, string_split(${nullIfBlank('also_source_ids')}, ' ') AS also_source_ids`,
  data_findings: `kind, severity, ${nullIfBlank('unit_id')} AS unit_id, ${nullIfBlank('other_unit_id')} AS other_unit_id, message, string_split(trim(source_ids), ' ') AS source_ids`,
};

/**
 * The whole row without its import_id, as JSON: equal for two rows that say the same thing
 * (to_json of a table alias is every column in the table's order).
 */
const content = (alias: string) => raw(`json_merge_patch(to_json(${alias}), '{"import_id":null}')`);

/** A link's key for row_history: its key columns joined by ' | ' (a NULL as an empty string). */
const linkKey = (spec: TableSpec, alias: string) =>
  raw(`concat_ws(' | ', ${spec.key.map((k) => `coalesce(${alias}."${k}"::VARCHAR, '')`).join(', ')})`);

/**
 * Link rows have no natural id: an origin's links are replaced as a set by its next import. A
 * link the new set no longer states is copied into row_history first (RETIRED), except the
 * data-quality findings, a report the import derives afresh rather than statements of record.
 */
export function replaceLinks(spec: TableSpec, origin: string, importId: number): Fragment[] {
  const table = raw(spec.table);
  const next = raw(`next_${spec.table}`);
  const columns = LINK_COLUMNS[spec.table];
  if (!columns) throw new Error(`no link columns for ${spec.table}`);
  const ofOrigin = sql`import_id IN (SELECT id FROM imports WHERE origin = ${origin})`;
  return [
    sql`CREATE OR REPLACE TEMP TABLE ${next} AS SELECT * EXCLUDE (import_id) FROM ${table} LIMIT 0`,
    sql`INSERT INTO ${next} BY NAME SELECT ${raw(columns)} FROM ${raw(`stage_${spec.table}`)}`,
    ...(spec.table === 'data_findings'
      ? []
      : [
          sql`INSERT INTO row_history
            SELECT ${spec.table}, ${linkKey(spec, 't')}, to_json(t), t.import_id, ${importId}::INTEGER, now() AT TIME ZONE 'UTC', 'RETIRED'
            FROM ${table} t WHERE t.${ofOrigin} AND ${content('t')} NOT IN (SELECT to_json(n) FROM ${next} n)`,
        ]),
    sql`DELETE FROM ${table} WHERE ${ofOrigin}`,
    sql`INSERT INTO ${table} BY NAME SELECT *, ${importId}::INTEGER AS import_id FROM ${next}`,
    sql`DROP TABLE ${next}`,
  ];
}

/**
 * The current revisions a load's staged figures may meet: those of the staged subjects, periods,
 * indicators and sources (a superset of the revisions sharing a staged key, found by lookups in
 * the load's distinct values of each; a province's figures of one indicator copy only that one's). A table of its own because DuckDB takes a table
 * written in the running transaction for an empty one: joined to current_observations itself,
 * the staged million rows, thought empty, became the hash join's build side, every column with
 * them, seconds per million rows; joined to this one, they are probed in file order.
 */
export function stageCurrentObservations(): Fragment {
  return sql`CREATE OR REPLACE TEMP TABLE stage_current_observations AS
    SELECT * FROM current_observations
    WHERE subject_id IN (SELECT DISTINCT subject_id FROM stage_observations)
      AND period IN (SELECT DISTINCT period FROM stage_observations)
      AND indicator IN (SELECT DISTINCT indicator FROM stage_observations)
      AND source_id IN (SELECT DISTINCT source_id FROM stage_observations)`;
}

/**
 * Observations are append-only: a staged row becomes a new revision only when no current
 * revision of the same (subject, indicator, period, source) already says the same thing.
 * recorded_at is UTC whatever the machine's time zone: `recordedAt` and `asOf` are read as UTC.
 * Reads stage_current_observations (stageCurrentObservations, built first).
 */
export function appendObservationRevisions(importId: number): Fragment {
  return sql`INSERT INTO observations BY NAME
    SELECT s.*, now() AT TIME ZONE 'UTC' AS recorded_at, ${importId}::INTEGER AS import_id
    FROM (
      SELECT subject_id, indicator, period, _start AS period_start, _end AS period_end, _granularity AS granularity, value::DOUBLE AS value, qualifier,
             coalesce(${raw(nullIfBlank('lower'))}::DOUBLE, qualifier_lower(value::DOUBLE, qualifier)) AS lower,
             coalesce(${raw(nullIfBlank('upper'))}::DOUBLE, qualifier_upper(value::DOUBLE, qualifier)) AS upper,
             source_id, coalesce(lower(${raw(nullIfBlank('derived'))}) = 'true', false) AS derived,
             ${raw(nullIfBlank('formula'))} AS formula, ${raw(keptText('quote'))} AS quote, ${raw(keptText('note'))} AS note,
             ${raw(nullIfBlank('scope'))} AS scope
      FROM stage_observations
    ) s LEFT JOIN stage_current_observations c
      ON c.subject_id = s.subject_id AND c.indicator = s.indicator AND c.period = s.period AND c.source_id = s.source_id
    WHERE c.id IS NULL
       OR c.value IS DISTINCT FROM s.value OR c.qualifier IS DISTINCT FROM s.qualifier
       OR c.lower IS DISTINCT FROM s.lower OR c.upper IS DISTINCT FROM s.upper
       OR c.derived IS DISTINCT FROM s.derived OR c.formula IS DISTINCT FROM s.formula
       OR c.quote IS DISTINCT FROM s.quote OR c.note IS DISTINCT FROM s.note OR c.scope IS DISTINCT FROM s.scope`;
}

/**
 * Marks the revisions this import replaced, so current_observations stays a plain filter. Only
 * revisions of earlier imports can be replaced (a load holds each key once: validation refuses a
 * repeated one), and those sharing a key with a staged row are all in stage_current_observations
 * (taken before the append), so the join is built on those alone, not on the rows just written.
 */
export function recordSupersessions(importId: number): Fragment {
  return sql`INSERT INTO superseded_observations (id, superseded_by, superseded_at)
    SELECT c.id, n.id, n.recorded_at
    FROM observations n JOIN stage_current_observations c
      ON c.subject_id = n.subject_id AND c.indicator = n.indicator AND c.period = n.period AND c.source_id = n.source_id AND c.id < n.id
    WHERE n.import_id = ${importId}`;
}

/**
 * Reported changes are appended like observations: a staged row becomes a new revision only when
 * no current revision of the same (subject, indicator, from, to, source) already says the same.
 * Bounds left blank follow the qualifier, as a figure's do (qualifier_lower/upper take the sign
 * into account: "down by more than 20" is -20 LESS_THAN, (-inf, -20]).
 */
export function appendReportedChangeRevisions(importId: number): Fragment {
  return sql`INSERT INTO reported_changes BY NAME
    SELECT s.*, now() AT TIME ZONE 'UTC' AS recorded_at, ${importId}::INTEGER AS import_id
    FROM (
      SELECT subject_id, indicator, from_period, _from_start AS from_start, _from_end AS from_end,
             to_period, _to_start AS to_start, _to_end AS to_end, value::DOUBLE AS value, qualifier,
             coalesce(${raw(nullIfBlank('lower'))}::DOUBLE, qualifier_lower(value::DOUBLE, qualifier)) AS lower,
             coalesce(${raw(nullIfBlank('upper'))}::DOUBLE, qualifier_upper(value::DOUBLE, qualifier)) AS upper,
             source_id, ${raw(keptText('quote'))} AS quote, ${raw(keptText('note'))} AS note
      FROM stage_reported_changes
    ) s LEFT JOIN current_reported_changes c
      ON c.subject_id = s.subject_id AND c.indicator = s.indicator AND c.from_period = s.from_period
        AND c.to_period = s.to_period AND c.source_id = s.source_id
    WHERE c.id IS NULL
       OR c.value IS DISTINCT FROM s.value OR c.qualifier IS DISTINCT FROM s.qualifier
       OR c.lower IS DISTINCT FROM s.lower OR c.upper IS DISTINCT FROM s.upper
       OR c.quote IS DISTINCT FROM s.quote OR c.note IS DISTINCT FROM s.note`;
}

/** Marks the reported changes this import revised, so current_reported_changes stays a plain filter. */
export function recordReportedChangeSupersessions(importId: number): Fragment {
  return sql`INSERT INTO superseded_reported_changes (id, superseded_by, superseded_at)
    SELECT c.id, n.id, n.recorded_at
    FROM reported_changes n JOIN current_reported_changes c
      ON c.subject_id = n.subject_id AND c.indicator = n.indicator AND c.from_period = n.from_period
        AND c.to_period = n.to_period AND c.source_id = n.source_id AND c.id < n.id
    WHERE n.import_id = ${importId}`;
}

export function setRowsWritten(importId: number, rows: number): Fragment {
  return sql`UPDATE imports SET rows_written = ${rows} WHERE id = ${importId}`;
}

export function countRows(table: string): Fragment {
  return sql`SELECT count(*)::INTEGER AS n FROM ${raw(table)}`;
}
