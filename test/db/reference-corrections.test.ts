import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { prepareStore } from '../../src/store/build-store.js';
import { Store } from '../../src/store/store.js';
import { sql } from '../../src/store/sql.js';
import { fileInputs, hashInputs } from '../../src/ingest/file-inputs.js';
import { runLoad } from '../../src/ingest/run-load.js';
import { runQuery } from '../../src/cli/run-query.js';
import { TABLES } from '../../src/ingest/tables.js';
import { SEED_DIR } from '../support/test-server.js';
import { prepareTestStore } from '../support/seed-store.js';
import {
  csvLine,
  readDataFiles,
  rowsOf,
  withRowChanged,
  writeDataFiles,
  type DataFiles,
} from '../support/data-copy.js';

const UNIT_COLUMNS = TABLES.find((t) => t.file === 'units.csv')!.columns;
/** A national unit version (Tìa Dình since the 2025 reform) and another nobody corrects (Háng Lìa). */
const NATIONAL = 'commune/03385-2025-07-01';
const NATIONAL_UNTOUCHED = 'commune/03385';

let dir: string;
let data: DataFiles;
/** Two units the seed states, whatever the seed holds: one the user corrects, one nobody does. */
let seedUnit: Record<string, string>;
let seedUntouched: Record<string, string>;
let nationalUnit: Record<string, string>;
const stores: Store[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'grassroots-corrections-'));
  data = await readDataFiles();
  const small = rowsOf(data['units.csv']!).filter((u) =>
    ['VILLAGE', 'PARTY_CELL', 'PARTY_COMMITTEE'].includes(u.kind!),
  );
  [seedUnit, seedUntouched] = [small[0]!, small[1]!];
  nationalUnit = rowsOf(data['national/units.csv']!).find((u) => u.id === NATIONAL)!;
});
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});
afterAll(() => rm(dir, { recursive: true, force: true }));

let n = 0;
async function seededStore(): Promise<{ path: string; store: Store }> {
  const path = join(dir, `store-${++n}.duckdb`);
  await prepareTestStore(path, SEED_DIR);
  return { path, store: await open(path) };
}

async function open(path: string): Promise<Store> {
  const store = await Store.open({ path, poolSize: 1 });
  stores.push(store);
  return store;
}

/** A user's units file loaded as `npm run load -- <file>` loads it. */
async function loadUnits(store: Store, rows: readonly Record<string, string>[]) {
  const folder = join(dir, `load-${++n}`);
  await mkdir(folder);
  const path = join(folder, 'units.csv');
  await writeFile(
    path,
    [UNIT_COLUMNS.join(','), ...rows.map((r) => csvLine(UNIT_COLUMNS.map((c) => r[c] ?? '')))].join('\n') + '\n',
  );
  const inputs = await fileInputs(path);
  return {
    path,
    result: await runLoad(store, inputs, { kind: 'file', origin: `file:${path}`, hash: await hashInputs(inputs) }),
  };
}

async function unit(store: Store, id: string) {
  const [row] = await store.all<{ note: string | null; name_en: string | null; origin: string }>(
    'test.unit',
    sql`SELECT u.note, u.name_en, i.origin FROM units u JOIN imports i ON i.id = u.import_id WHERE u.id = ${id}`,
  );
  return row;
}

async function history(store: Store, id: string) {
  return store.all<{
    note: string | null;
    nameEn: string | null;
    writtenBy: string;
    replacedBy: number;
    change: string;
  }>(
    'test.history',
    sql`SELECT h.old_row->>'note' AS note, h.old_row->>'name_en' AS "nameEn", w.origin AS "writtenBy", h.replaced_by AS "replacedBy", h.change
      FROM row_history h JOIN imports w ON w.id = h.written_by
      WHERE h.table_name = 'units' AND h.row_key = ${id} ORDER BY h.replaced_by`,
  );
}

describe('a user corrects what the seed and the national import loaded', { timeout: 240_000 }, () => {
  it('last load wins per key, and each replaced version is kept whole in row_history', async () => {
    const { store } = await seededStore();
    const { path, result } = await loadUnits(store, [
      { ...seedUnit, note: 'Corrected by a user.' },
      { ...nationalUnit, name_en: 'Tia Dinh Commune' },
    ]);
    expect(result.references).toEqual({ units: { added: 0, replaced: 2, unchanged: 0, kept: 0 } });
    expect(await unit(store, seedUnit.id!)).toEqual({
      note: 'Corrected by a user.',
      name_en: null,
      origin: `file:${path}`,
    });
    expect(await unit(store, NATIONAL)).toMatchObject({ name_en: 'Tia Dinh Commune', origin: `file:${path}` });

    const seedWas = seedUnit.note === '' ? null : seedUnit.note;
    expect(await history(store, seedUnit.id!)).toEqual([
      { note: seedWas, nameEn: null, writtenBy: 'seed', replacedBy: result.importId, change: 'REPLACED' },
    ]);
    expect(await history(store, NATIONAL)).toEqual([
      { note: null, nameEn: 'Tia Dinh', writtenBy: 'national', replacedBy: result.importId, change: 'REPLACED' },
    ]);
    // The whole old row, every column.
    const [old] = await store.all<{ row: string }>(
      'test.old-row',
      sql`SELECT old_row::VARCHAR AS row FROM row_history WHERE row_key = ${NATIONAL}`,
    );
    // What `npm run query` answers about it.
    const answer = await runQuery(
      store,
      `{ rowHistory(table: UNITS, key: "${NATIONAL}") { table key change writtenByKind replacedBy replacedByKind replacedAt row } }`,
    );
    expect(answer.errors).toBeUndefined();
    const versions = (answer.data as { rowHistory: Record<string, unknown>[] }).rowHistory;
    expect(versions).toEqual([
      {
        table: 'UNITS',
        key: NATIONAL,
        change: 'REPLACED',
        writtenByKind: 'national',
        replacedBy: result.importId,
        replacedByKind: 'file',
        replacedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
        row: old!.row,
      },
    ]);
    expect(JSON.parse(old!.row)).toMatchObject({
      id: NATIONAL,
      kind: 'COMMUNE',
      name: 'Tìa Dình',
      valid_from: '2025-07-01',
      gso_code: '03385',
      unit_type: 'COMMUNE',
      name_en: 'Tia Dinh',
    });
  });

  it('a row equal to the stored one is unchanged: not written, no history, still owned by its import', async () => {
    const { store } = await seededStore();
    const { result } = await loadUnits(store, [nationalUnit]);
    expect(result.references).toEqual({ units: { added: 0, replaced: 0, unchanged: 1, kept: 0 } });
    expect(await unit(store, NATIONAL)).toMatchObject({ name_en: 'Tia Dinh', origin: 'national' });
    expect(await history(store, NATIONAL)).toEqual([]);
  });

  it('a restart and a changed seed and national re-import keep the correction and update the keys nobody corrected', async () => {
    const { path, store } = await seededStore();
    const { path: file } = await loadUnits(store, [
      { ...seedUnit, note: 'Corrected by a user.' },
      { ...nationalUnit, name_en: 'Tia Dinh Commune' },
    ]);
    store.close();
    stores.splice(0);

    // A restart re-imports unchanged files: nothing to do, the correction stays.
    const restarted = await prepareStore(path, SEED_DIR);
    expect(restarted.seed.skipped).toBe(true);
    expect(restarted.national?.skipped).toBe(true);
    expect(await unit(await open(path), seedUnit.id!)).toMatchObject({ note: 'Corrected by a user.' });
    stores.splice(0).forEach((s) => s.close());

    // An upgrade changes the bundled files, on the corrected keys and on others.
    const upgraded = await writeDataFiles({
      ...data,
      'units.csv': withRowChanged(
        withRowChanged(data['units.csv']!, seedUnit.id!, { note: 'Upstream note on the corrected unit.' }),
        seedUntouched.id!,
        { note: 'Upstream note nobody corrected.' },
      ),
      'national/units.csv': withRowChanged(
        withRowChanged(data['national/units.csv']!, NATIONAL, { name_en: 'Tia Dinh (upstream)' }),
        NATIONAL_UNTOUCHED,
        { name_en: 'Hang Lia (upstream)' },
      ),
    });
    try {
      const result = await prepareStore(path, upgraded);
      expect(result.seed.kept).toEqual([
        { table: 'units', key: seedUnit.id, heldBy: expect.any(Number), heldByOrigin: `file:${file}` },
      ]);
      expect(result.seed.references?.units).toMatchObject({ added: 0, replaced: 1, kept: 1 });
      expect(result.national?.kept).toEqual([
        { table: 'units', key: NATIONAL, heldBy: expect.any(Number), heldByOrigin: `file:${file}` },
      ]);
      expect(result.national?.references?.units).toMatchObject({ added: 0, replaced: 1, kept: 1 });
      // Re-imported whole, the unchanged links, lineage and figures are restated, not retired.
      expect(result.seed.retired).toBeUndefined();
      expect(result.national?.retired).toBeUndefined();

      const after = await open(path);
      expect(await unit(after, seedUnit.id!)).toMatchObject({ note: 'Corrected by a user.', origin: `file:${file}` });
      expect(await unit(after, NATIONAL)).toMatchObject({ name_en: 'Tia Dinh Commune', origin: `file:${file}` });
      expect(await unit(after, seedUntouched.id!)).toMatchObject({
        note: 'Upstream note nobody corrected.',
        origin: 'seed',
      });
      expect(await unit(after, NATIONAL_UNTOUCHED)).toMatchObject({
        name_en: 'Hang Lia (upstream)',
        origin: 'national',
      });
      // The seed's own earlier versions of what it updated are in history too.
      expect(await history(after, NATIONAL_UNTOUCHED)).toEqual([
        {
          note: null,
          nameEn: 'Hang Lia',
          writtenBy: 'national',
          replacedBy: result.national!.importId,
          change: 'REPLACED',
        },
      ]);
      expect((await history(after, seedUntouched.id!)).map((h) => h.writtenBy)).toEqual(['seed']);
      // The corrected keys gained no history from the re-import: the user's version was not replaced.
      expect(await history(after, NATIONAL)).toHaveLength(1);
    } finally {
      await rm(upgraded, { recursive: true, force: true });
    }
  });

  it("an upgrade that ends a unit the user re-stated checks the upgrade's figures with the user's dates, which it keeps", async () => {
    // Huổi Sông has seed figures for 2026. The user re-states it (open-ended, as the seed has it);
    // an upgrade of the seed then ends it on 2025-01-01 and re-imports those figures. The write
    // keeps the user's row, so the unit stays open and its 2026 figures are valid: checked with
    // the upgrade's own dates instead, the upgrade would be refused.
    const ID = 'village/huoi-song';
    const huoiSong = rowsOf(data['units.csv']!).find((u) => u.id === ID)!;
    expect(huoiSong.valid_to).toBe('');
    const { path, store } = await seededStore();
    const { path: file } = await loadUnits(store, [{ ...huoiSong, note: 'Re-stated by a user.' }]);
    store.close();
    stores.splice(0);
    const upgraded = await writeDataFiles({
      ...data,
      'units.csv': withRowChanged(data['units.csv']!, ID, { valid_to: '2025-01-01' }),
    });
    try {
      const result = await prepareStore(path, upgraded);
      expect(result.seed.kept).toEqual([
        { table: 'units', key: ID, heldBy: expect.any(Number), heldByOrigin: `file:${file}` },
      ]);
      const after = await open(path);
      expect(await unit(after, ID)).toMatchObject({ note: 'Re-stated by a user.', origin: `file:${file}` });
      const [figures] = await after.all<{ n: number }>(
        't',
        sql`SELECT count(*)::INTEGER AS n FROM current_observations WHERE subject_id = ${ID} AND period = '2026'`,
      );
      expect(figures!.n).toBeGreaterThan(0);
    } finally {
      await rm(upgraded, { recursive: true, force: true });
    }
  });
});
