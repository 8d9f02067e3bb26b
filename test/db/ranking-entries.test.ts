import { describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { AnalyticsReader } from '../../src/readers/analytics-reader.js';
import { ServingStatus } from '../../src/serving/serving-status.js';
import { HierarchyCache } from '../../src/hierarchy/hierarchy-cache.js';
import { ensureServingFresh } from '../../src/serving/refresh-serving.js';
import { NO_ROLLUP, type SubjectSet } from '../../src/analytics/values-sql.js';
import type { RankColumns } from '../../src/domain/change-measures.js';
import type { RankBy } from '../../src/analytics/rank-sql.js';
import type { RankRequest } from '../../src/values/value-request.js';
import { sql } from '../../src/store/sql.js';
import { scratchStores } from '../support/scratch-stores.js';

/**
 * A ranking reads its entries (change measures and point) one of three ways
 * (`AnalyticsReader.rank`): with the ranks in one statement when it keeps most of its set, after
 * them for the units kept when it keeps few of many, or not at all when none is asked. Proven
 * here to give the same entries, on the tiny synthetic country (24 villages), from the serving
 * layer and computed alike, for each sort key.
 */
describe("a ranking's entries", () => {
  const stores = scratchStores('grassroots-ranking-entries-', 2);
  const NONE: RankColumns = { point: false, change: new Set() };

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
      const villages = (
        await store.all<{ id: string }>('t', sql`SELECT id FROM units WHERE kind = 'VILLAGE' ORDER BY id`)
      ).map((r) => r.id);
      expect(villages.length).toBe(24);
      const { served, computed } = await readers(store);
      let compared = 0;
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
            options: NO_ROLLUP,
          });
          // 24 named villages, 24 kept: with the ranks
          const whole = await reader.rank(request({ ids: villages }, 24));
          expect(whole.length).toBeGreaterThan(15);
          expect(whole.every((e) => e.point !== null)).toBe(true);
          if (by !== 'VALUE') expect(whole.some((e) => e.absolute !== null)).toBe(true);
          // 3 of 24 named villages, and 3 of every village: after the ranks
          const few = await reader.rank(request({ ids: villages }, 3));
          const nationwide = await reader.rank(request({ kind: 'VILLAGE', within: null, asOf: null }, 3));
          const top = whole.filter((e) => e.rank <= 3);
          expect(few).toEqual(top);
          expect(nationwide).toEqual(top);
          // none asked: the ranks alone, entries NULL as the statements give those not asked
          const bare = await reader.rank(request({ kind: 'VILLAGE', within: null, asOf: null }, 3), NONE);
          expect(
            bare.map(({ subjectId, rank, sortValue, peerCount, unitCount }) => [
              subjectId,
              rank,
              sortValue,
              peerCount,
              unitCount,
            ]),
          ).toEqual(
            top.map(({ subjectId, rank, sortValue, peerCount, unitCount }) => [
              subjectId,
              rank,
              sortValue,
              peerCount,
              unitCount,
            ]),
          );
          expect(bare.every((e) => e.point === null && e.absolute === null && e.cagr === null)).toBe(true);
          compared++;
        }
      expect(compared).toBe(6);
    });
  });
});
