import { existsSync } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { Store } from './store.js';
import * as q from '../sql/compact-sql.js';

export interface CompactResult {
  readonly bytesBefore: number;
  readonly bytesAfter: number;
  readonly tables: number;
}

const sizeOf = async (path: string) =>
  (await stat(path)).size + (existsSync(`${path}.wal`) ? (await stat(`${path}.wal`)).size : 0);

/**
 * Rewrites the store at `path` into a fresh file and puts it in place: the same tables, views,
 * macros, sequences and rows, without the blocks that loads killed mid-way, rolled-back
 * transactions and replaced rows left unused (DuckDB reuses such blocks but never gives them back).
 * The store is opened for writing, so no other process may hold it; the copy is checked table by
 * table before it replaces the store, and a compaction that stops half-way leaves the store as it
 * was (the copy is a `.tmp-<pid>` file, removed by the next start's build if left behind).
 */
export async function compactStore(path: string): Promise<CompactResult> {
  if (!existsSync(path)) throw new Error(`store: ${path} does not exist`);
  const copy = `${path}.tmp-${process.pid}`;
  await rm(copy, { force: true });
  await rm(`${copy}.wal`, { force: true });
  const bytesBefore = await sizeOf(path);
  const work = await Store.open({ path: ':memory:', poolSize: 1 });
  let tables = 0;
  try {
    await work.all('compact.attach-from', q.attach(path, q.FROM));
    await work.all('compact.attach-to', q.attach(copy, q.TO));
    await work.all('compact.copy', q.copyDatabase());
    for (const { name } of await work.all<{ name: string }>('compact.tables', q.tablesOf(q.FROM))) {
      const [counts] = await work.all<{ before: string; after: string }>('compact.count', q.countBoth(name));
      if (counts!.before !== counts!.after)
        throw new Error(
          `compaction: table ${name} has ${counts!.after} rows in the copy, ${counts!.before} in the store`,
        );
      tables++;
    }
    // Detaching checkpoints each file: the copy is whole on disk before it replaces the store.
    await work.all('compact.detach-to', q.detach(q.TO));
    await work.all('compact.detach-from', q.detach(q.FROM));
  } catch (error) {
    work.close();
    await rm(copy, { force: true });
    await rm(`${copy}.wal`, { force: true });
    throw error;
  }
  work.close();
  // Detached, the store's log is in its file; an old log beside the new file would be replayed into it.
  await rm(`${path}.wal`, { force: true });
  await rename(copy, path);
  return { bytesBefore, bytesAfter: await sizeOf(path), tables };
}
