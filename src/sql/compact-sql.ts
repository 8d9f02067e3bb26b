import { sql, raw, type Fragment } from '../store/sql.js';

/** The two stores a compaction attaches: the store as it is, and the fresh copy. */
export const FROM = 'compact_from';
export const TO = 'compact_to';

const quotedPath = (path: string) => raw(`'${path.replace(/'/g, "''")}'`);
const table = (database: string, name: string) => raw(`${database}.main."${name.replace(/"/g, '""')}"`);

/** ATTACH takes its file as a literal; paths come from the operator, never a request. Read-write: the lock keeps every other process out. */
export function attach(path: string, alias: typeof FROM | typeof TO): Fragment {
  return sql`ATTACH ${quotedPath(path)} AS ${raw(alias)}`;
}

export function detach(alias: typeof FROM | typeof TO): Fragment {
  return sql`DETACH ${raw(alias)}`;
}

/** Every table, view, macro and sequence with its rows, written afresh: blocks nothing uses are left behind. */
export function copyDatabase(): Fragment {
  return sql`COPY FROM DATABASE ${raw(FROM)} TO ${raw(TO)}`;
}

export function tablesOf(alias: typeof FROM | typeof TO): Fragment {
  return sql`SELECT table_name AS name FROM duckdb_tables() WHERE database_name = ${alias} AND schema_name = 'main' ORDER BY 1`;
}

/** Rows of one table in the store and in its copy. */
export function countBoth(name: string): Fragment {
  return sql`SELECT (SELECT count(*) FROM ${table(FROM, name)})::BIGINT::VARCHAR AS before,
                    (SELECT count(*) FROM ${table(TO, name)})::BIGINT::VARCHAR AS after`;
}
