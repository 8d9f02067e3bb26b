import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { postJson } from '../support/http.js';
import { FAST_QUERY, SLOW_QUERY, slowSearchRewrite, until } from '../support/slow-statement.js';

describe('a query past the time limit is interrupted inside DuckDB while the server keeps serving', () => {
  let t: TestServer;
  let slowStarted = 0;
  const logs: Record<string, unknown>[] = [];
  beforeAll(async () => {
    t = await startTestServer(undefined, {
      store: { poolSize: 2, rewrite: slowSearchRewrite(() => slowStarted++) },
      server: { limits: { timeoutMs: 2_500 }, log: (e) => logs.push(e) },
    });
  });
  afterAll(() => t.close());

  it('answers TIMEOUT naming the limit, and concurrent fast queries succeed meanwhile', async () => {
    const started = Date.now();
    let slowAnswered = false;
    const slow = postJson(t.server.url, SLOW_QUERY).finally(() => (slowAnswered = true));
    await until(() => slowStarted === 1);
    for (let i = 0; i < 3; i++) {
      const r = await postJson(t.server.url, FAST_QUERY);
      expect(r.json).toEqual({ data: { locality: { name: 'Tìa Dình' } } });
      expect(slowAnswered).toBe(false);
    }
    const r = await slow;
    const elapsed = Date.now() - started;
    expect(r.status).toBe(504);
    expect(r.json!.errors![0]!.extensions).toMatchObject({ code: 'TIMEOUT', limit: 'timeoutMs', max: 2_500 });
    expect(r.json!.errors![0]!.message).toContain('timeoutMs = 2500 ms');
    // The response can only be written once DuckDB gave the connection back: it was interrupted,
    // not abandoned (the statement would otherwise run for hours).
    expect(logs.filter((e) => e['timedOut'])).toEqual([
      expect.objectContaining({ msg: 'request', status: 504, timedOut: true }),
    ]);
    expect(elapsed).toBeGreaterThanOrEqual(2_490);
    expect(elapsed).toBeLessThan(10_000);
  });

  it('the interrupted connection is back in the pool: both connections serve at once', async () => {
    const answers = await Promise.all(Array.from({ length: 6 }, () => postJson(t.server.url, FAST_QUERY)));
    for (const a of answers) expect(a.json).toEqual({ data: { locality: { name: 'Tìa Dình' } } });
    expect(t.store.waiting).toBe(0);
    expect(t.server.stats()).toEqual({ running: 0, queued: 0 });
  });
});

describe('concurrency is bounded: past the queue limit the answer is 503 with Retry-After', () => {
  let t: TestServer;
  let slowStarted = 0;
  beforeAll(async () => {
    t = await startTestServer(undefined, {
      store: { poolSize: 1, rewrite: slowSearchRewrite(() => slowStarted++) },
      server: { limits: { timeoutMs: 1_500, queueLimit: 1 } },
    });
  });
  afterAll(() => t.close());

  it('one runs, one waits, the next is refused at once; the waiting one is served afterwards', async () => {
    let slowAnswered = false;
    const slow = postJson(t.server.url, SLOW_QUERY).finally(() => (slowAnswered = true));
    await until(() => slowStarted === 1);
    const waiting = postJson(t.server.url, FAST_QUERY);
    await until(() => t.server.stats().queued === 1);
    const refused = await postJson(t.server.url, FAST_QUERY);
    // Refused at once, not after waiting for the slot.
    expect(slowAnswered).toBe(false);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.json!.errors![0]!.extensions).toMatchObject({ code: 'OVERLOADED', limit: 'queueLimit', max: 1 });
    expect(refused.json!.errors![0]!.message).toContain('queueLimit = 1');
    expect((await slow).json!.errors![0]!.extensions!['code']).toBe('TIMEOUT');
    expect((await waiting).json).toEqual({ data: { locality: { name: 'Tìa Dình' } } });
  });
});
