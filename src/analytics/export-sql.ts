import { sql, raw, type Fragment } from '../store/sql.js';
import { valuesCtes, type SubjectSet, type ValueOptions, type ValueWindow } from './values-sql.js';
import { pointColumns } from './point-sql.js';
import { POINT_FIELDS, type PointField } from '../domain/analytics-rows.js';

/** Output formats DuckDB writes for us; the key is the file extension a client asks for. */
export const EXPORT_FORMATS = {
  csv: { copy: 'FORMAT csv, HEADER true', contentType: 'text/csv; charset=utf-8' },
  parquet: { copy: 'FORMAT parquet, COMPRESSION zstd', contentType: 'application/vnd.apache.parquet' },
  json: { copy: 'FORMAT json, ARRAY true', contentType: 'application/json; charset=utf-8' },
  ndjson: { copy: 'FORMAT json', contentType: 'application/x-ndjson; charset=utf-8' },
} as const;

export type ExportFormat = keyof typeof EXPORT_FORMATS;

export function isExportFormat(value: string): value is ExportFormat {
  return Object.hasOwn(EXPORT_FORMATS, value);
}

/**
 * What a CSV export does with a text cell a spreadsheet would run as a formula (one starting with
 * `=`, `+`, `-`, `@`, a tab or a carriage return, OWASP's list): `escape` (the default) puts a `'`
 * before it, which spreadsheets show as text; `keep` writes it as stored, for programs. Only text
 * columns: a negative number in a numeric column stays a number.
 */
export type CsvFormulas = 'escape' | 'keep';
export const CSV_FORMULAS: readonly CsvFormulas[] = ['escape', 'keep'];

/** A text cell that would start a formula, prefixed with `'`. */
const escaped = (column: string) =>
  `CASE WHEN left(${column}, 1) IN ('=', '+', '-', '@', chr(9), chr(13)) THEN '''' || ${column} ELSE ${column} END`;

/** One column of an export: its name, its SQL over the table row `t` (and `o`, its observation), and what it holds. */
interface ExportColumn {
  readonly name: string;
  readonly sql: string;
  /** A text column (a CSV export neutralises its formulas). */
  readonly text: boolean;
  /** Needs the row's observation joined (`o`): only joined when such a column is asked. */
  readonly observation?: boolean;
  /** Needs the sources' titles by id (`st.titles`, a map): only built when such a column is asked. */
  readonly titles?: boolean;
  /** Needs the unit joined (`u`): only joined when such a column is asked. */
  readonly unit?: boolean;
  /** The row columns (of `exportRows`) it reads. */
  readonly reads: readonly RowColumn[];
}

/** An export row's columns (`exportRows`): its subject and point fields, as `pointColumns` names them. */
type RowColumn = 'subjectId' | PointField;
/** What every export sorts by. */
const SORT_COLUMNS: readonly RowColumn[] = ['subjectId', 'indicator', 'periodStart', 'period'];

/**
 * The columns of every export, in order (documented in docs/clients.md#exports). Each value keeps
 * what makes it citable: its qualifier and interval, its basis, its formula, its sources' codes
 * and titles and, for a reported figure, the quote and its scope (empty: the whole unit). Dates are DATEs, so Parquet types them.
 */
export const EXPORT_COLUMNS: readonly ExportColumn[] = [
  { name: 'locality_code', sql: 't."subjectId"', text: true, reads: ['subjectId'] },
  { name: 'locality_name', sql: 'u.name', text: true, unit: true, reads: ['subjectId'] },
  { name: 'locality_kind', sql: 'u.kind', text: true, unit: true, reads: ['subjectId'] },
  { name: 'indicator', sql: 't.indicator', text: true, reads: ['indicator'] },
  { name: 'period', sql: 't.period', text: true, reads: ['period'] },
  { name: 'period_start', sql: 't."periodStart"::DATE', text: false, reads: ['periodStart'] },
  { name: 'period_end', sql: 't."periodEnd"::DATE', text: false, reads: ['periodEnd'] },
  { name: 'granularity', sql: 't.granularity', text: true, reads: ['granularity'] },
  { name: 'value', sql: 't.value', text: false, reads: ['value'] },
  { name: 'qualifier', sql: 't.qualifier', text: true, reads: ['qualifier'] },
  { name: 'lower', sql: 't.lower', text: false, reads: ['lower'] },
  { name: 'upper', sql: 't.upper', text: false, reads: ['upper'] },
  { name: 'basis', sql: 't.basis', text: true, reads: ['basis'] },
  { name: 'derived', sql: 't.derived', text: false, reads: ['derived'] },
  { name: 'source_codes', sql: `array_to_string(t."sourceIds", ';')`, text: true, reads: ['sourceIds'] },
  { name: 'observation_id', sql: 't."observationId"::VARCHAR', text: true, reads: ['observationId'] },
  { name: 'reporting', sql: 't.reporting', text: false, reads: ['reporting'] },
  { name: 'expected', sql: 't.expected', text: false, reads: ['expected'] },
  { name: 'formula', sql: 't.formula', text: true, reads: ['formula'] },
  // Looked up in one map of every source's title (string_agg over a list skips unknown ids and
  // gives NULL for none, as an aggregate over the matching sources would): a subquery per row
  // scanned the sources 1.27 M times in a bulk export and took longer than all other columns.
  {
    name: 'source_titles',
    sql: `list_aggregate(list_transform(list_sort(list_distinct(t."sourceIds")), x -> st.titles[x]), 'string_agg', ' | ')`,
    text: true,
    titles: true,
    reads: ['sourceIds'],
  },
  { name: 'quote', sql: 'o.quote', text: true, observation: true, reads: ['observationId'] },
  // Empty: the figure is about the whole unit. A figure about a part (one household of a village)
  // never stands for the unit, so no export row has one; the column says so for every row.
  { name: 'scope', sql: 'o.scope', text: true, observation: true, reads: ['observationId'] },
];

export const EXPORT_COLUMN_NAMES: readonly string[] = EXPORT_COLUMNS.map((c) => c.name);

export interface CopyOptions {
  readonly csvFormulas?: CsvFormulas;
  /** The columns wanted, by name, in the order asked (null: every column). */
  readonly columns?: readonly string[] | null;
}

/** The export columns asked (null: every column), in the order asked. */
function columnsAsked(names: readonly string[] | null | undefined): readonly ExportColumn[] {
  return names == null
    ? EXPORT_COLUMNS
    : names.map((name) => EXPORT_COLUMNS.find((c) => c.name === name)!).filter((c) => c !== undefined);
}

/**
 * The rows an export writes: the `table` query's values (the same `vals` as `tableRows`), with
 * only the columns the asked export columns read, as DuckDB holds them (dates as DATE, observation
 * ids as BIGINT), unsorted, as `copyTable` sorts. From `tableRows` (every column, sorted, cast to
 * text for JSON) a national export read every serving column for 1.27 M rows, sorted them twice
 * and parsed its dates back; four columns (Q5's) took a fifth of the CPU this way.
 */
export function exportRows(
  set: SubjectSet,
  indicators: readonly string[],
  window: ValueWindow,
  options: ValueOptions,
  columns: readonly string[] | null = null,
): Fragment {
  const read = new Set<RowColumn>([...SORT_COLUMNS, ...columnsAsked(columns).flatMap((c) => c.reads)]);
  const fields = POINT_FIELDS.filter((f) => read.has(f));
  return sql`${valuesCtes(set, indicators, window, options)}
    SELECT ${pointColumns('v', fields, true)} FROM vals v`;
}

/**
 * Writes a table's flat rows (`exportRows`, or `tableRows`: the statement unchanged) to a file with DuckDB's own
 * writer. Columns are flattened to scalars (sources joined by ';') so every format, CSV included,
 * has the same shape. The path is made by the server, never by a client; quotes are doubled
 * anyway, and column names come from EXPORT_COLUMNS, never from the request.
 */
export function copyTable(rows: Fragment, path: string, format: ExportFormat, options: CopyOptions = {}): Fragment {
  const target = raw(`'${path.replaceAll("'", "''")}'`);
  const escape = format === 'csv' && (options.csvFormulas ?? 'escape') === 'escape';
  const columns = columnsAsked(options.columns);
  const select = columns.map((c) => `${escape && c.text ? escaped(c.sql) : c.sql} AS ${c.name}`).join(',\n           ');
  // Only observations with a quote or a scope can add one (the others would join NULLs): a
  // filter DuckDB answers from row-group statistics, where a join read every observation's.
  const observation = columns.some((c) => c.observation)
    ? sql`LEFT JOIN (SELECT id, quote, scope FROM observations WHERE quote IS NOT NULL OR scope IS NOT NULL) o ON o.id = t."observationId"::BIGINT`
    : sql``;
  const titles = columns.some((c) => c.titles)
    ? sql`CROSS JOIN (SELECT map(list(id), list(title)) AS titles FROM sources) st`
    : sql``;
  const unit = columns.some((c) => c.unit) ? sql`LEFT JOIN units u ON u.id = t."subjectId"` : sql``;
  return sql`COPY (
    SELECT ${raw(select)}
    FROM (${rows}) t ${unit} ${observation} ${titles}
    ORDER BY t."subjectId", t.indicator, t."periodStart", t.period
  ) TO ${target} (${raw(EXPORT_FORMATS[format].copy)})`;
}
