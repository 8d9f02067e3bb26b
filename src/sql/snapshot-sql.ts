import { sql, raw, type Fragment } from '../store/sql.js';

/** Base tables of the store (not views or temp tables), in name order. */
export function storeTables(): Fragment {
  return sql`SELECT table_name AS name FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = 'main' AND NOT temporary ORDER BY 1`;
}

const quotedPath = (path: string) => raw(`'${path.replace(/'/g, "''")}'`);
const table = (name: string) => raw(`"${name.replace(/"/g, '')}"`);

/** COPY takes its target as a literal, not a parameter; paths come from the operator, never a request. */
export function exportTable(name: string, path: string): Fragment {
  return sql`COPY ${table(name)} TO ${quotedPath(path)} (FORMAT parquet)`;
}

export function importTable(name: string, path: string): Fragment {
  return sql`INSERT INTO ${table(name)} BY NAME SELECT * FROM read_parquet(${path})`;
}

export function appliedMigrations(): Fragment {
  return sql`SELECT version FROM schema_migrations ORDER BY version`;
}
