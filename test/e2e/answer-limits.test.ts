import { get } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { migrate } from '../../src/store/migrate.js';
import { createServer, type RunningServer, type ServerOptions } from '../../src/server.js';
import { generateSynthetic } from '../../src/synthetic/generate.js';
import { ensureServingFresh } from '../../src/serving/refresh-serving.js';
import { SCALES, VILLAGE_INDICATORS, type Scale } from '../../src/synthetic/scales.js';
import { postJson } from '../support/http.js';
import { SEED_DIR } from '../support/test-server.js';

/**
 * GET /healthz on a connection of its own: a probe reusing a kept-alive socket can meet the
 * server's keep-alive timer closing it (ECONNRESET), a race of keep-alive, not of the server.
 */
function probeHealth(base: string): Promise<number> {
  return new Promise((resolve, reject) => {
    get(new URL('/healthz', base), { agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    }).on('error', reject);
  });
}

/** 300 villages × 17 years × 18 indicators: about 90,000 table rows, most of the work in JavaScript. */
const WIDE: Scale = { ...SCALES['province']!, name: 'wide', communesPerProvince: 10, villagesPerCommune: 30 };
const ALL_VILLAGE_INDICATORS = JSON.stringify(VILLAGE_INDICATORS.map((i) => i.code));
/** The same large table under several aliases: DuckDB reads it once (result cache), JavaScript builds and serialises it each time. */
const HEAVY = {
  query: `{ ${['a', 'b', 'c', 'd']
    .map(
      (alias) =>
        `${alias}: table(kind: VILLAGE, indicators: ${ALL_VILLAGE_INDICATORS}) { rows { value period locality { code } } }`,
    )
    .join(' ')} }`,
};

async function generatedStore(dir: string): Promise<Store> {
  const store = await Store.open({ path: join(dir, 'wide.duckdb'), poolSize: 2 });
  await migrate(store);
  await generateSynthetic(store, WIDE, SEED_DIR);
  await ensureServingFresh(store);
  return store;
}

async function serverOf(store: Store, limits: ServerOptions['limits']): Promise<RunningServer> {
  const server = await createServer(store, { host: '127.0.0.1', port: 0, log: () => {}, limits });
  await server.warm();
  return server;
}

let dir: string;
let store: Store;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'grassroots-answer-limits-'));
  store = await generatedStore(dir);
}, 120_000);
afterAll(async () => {
  store?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the time limit holds end to end: DuckDB, resolvers and serialising together', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await serverOf(store, { timeoutMs: 300, maxResponseRows: 1_000_000, maxResponseBytes: 1_000_000_000 });
  });
  afterAll(() => server?.close());

  it('a JavaScript-heavy answer past its limit is 504 TIMEOUT, never a late 200, and /healthz answers meanwhile', async () => {
    let heavyAnswered = false;
    const heavy = postJson(server.url, HEAVY).finally(() => (heavyAnswered = true));
    // Building the answer yields the event loop: probes are answered while it is still being built.
    let probesWhileHeavy = 0;
    while (!heavyAnswered) {
      expect(await probeHealth(server.url)).toBe(200);
      if (!heavyAnswered) probesWhileHeavy++;
    }
    expect(probesWhileHeavy).toBeGreaterThan(0);
    const r = await heavy;
    expect(r.status).toBe(504);
    expect(r.headers.get('cache-control')).toBe('no-store');
    expect(r.json).toEqual({
      errors: [
        {
          message: 'Query stopped: it ran past the time limit timeoutMs = 300 ms.',
          extensions: { code: 'TIMEOUT', limit: 'timeoutMs', max: 300 },
        },
      ],
    });
    // The server is free again: a small query answers.
    const small = await postJson(server.url, { query: '{ indicators { code } }' });
    expect(small.status).toBe(200);
    expect(server.stats()).toEqual({ running: 0, queued: 0 });
  });
});

describe('the response-size caps refuse an answer whole, naming the cap and where bulk pulls go', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await serverOf(store, { maxResponseRows: 1_000, maxResponseBytes: 2_048 });
  });
  afterAll(() => server?.close());

  it('a table with more rows than maxResponseRows is 400 RESPONSE_TOO_LARGE before its rows are built', async () => {
    const r = await postJson(server.url, {
      query: '{ table(kind: VILLAGE, indicators: ["households"]) { rows { value period } } }',
    });
    expect(r.status).toBe(400);
    const [error] = r.json!.errors!;
    expect(error!.extensions).toMatchObject({ code: 'RESPONSE_TOO_LARGE', limit: 'maxResponseRows', max: 1_000 });
    expect(error!.extensions!['actual']).toBeGreaterThan(1_000);
    expect(error!.message).toMatch(/^Response row count is \d+, over the limit maxResponseRows = 1000\./);
    expect(error!.message).toContain('/export.csv');
    expect(error!.message).toContain('packed');
    // The same table packed is one row of arrays, not a row per value: within the cap.
    const packed = await postJson(server.url, {
      query: '{ table(kind: VILLAGE, indicators: ["households"]) { packed { periods } } }',
    });
    expect(packed.status).toBe(200);
    expect(packed.json!.errors).toBeUndefined();
  });

  it('an answer larger than maxResponseBytes is 400 RESPONSE_TOO_LARGE, never half sent', async () => {
    const r = await postJson(server.url, { query: '{ indicators { code name description unit } }' });
    expect(r.status).toBe(400);
    expect(r.headers.get('cache-control')).toBe('no-store');
    const [error] = r.json!.errors!;
    expect(error!.extensions).toMatchObject({ code: 'RESPONSE_TOO_LARGE', limit: 'maxResponseBytes', max: 2_048 });
    expect(error!.extensions!['actual']).toBeGreaterThan(2_048);
    expect(error!.message).toMatch(/^Response size in bytes is \d+, over the limit maxResponseBytes = 2048\./);
    expect(error!.message).toContain('/export.csv');
    // A small answer is untouched.
    const small = await postJson(server.url, { query: '{ indicators { code } }' });
    expect(small.status).toBe(200);
    expect(small.json!.errors).toBeUndefined();
  });
});

describe('the cost of a table counts what it will produce, from the arguments and the catalogue', () => {
  let server: RunningServer;
  const tableStatements: string[] = [];
  beforeAll(async () => {
    server = await serverOf(store, { maxCost: 100_000 });
    store.onStatement((s) => {
      if (s.id.startsWith('analytics.table')) tableStatements.push(s.id);
    });
  });
  afterAll(() => server?.close());

  it('every village × every indicator × every period is refused with 400 maxCost before any table statement runs', async () => {
    // The catalogue the estimate reads, through the API: units with values and periods, per indicator.
    const availability = await postJson(server.url, {
      query: '{ availability { indicator { code } kind unitCount periods } }',
    });
    const rowsOf = (kind: string, indicators: readonly string[]) => {
      const entries = (
        availability.json!.data as {
          availability: { indicator: { code: string }; kind: string; unitCount: number; periods: string[] }[];
        }
      ).availability.filter((a) => a.kind === kind && indicators.includes(a.indicator.code));
      return indicators
        .map((code) => {
          const own = entries.filter((a) => a.indicator.code === code);
          const units = Math.max(0, ...own.map((a) => a.unitCount));
          return units * new Set(own.flatMap((a) => a.periods)).size;
        })
        .reduce((a, b) => a + b, 0);
    };
    const indicators = VILLAGE_INDICATORS.map((i) => i.code);
    const rows = rowsOf('VILLAGE', indicators);
    // About 300 villages × 17 years × 18 indicators; arguments alone guessed 100 × 10 × 18 = 18,000.
    expect(rows).toBeGreaterThan(80_000);

    const r = await postJson(server.url, {
      query: `{ table(kind: VILLAGE, indicators: ${ALL_VILLAGE_INDICATORS}) { rows { value period locality { code } } } }`,
    });
    expect(r.status).toBe(400);
    // table 1 + rows (1 + value, period, locality 1 + code 1 = 5 for the first row) + 4 for every other row.
    const cost = 1 + 5 + (rows - 1) * 4;
    expect(r.json!.errors![0]).toEqual({
      message: `Query cost is ${cost}, over the limit maxCost = 100000.`,
      extensions: { code: 'QUERY_LIMIT_EXCEEDED', limit: 'maxCost', max: 100_000, actual: cost },
    });
    expect(tableStatements).toEqual([]);
  });

  it("a dashboard table (a commune's villages, two indicators, a few years) runs", async () => {
    const commune = Buffer.from('Commune:commune/p01-c002').toString('base64url');
    const r = await postJson(server.url, {
      query: `{ table(kind: VILLAGE, within: "${commune}", indicators: ["households", "poor_households"], from: "2022") { rows { value period locality { code } } } }`,
    });
    expect(r.status).toBe(200);
    expect(r.json!.errors).toBeUndefined();
    const rows = (r.json!.data as { table: { rows: { period: string }[] } }).table.rows;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.period >= '2022')).toBe(true);
    expect(tableStatements.length).toBeGreaterThan(0);
  });
});

describe('nested lists and series points are counted at their size in the store, not a default page', () => {
  let estimating: RunningServer;
  let running: RunningServer;
  beforeAll(async () => {
    // maxCost 1: every request is refused with its estimate; the other server answers it.
    [estimating, running] = await Promise.all([serverOf(store, { maxCost: 1 }), serverOf(store, {})]);
  });
  afterAll(() => Promise.all([estimating?.close(), running?.close()]));

  const profile = (window: string) => `{ locality(code: "province/p01") { ... on Province {
    communes { nodes { code villages { nodes { code series(indicator: "households"${window}) { points { value period } } } } } } } } }`;

  async function estimate(query: string): Promise<number> {
    const r = await postJson(estimating.url, { query });
    expect(r.status).toBe(400);
    return (r.json!.errors![0]!.extensions as { actual: number }).actual;
  }

  it("a province's communes, their villages and each village's series: the estimate bounds the answer, within a small factor", async () => {
    const r = await postJson(running.url, { query: profile('') });
    expect(r.json!.errors).toBeUndefined();
    type Answer = {
      locality: { communes: { nodes: { villages: { nodes: { series: { points: unknown[] } }[] } }[] } };
    };
    const communes = (r.json!.data as Answer).locality.communes.nodes;
    const villages = communes.flatMap((c) => c.villages.nodes);
    const points = villages.reduce((n, v) => n + v.series.points.length, 0);
    // What the answer holds: each commune 2 fields, each village 3, each point 2.
    const produced = communes.length * 2 + villages.length * 3 + points * 2;
    expect(points).toBeGreaterThan(1_000);
    const cost = await estimate(profile(''));
    // Never under what runs; counted as pages of 100 × 100 × 10 points it was over 200,000.
    expect(cost).toBeGreaterThanOrEqual(produced);
    expect(cost).toBeLessThan(produced * 5);
  });

  it("a series' points are counted over the window asked", async () => {
    const whole = await estimate(profile(''));
    const twoYears = await estimate(profile(', from: "2020", to: "2021"'));
    expect(twoYears).toBeLessThan(whole / 3);
  });
});
