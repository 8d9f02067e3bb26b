import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { postJson } from '../support/http.js';
import { SLOW_SEARCH, slowSearchRewrite, until } from '../support/slow-statement.js';

/** Cost about 200 (a default page of two fields): heavy with heavyCost = 100. Runs until the time limit. */
const HEAVY_SLOW = { query: `{ localities(search: "${SLOW_SEARCH}") { totalCount nodes { code name } } }` };
/** Cost 2: cheap. Runs until the time limit. */
const CHEAP_SLOW = { query: `{ localities(search: "${SLOW_SEARCH}", first: 1) { totalCount } }` };
/** Cost 2, one quick statement (each test its own text: a repeated statement is answered from the result cache). */
const cheap = (search: string) => ({ query: `{ localities(search: "${search}", first: 1) { totalCount } }` });

describe('admission by estimated cost: heavy requests have a lane, cheap ones are not queued behind them', () => {
  let t: TestServer;
  /** The search statements in the order DuckDB got them: slow (heavy or cheap-slow) or the quick cheap one. */
  const started: ('slow' | 'cheap')[] = [];
  beforeAll(async () => {
    t = await startTestServer(undefined, {
      store: { poolSize: 2, rewrite: slowSearchRewrite() },
      server: { limits: { timeoutMs: 1_500, heavyCost: 100, queueLimit: 8 } },
    });
    t.store.onStatement((s) => {
      if (s.id === 'units.search') started.push(s.values.includes(SLOW_SEARCH) ? 'slow' : 'cheap');
    });
  });
  afterAll(() => t.close());

  it('with heavy requests filling their lane, a cheap one runs on the connection kept for it', async () => {
    started.length = 0;
    let heavyAnswered = 0;
    const heavy = [0, 1, 2].map(() => postJson(t.server.url, HEAVY_SLOW).finally(() => heavyAnswered++));
    // One heavy runs (the lane is the pool less one), two wait although a connection is free.
    await until(() => started.length === 1 && t.server.stats().queued === 2);
    const answer = await postJson(t.server.url, cheap('Tìa Dình'));
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ data: { localities: { totalCount: expect.any(Number) } } });
    expect(heavyAnswered).toBe(0);
    expect(started).toEqual(['slow', 'cheap']);
    for (const r of await Promise.all(heavy)) expect(r.json!.errors![0]!.extensions!['code']).toBe('TIMEOUT');
    // The heavy ones ran one at a time.
    expect(started).toEqual(['slow', 'cheap', 'slow', 'slow']);
  });

  it('a freed connection goes to a waiting cheap request before a heavy one that waited longer', async () => {
    started.length = 0;
    const heavyRunning = postJson(t.server.url, HEAVY_SLOW);
    await until(() => started.length === 1);
    const cheapRunning = postJson(t.server.url, CHEAP_SLOW);
    await until(() => started.length === 2);
    // Both connections busy: a heavy request queues first, then a cheap one.
    const heavyWaiting = postJson(t.server.url, HEAVY_SLOW);
    await until(() => t.server.stats().queued === 1);
    const cheapWaiting = postJson(t.server.url, cheap('Huổi Sông'));
    await until(() => t.server.stats().queued === 2);
    expect((await cheapWaiting).status).toBe(200);
    await Promise.all([heavyRunning, cheapRunning, heavyWaiting]);
    expect(started).toEqual(['slow', 'slow', 'cheap', 'slow']);
  });
});
