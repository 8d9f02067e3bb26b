import { sql, raw, type Fragment } from '../store/sql.js';

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

/**
 * Writes a table's flat rows (the `tableRows` statement, unchanged) to a file with DuckDB's own
 * writer. Columns are flattened to scalars (sources joined by ';') so every format, CSV included,
 * has the same shape. The path is made by the server, never by a client; quotes are doubled anyway.
 */
export function copyTable(
  rows: Fragment,
  path: string,
  format: ExportFormat,
  csvFormulas: CsvFormulas = 'escape',
): Fragment {
  const target = raw(`'${path.replaceAll("'", "''")}'`);
  const text = (column: string, alias: string) =>
    raw(`${format === 'csv' && csvFormulas === 'escape' ? escaped(column) : column} AS ${alias}`);
  return sql`COPY (
    SELECT ${text('t."subjectId"', 'locality_code')}, ${text('u.name', 'locality_name')}, ${text('u.kind', 'locality_kind')},
           ${text('t.indicator', 'indicator')}, ${text('t.period', 'period')},
           t."periodStart" AS period_start, t."periodEnd" AS period_end, ${text('t.granularity', 'granularity')}, t.value,
           ${text('t.qualifier', 'qualifier')}, t.lower, t.upper, ${text('t.basis', 'basis')}, t.derived,
           ${text(`array_to_string(t."sourceIds", ';')`, 'source_codes')}, ${text('t."observationId"', 'observation_id')},
           t.reporting, t.expected
    FROM (${rows}) t LEFT JOIN units u ON u.id = t."subjectId"
    ORDER BY t."subjectId", t.indicator, t."periodStart", t.period
  ) TO ${target} (${raw(EXPORT_FORMATS[format].copy)})`;
}
