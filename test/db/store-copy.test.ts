import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { StoreCopy } from '../../src/store/store-copy.js';
import { sql } from '../../src/store/sql.js';

/** The copy's life around commits, as the hierarchy and the serving keys rely on it. */
describe('StoreCopy', () => {
  let store: Store;
  let loads: number;
  let failNext: boolean;

  beforeEach(async () => {
    store = await Store.open({ path: ':memory:', poolSize: 2 });
    await store.transaction(async (tx) => {
      await tx.run('t', sql`CREATE TABLE t (v INTEGER)`);
      await tx.run('t', sql`INSERT INTO t VALUES (1), (2)`);
    });
    loads = 0;
    failNext = false;
  });

  afterEach(() => store.close());

  const values = async () => (await store.all<{ v: number }>('t', sql`SELECT v FROM t ORDER BY v`)).map((r) => r.v);
  const copyOfT = (after?: Promise<unknown>) =>
    new StoreCopy(
      store,
      {
        mark: async () =>
          String((await store.all<{ n: number }>('t', sql`SELECT count(*)::INTEGER AS n FROM t`))[0]!.n),
        load: async () => {
          loads++;
          if (failNext) {
            failNext = false;
            throw new Error('load failed on purpose');
          }
          return values();
        },
      },
      after,
    );

  it('once stopped, starts no load (one waiting on `after` gives up) and hands a running one an aborted signal', async () => {
    let release!: () => void;
    const waiting = copyOfT(new Promise<void>((resolve) => (release = resolve)));
    expect(waiting.current()).toBeNull();
    const stopped = waiting.stop();
    release();
    await stopped;
    expect(loads).toBe(0);
    expect(waiting.current()).toBeNull();
    await waiting.ready();
    expect(loads).toBe(0);

    let signalSeen!: AbortSignal;
    let finish!: () => void;
    const running = new StoreCopy(store, {
      mark: async () => 'm',
      load: async (signal) => {
        signalSeen = signal;
        await new Promise<void>((resolve) => (finish = resolve));
        signal.throwIfAborted();
        return values();
      },
    });
    expect(running.current()).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(signalSeen.aborted).toBe(false);
    const stopping = running.stop();
    expect(signalSeen.aborted).toBe(true);
    finish();
    await stopping;
    expect(running.current()).toBeNull();
    expect(running.lastError).toBe('stopped');
  });

  it('loads once for reads that ask while it loads, and not before `after` settles', async () => {
    let release!: () => void;
    const copy = copyOfT(new Promise<void>((resolve) => (release = resolve)));
    expect(copy.current()).toBeNull();
    expect(copy.current()).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(loads).toBe(0);
    release();
    await copy.ready();
    expect(copy.current()).toEqual([1, 2]);
    expect(loads).toBe(1);
  });

  it('keeps the copy across a commit that leaves its mark alone, reloads it when the mark moves', async () => {
    const copy = copyOfT();
    await copy.ready();
    const first = copy.current();
    await store.transaction((tx) => tx.run('t', sql`UPDATE t SET v = v`));
    expect(copy.current()).toBeNull();
    await copy.ready();
    expect(copy.current()).toBe(first);
    await store.transaction((tx) => tx.run('t', sql`INSERT INTO t VALUES (3)`));
    await copy.ready();
    expect(copy.current()).toEqual([1, 2, 3]);
    expect(loads).toBe(2);
  });

  it('does not install a copy read before a commit that landed while it loaded', async () => {
    const copy = copyOfT();
    expect(copy.current()).toBeNull();
    // commits while the first load is in flight
    await store.transaction((tx) => tx.run('t', sql`INSERT INTO t VALUES (3)`));
    await copy.settled();
    expect(copy.current()).toBeNull();
    await copy.ready();
    expect(copy.current()).toEqual([1, 2, 3]);
  });

  it('after a failed load, says why and leaves reads without the copy rather than retrying at once', async () => {
    failNext = true;
    const copy = copyOfT();
    await copy.ready();
    expect(copy.lastError).toBe('load failed on purpose');
    expect(copy.current()).toBeNull();
    await copy.ready();
    expect(loads).toBe(1);
  });
});
