import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { postJson } from '../support/http.js';
import { until } from '../support/slow-statement.js';

/** A search always runs a statement (the in-memory hierarchy answers lookups by code without one). */
const SEARCH = { query: '{ localities(search: "Tìa Dình") { nodes { name } } }' };
import { sql } from '../../src/store/sql.js';

describe('/healthz and /readyz never wait for a database connection', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(undefined, { store: { poolSize: 2 } });
  });
  afterAll(() => t.close());

  it('with every pool connection held, both answer 200 at once while a query waits its turn', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    // Every connection of the pool inside an open transaction until released.
    const holders = Array.from({ length: t.store.poolSize }, () =>
      t.store.transaction(async (tx) => {
        await tx.all('test.hold', sql`SELECT 1 AS one`);
        await held;
      }),
    );
    try {
      let queryAnswered = false;
      const query = postJson(t.server.url, SEARCH).finally(() => (queryAnswered = true));
      // The query is admitted and its statement waits for a connection: the pool is exhausted.
      await until(() => t.store.waiting >= 1);

      const health = await fetch(new URL('/healthz', t.server.url));
      const ready = await fetch(new URL('/readyz', t.server.url));
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok' });
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ready', warm: true });
      // Both probes answered while the pool was still held: nothing was released yet.
      expect(queryAnswered).toBe(false);
      expect(t.store.waiting).toBeGreaterThanOrEqual(1);

      release();
      const answer = (await query).json as { data: { localities: { nodes: { name: string }[] } } };
      expect(answer.data.localities.nodes[0]).toEqual({ name: 'Tìa Dình' });
    } finally {
      release();
      await Promise.all(holders);
    }
  });
});
