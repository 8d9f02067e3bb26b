import { describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { sql } from '../../src/store/sql.js';
import { AnalyticsReader } from '../../src/readers/analytics-reader.js';
import { ServingStatus } from '../../src/serving/serving-status.js';
import { HierarchyCache } from '../../src/hierarchy/hierarchy-cache.js';
import { NO_ROLLUP, type ValueOptions } from '../../src/analytics/values-sql.js';
import type { PointField, PointRow } from '../../src/domain/analytics-rows.js';
import { ensureServingFresh, isServingFresh, rebuildServingInSteps } from '../../src/serving/refresh-serving.js';
import { loadObservationRows } from '../support/load-rows.js';
import { writeDataDir } from '../support/fixtures.js';
import { ANALYTICS_FIXTURE } from '../support/analytics-fixture.js';
import { seedWithOneProvince } from '../support/seed-one-province.js';
import { scratchStores } from '../support/scratch-stores.js';

const KINDS = ['PROVINCE', 'DISTRICT', 'COMMUNE', 'VILLAGE', 'PARTY_COMMITTEE', 'PARTY_CELL'];
const EVERY_PERIOD = { from: null, to: null, periods: null };
const A_WINDOW = { from: '2021-01-01', to: '2025-12-31', periods: null };
const SOME_PERIODS = { from: null, to: null, periods: ['2023', '2025'] };

/**
 * Rows in subject order, each subject's rows in the order given: served lookups list subjects in
 * key order, computed ones in id order, and readers only ever group them by subject.
 */
function bySubject<T extends { subjectId: string }>(rows: T[]): T[] {
  return [...rows].sort((a, b) => (a.subjectId < b.subjectId ? -1 : a.subjectId > b.subjectId ? 1 : 0));
}

/**
 * Sums of doubles come out in the last bits as the threads happened to add them, in either path;
 * twelve significant digits is what both agree on.
 */
function rounded<T>(rows: T): T {
  return JSON.parse(JSON.stringify(rows), (_, v) =>
    typeof v === 'number' && !Number.isInteger(v) ? Number(v.toPrecision(12)) : v,
  );
}

/** Every value the serving layer can give, read both ways: from the layer and computed. */
async function compareAll(store: Store): Promise<number> {
  const computed = new AnalyticsReader(store, null);
  const villages = (
    await store.all<{ id: string }>('t', sql`SELECT id FROM units WHERE kind = 'VILLAGE' ORDER BY id`)
  ).map((r) => r.id);
  const indicators = (await store.all<{ code: string }>('t', sql`SELECT code FROM indicators ORDER BY code`)).map(
    (r) => r.code,
  );
  const status = await ServingStatus.of(store);
  // Its keys load in the background (a statement away): a read asked now joins on unit ids and
  // must give the same answers.
  expect(status.keysLoaded).toBe(false);
  const beforeKeys = new AnalyticsReader(store, status).readLatest(villages, indicators, NO_ROLLUP);
  expect(rounded(await beforeKeys)).toEqual(rounded(await computed.readLatest(villages, indicators, NO_ROLLUP)));
  await status.keysReady();
  expect(status.keysLoaded).toBe(true);
  const served = new AnalyticsReader(store, status);
  // A cutoff inside the store's recording times, so updatedAfter keeps some values and drops others.
  const [{ mid }] = await store.all<{ mid: string }>(
    't',
    sql`SELECT strftime(quantile_disc(recorded_at, 0.5), '%Y-%m-%dT%H:%M:%S.%gZ') AS mid FROM observations`,
  );
  const midRecordedAt = mid!;
  let compared = 0;
  // Tables under a parent name their units from the in-memory hierarchy and read the layer by key.
  const hierarchy = new HierarchyCache(store);
  await hierarchy.ready();
  const scoped = new AnalyticsReader(store, status, hierarchy);
  const parents = (
    await store.all<{ id: string }>('t', sql`SELECT DISTINCT parent_id AS id FROM unit_links ORDER BY id LIMIT 12`)
  ).map((r) => r.id);
  let servedPivots = 0;
  const stop = store.onStatement((s) => {
    if (s.id === 'analytics.table-pivot-served') servedPivots++;
  });
  for (const within of parents) {
    for (const kind of KINDS) {
      for (const rollupFrom of [null, 'VILLAGE']) {
        const options: ValueOptions = { ...NO_ROLLUP, rollupFrom };
        const set = { kind, within, asOf: null };
        const served = await scoped.readTablePivot(set, indicators, A_WINDOW, options);
        expect(rounded(served), `${kind} within ${within}`).toEqual(
          rounded(await computed.readTablePivot(set, indicators, A_WINDOW, options)),
        );
        compared += served.length;
      }
    }
  }
  stop();
  expect(servedPivots).toBeGreaterThan(0);
  for (const kind of KINDS) {
    for (const rollupFrom of [null, ...KINDS]) {
      const options: ValueOptions = { ...NO_ROLLUP, rollupFrom };
      expect(served.serves(options)).toBe(true);
      const set = { kind, within: null, asOf: null };
      const fromLayer = await served.readTableRows(set, indicators, EVERY_PERIOD, options);
      expect(rounded(fromLayer), `${kind} rolled up from ${rollupFrom}`).toEqual(
        rounded(await computed.readTableRows(set, indicators, EVERY_PERIOD, options)),
      );
      compared += fromLayer.length;
      // by id, as the loaders ask (integer keys from the lookup); two rollups are enough here
      if (rollupFrom !== null && rollupFrom !== 'VILLAGE') continue;
      const ids = (
        await store.all<{ id: string }>('t', sql`SELECT id FROM units WHERE kind = ${kind} ORDER BY id`)
      ).map((r) => r.id);
      for (const window of [EVERY_PERIOD, A_WINDOW, SOME_PERIODS]) {
        expect(rounded(bySubject(await served.readSeries(ids, indicators, window, options)))).toEqual(
          rounded(bySubject(await computed.readSeries(ids, indicators, window, options))),
        );
      }
      expect(rounded(bySubject(await served.readLatest(ids, indicators, options)))).toEqual(
        rounded(bySubject(await computed.readLatest(ids, indicators, options))),
      );
      // a lookup asked for some fields gives exactly those, with the same values
      for (const fields of FIELD_SUBSETS) {
        expect(rounded(bySubject(await served.readSeries(ids, indicators, A_WINDOW, options, fields)))).toEqual(
          rounded(bySubject(projected(await computed.readSeries(ids, indicators, A_WINDOW, options), fields))),
        );
        expect(rounded(bySubject(await served.readLatest(ids, indicators, options, fields)))).toEqual(
          rounded(bySubject(projected(await computed.readLatest(ids, indicators, options), fields))),
        );
      }
      const later = { ...options, updatedAfter: midRecordedAt };
      expect(rounded(bySubject(await served.readSeries(ids, indicators, A_WINDOW, later)))).toEqual(
        rounded(bySubject(await computed.readSeries(ids, indicators, A_WINDOW, later))),
      );
    }
  }
  return compared;
}

const FIELD_SUBSETS: PointField[][] = [
  ['indicator', 'period', 'value', 'qualifier'],
  ['indicator', 'sourceIds', 'reporting', 'expected', 'recordedAt'],
];

function projected(
  rows: { subjectId: string; point: PointRow }[],
  fields: readonly PointField[],
): { subjectId: string; point: Partial<PointRow> }[] {
  return rows.map(({ subjectId, point }) => ({
    subjectId,
    point: { subjectId, ...Object.fromEntries(fields.map((f) => [f, point[f]])) },
  }));
}

async function layerRows(store: Store): Promise<unknown[]> {
  return store.all(
    't',
    sql`SELECT u.unit_id, v.* EXCLUDE (unit_key) FROM serving_values v JOIN serving_units u USING (unit_key)
    ORDER BY ALL`,
  );
}

// Each test reads every value of a store twice; on a busy 2-core machine that takes a while.
describe('the serving layer answers exactly what the general path computes', { timeout: 300_000 }, () => {
  const { path, withPreparedStore, withSyntheticStore } = scratchStores('grassroots-serving-', 1);

  // The seed with the country's units of its province only: every unit is asked, and the whole
  // country's 15,000 (no figures on them) would take minutes.
  it('on the seed: every kind, indicator, period and rollup', async () => {
    await withPreparedStore('seed.duckdb', await seedWithOneProvince(), async (store) => {
      expect(await isServingFresh(store)).toBe(true);
      expect(await compareAll(store)).toBeGreaterThan(50);
    });
  });

  it('on the hand-worked fixture (gap, zero denominator, a unit ending mid-series)', async () => {
    await withPreparedStore('fixture.duckdb', await writeDataDir(ANALYTICS_FIXTURE, true), async (store) => {
      expect(await compareAll(store)).toBeGreaterThan(30);
    });
  });

  it('on a synthetic country with mergers (villages counted for the old commune before, the new one after)', async () => {
    await withSyntheticStore('tiny.duckdb', async (store) => {
      expect(await isServingFresh(store)).toBe(false);
      expect(await ensureServingFresh(store)).toBe('full');
      expect(await compareAll(store)).toBeGreaterThan(5000);
    });
  });

  it('a full build writes the layer in layer order; one killed between passes goes on from its next pass', async () => {
    await withSyntheticStore('steps.duckdb', async (store) => {
      expect(await ensureServingFresh(store)).toBe('full');
      const whole = await layerRows(store);
      // pass after pass, the rows as stored are in the order reads skip by
      const stored = sql`SELECT unit_key, indicator, rollup_from, period FROM serving_values`;
      expect(await store.all('t', stored)).toEqual(
        await store.all(
          't',
          sql`SELECT unit_key, indicator, rollup_from, period FROM serving_values
          ORDER BY indicator, rollup_from, unit_key, period_start, period`,
        ),
      );
      await store.transaction((tx) => tx.run('t', sql`DELETE FROM serving_state`));
      const killedAfter = 3;
      const first: string[] = [];
      await expect(
        rebuildServingInSteps(store, (step) => {
          first.push(step);
          if (first.length === killedAfter) throw new Error('killed');
        }),
      ).rejects.toThrow('killed');
      expect(await isServingFresh(store)).toBe(false);
      const again: string[] = [];
      await rebuildServingInSteps(store, (step) => again.push(step));
      expect(again.slice(0, killedAfter)).toEqual(first.map((step) => `${step} (done before)`));
      expect(again.slice(killedAfter).some((step) => step.endsWith('(done before)'))).toBe(false);
      expect(again.length).toBeGreaterThan(killedAfter + 2);
      expect(await isServingFresh(store)).toBe(true);
      expect(rounded(await layerRows(store))).toEqual(rounded(whole));
      await expect(store.all('t', sql`SELECT * FROM serving_build_progress`)).rejects.toThrow(/serving_build_progress/);
    });
  });

  it('a load refreshes the layer in its own transaction, to what a full rebuild gives', async () => {
    await withPreparedStore('inc.duckdb', await writeDataDir(ANALYTICS_FIXTURE, true), async (store) => {
      // a revision of a village figure, a new year for another, a commune's own figure that now
      // hides its rollup for that year
      const result = await loadObservationRows(store, path('more.csv'), [
        'village/a1,poor_households,2022,22,EXACT,,,synthetic-test,false,,,',
        'village/b1,poor_households,2024,20,MORE_THAN,,,synthetic-test,false,,,',
        'commune/a,poor_households,2020,71,EXACT,,,synthetic-test,false,,,',
      ]);
      expect(result.serving).toBe('incremental');
      expect(await isServingFresh(store)).toBe(true);
      const incremental = await layerRows(store);
      await store.transaction(async (tx) => {
        await tx.run('t', sql`DELETE FROM serving_state`);
      });
      expect(await ensureServingFresh(store)).toBe('full');
      expect(rounded(incremental)).toEqual(rounded(await layerRows(store)));
      expect(await compareAll(store)).toBeGreaterThan(30);
    });
  });

  it('unit keys follow the layer: kept across a commit that leaves it alone, reloaded when a refresh adds keys', async () => {
    await withPreparedStore('keys.duckdb', await writeDataDir(ANALYTICS_FIXTURE, true), async (store) => {
      const status = await ServingStatus.of(store);
      await status.keysReady();
      const key = status.keyOf('village/a1');
      expect(key).toBeGreaterThan(0);
      await store.transaction((tx) =>
        tx.run('t', sql`UPDATE imports SET rows_written = rows_written WHERE id = (SELECT max(id) FROM imports)`),
      );
      // unchecked since the commit: lookups join on unit ids meanwhile
      expect(status.keysLoaded).toBe(false);
      await status.keysReady();
      expect(status.keyOf('village/a1')).toBe(key);
      expect(status.keyOf('village/new')).toBeUndefined();
      // as a refresh does: new units get the next keys, and the state row is written anew
      await store.transaction(async (tx) => {
        await tx.run('t', sql`INSERT INTO serving_units SELECT max(unit_key) + 1, 'village/new' FROM serving_units`);
        await tx.run(
          't',
          sql`UPDATE serving_state SET refreshed_at = refreshed_at + INTERVAL 1 SECOND, how = 'incremental'`,
        );
      });
      expect(status.keysLoaded).toBe(false);
      await status.keysReady();
      expect(status.keyOf('village/new')).toBeGreaterThan(key!);
      expect(status.keyOf('village/a1')).toBe(key);
    });
  });

  it('a layer behind the latest import is not used, and a load does not half-refresh it', async () => {
    await withPreparedStore('stale.duckdb', await writeDataDir(ANALYTICS_FIXTURE, true), async (store) => {
      await store.all('t', sql`DELETE FROM serving_state`);
      expect(await isServingFresh(store)).toBe(false);
      expect(
        (
          await loadObservationRows(store, path('one.csv'), [
            'village/a2,poor_households,2024,25,EXACT,,,synthetic-test,false,,,',
          ])
        ).serving,
      ).toBe('left-stale');
      expect(await isServingFresh(store)).toBe(false);
      const reader = new AnalyticsReader(store, await ServingStatus.of(store));
      expect(reader.serves(NO_ROLLUP)).toBe(false);
      const [row] = await reader.readLatest(['village/a2'], ['poor_households'], NO_ROLLUP);
      expect(row!.point.value).toBe(25);
    });
  });

  it('time travel and other source preferences are computed, never served', () => {
    const reader = new AnalyticsReader(
      { all: async () => [], vectors: async () => ({}), snapshot: (_key, work) => work({ all: async () => [] }) },
      { isFresh: true, keysLoaded: true, keyOf: () => undefined, hot: () => null },
    );
    expect(reader.serves(NO_ROLLUP)).toBe(true);
    expect(reader.serves({ ...NO_ROLLUP, updatedAfter: '2026-01-01 00:00:00.000' })).toBe(true);
    expect(reader.serves({ ...NO_ROLLUP, recordedAsOf: '2026-01-01 00:00:00.000' })).toBe(false);
    expect(reader.serves({ ...NO_ROLLUP, earliestPublication: true })).toBe(false);
    expect(reader.serves({ ...NO_ROLLUP, preferredSource: 'x' })).toBe(false);
  });
});
