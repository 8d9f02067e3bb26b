import { mkdtempSync, rmSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { prepareStore, type PrepareResult } from '../../src/store/build-store.js';

const SEED_DIR = new URL('../../data/', import.meta.url).pathname;
let template: Promise<string> | null = null;

/**
 * prepareStore for tests. A store from data/ (the whole country and the seed) is built once per
 * test process and copied, then prepared as `npm start` prepares an existing store (migrations
 * and the import run and find nothing to do); building it for each of dozens of test files
 * cost more than the tests. Any other data directory is built as it is.
 */
export async function prepareTestStore(path: string, dataDir: string): Promise<PrepareResult> {
  if (resolve(dataDir) !== resolve(SEED_DIR)) return prepareStore(path, dataDir);
  template ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'grassroots-template-'));
    process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
    await prepareStore(join(dir, 'seed.duckdb'), SEED_DIR);
    return join(dir, 'seed.duckdb');
  })();
  await copyFile(await template, path);
  return prepareStore(path, dataDir);
}
