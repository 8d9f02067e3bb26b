import { describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { sql } from '../../src/store/sql.js';
import { ensureServingFresh, isServingFresh } from '../../src/serving/refresh-serving.js';
import { importDirectory } from '../../src/ingest/import-directory.js';
import { loadObservationRows } from '../support/load-rows.js';
import { writeDataDir } from '../support/fixtures.js';
import { scratchStores } from '../support/scratch-stores.js';

/** Every row of the layer by unit id (keys differ between builds), in one order. */
async function layerRows(store: Store): Promise<unknown[]> {
  return store.all(
    't',
    sql`SELECT u.unit_id, v.* EXCLUDE (unit_key) FROM serving_values v JOIN serving_units u USING (unit_key) ORDER BY ALL`,
  );
}

/** Doubles summed in another order differ in the last bits; twelve significant digits is what both agree on. */
function rounded<T>(rows: T): T {
  return JSON.parse(JSON.stringify(rows), (_, v) =>
    typeof v === 'number' && !Number.isInteger(v) ? Number(v.toPrecision(12)) : v,
  );
}

/** The layer as the load left it, then as a full rebuild of the same store gives it: they must be equal. */
async function expectEqualToRebuild(store: Store): Promise<number> {
  expect(await isServingFresh(store)).toBe(true);
  const incremental = await layerRows(store);
  await store.transaction((tx) => tx.run('t', sql`DELETE FROM serving_state`));
  expect(await ensureServingFresh(store)).toBe('full');
  expect(rounded(incremental)).toEqual(rounded(await layerRows(store)));
  return incremental.length;
}

const row = (subject: string, indicator: string, period: string, value: number, qualifier = 'EXACT') =>
  `${subject},${indicator},${period},${value},${qualifier},,,synthetic-grassroots,false,,,`;

describe('an incremental refresh of the serving layer equals a full rebuild', { timeout: 300_000 }, () => {
  const { path, withSyntheticStore } = scratchStores('grassroots-incremental-', 1);

  it('after a load touching some units, kinds and periods (revisions, ratio parts, new periods, a unit with no figures yet, a new unit)', async () => {
    await withSyntheticStore('tiny.duckdb', async (store) => {
      expect(await ensureServingFresh(store)).toBe('full');
      const pick = async (query: ReturnType<typeof sql>) => (await store.all<{ id: string }>('t', query))[0]!.id;
      // A village figure to correct, a commune that has a rollup to hide, a unit without figures.
      const village = await pick(
        sql`SELECT subject_id AS id FROM observations o JOIN units u ON u.id = o.subject_id
          WHERE u.kind = 'VILLAGE' AND indicator = 'poor_households' AND period = '2020' ORDER BY 1 LIMIT 1`,
      );
      const commune = await pick(
        sql`SELECT parent_id AS id FROM unit_links WHERE child_id = ${village} ORDER BY 1 LIMIT 1`,
      );
      const bare = await pick(
        sql`SELECT id FROM units u WHERE kind = 'VILLAGE' AND NOT EXISTS (SELECT 1 FROM observations o WHERE o.subject_id = u.id)
          AND EXISTS (SELECT 1 FROM unit_links l WHERE l.child_id = u.id) ORDER BY 1 LIMIT 1`,
      ).catch(() => null);
      const before = await layerRows(store);
      const result = await loadObservationRows(store, path('more.csv'), [
        row(village, 'poor_households', '2020', 12345), // a correction: a new revision of a figure
        row(village, 'households', '2020', 23456, 'ABOUT'), // the other part of a ratio
        row(village, 'poor_households', '2001-07', 7), // a period nobody had
        row(commune, 'poor_households', '2020', 999), // an own figure that now hides the commune's rollup
        ...(bare ? [row(bare, 'households', '2020', 40)] : []),
      ]);
      expect(result.serving).toBe('incremental');
      const after = await layerRows(store);
      expect(after).not.toEqual(before);
      expect(await expectEqualToRebuild(store)).toBeGreaterThan(1000);

      // A new unit is a change of structure (its ancestors count one more child): a full rebuild.
      const dir = await writeDataDir({
        'units.csv': `id,kind,name,level,admin_unit_id,valid_from,valid_to,source_id,note\nvillage/brand-new,VILLAGE,Brand New,VILLAGE,,,,synthetic-grassroots,\n`,
        'unit_links.csv': `child_id,parent_id,valid_from,valid_to,source_id,note\nvillage/brand-new,${commune},,,synthetic-grassroots,\n`,
      });
      expect((await importDirectory(store, dir, 'file')).serving).toBe('full');
      // Its first figures, and a second revision of the corrected one, follow incrementally.
      const next = await loadObservationRows(store, path('new-unit.csv'), [
        row('village/brand-new', 'poor_households', '2020', 3),
        row('village/brand-new', 'households', '2020', 30),
        row(village, 'poor_households', '2020', 12),
      ]);
      expect(next.serving).toBe('incremental');
      expect(await expectEqualToRebuild(store)).toBeGreaterThan(1000);
      const [rolled] = await store.all<{ n: number }>(
        't',
        sql`SELECT count(*)::INTEGER AS n FROM serving_values v JOIN serving_units u USING (unit_key)
          WHERE u.unit_id = 'village/brand-new' AND v.rollup_from = ''`,
      );
      expect(rolled!.n).toBeGreaterThan(0);

      // More periods than a refresh names (the window alone bounds it), and beside them a figure
      // of a period both the village and its commune already hold, replaced.
      const days = Array.from({ length: 450 }, (_, i) =>
        row(village, 'poor_households', new Date(Date.UTC(2019, 0, 1 + i)).toISOString().slice(0, 10), i + 1),
      );
      const many = await loadObservationRows(store, path('many-periods.csv'), [
        ...days,
        row(village, 'households', '2020', 24000),
      ]);
      expect(many.serving).toBe('incremental');
      expect(await expectEqualToRebuild(store)).toBeGreaterThan(1450);
    });
  });
});
