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
 * Writes a table's flat rows (the `tableRows` statement, unchanged) to a file with DuckDB's own
 * writer. Columns are flattened to scalars (sources joined by ';') so every format, CSV included,
 * has the same shape. The path is made by the server, never by a client; quotes are doubled anyway.
 */
export function copyTable(rows: Fragment, path: string, format: ExportFormat): Fragment {
  const target = raw(`'${path.replaceAll("'", "''")}'`);
  return sql`COPY (
    SELECT t."subjectId" AS locality_code, u.name AS locality_name, u.kind AS locality_kind, t.indicator, t.period,
           t."periodStart" AS period_start, t."periodEnd" AS period_end, t.granularity, t.value, t.qualifier, t.lower, t.upper,
           t.basis, t.derived, array_to_string(t."sourceIds", ';') AS source_codes, t."observationId" AS observation_id,
           t.reporting, t.expected
    FROM (${rows}) t LEFT JOIN units u ON u.id = t."subjectId"
    ORDER BY t."subjectId", t.indicator, t."periodStart", t.period
  ) TO ${target} (${raw(EXPORT_FORMATS[format].copy)})`;
}
