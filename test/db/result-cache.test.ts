import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { sql } from '../../src/store/sql.js';
import { ResultCache } from '../../src/speed/result-cache.js';

describe('the read-result cache', () => {
  let store: Store;
  beforeAll(async () => {
    store = await Store.open({ path: ':memory:', poolSize: 1 });
    await store.all('t', sql`CREATE TABLE t AS SELECT range AS n FROM range(100)`);
  });
  afterAll(() => store.close());

  it('answers a repeated statement without running it, until a transaction commits', async () => {
    const cache = new ResultCache({ entries: 10, totalRows: 1_000, maxRows: 50 }, () => store.commits);
    const runner = cache.wrap(store);
    const count = sql`SELECT count(*)::INTEGER AS n FROM t`;
    const before = store.statementCount;
    expect(await runner.all('t', count)).toEqual([{ n: 100 }]);
    expect(await runner.all('t', count)).toEqual([{ n: 100 }]);
    expect(store.statementCount - before).toBe(1);
    expect(cache.hits).toBe(1);
    await store.transaction(async (tx) => tx.run('t', sql`INSERT INTO t VALUES (100)`));
    expect(await runner.all('t', count)).toEqual([{ n: 101 }]);
    expect(store.statementCount - before).toBe(3);
  });

  it('keys on the bound values, keeps no result over maxRows and at most `entries` results', async () => {
    const cache = new ResultCache({ entries: 2, totalRows: 1_000, maxRows: 50 }, () => store.commits);
    const runner = cache.wrap(store);
    const below = (k: number) => sql`SELECT count(*)::INTEGER AS n FROM t WHERE n < ${k}`;
    expect(await runner.all('t', below(3))).toEqual([{ n: 3 }]);
    expect(await runner.all('t', below(4))).toEqual([{ n: 4 }]);
    expect(cache.size).toBe(2);
    await runner.all('t', below(5));
    expect(cache.size).toBe(2);
    await runner.all('t', sql`SELECT n FROM t`);
    expect(cache.size).toBe(2);
    expect(cache.hits).toBe(0);
  });

  it('keeps the most recently used results within a total of rows, whatever their count', async () => {
    const cache = new ResultCache({ entries: 100, totalRows: 100, maxRows: 50 }, () => store.commits);
    const runner = cache.wrap(store);
    const first = (k: number) => sql`SELECT n FROM t ORDER BY n LIMIT ${k}`;
    await runner.all('t', first(40));
    await runner.all('t', first(30));
    await runner.all('t', first(40)); // used again: the 30 rows are now the least recent
    expect(cache.rows).toBe(70);
    await runner.all('t', first(20)); // 90 rows in all: fits
    expect(cache.size).toBe(3);
    await runner.all('t', first(25)); // 115 rows: the least recently used (30) goes
    expect(cache.rows).toBe(85);
    const before = store.statementCount;
    await runner.all('t', first(40));
    await runner.all('t', first(20));
    await runner.all('t', first(25));
    expect(store.statementCount).toBe(before);
    await runner.all('t', first(30));
    expect(store.statementCount).toBe(before + 1);
    expect(cache.hits).toBe(4);
    // an empty result counts as one row: kept like any other
    const none = sql`SELECT n FROM t WHERE n < ${0}`;
    expect(await runner.all('t', none)).toEqual([]);
    expect(await runner.all('t', none)).toEqual([]);
    expect(cache.hits).toBe(5);
  });

  it('entries 0 turns it off', async () => {
    const cache = new ResultCache({ entries: 0, totalRows: 1_000, maxRows: 50 }, () => store.commits);
    expect(cache.wrap(store)).toBe(store);
  });
});
