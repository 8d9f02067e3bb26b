import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { halfSentRequest, statusOnNewConnection, postJson } from '../support/http.js';
import { SLOW_QUERY, slowSearchRewrite, until } from '../support/slow-statement.js';
import { Store } from '../../src/store/store.js';
import { prepareStore } from '../../src/store/build-store.js';
import { createServer } from '../../src/server.js';
import { sql } from '../../src/store/sql.js';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { SEED_DIR } from '../support/test-server.js';

const FAST = { query: 'query Name { locality(code: "commune/03385-2025-07-01") { name } }', operationName: 'Name' };

describe('health, readiness and request logs', () => {
  let t: TestServer;
  const logs: Record<string, unknown>[] = [];
  beforeAll(async () => {
    t = await startTestServer(undefined, { server: { log: (e) => logs.push(e) } });
  });
  afterAll(() => t.close());

  it('/healthz says the process is up; /readyz that the store is open and migrated', async () => {
    const health = await fetch(new URL('/healthz', t.server.url));
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(new URL('/readyz', t.server.url));
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', warm: true });
  });

  it('one JSON log entry per request: request id, operation, status, duration, result bytes', async () => {
    const r = await postJson(t.server.url, FAST, { 'x-request-id': 'dash-42' });
    expect(r.headers.get('x-request-id')).toBe('dash-42');
    await until(() => logs.some((e) => e['requestId'] === 'dash-42'));
    const entry = logs.find((e) => e['requestId'] === 'dash-42')!;
    expect(entry).toMatchObject({
      msg: 'request',
      method: 'POST',
      path: '/graphql',
      operationName: 'Name',
      status: 200,
      bytes: Buffer.byteLength(r.text),
    });
    expect(entry['durationMs']).toEqual(expect.any(Number));
    expect(() => JSON.stringify(entry)).not.toThrow();
  });

  it('a request without an id gets a generated one; rejected requests are logged with their status', async () => {
    const r = await postJson(t.server.url, { query: '{ nope }' });
    const id = r.headers.get('x-request-id')!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await until(() => logs.some((e) => e['requestId'] === id));
    expect(logs.find((e) => e['requestId'] === id)).toMatchObject({ status: 400, operationName: null });
  });
});

describe('readiness fails when the store is not servable', () => {
  it('a store with a pending migration is not ready', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'grassroots-ready-'));
    try {
      const path = join(dir, 'store.duckdb');
      await prepareStore(path, SEED_DIR);
      const writable = await Store.open({ path, poolSize: 1 });
      await writable.all('test.forget-migration', sql`DELETE FROM schema_migrations`);
      writable.close();
      const store = await Store.open({ path, poolSize: 1, sandboxed: true });
      const server = await createServer(store, { host: '127.0.0.1', port: 0, log: () => {} });
      const r = await fetch(new URL('/readyz', server.url));
      expect(r.status).toBe(503);
      expect(await r.json()).toEqual({
        status: 'unavailable',
        warm: expect.any(Boolean),
        reason:
          'migrations pending: 001_foundation, 002_unit_lineage, 003_superseded_observations, 004_serving_layer, 005_national_units, 006_row_history, 007_people_and_roles, 008_indicator_semantics, 009_reported_changes',
      });
      // What loads after listening must be done with DuckDB before it closes underneath (main.ts
      // closes the server first, which waits for it).
      await server.warm();
      store.close();
      const closed = await fetch(new URL('/readyz', server.url));
      expect(await closed.json()).toEqual({ status: 'unavailable', reason: 'store closed', warm: true });
      await server.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('graceful shutdown', () => {
  it('stops accepting, finishes the request in flight, then resolves', async () => {
    const t = await startTestServer(undefined, { server: { shutdownGraceMs: 10_000 } });
    try {
      const inFlight = halfSentRequest(t.server.url, JSON.stringify(FAST));
      let connections = 0;
      await until(() => {
        t.server.http.getConnections((_, n) => (connections = n));
        return connections === 1;
      });
      // Accepted is not yet read: once a request sent after the head is answered, the head has been
      // read (the server reads sockets in the order their data came), so the request is in flight.
      await inFlight.sent;
      expect(await statusOnNewConnection(new URL('/healthz', t.server.url))).toBe(200);
      let closed = false;
      const closing = t.server.close().then(() => (closed = true));
      await new Promise((resolve) => setTimeout(resolve, 50));
      await expect(fetch(t.server.url, { method: 'POST', body: '{}' })).rejects.toThrow();
      expect(closed).toBe(false);
      inFlight.finish();
      const r = await inFlight.response;
      expect(r.status).toBe(200);
      expect(JSON.parse(r.text)).toEqual({ data: { locality: { name: 'Tìa Dình' } } });
      await closing;
      expect(closed).toBe(true);
    } finally {
      await t.close();
    }
  });

  it('past the grace period, a still-running query is interrupted inside DuckDB and the server closes', async () => {
    let started = 0;
    const t = await startTestServer(undefined, {
      store: { rewrite: slowSearchRewrite(() => started++) },
      server: { shutdownGraceMs: 300, limits: { timeoutMs: 60_000 } },
    });
    try {
      const slow = postJson(t.server.url, SLOW_QUERY);
      await until(() => started === 1);
      const t0 = Date.now();
      await t.server.close();
      expect(Date.now() - t0).toBeLessThan(5_000);
      const r = await slow;
      expect(r.json!.errors![0]!.extensions!['code']).toBe('SHUTTING_DOWN');
    } finally {
      await t.close();
    }
  });
});
