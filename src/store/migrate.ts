import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { sql, raw } from './sql.js';
import type { Store } from './store.js';
import { projectPath } from '../project-root.js';

export const MIGRATIONS_DIR = projectPath('schema/migrations');

/**
 * Applies each migration in schema/migrations that the store has not seen, in file-name order,
 * each in its own transaction. Migrations only add: none drops or rewrites loaded rows.
 */
export async function migrate(store: Store, dir: string = MIGRATIONS_DIR): Promise<string[]> {
  await store.all(
    'migrate.ensure-table',
    sql`
    CREATE TABLE IF NOT EXISTS schema_migrations (version VARCHAR PRIMARY KEY, applied_at TIMESTAMP NOT NULL)`,
  );
  const applied = new Set(
    (await store.all<{ version: string }>('migrate.applied', sql`SELECT version FROM schema_migrations`)).map(
      (r) => r.version,
    ),
  );
  const files = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
  const newlyApplied: string[] = [];
  for (const file of files) {
    const version = file.replace(/\.sql$/, '');
    if (applied.has(version)) continue;
    const script = await readFile(join(dir, file), 'utf8');
    await store.transaction(async (tx) => {
      await tx.run(`migrate.${version}`, sql`${raw(script)}`);
      await tx.run('migrate.record', sql`INSERT INTO schema_migrations VALUES (${version}, now())`);
    });
    // Written into the file at once: DuckDB (1.5) cannot replay a WAL that holds a migration's
    // `ALTER TABLE ... ADD COLUMN ... DEFAULT` ("GetDefaultDatabase with no default database
    // set"), so a process killed before its next checkpoint left a store that would not open.
    await store.checkpoint();
    newlyApplied.push(version);
  }
  return newlyApplied;
}

export async function pendingMigrations(store: Store, dir: string = MIGRATIONS_DIR): Promise<string[]> {
  const rows = await store
    .all<{ version: string }>(
      'migrate.applied',
      sql`
    SELECT version FROM schema_migrations`,
    )
    .catch(() => []);
  const applied = new Set(rows.map((r) => r.version));
  return (await readdir(dir))
    .filter((f) => f.endsWith('.sql'))
    .map((f) => f.replace(/\.sql$/, ''))
    .filter((v) => !applied.has(v));
}
