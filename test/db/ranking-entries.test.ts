import { describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { AnalyticsReader } from '../../src/readers/analytics-reader.js';
import { ServingStatus } from '../../src/serving/serving-status.js';
import { HierarchyCache } from '../../src/hierarchy/hierarchy-cache.js';
import { ensureServingFresh } from '../../src/serving/refresh-serving.js';
import { NO_ROLLUP, type SubjectSet } from '../../src/analytics/values-sql.js';
import { ESTIMATE_MEASURES, type RankColumns } from '../../src/domain/change-measures.js';
import type { RankBy } from '../../src/analytics/rank-sql.js';
import type { RankRequest } from '../../src/values/value-request.js';
import type { RankRow } from '../../src/domain/analytics-rows.js';
import { sql } from '../../src/store/sql.js';
import { scratchStores } from '../support/scratch-stores.js';

/**
 * A ranking reads its entries (change measures and point) one of three ways
 * (`AnalyticsReader.rank`): with the ranks in one statement when it keeps most of its set, after
 * them for the units kept when it keeps few of many, or not at all when none is asked. Proven
 * here to give the same entries, on the tiny synthetic country (24 villages in 6 communes), from
 * the serving layer and computed alike, for each sort key, villages as recorded and communes rolled up.
 */
describe("a ranking's entries", () => {
  const stores = scratchStores('grassroots-ranking-entries-', 2);
  const NONE: RankColumns = { point: false, change: new Set(), estimate: new Set() };
  /** The estimates' values alone, as a ranking that shows only numbers asks for them. */
  const VALUES_ONLY: RankColumns = { point: false, change: new Set(ESTIMATE_MEASURES), estimate: new Set(['value']) };

  async function readers(store: Store) {
    await ensureServingFresh(store);
    const status = await ServingStatus.of(store);
    await status.ready();
    const hierarchy = new HierarchyCache(store);
    await hierarchy.ready();
    return { served: new AnalyticsReader(store, status, hierarchy), computed: new AnalyticsReader(store) };
  }

  it('are the same read with the ranks, after them, or left out', async () => {
    await stores.withSyntheticStore('entries.duckdb', async (store) => {
      const { served, computed } = await readers(store);
      let compared = 0;
      // villages as recorded, and communes with their villages rolled up (computed or served)
      for (const { kind, options, few } of [
        { kind: 'VILLAGE', options: NO_ROLLUP, few: 3 },
        { kind: 'COMMUNE', options: { ...NO_ROLLUP, rollupFrom: 'VILLAGE' }, few: 1 },
      ]) {
        const units = (
          await store.all<{ id: string }>('t', sql`SELECT id FROM units WHERE kind = ${kind} ORDER BY id`)
        ).map((r) => r.id);
        expect(units.length).toBeGreaterThan(2 * few);
        for (const reader of [served, computed])
          for (const [by, indicator] of [
            ['VALUE', 'households'],
            ['ABSOLUTE_CHANGE', 'poor_households'],
            ['PERCENT_CHANGE', 'coffee_area'],
          ] as const) {
            const request = (set: SubjectSet, limit: number): RankRequest => ({
              set,
              indicator,
              by: by as RankBy,
              from: by === 'VALUE' ? null : '2021',
              to: '2025',
              descending: true,
              limit,
              options,
            });
            // every unit named and kept: with the ranks, and no cut (the limit keeps all of them)
            const whole = await reader.rank(request({ ids: units }, units.length));
            expect(whole.length).toBeGreaterThan(units.length / 2);
            expect(whole.every((e) => e.point !== null)).toBe(true);
            if (by !== 'VALUE') expect(whole.some((e) => e.absolute !== null)).toBe(true);
            // the estimates' values alone: the same values, every other field of theirs NULL
            const values = await reader.rank(request({ ids: units }, units.length), VALUES_ONLY);
            const valueOnly = (e: RankRow) =>
              ESTIMATE_MEASURES.map((m) =>
                e[m] === null ? null : { value: e[m].value, lower: null, upper: null, qualifier: null, formula: null },
              );
            expect(values.map((e) => ESTIMATE_MEASURES.map((m) => e[m]))).toEqual(whole.map(valueOnly));
            expect(values.map((e) => e.subjectId)).toEqual(whole.map((e) => e.subjectId));
            // a few of the units named, and a few of every unit of the kind: after the ranks
            const some = await reader.rank(request({ ids: units }, few));
            const nationwide = await reader.rank(request({ kind, within: null, asOf: null }, few));
            const top = whole.filter((e) => e.rank <= few);
            expect(some).toEqual(top);
            expect(nationwide).toEqual(top);
            // none asked: the ranks alone, entries NULL as the statements give those not asked
            const bare = await reader.rank(request({ kind, within: null, asOf: null }, few), NONE);
            const place = ({ subjectId, rank, sortValue, peerCount, unitCount }: RankRow) => [
              subjectId,
              rank,
              sortValue,
              peerCount,
              unitCount,
            ];
            expect(bare.map(place)).toEqual(top.map(place));
            expect(bare.every((e) => e.point === null && e.absolute === null && e.cagr === null)).toBe(true);
            compared++;
          }
      }
      expect(compared).toBe(12);
    });
  });
});
