import { sql, type Fragment } from '../store/sql.js';
import type { FileFormat } from './ingest-sql.js';

/**
 * Every row of a file as text, numbered from 1 as load problems number them: a table keyed by
 * names is read whole to be matched before it is loaded (statistical tables are small).
 */
export function fileRowsAsText(format: FileFormat, path: string): Fragment {
  const source = {
    csv: sql`read_csv(${path}, header = true, all_varchar = true, delim = ',', quote = '"', escape = '"', auto_detect = true)`,
    parquet: sql`read_parquet(${path})`,
    jsonl: sql`read_json(${path}, format = 'newline_delimited')`,
  }[format];
  return sql`SELECT to_json(list(r ORDER BY r.__row))::VARCHAR AS rows FROM (SELECT row_number() OVER () AS __row, * FROM ${source}) r`;
}
