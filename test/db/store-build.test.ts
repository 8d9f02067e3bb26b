import { existsSync } from 'node:fs';
import { cp, mkdtemp, readdir, rm, writeFile, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { prepareStore } from '../../src/store/build-store.js';
import { Store } from '../../src/store/store.js';
import { importDirectory } from '../../src/ingest/import-directory.js';
import { LoadError } from '../../src/ingest/load-error.js';
import { sql } from '../../src/store/sql.js';
import { SEED_DIR } from '../support/test-server.js';
import { prepareTestStore } from '../support/seed-store.js';
import { SYNTHETIC_SOURCE, syntheticTree, writeDataDir } from '../support/fixtures.js';
import { seedWithOneProvince } from '../support/seed-one-province.js';

const cleanup: string[] = [];
afterEach(async () => {
  for (const dir of cleanup.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'grassroots-store-'));
  cleanup.push(dir);
  return dir;
}

/** Row count and an order-independent checksum of every observation revision. */
async function fingerprint(path: string): Promise<{ n: number; checksum: string }> {
  const store = await Store.open({ path, poolSize: 1 });
  try {
    const [row] = await store.all<{ n: number; checksum: string }>(
      'test.fingerprint',
      sql`
      SELECT count(*)::INTEGER AS n, coalesce(sum(hash(subject_id, indicator, period, value, qualifier, source_id, recorded_at))::VARCHAR, '0') AS checksum FROM observations`,
    );
    return row!;
  } finally {
    store.close();
  }
}

async function withSeedCopy(edit: (files: Record<string, string>) => void): Promise<string> {
  const files: Record<string, string> = {};
  // The seed's own files, and of the country (data/national/) the province the seed's figures are in.
  for (const name of (await readdir(SEED_DIR)).filter((n) => n.endsWith('.csv')))
    files[name] = await readFile(join(SEED_DIR, name), 'utf8');
  edit(files);
  const dir = await writeDataDir(files);
  await cp(join(await seedWithOneProvince(), 'national'), join(dir, 'national'), { recursive: true });
  cleanup.push(dir);
  return dir;
}

describe('building the store', () => {
  it('builds from data/ into a new file and leaves no temporary file behind', async () => {
    const dir = await tempDir();
    const path = join(dir, 'store.duckdb');
    const result = await prepareStore(path, SEED_DIR);
    expect(result.created).toBe(true);
    expect(result.seed.observationsWritten).toBeGreaterThanOrEqual(30);
    expect((await readdir(dir)).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('a bad row fails the build with file, row and column, and leaves no store file', async () => {
    const data = await withSeedCopy((f) => {
      f['observations.csv'] = f['observations.csv']!.replace(
        'village/huoi-song,households,2026,77,EXACT',
        'village/huoi-song,households,2026,seventy-seven,ROUGHLY',
      );
    });
    const dir = await tempDir();
    const path = join(dir, 'store.duckdb');
    const error = await prepareStore(path, data).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LoadError);
    const problems = (error as LoadError).problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: 'observations.csv', row: 11, column: 'value', reason: 'not a number' }),
        expect.objectContaining({ file: 'observations.csv', row: 11, column: 'qualifier' }),
      ]),
    );
    expect((error as Error).message).toContain('observations.csv row 11, column value: not a number');
    expect(existsSync(path)).toBe(false);
    expect(await readdir(dir)).toEqual([]);
  });

  it('reports every problem across files, not just the first', async () => {
    const data = await withSeedCopy((f) => {
      f['units.csv'] += 'village/ghost,HAMLET,Ghost,,,,,dbp-em-party-members,\n';
      f['observations.csv'] += 'village/nowhere,members,2024,5,EXACT,,,dbp-em-party-members,false,,,,\n';
      f['observations.csv'] += 'village/huoi-song,households,2099,5,EXACT,,,dbp-em-party-members,false,,,,\n';
      f['observations.csv'] += 'village/huoi-song,poor_households,2025,-3,EXACT,,,nobody,false,,,,\n';
      f['observations.csv'] += 'village/huoi-song,households,2026,77,EXACT,,,dbp-em-party-members,false,,,,\n';
    });
    const error = (await prepareStore(join(await tempDir(), 's.duckdb'), data).catch((e: unknown) => e)) as LoadError;
    const reasons = error.problems.map((p) => `${p.file}:${p.row}:${p.column}:${p.reason}`);
    expect(reasons).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^units.csv:13:kind:must be one of/),
        'observations.csv:31:subject_id:unknown unit',
        'observations.csv:32:period:starts in the future',
        "observations.csv:33:value:outside the indicator's domain: a count is a whole number of at least 0",
        'observations.csv:33:source_id:unknown source',
        'observations.csv:34:subject_id, indicator, period, source_id:duplicate row: the same key appears earlier in the file',
      ]),
    );
  });

  it('a figure for a unit outside its validity is rejected', async () => {
    const data = await withSeedCopy((f) => {
      f['observations.csv'] += 'district/103,village_heads,2026,120,EXACT,,,dbp-nam-po-village-heads,false,,,,\n';
    });
    const error = (await prepareStore(join(await tempDir(), 's.duckdb'), data).catch((e: unknown) => e)) as LoadError;
    expect(error.problems).toEqual([
      expect.objectContaining({ row: 31, column: 'subject_id', reason: 'unit is not valid in this period' }),
    ]);
  });

  it('a header with a missing or misspelt column is named', async () => {
    const data = await withSeedCopy((f) => {
      f['sources.csv'] = f['sources.csv']!.replace('seed_file', 'seedfile');
    });
    const error = (await prepareStore(join(await tempDir(), 's.duckdb'), data).catch((e: unknown) => e)) as LoadError;
    expect(error.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          file: 'sources.csv',
          row: 0,
          column: 'seed_file',
          reason: 'column missing from the header',
        }),
        expect.objectContaining({ file: 'sources.csv', row: 0, column: 'seedfile' }),
      ]),
    );
  });
});

describe('the store is a system of record', () => {
  it('re-importing unchanged data changes nothing', async () => {
    const path = join(await tempDir(), 'store.duckdb');
    await prepareTestStore(path, SEED_DIR);
    const before = await fingerprint(path);
    const again = await prepareStore(path, SEED_DIR);
    expect(again).toMatchObject({ created: false, seed: { skipped: true } });
    expect(await fingerprint(path)).toEqual(before);
  });

  it('a corrected seed figure becomes a new revision; the old one is kept', async () => {
    const path = join(await tempDir(), 'store.duckdb');
    await prepareTestStore(path, SEED_DIR);
    const before = await fingerprint(path);
    const corrected = await withSeedCopy((f) => {
      f['observations.csv'] = f['observations.csv']!.replace(
        'village/huoi-song,households,2026,77,EXACT',
        'village/huoi-song,households,2026,78,EXACT',
      );
    });
    const result = await prepareStore(path, corrected);
    expect(result.seed.observationsWritten).toBe(1);
    const store = await Store.open({ path, poolSize: 1 });
    const revisions = await store.all<{ value: number }>(
      'test',
      sql`SELECT value FROM observations WHERE subject_id = 'village/huoi-song' AND indicator = 'households' ORDER BY recorded_at`,
    );
    const current = await store.all<{ value: number }>(
      'test',
      sql`SELECT value FROM current_observations WHERE subject_id = 'village/huoi-song' AND indicator = 'households'`,
    );
    store.close();
    expect(revisions.map((r) => r.value)).toEqual([77, 78]);
    expect(current.map((r) => r.value)).toEqual([78]);
    expect((await fingerprint(path)).n).toBe(before.n + 1);
  });

  it('a failed import leaves row count and checksum unchanged', async () => {
    const path = join(await tempDir(), 'store.duckdb');
    await prepareTestStore(path, SEED_DIR);
    const before = await fingerprint(path);
    const broken = await withSeedCopy((f) => {
      f['observations.csv'] = f['observations.csv']!.replace(
        'village/huoi-song,households,2026,77,EXACT',
        'village/huoi-song,households,2026,78,EXACT',
      );
      f['observations.csv'] += 'village/huoi-song,residents,2026,x,EXACT,,,dbp-em-party-members,false,,,,\n';
    });
    await expect(prepareStore(path, broken)).rejects.toBeInstanceOf(LoadError);
    expect(await fingerprint(path)).toEqual(before);
  });

  it('rebuilding from data/ keeps what other imports loaded, and their corrections of seed rows', async () => {
    const path = join(await tempDir(), 'store.duckdb');
    await prepareTestStore(path, SEED_DIR);
    const other = await writeDataDir(syntheticTree(2, 2), false);
    cleanup.push(other);
    const store = await Store.open({ path, poolSize: 1 });
    await importDirectory(store, other, 'file');
    // Last load wins per key: another import may now replace a row the seed wrote (it was
    // rejected as "id already loaded by another import (seed)" before).
    const correction = await writeDataDir({
      'sources.csv': SYNTHETIC_SOURCE.replace('synthetic-test', 'dbp-em-party-members'),
    });
    cleanup.push(correction);
    const corrected = await importDirectory(store, correction, 'file');
    expect(corrected.references).toEqual({ sources: { added: 0, replaced: 1, unchanged: 0, kept: 0 } });
    store.close();
    const before = await fingerprint(path);

    const changedSeed = await withSeedCopy((f) => {
      f['observations.csv'] = f['observations.csv']!.replace(
        'village/huoi-song,residents,2026,395',
        'village/huoi-song,residents,2026,396',
      );
    });
    const rebuilt = await prepareStore(path, changedSeed);
    expect(rebuilt.seed.kept).toEqual([
      expect.objectContaining({ table: 'sources', key: 'dbp-em-party-members', heldByOrigin: `file:${correction}` }),
    ]);
    const after = await fingerprint(path);
    expect(after.n).toBe(before.n + 1);
    const reopened = await Store.open({ path, poolSize: 1 });
    const [synthetic] = await reopened.all<{ n: number }>(
      'test',
      sql`SELECT count(*)::INTEGER AS n FROM current_observations WHERE source_id = 'synthetic-test'`,
    );
    const [source] = await reopened.all<{ title: string }>(
      'test',
      sql`SELECT title FROM sources WHERE id = 'dbp-em-party-members'`,
    );
    reopened.close();
    expect(synthetic!.n).toBe(2 + 2 * 2 * 3);
    expect(source!.title).toBe('Synthetic test fixture (not real data)');
  });

  it('a crash mid-build leaves only a temporary file, which the next start replaces', async () => {
    const dir = await tempDir();
    const path = join(dir, 'store.duckdb');
    await writeFile(`${path}.tmp-999999`, 'half-built');
    await prepareStore(path, SEED_DIR);
    expect(existsSync(path)).toBe(true);
    expect(existsSync(`${path}.tmp-999999`)).toBe(false);
    expect((await fingerprint(path)).n).toBeGreaterThanOrEqual(30);
  });
});
