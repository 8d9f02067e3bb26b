import { describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { rankUnits, type RankBy } from '../../src/analytics/rank-sql.js';
import { NO_ROLLUP, type ValueOptions } from '../../src/analytics/values-sql.js';
import { ensureServingFresh } from '../../src/serving/refresh-serving.js';
import { scratchStores } from '../support/scratch-stores.js';

type Ranked = { subjectId: string; rank: number; sortValue: number; peerCount: number };

/** The largest first a ranking takes: more than the tiny country's 24 villages, so every peer is ranked. */
const EVERY_PEER = 1000;

/**
 * A ranking sorts only the peers at least as good as the limit-th (rank-sql.ts `rankedCtes`).
 * Whatever the limit, its ranks must be those of ranking every peer, ties across the cut included:
 * proven here against the same ranking with a limit above the peer count, on the tiny synthetic
 * country (24 villages, 12 Party cells), read from the serving layer and computed alike.
 */
describe('a ranking cut at its limit', () => {
  const stores = scratchStores('grassroots-ranking-cut-', 2);

  async function ranks(
    store: Store,
    by: RankBy,
    indicator: string,
    descending: boolean,
    limit: number,
    serving: boolean,
  ) {
    const options: ValueOptions = { ...NO_ROLLUP, serving };
    const rows = await store.all<Ranked>(
      'test.rank',
      rankUnits(
        { kind: 'VILLAGE', within: null, asOf: null },
        indicator,
        by,
        by === 'VALUE' ? null : '2021',
        '2025',
        descending,
        limit,
        options,
        null,
      ),
    );
    return rows.map(({ subjectId, rank, sortValue, peerCount }) => ({ subjectId, rank, sortValue, peerCount }));
  }

  it('ranks as a sort of every peer, for every limit, either direction and each sort key', async () => {
    await stores.withSyntheticStore('cut.duckdb', async (store) => {
      await ensureServingFresh(store);
      let compared = 0;
      for (const serving of [true, false])
        for (const [by, indicator] of [
          ['VALUE', 'households'],
          ['ABSOLUTE_CHANGE', 'poor_households'],
          ['PERCENT_CHANGE', 'coffee_area'],
          // every village has one head: all tie, so any cut falls inside the tie
          ['VALUE', 'village_heads'],
        ] as const)
          for (const descending of [true, false]) {
            const all = await ranks(store, by, indicator, descending, EVERY_PEER, serving);
            expect(all.length).toBeGreaterThan(15);
            for (const limit of [1, 2, 3, 5, 8, 13, all.length - 1, all.length]) {
              const cut = await ranks(store, by, indicator, descending, limit, serving);
              expect(cut, `${by} ${indicator} ${descending ? 'DESC' : 'ASC'} first ${limit}`).toEqual(
                all.filter((r) => r.rank <= limit),
              );
              compared++;
            }
          }
      expect(compared).toBe(128);
    });
  });

  it('keeps the whole tie at the cut: 24 villages with one head each all rank first', async () => {
    await stores.withSyntheticStore('tie.duckdb', async (store) => {
      await ensureServingFresh(store);
      const heads = await ranks(store, 'VALUE', 'village_heads', true, 1, true);
      expect(new Set(heads.map((r) => r.rank))).toEqual(new Set([1]));
      expect(heads.length).toBe(heads[0]!.peerCount);
      expect(heads.length).toBeGreaterThan(15);
    });
  });
});
