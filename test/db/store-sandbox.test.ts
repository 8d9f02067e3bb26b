import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareStore } from '../../src/store/build-store.js';
import { Store } from '../../src/store/store.js';
import { raw, sql } from '../../src/store/sql.js';
import { SEED_DIR } from '../support/test-server.js';

let dir: string;
let store: Store;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'grassroots-sandbox-'));
  await prepareStore(join(dir, 'store.duckdb'), SEED_DIR);
  store = await Store.open({
    path: join(dir, 'store.duckdb'),
    poolSize: 1,
    sandboxed: true,
    memoryLimit: '300MB',
    threads: 1,
  });
});
afterAll(async () => {
  store.close();
  await rm(dir, { recursive: true, force: true });
});

/** Runs raw SQL as if an injection had got through: the sandbox must still hold. */
async function attempt(text: string): Promise<string> {
  try {
    await store.all('test.attack', sql`${raw(text)}`);
    return 'succeeded';
  } catch (error) {
    return (error as Error).message;
  }
}

describe('the serving store is sandboxed even against SQL that got through', () => {
  it('cannot write', async () => {
    expect(await attempt("INSERT INTO imports VALUES (999, 'x', 'x', 'x', now(), 0)")).toMatch(
      /read-only|read only|Cannot execute/i,
    );
    expect(await attempt('DROP TABLE observations')).toMatch(/read-only|read only|Cannot execute/i);
    expect(await attempt('CREATE TABLE t (a INTEGER)')).not.toBe('succeeded');
  });

  it('cannot read or write files, attach databases or install extensions', async () => {
    expect(await attempt("SELECT * FROM read_csv('/etc/passwd')")).toMatch(/disabled by configuration|Permission/i);
    expect(await attempt(`COPY (SELECT 1) TO '${join(dir, 'out.csv')}'`)).toMatch(
      /disabled by configuration|Permission/i,
    );
    expect(await attempt(`ATTACH '${join(dir, 'other.duckdb')}' AS other`)).toMatch(
      /disabled by configuration|Permission/i,
    );
    expect(await attempt('INSTALL httpfs')).not.toBe('succeeded');
    expect(await attempt("SELECT * FROM read_parquet('https://example.com/x.parquet')")).not.toBe('succeeded');
  });

  it('cannot lift its own limits: the configuration is locked', async () => {
    expect(await attempt('SET enable_external_access = true')).toMatch(/configuration/i);
    expect(await attempt("SET memory_limit = '100GB'")).toMatch(/configuration/i);
    expect(await attempt("SET access_mode = 'READ_WRITE'")).not.toBe('succeeded');
  });

  it('runs with the configured memory and thread limits', async () => {
    const [row] = await store.all<{ memory: string; threads: string }>(
      'test.settings',
      sql`
      SELECT current_setting('memory_limit') AS memory, current_setting('threads')::VARCHAR AS threads`,
    );
    expect(row).toEqual({ memory: '286.1 MiB', threads: '1' });
  });

  it('still reads', async () => {
    const [row] = await store.all<{ n: number }>('test.count', sql`SELECT count(*)::INTEGER AS n FROM units`);
    expect(row!.n).toBeGreaterThan(10);
  });
});
