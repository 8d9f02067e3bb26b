import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { sql } from '../../src/store/sql.js';
import { ResultCache } from '../../src/speed/result-cache.js';

/**
 * A read of several statements that must agree (a ranking, then the figures of the ranks it kept:
 * `AnalyticsReader.rank`) runs on one snapshot of the store. Proven with a write that commits
 * between its two statements, on a second connection of the same store.
 */
describe('reads on one snapshot', () => {
  let store: Store;
  const count = sql`SELECT count(*)::INTEGER AS n FROM t`;
  beforeAll(async () => {
    store = await Store.open({ path: ':memory:', poolSize: 2 });
    await store.all('t', sql`CREATE TABLE t AS SELECT range AS n FROM range(10)`);
  });
  afterAll(() => store.close());

  /** Counts t, commits a row from another connection, counts again: both counts, and the count after. */
  async function countAroundAWrite(runner: Pick<Store, 'snapshot'>, key: Parameters<Store['snapshot']>[0]) {
    const inside = await runner.snapshot(key, async (reads) => {
      const [before] = await reads.all<{ n: number }>('t.before', count);
      await store.transaction(async (tx) => tx.run('t.insert', sql`INSERT INTO t VALUES (-1)`));
      const [after] = await reads.all<{ n: number }>('t.after', count);
      return [before!, after!];
    });
    const [now] = await store.all<{ n: number }>('t.now', count);
    return { inside: inside.map((r) => r.n), now: now!.n };
  }

  it('does not see a write that commits between its statements; the next read does', async () => {
    const before = (await store.all<{ n: number }>('t', count))[0]!.n;
    const { inside, now } = await countAroundAWrite(store, null);
    expect(inside).toEqual([before, before]);
    expect(now).toBe(before + 1);
  });

  it('rolls back and fails as its work fails, and the connection serves the next read', async () => {
    await expect(
      store.snapshot(null, async (reads) => reads.all('t.bad', sql`SELECT no_such_column FROM t`)),
    ).rejects.toThrow(/no_such_column/);
    for (let i = 0; i < 3; i++) expect((await store.all<{ n: number }>('t', count))[0]!.n).toBeGreaterThan(0);
  });

  it('is kept by the result cache under its key as one answer, until a transaction commits', async () => {
    const cache = new ResultCache({ entries: 10, totalRows: 1_000, maxRows: 50 }, () => store.commits);
    const runner = cache.wrap(store);
    const key = { id: 't.snapshot', fragment: count, variant: 'both counts' };
    const read = () =>
      runner.snapshot(key, async (reads) => [
        ...(await reads.all<{ n: number }>('t.a', count)),
        ...(await reads.all<{ n: number }>('t.b', count)),
      ]);
    const first = await read();
    const statements = store.statementCount;
    expect(await read()).toEqual(first);
    expect(store.statementCount).toBe(statements);
    // another variant of the same first statement is another answer
    await runner.snapshot({ ...key, variant: 'other' }, async (reads) => reads.all('t.a', count));
    expect(store.statementCount).toBe(statements + 1);
    await store.transaction(async (tx) => tx.run('t.insert', sql`INSERT INTO t VALUES (-2)`));
    const again = await read();
    expect(again[0]!.n).toBe(first[0]!.n + 1);
    expect(store.statementCount).toBe(statements + 1 + 3);
  });
});
