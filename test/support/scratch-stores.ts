import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { Store } from '../../src/store/store.js';
import { prepareTestStore } from './seed-store.js';
import { migrate } from '../../src/store/migrate.js';
import { generateSynthetic } from '../../src/synthetic/generate.js';
import { SCALES } from '../../src/synthetic/scales.js';
import { SEED_DIR } from './test-server.js';

/**
 * Store files in a temporary directory that lives as long as the describe block calling this:
 * `path` names one, `withStore` opens it for one use and closes it whatever happens, and
 * `withPreparedStore` first builds it from a data directory, as `npm start` would;
 * `withSyntheticStore` fills it with the tiny synthetic country (its serving layer not built).
 */
export function scratchStores(prefix: string, poolSize: number) {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), prefix));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));
  async function withStore(name: string, use: (store: Store) => Promise<void>): Promise<void> {
    const store = await Store.open({ path: join(dir, name), poolSize });
    try {
      await use(store);
    } finally {
      store.close();
    }
  }
  return {
    path: (name: string) => join(dir, name),
    withStore,
    async withPreparedStore(name: string, dataDir: string, use: (store: Store) => Promise<void>): Promise<void> {
      await prepareTestStore(join(dir, name), dataDir);
      await withStore(name, use);
    },
    async withSyntheticStore(name: string, use: (store: Store) => Promise<void>): Promise<void> {
      await withStore(name, async (store) => {
        await migrate(store);
        await generateSynthetic(store, SCALES['tiny']!, SEED_DIR);
        await use(store);
      });
    },
  };
}
