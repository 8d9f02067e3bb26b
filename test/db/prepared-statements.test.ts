import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { Store } from '../../src/store/store.js';
import { PreparedCache } from '../../src/store/prepared-statements.js';
import { sql } from '../../src/store/sql.js';

/**
 * Reads reuse each connection's prepared statements by text (`PreparedCache`). A reused
 * statement must behave exactly as running the text afresh: new bound values, tables replaced
 * under it, failures, texts of several statements.
 */
describe('prepared statements kept per connection', () => {
  let store: Store;

  beforeEach(async () => {
    // One connection, so every run below reuses the same prepared statement.
    store = await Store.open({ path: ':memory:', poolSize: 1 });
    await store.transaction(async (tx) => {
      await tx.run('t', sql`CREATE TABLE t (k INTEGER, v VARCHAR)`);
      await tx.run('t', sql`INSERT INTO t VALUES (1, 'one'), (2, 'two'), (3, 'three')`);
    });
  });

  afterEach(() => store.close());

  const byKey = (k: number) => store.all<{ v: string }>('t.by-key', sql`SELECT v FROM t WHERE k = ${k}`);

  it('answers each run with its own bound values', async () => {
    expect(await byKey(1)).toEqual([{ v: 'one' }]);
    expect(await byKey(3)).toEqual([{ v: 'three' }]);
    expect(await byKey(4)).toEqual([]);
    expect(await byKey(2)).toEqual([{ v: 'two' }]);
  });

  it('sees rows committed since it was prepared, and a table replaced under it', async () => {
    expect(await byKey(1)).toEqual([{ v: 'one' }]);
    await store.transaction((tx) => tx.run('t', sql`UPDATE t SET v = 'uno' WHERE k = 1`));
    expect(await byKey(1)).toEqual([{ v: 'uno' }]);
    await store.transaction(async (tx) => {
      await tx.run('t', sql`DROP TABLE t`);
      await tx.run('t', sql`CREATE TABLE t (v VARCHAR, extra DOUBLE, k INTEGER)`);
      await tx.run('t', sql`INSERT INTO t VALUES ('neuf', 0.5, 1)`);
    });
    expect(await byKey(1)).toEqual([{ v: 'neuf' }]);
  });

  it('answers aggregates from the data as it is now, not as it was when first prepared', async () => {
    const maxOver = (k: number) =>
      store.all<{ m: number | null }>('t.max', sql`SELECT max(k) AS m FROM t WHERE k > ${k}`);
    const maxAll = () => store.all<{ m: number }>('t.max-all', sql`SELECT max(k) AS m FROM t`);
    expect(await maxOver(0)).toEqual([{ m: 3 }]);
    expect(await maxAll()).toEqual([{ m: 3 }]);
    expect(await maxOver(3)).toEqual([{ m: null }]);
    await store.transaction((tx) => tx.run('t', sql`INSERT INTO t VALUES (10, 'ten')`));
    expect(await maxOver(3)).toEqual([{ m: 10 }]);
    expect(await maxOver(0)).toEqual([{ m: 10 }]);
    expect(await maxAll()).toEqual([{ m: 10 }]);
  });

  it('reports a failing run and runs the same text fine afterwards', async () => {
    const castOf = (text: string) => store.all<{ n: number }>('t.cast', sql`SELECT ${text}::INTEGER AS n`);
    await expect(castOf('not a number')).rejects.toThrow(/Could not convert|Conversion Error/);
    expect(await castOf('42')).toEqual([{ n: 42 }]);
  });

  it('runs a text of several statements as before (the last one answers)', async () => {
    const rows = await store.all<{ n: number }>('t.two', sql`SELECT 1 AS n; SELECT count(*)::INTEGER AS n FROM t`);
    expect(rows).toEqual([{ n: 3 }]);
    expect(await store.all('t.two', sql`SELECT 1 AS n; SELECT count(*)::INTEGER AS n FROM t`)).toEqual([{ n: 3 }]);
  });
});

describe('PreparedCache', () => {
  let instance: DuckDBInstance;
  let connection: DuckDBConnection;

  beforeEach(async () => {
    instance = await DuckDBInstance.create(':memory:');
    connection = await instance.connect();
  });

  afterEach(() => {
    connection.closeSync();
    instance.closeSync();
  });

  const run = async (cache: PreparedCache, text: string, value: number) => {
    const prepared = (await cache.get(text))!;
    prepared.bind([value]);
    return (await prepared.runAndReadAll()).getRows()[0]![0];
  };

  it('keeps at most its capacity, dropping the least recently used, and prepares a dropped text again', async () => {
    const cache = new PreparedCache(connection, { statements: 2, textChars: 10_000 });
    const a = 'SELECT $1::INTEGER + 1';
    const b = 'SELECT $1::INTEGER + 2';
    const c = 'SELECT $1::INTEGER + 3';
    const first = await cache.get(a);
    await cache.get(b);
    expect(await cache.get(a)).toBe(first); // a is now the most recent
    await cache.get(c); // drops b
    expect(cache.size).toBe(2);
    expect(await cache.get(a)).toBe(first);
    expect(await run(cache, b, 10)).toBe(12);
    expect(await run(cache, c, 10)).toBe(13);
    expect(cache.size).toBe(2);
  });

  it('keeps the most recently used statements within a total of SQL text, and destroys those it drops', async () => {
    const cache = new PreparedCache(connection, { statements: 10, textChars: 100 });
    const padded = (n: number) => `SELECT $1::INTEGER + ${n} AS n /* ${'x'.repeat(16)} */`; // 50 characters
    const a = await cache.get(padded(1));
    await cache.get(padded(2));
    expect(cache.size).toBe(2);
    await cache.get(padded(3)); // 150 characters over 100: the least recently used goes
    expect(cache.size).toBe(2);
    expect(await run(cache, padded(2), 1)).toBe(3);
    expect(await cache.get(padded(1))).not.toBe(a);
    // a dropped statement is destroyed: it can no longer be bound
    expect(() => a!.bind([1])).toThrow();
  });

  it('holds no statement for a text of several statements', async () => {
    const cache = new PreparedCache(connection, { statements: 2, textChars: 10_000 });
    expect(await cache.get('SELECT 1; SELECT 2')).toBeNull();
    expect(cache.size).toBe(1);
  });

  it('prepares a dropped statement afresh', async () => {
    const cache = new PreparedCache(connection, { statements: 2, textChars: 10_000 });
    const text = 'SELECT $1::INTEGER * 2';
    const first = await cache.get(text);
    cache.drop(text);
    const second = await cache.get(text);
    expect(second).not.toBe(first);
    expect(await run(cache, text, 21)).toBe(42);
  });
});
