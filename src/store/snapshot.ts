import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { Store } from './store.js';
import { migrate, MIGRATIONS_DIR } from './migrate.js';
import { readdir } from 'node:fs/promises';
import * as q from '../sql/snapshot-sql.js';
import { countRows } from '../sql/ingest-sql.js';

export const MANIFEST = 'manifest.json';

export interface SnapshotManifest {
  readonly format: 'grassroots-snapshot';
  readonly version: 1;
  readonly createdAt: string;
  readonly migrations: string[];
  readonly tables: { name: string; file: string; rows: number; sha256: string }[];
}

async function sha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Writes every table of the store as Parquet plus a manifest (row counts, checksums, applied
 * migrations). The files are written to a sibling temporary directory and renamed into place,
 * so `dir` either holds a complete snapshot or does not exist.
 */
export async function exportSnapshot(store: Store, dir: string): Promise<SnapshotManifest> {
  const target = resolve(dir);
  if (existsSync(target)) throw new Error(`${target} already exists; export into a new directory`);
  await mkdir(dirname(target), { recursive: true });
  const tmp = `${target}.tmp-${process.pid}`;
  await rm(tmp, { recursive: true, force: true });
  await mkdir(tmp);
  try {
    const tables: SnapshotManifest['tables'] = [];
    // One transaction: every table is read from the same consistent state of the store.
    await store.transaction(async (tx) => {
      for (const { name } of await tx.all<{ name: string }>('snapshot.tables', q.storeTables())) {
        const file = `${name}.parquet`;
        await tx.run(`snapshot.export.${name}`, q.exportTable(name, join(tmp, file)));
        const [count] = await tx.all<{ n: number }>('snapshot.count', countRows(name));
        tables.push({ name, file, rows: Number(count!.n), sha256: '' });
      }
    });
    for (const t of tables) t.sha256 = await sha256(join(tmp, t.file));
    const migrations = (await store.all<{ version: string }>('snapshot.migrations', q.appliedMigrations())).map(
      (r) => r.version,
    );
    const manifest: SnapshotManifest = {
      format: 'grassroots-snapshot',
      version: 1,
      createdAt: new Date().toISOString(),
      migrations,
      tables,
    };
    await writeFile(join(tmp, MANIFEST), JSON.stringify(manifest, null, 2) + '\n');
    await rename(tmp, target);
    return manifest;
  } catch (error) {
    await rm(tmp, { recursive: true, force: true });
    throw error;
  }
}

/** The manifest, or an error that says what the directory is not. */
async function readManifest(dir: string): Promise<SnapshotManifest> {
  if (!existsSync(dir)) throw new Error(`${dir}: no such directory`);
  const path = join(dir, MANIFEST);
  if (!existsSync(path)) throw new Error(`${dir}: no ${MANIFEST}; not a snapshot written by npm run export`);
  let manifest: Partial<SnapshotManifest> | null;
  try {
    manifest = JSON.parse(await readFile(path, 'utf8')) as Partial<SnapshotManifest> | null;
  } catch {
    throw new Error(`${path}: not JSON; not a snapshot written by npm run export`);
  }
  if (
    manifest?.format !== 'grassroots-snapshot' ||
    manifest.version !== 1 ||
    !Array.isArray(manifest.migrations) ||
    !Array.isArray(manifest.tables)
  )
    throw new Error(`${dir}: not a grassroots snapshot (manifest format/version)`);
  return manifest as SnapshotManifest;
}

/**
 * Opens a snapshot as an in-memory store: the schema comes from this code's migrations (so
 * views and macros exist), the rows from the Parquet files after their checksums are verified.
 * A snapshot made by newer code (a migration this code lacks) is refused rather than misread.
 */
export async function openSnapshot(dir: string, poolSize = 4): Promise<{ store: Store; manifest: SnapshotManifest }> {
  const manifest = await readManifest(dir);
  const known = new Set((await readdir(MIGRATIONS_DIR)).map((f) => f.replace(/\.sql$/, '')));
  const unknown = manifest.migrations.filter((m) => !known.has(m));
  if (unknown.length > 0)
    throw new Error(`${dir}: made by a newer schema (migrations ${unknown.join(', ')} unknown here)`);
  // Some migrations derive tables from the rows (003 records superseded revisions); replaying them
  // on an empty schema before the import would leave those tables wrong, so an older snapshot is
  // refused rather than served with every old revision counted as current.
  const missing = [...known].filter((m) => !manifest.migrations.includes(m));
  if (missing.length > 0)
    throw new Error(
      `${dir}: made by an older schema (lacks migrations ${missing.join(', ')}); export it again with this version`,
    );
  for (const t of manifest.tables) {
    if (!existsSync(join(dir, t.file))) throw new Error(`${dir}/${t.file}: missing (the manifest lists it)`);
    if ((await sha256(join(dir, t.file))) !== t.sha256)
      throw new Error(`${dir}/${t.file}: checksum does not match the manifest`);
  }
  const store = await Store.open({ path: ':memory:', poolSize });
  try {
    await migrate(store);
    await store.transaction(async (tx) => {
      for (const t of manifest.tables) {
        if (t.name === 'schema_migrations') continue;
        await tx.run(`snapshot.import.${t.name}`, q.importTable(t.name, join(dir, t.file)));
        const [count] = await tx.all<{ n: number }>('snapshot.count', countRows(t.name));
        if (Number(count!.n) !== t.rows) throw new Error(`${t.file}: ${count!.n} rows, the manifest says ${t.rows}`);
      }
    });
    // Served like any store: no file access, configuration locked.
    await store.sandbox();
    return { store, manifest };
  } catch (error) {
    store.close();
    throw error;
  }
}
