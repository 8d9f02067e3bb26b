import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Store } from './store.js';
import { isAlive } from './process-alive.js';
import { migrate, pendingMigrations } from './migrate.js';
import { importDirectory, type ImportResult } from '../ingest/import-directory.js';
import { ensureServingFresh } from '../serving/refresh-serving.js';
import { importNational } from '../national/import-national.js';

export interface PrepareResult {
  readonly created: boolean;
  readonly migrations: string[];
  /** The national import (data/national/); null when the data directory has none. */
  readonly national: ImportResult | null;
  readonly seed: ImportResult;
}

/**
 * Makes the store at `path` ready to serve. A missing store is built in a temporary file and
 * renamed into place, so a crash mid-build leaves no half-built store. An existing store is
 * migrated and the data directory is imported into it as one more import: changed figures
 * become revisions, and nothing another import loaded is dropped or overwritten. The country's
 * units (the data directory's national/) load first: the seed may refer to them.
 */
export async function prepareStore(path: string, dataDir: string): Promise<PrepareResult> {
  if (path === ':memory:') throw new Error('prepareStore needs a file path; use openMemoryStore for tests');
  if (!existsSync(path)) {
    await mkdir(dirname(path), { recursive: true });
    await removeAbandonedBuilds(path);
    const tmp = `${path}.tmp-${process.pid}`;
    await rm(tmp, { force: true });
    await rm(`${tmp}.wal`, { force: true });
    const store = await Store.open({ path: tmp, poolSize: 1 });
    try {
      const migrations = await migrate(store);
      const national = await importNational(store, dataDir);
      const seed = await importDirectory(store, dataDir);
      await ensureServingFresh(store);
      await store.checkpoint();
      store.close();
      await rename(tmp, path);
      return { created: true, migrations, national, seed };
    } catch (error) {
      store.close();
      await rm(tmp, { force: true });
      await rm(`${tmp}.wal`, { force: true });
      throw error;
    }
  }
  const store = await Store.open({ path, poolSize: 1 });
  try {
    const migrations = await migrate(store);
    const national = await importNational(store, dataDir);
    const seed = await importDirectory(store, dataDir);
    // A store migrated from before the serving layer, or one a crash left behind, is rebuilt here.
    await ensureServingFresh(store);
    await store.checkpoint();
    return { created: false, migrations, national, seed };
  } finally {
    store.close();
  }
}

/** Temporary files of builds whose process died: never a store, safe to delete. */
async function removeAbandonedBuilds(path: string): Promise<void> {
  const prefix = `${basename(path)}.tmp-`;
  for (const name of await readdir(dirname(path))) {
    const pid = Number(name.slice(prefix.length).replace(/\.wal$/, ''));
    if (name.startsWith(prefix) && Number.isInteger(pid) && !isAlive(pid))
      await rm(join(dirname(path), name), { force: true });
  }
}

/** A store served read-only must exist and be fully migrated: a replica never changes it. */
export async function assertServable(path: string): Promise<void> {
  if (!existsSync(path)) throw new Error(`store: ${path} does not exist; a read-only server needs a built store`);
  const store = await Store.open({ path, readOnly: true, poolSize: 1 });
  try {
    const pending = await pendingMigrations(store);
    if (pending.length > 0)
      throw new Error(`store: ${path} lacks migrations ${pending.join(', ')}; start it once without --read-only`);
  } finally {
    store.close();
  }
}
