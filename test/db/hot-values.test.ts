import { describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { sql } from '../../src/store/sql.js';
import { AnalyticsReader } from '../../src/readers/analytics-reader.js';
import { ServingStatus } from '../../src/serving/serving-status.js';
import { HOT_FIELDS } from '../../src/serving/hot-values.js';
import { HierarchyCache } from '../../src/hierarchy/hierarchy-cache.js';
import { NO_ROLLUP, type ValueOptions } from '../../src/analytics/values-sql.js';
import type { PointField } from '../../src/domain/analytics-rows.js';
import { ensureServingFresh } from '../../src/serving/refresh-serving.js';
import { loadObservationRows } from '../support/load-rows.js';
import { writeDataDir } from '../support/fixtures.js';
import { ANALYTICS_FIXTURE } from '../support/analytics-fixture.js';
import { seedWithOneProvince } from '../support/seed-one-province.js';
import { scratchStores } from '../support/scratch-stores.js';

const KINDS = ['PROVINCE', 'DISTRICT', 'COMMUNE', 'VILLAGE', 'PARTY_COMMITTEE', 'PARTY_CELL'];
const WINDOWS = [
  { from: null, to: null, periods: null },
  { from: '2021-01-01', to: '2025-12-31', periods: null },
  { from: null, to: '2019-12-31', periods: null },
  { from: null, to: null, periods: ['2023', '2025', '2024-Q3', 'no-such-period'] },
];
const FIELD_SETS: PointField[][] = [
  ['indicator', 'period', 'qualifier', 'value'],
  [...HOT_FIELDS].sort(),
  ['indicator', 'periodEnd', 'periodStart'],
];

/** Each subject's rows in the order given, subjects by id (both paths list subjects by key). */
function bySubject<T extends { subjectId: string }>(rows: T[]): T[] {
  return [...rows].sort((a, b) => (a.subjectId < b.subjectId ? -1 : a.subjectId > b.subjectId ? 1 : 0));
}

/**
 * Every lookup the hot copy can answer, asked of it and of DuckDB (the same store, without the
 * copy), for every kind, window, rollup and field set; returns how many lookups it answered.
 */
async function compareWithStatements(store: Store): Promise<number> {
  const withCopy = await ServingStatus.of(store, { hotValues: true });
  await withCopy.ready();
  const hot = withCopy.hot();
  expect(hot).not.toBeNull();
  const statements = await ServingStatus.of(store);
  await statements.ready();
  expect(statements.hot()).toBeNull();
  // Tables under a parent name their units from the hierarchy in memory, then read by key.
  const hierarchy = new HierarchyCache(store);
  await hierarchy.ready();
  const fromCopy = new AnalyticsReader(store, withCopy, hierarchy);
  const fromDuckDB = new AnalyticsReader(store, statements, hierarchy);
  // two parents of each kind that has children (a province's tables are of communes, held whole)
  const parents = (
    await store.all<{ id: string }>(
      't',
      sql`SELECT id FROM (SELECT DISTINCT u.id, u.kind FROM unit_links l JOIN units u ON u.id = l.parent_id)
    QUALIFY row_number() OVER (PARTITION BY kind ORDER BY id) <= 2 ORDER BY id`,
    )
  ).map((r) => r.id);
  const indicators = [
    ...(await store.all<{ code: string }>('t', sql`SELECT code FROM indicators ORDER BY code`)).map((r) => r.code),
    'no-such-indicator',
  ];
  let statementsRun = 0;
  let pivotsFromMemory = 0;
  let seriesFromMemory = 0;
  const stop = store.onStatement(() => statementsRun++);
  for (const kind of KINDS) {
    const ids = (await store.all<{ id: string }>('t', sql`SELECT id FROM units WHERE kind = ${kind} ORDER BY id`)).map(
      (r) => r.id,
    );
    for (const rollupFrom of [null, 'VILLAGE', 'PARTY_CELL']) {
      const options: ValueOptions = { ...NO_ROLLUP, rollupFrom };
      for (const fields of FIELD_SETS) {
        for (const window of WINDOWS) {
          const answered = hot!.answered;
          const expected = await fromDuckDB.readSeries(ids, indicators, window, options, fields);
          const before = statementsRun;
          expect(
            bySubject(await fromCopy.readSeries(ids, indicators, window, options, fields)),
            `${kind} series ${JSON.stringify(window)} ${rollupFrom}`,
          ).toEqual(bySubject(expected));
          // answered without a statement, or (leaves' series) by one
          expect(hot!.answered - answered + (statementsRun - before)).toBe(1);
        }
        const expected = await fromDuckDB.readLatest(ids, indicators, options, fields);
        const before = statementsRun;
        expect(
          bySubject(await fromCopy.readLatest(ids, indicators, options, fields)),
          `${kind} latest ${rollupFrom}`,
        ).toEqual(bySubject(expected));
        expect(statementsRun).toBe(before);
        // a few units at a time, as the loaders ask
        for (const few of [ids.slice(0, 1), ids.slice(1, 4), [...ids.slice(0, 2), ...ids.slice(0, 2)]]) {
          expect(bySubject(await fromCopy.readLatest(few, indicators.slice(0, 3), options, fields))).toEqual(
            bySubject(await fromDuckDB.readLatest(few, indicators.slice(0, 3), options, fields)),
          );
        }
        // one unit at a time, at once (the loaders ask memory first): what a statement gives, or undefined
        for (const id of [...ids.slice(0, 3), 'no-such-unit']) {
          for (const code of [indicators[0]!, indicators[indicators.length - 2]!, 'no-such-indicator']) {
            const latest = fromCopy.latestAtOnce(id, { indicator: code, options, fields });
            const expectedLatest = (await fromDuckDB.readLatest([id], [code], options, fields))[0]?.point ?? null;
            expect(latest, `${id} ${code} latest in memory`).toEqual(expectedLatest);
            for (const window of WINDOWS) {
              const series = fromCopy.seriesAtOnce(id, {
                indicator: code,
                window,
                options,
                fields,
                grid: null,
              });
              const expectedSeries = (await fromDuckDB.readSeries([id], [code], window, options, fields)).map(
                (r) => r.point,
              );
              // (undefined: not in memory, e.g. a leaf's series; the loader then batches a statement)
              if (series !== undefined) {
                expect(series, `${id} ${code} series ${JSON.stringify(window)} in memory`).toEqual(expectedSeries);
                seriesFromMemory++;
              }
            }
          }
        }
        expect(fromDuckDB.latestAtOnce(ids[0]!, { indicator: indicators[0]!, options, fields })).toBeUndefined();
      }
      for (const within of parents) {
        for (const window of WINDOWS) {
          const set = { kind, within, asOf: null };
          const answered = hot!.answered;
          const expected = await fromDuckDB.readTablePivot(set, indicators, window, options);
          const before = statementsRun;
          expect(
            await fromCopy.readTablePivot(set, indicators, window, options),
            `${kind} pivot within ${within} ${JSON.stringify(window)} ${rollupFrom}`,
          ).toEqual(expected);
          expect(hot!.answered - answered + (statementsRun - before)).toBe(1);
          if (statementsRun === before && expected.length > 0) pivotsFromMemory++;
        }
      }
    }
  }
  stop();
  expect(pivotsFromMemory).toBeGreaterThan(10);
  expect(seriesFromMemory).toBeGreaterThan(100);
  return hot!.answered;
}

describe("the serving layer's hot values in memory answer what its statements answer", { timeout: 300_000 }, () => {
  const { path, withPreparedStore, withSyntheticStore } = scratchStores('grassroots-hot-', 1);

  it('on the seed (quarters, months and open-ended periods among the years)', async () => {
    // The seed with the country's units of its province only (the whole country would take minutes).
    await withPreparedStore('seed.duckdb', await seedWithOneProvince(), async (store) => {
      expect(await compareWithStatements(store)).toBeGreaterThan(100);
    });
  });

  it('on a synthetic country with mergers and rollups', async () => {
    await withSyntheticStore('tiny.duckdb', async (store) => {
      expect(await ensureServingFresh(store)).toBe('full');
      expect(await compareWithStatements(store)).toBeGreaterThan(100);
    });
  });

  it("a lookup it cannot answer exactly goes to DuckDB: other fields, all fields, incremental pulls, a leaf's series", async () => {
    await withPreparedStore('fixture.duckdb', await writeDataDir(ANALYTICS_FIXTURE, true), async (store) => {
      const status = await ServingStatus.of(store, { hotValues: true });
      await status.ready();
      const hot = status.hot()!;
      const commune = status.keyOf('commune/a')!;
      const village = status.keyOf('village/a1')!;
      const all = { from: null, to: null, periods: null };
      expect(hot.series([commune], ['poor_households'], all, NO_ROLLUP, ['indicator', 'value'])).not.toBeNull();
      expect(hot.series([commune], ['poor_households'], all, NO_ROLLUP, ['indicator', 'sourceIds'])).toBeNull();
      expect(hot.series([commune], ['poor_households'], all, NO_ROLLUP, null)).toBeNull();
      expect(
        hot.series([commune], ['poor_households'], all, { ...NO_ROLLUP, updatedAfter: '2020-01-01 00:00:00.000' }, [
          'indicator',
          'value',
        ]),
      ).toBeNull();
      expect(hot.series([commune, village], ['poor_households'], all, NO_ROLLUP, ['indicator', 'value'])).toBeNull();
      expect(hot.latest([commune, village], ['poor_households'], NO_ROLLUP, ['indicator', 'value'])).not.toBeNull();
      expect(
        hot.series([commune], ['poor_households'], { from: '2020-1-1', to: null, periods: null }, NO_ROLLUP, [
          'indicator',
          'value',
        ]),
      ).toBeNull();
    });
  });

  it('follows the layer: after a commit the old copy stands in without the changed units, reloaded with the new values after a refresh', async () => {
    await withPreparedStore('refresh.duckdb', await writeDataDir(ANALYTICS_FIXTURE, true), async (store) => {
      const status = await ServingStatus.of(store, { hotValues: true });
      await status.ready();
      const reader = new AnalyticsReader(store, status);
      const latest = async () =>
        (await reader.readLatest(['village/b1'], ['poor_households'], NO_ROLLUP, ['indicator', 'period', 'value']))[0]!
          .point;
      const before = status.hot();
      expect(await latest()).not.toMatchObject({ period: '2026' });
      expect(
        (
          await loadObservationRows(store, path('more.csv'), [
            'village/b1,poor_households,2026,7,EXACT,,,synthetic-test,false,,,',
          ])
        ).serving,
      ).toBe('incremental');
      await status.recheck();
      // Until the copy is read again, the one of before the write stands in without the units the
      // write changed (village/b1 and its ancestors): their reads are statements meanwhile.
      const standIn = status.hot();
      expect(standIn).not.toBeNull();
      expect(standIn).not.toBe(before);
      const standInAnswered = standIn!.answered;
      expect(await latest()).toMatchObject({ period: '2026', value: 7 });
      expect(standIn!.answered).toBe(standInAnswered);
      await status.ready();
      expect(status.hot()).not.toBeNull();
      expect(status.hot()).not.toBe(before);
      const answered = status.hot()!.answered;
      expect(await latest()).toMatchObject({ period: '2026', value: 7 });
      expect(status.hot()!.answered).toBe(answered + 1);
    });
  });
});
