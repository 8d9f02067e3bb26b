import { copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { raw, sql } from '../../src/store/sql.js';
import { MIGRATIONS_DIR, migrate } from '../../src/store/migrate.js';
import { prepareStore } from '../../src/store/build-store.js';
import { importDirectory } from '../../src/ingest/import-directory.js';

const S = 'before-history';
const TABLES = [
  'imports',
  'sources',
  'indicators',
  'units',
  'unit_links',
  'unit_lineage',
  'documents',
  'document_links',
  'observations',
  'superseded_observations',
  'data_findings',
];

/** Rows of every kind, with a superseded revision, written as the loader before migration 006 wrote them. */
async function loadAsBefore(store: Store): Promise<void> {
  await store.transaction(async (tx) => {
    const run = (f: ReturnType<typeof sql>) => tx.run('t', f);
    await run(
      sql`INSERT INTO imports VALUES (1, 'file', 'file:/home/user/mine', 'h1', TIMESTAMP '2026-01-02 03:04:05', 2)`,
    );
    await run(sql`INSERT INTO sources VALUES (${S}, 'SYNTHETIC', 'Before', NULL, NULL, '2026', NULL, NULL, NULL, 1)`);
    await run(
      sql`INSERT INTO indicators VALUES ('households', 'Households', 'households', 'COUNT', 'SUM', NULL, NULL, 'Households.', 1)`,
    );
    await run(sql`INSERT INTO units VALUES
      ('commune/old', 'COMMUNE', 'Old', 'old', NULL, NULL, NULL, NULL, ${S}, 'as loaded', 1, '00001', 'COMMUNE', 'Old'),
      ('village/v', 'VILLAGE', 'V', 'v', NULL, NULL, NULL, NULL, ${S}, NULL, 1, NULL, NULL, NULL)`);
    await run(sql`INSERT INTO unit_links VALUES ('village/v', 'commune/old', NULL, NULL, ${S}, NULL, 1)`);
    await run(
      sql`INSERT INTO documents VALUES ('doc/1', '1/2026', 'DECISION', 'A decision', 'Someone', DATE '2026-01-01', NULL, NULL, NULL, ${S}, NULL, 1)`,
    );
    await run(sql`INSERT INTO document_links VALUES ('doc/1', 'commune/old', 'ISSUED_BY', ${S}, 1)`);
    await run(sql`INSERT INTO observations (id, subject_id, indicator, period, period_start, period_end, granularity, value, qualifier, lower, upper, source_id, derived, recorded_at, import_id)
      VALUES (1, 'village/v', 'households', '2024', DATE '2024-01-01', DATE '2024-12-31', 'YEAR', 12, 'EXACT', 12, 12, ${S}, false, TIMESTAMP '2026-01-02 03:04:05', 1),
             (2, 'village/v', 'households', '2024', DATE '2024-01-01', DATE '2024-12-31', 'YEAR', 13, 'EXACT', 13, 13, ${S}, false, TIMESTAMP '2026-01-03 03:04:05', 1)`);
    await run(sql`INSERT INTO superseded_observations VALUES (1, 2, TIMESTAMP '2026-01-03 03:04:05')`);
  });
}

/** Every row of a table as JSON text, in a stable order; `exclude` leaves out columns the upgrade added. */
async function rowsOf(store: Store, table: string, exclude = ''): Promise<string[]> {
  const rows = await store.all<{ j: string }>(
    't',
    sql`SELECT to_json(t)::VARCHAR AS j FROM (SELECT * ${raw(exclude)} FROM ${raw(table)}) t ORDER BY j`,
  );
  return rows.map((r) => r.j);
}

/** Rows (JSON text) as objects, cut down to the columns `older` rows had: what a later migration added is left out. */
const asBefore = (rows: string[], older: string[]): Record<string, unknown>[] => {
  const keys = older[0] === undefined ? null : Object.keys(JSON.parse(older[0]) as object);
  return rows.map((r) => {
    const row = JSON.parse(r) as Record<string, unknown>;
    return keys === null ? row : Object.fromEntries(keys.map((k) => [k, row[k]]));
  });
};

const cleanup: string[] = [];
afterAll(async () => {
  for (const dir of cleanup) await rm(dir, { recursive: true, force: true });
});

describe('a store built before migration 006 upgrades in place', { timeout: 120_000 }, () => {
  it('keeps every row, gains an empty row_history, and then keeps the versions a correction replaces', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'grassroots-upgrade-006-'));
    cleanup.push(dir);
    const before = join(dir, 'migrations-before');
    await mkdir(before);
    for (const f of (await readdir(MIGRATIONS_DIR)).filter((f) => f < '006'))
      await copyFile(join(MIGRATIONS_DIR, f), join(before, f));
    const path = join(dir, 'store.duckdb');
    const old = await Store.open({ path, poolSize: 1 });
    await migrate(old, before);
    await loadAsBefore(old);
    const loaded = Object.fromEntries(await Promise.all(TABLES.map(async (t) => [t, await rowsOf(old, t)] as const)));
    await old.checkpoint();
    old.close();
    expect(loaded.units).toHaveLength(2);
    expect(loaded.superseded_observations).toHaveLength(1);

    // An empty data directory: the start-up import finds nothing, so every row is the user's.
    const empty = join(dir, 'data');
    await mkdir(empty);
    const upgraded = await prepareStore(path, empty);
    expect(upgraded.migrations).toEqual([
      '006_row_history',
      '007_people_and_roles',
      '008_indicator_semantics',
      '009_reported_changes',
    ]);

    const store = await Store.open({ path, poolSize: 1 });
    try {
      // Later migrations may add columns (008: indicators.measure, observations.scope); every value
      // loaded before is still there, unchanged.
      for (const table of TABLES.filter((t) => t !== 'imports' && t !== 'superseded_observations'))
        expect(asBefore(await rowsOf(store, table), loaded[table]!), table).toEqual(
          asBefore(loaded[table]!, loaded[table]!),
        );
      expect((await rowsOf(store, 'imports')).slice(0, 1)).toEqual(loaded.imports);
      expect(await rowsOf(store, 'superseded_observations', 'EXCLUDE (retracted_by)')).toEqual(
        loaded.superseded_observations,
      );
      expect(await rowsOf(store, 'row_history')).toEqual([]);
      const current = await store.all<{ value: number }>('t', sql`SELECT value FROM current_observations`);
      expect(current).toEqual([{ value: 13 }]);

      // A correction on the upgraded store keeps the version written before the upgrade.
      const fix = join(dir, 'fix');
      await mkdir(fix);
      await writeFile(
        join(fix, 'units.csv'),
        `id,kind,name,level,admin_unit_id,valid_from,valid_to,source_id,note,gso_code,unit_type,name_en\ncommune/old,COMMUNE,Old,,,,,${S},corrected,00001,COMMUNE,Old\n`,
      );
      const result = await importDirectory(store, fix, 'file');
      expect(result.references).toEqual({ units: { added: 0, replaced: 1, unchanged: 0, kept: 0 } });
      const [history] = await store.all<{ note: string; writtenBy: number }>(
        't',
        sql`SELECT old_row->>'note' AS note, written_by AS "writtenBy" FROM row_history WHERE row_key = 'commune/old'`,
      );
      expect(history).toEqual({ note: 'as loaded', writtenBy: 1 });
    } finally {
      store.close();
    }
  });
});
