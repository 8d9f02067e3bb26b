import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { sql } from '../../src/store/sql.js';
import { MIGRATIONS_DIR, migrate } from '../../src/store/migrate.js';
import { prepareStore } from '../../src/store/build-store.js';
import { importDirectory } from '../../src/ingest/import-directory.js';
import { writeDataDir } from '../support/fixtures.js';
import { SEED_DIR } from '../support/test-server.js';

const ROOT = new URL('../..', import.meta.url).pathname;

/** The migrations a store that has applied `version` still lacks, in the order they apply. */
const migrationsAfter = async (version: string) =>
  (await readdir(MIGRATIONS_DIR))
    .filter((f) => f.endsWith('.sql'))
    .map((f) => f.replace(/\.sql$/, ''))
    .filter((v) => v > version)
    .sort();

const S = 'synthetic-test';
/**
 * What a user loaded into a store before the national import existed (units, links, lineage with
 * weights, a figure), written as the loader of that time wrote it: the current loader expects the
 * new columns.
 */
async function loadAsBefore(store: Store): Promise<void> {
  await store.transaction(async (tx) => {
    await tx.run(
      't',
      sql`INSERT INTO imports VALUES (1, 'file', 'file:/home/user/mine', 'hash', TIMESTAMP '2026-01-02 03:04:05', 1)`,
    );
    await tx.run(
      't',
      sql`INSERT INTO sources VALUES (${S}, 'SYNTHETIC', 'Mine', NULL, NULL, '2026', NULL, NULL, NULL, 1)`,
    );
    await tx.run(
      't',
      sql`INSERT INTO units VALUES
      ('commune/a', 'COMMUNE', 'A', 'a', 'COMMUNE', NULL, NULL, DATE '2025-07-01', ${S}, 'kept as loaded', 1),
      ('commune/b', 'COMMUNE', 'B', 'b', 'COMMUNE', NULL, DATE '2020-01-01', DATE '2025-07-01', ${S}, NULL, 1),
      ('commune/ab', 'COMMUNE', 'AB', 'ab', 'COMMUNE', NULL, DATE '2025-07-01', NULL, ${S}, NULL, 1),
      ('village/v', 'VILLAGE', 'V', 'v', 'VILLAGE', NULL, NULL, NULL, ${S}, NULL, 1)`,
    );
    await tx.run(
      't',
      sql`INSERT INTO unit_links VALUES ('village/v', 'commune/a', NULL, DATE '2025-07-01', ${S}, NULL, 1), ('village/v', 'commune/ab', DATE '2025-07-01', NULL, ${S}, 'moved', 1)`,
    );
    await tx.run(
      't',
      sql`INSERT INTO unit_lineage VALUES
      ('commune/a', 'commune/ab', DATE '2025-07-01', 'MERGE', 1, ${S}, NULL, 1),
      ('commune/b', 'commune/ab', DATE '2025-07-01', 'SPLIT', 0.25, ${S}, 'a quarter', 1),
      ('commune/b', 'commune/a', DATE '2025-07-01', 'SPLIT', 0.75, ${S}, NULL, 1)`,
    );
    await tx.run(
      't',
      sql`INSERT INTO observations (subject_id, indicator, period, period_start, period_end, granularity, value, qualifier, lower, upper, source_id, derived, recorded_at, import_id)
      VALUES ('village/v', 'households', '2024', DATE '2024-01-01', DATE '2024-12-31', 'YEAR', 12, 'EXACT', 12, 12, ${S}, false, TIMESTAMP '2026-01-02 03:04:05', 1)`,
    );
  });
}

const cleanup: string[] = [];
afterAll(async () => {
  for (const dir of cleanup) await rm(dir, { recursive: true, force: true });
});

/** Every row a user loaded, with the columns the tables had before the upgrade. */
async function userRows(store: Store) {
  return {
    units: await store.all(
      't',
      sql`SELECT id, kind, name, name_folded, level, admin_unit_id, valid_from::VARCHAR AS vf, valid_to::VARCHAR AS vt, source_id, note, import_id FROM units WHERE source_id = ${S} ORDER BY id`,
    ),
    links: await store.all(
      't',
      sql`SELECT child_id, parent_id, valid_from::VARCHAR AS vf, valid_to::VARCHAR AS vt, source_id, note, import_id FROM unit_links WHERE source_id = ${S} ORDER BY ALL`,
    ),
    lineage: await store.all(
      't',
      sql`SELECT predecessor_id, successor_id, changed_on::VARCHAR AS d, kind, weight, source_id, note, import_id FROM unit_lineage WHERE source_id = ${S} ORDER BY ALL`,
    ),
    observations: await store.all(
      't',
      sql`SELECT id::INTEGER AS id, subject_id, indicator, period, value, recorded_at::VARCHAR AS at, import_id FROM observations WHERE source_id = ${S} ORDER BY id`,
    ),
  };
}

describe('a store built before the national import upgrades in place', { timeout: 180_000 }, () => {
  it('migration 005 adds codes, types, English names, lineage sources and findings, and changes no row a user loaded', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'grassroots-upgrade-'));
    cleanup.push(dir);
    // The migrations as they were before this change.
    const before = join(dir, 'migrations-before');
    await mkdir(before);
    for (const f of (await readdir(MIGRATIONS_DIR)).filter((f) => f < '005'))
      await copyFile(join(MIGRATIONS_DIR, f), join(before, f));
    const path = join(dir, 'store.duckdb');
    const old = await Store.open({ path, poolSize: 1 });
    expect(await migrate(old, before)).toEqual([
      '001_foundation',
      '002_unit_lineage',
      '003_superseded_observations',
      '004_serving_layer',
    ]);
    await loadAsBefore(old);
    const loaded = await userRows(old);
    await old.checkpoint();
    old.close();
    expect(loaded.units).toHaveLength(4);
    expect(loaded.lineage).toHaveLength(3);

    const upgraded = await prepareStore(path, SEED_DIR);
    expect(upgraded.created).toBe(false);
    // every migration after the one this store was built with, in order
    expect(upgraded.migrations).toEqual(await migrationsAfter('004_serving_layer'));
    expect(upgraded.migrations.slice(0, 3)).toEqual(['005_national_units', '006_row_history', '007_people_and_roles']);
    expect(upgraded.national?.rowsRead).toBeGreaterThan(40_000);

    const store = await Store.open({ path, poolSize: 1 });
    try {
      expect(await userRows(store)).toEqual(loaded);
      const [added] = await store.all<{ codes: number; lineageSources: number }>(
        't',
        sql`
        SELECT (SELECT count(*) FROM units WHERE source_id = ${S} AND (gso_code IS NOT NULL OR unit_type IS NOT NULL OR name_en IS NOT NULL))::INTEGER AS codes,
               (SELECT count(*) FROM unit_lineage WHERE source_id = ${S} AND also_source_ids IS NOT NULL)::INTEGER AS "lineageSources"`,
      );
      expect(added).toEqual({ codes: 0, lineageSources: 0 });
      // The country arrived beside them.
      const [tia] = await store.all<{ name: string }>(
        't',
        sql`SELECT name FROM units WHERE gso_code = '03385' AND valid_from = DATE '2025-07-01'`,
      );
      expect(tia?.name).toBe('Tìa Dình');
      // A lineage kind and an unknown share the old table refused now load.
      const more = await writeDataDir({
        'lineage.csv':
          [
            'predecessor_id,successor_id,changed_on,kind,weight,source_id,note',
            `commune/a,commune/ab,2025-07-01,CONTINUED,,${S},`,
            `village/v,commune/ab,2025-07-01,SPLIT,,${S},`,
            `village/v,commune/a,2025-07-01,SPLIT,,${S},`,
          ].join('\n') + '\n',
      });
      cleanup.push(more);
      await importDirectory(store, more, 'file');
      expect(
        await store.all(
          't',
          sql`SELECT kind, weight FROM unit_lineage WHERE import_id = (SELECT max(id) FROM imports) ORDER BY ALL`,
        ),
      ).toEqual([
        { kind: 'CONTINUED', weight: 1 },
        { kind: 'SPLIT', weight: null },
        { kind: 'SPLIT', weight: null },
      ]);
    } finally {
      store.close();
    }
  });
});

describe('a process killed after migrating', { timeout: 120_000 }, () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('leaves a store that opens with every migration applied (each is checkpointed into the file)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'grassroots-killed-migration-'));
    dirs.push(dir);
    const path = join(dir, 'killed.duckdb');
    // Killed with the migrations' work in the write-ahead log, DuckDB could not replay it (a
    // migration's ALTER ... ADD COLUMN ... DEFAULT) and the store did not open at all.
    const child = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        `const { Store } = await import(${JSON.stringify(join(ROOT, 'src/store/store.ts'))});
         const { migrate } = await import(${JSON.stringify(join(ROOT, 'src/store/migrate.ts'))});
         const store = await Store.open({ path: ${JSON.stringify(path)}, poolSize: 1 });
         await migrate(store);
         process.kill(process.pid, 'SIGKILL');`,
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(child.signal, child.stderr).toBe('SIGKILL');
    const store = await Store.open({ path, poolSize: 1 });
    try {
      const rows = await store.all<{ version: string }>(
        't',
        sql`SELECT version FROM schema_migrations ORDER BY version`,
      );
      expect(rows.map((r) => r.version)).toEqual(await migrationsAfter(''));
      expect(await migrate(store)).toEqual([]);
    } finally {
      store.close();
    }
  });
});
