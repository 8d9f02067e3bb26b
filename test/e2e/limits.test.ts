import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { postJson, type Exchange } from '../support/http.js';
import { DEFAULT_LIMITS } from '../../src/config.js';
import { MAX_EXPANDED_FIELDS } from '../../src/graphql/cost/measure-operation.js';

let t: TestServer;
let production: TestServer;
beforeAll(async () => {
  [t, production] = await Promise.all([
    startTestServer(),
    startTestServer(undefined, { server: { production: true } }),
  ]);
});
afterAll(() => Promise.all([t.close(), production.close()]));

const OPERATIONS = ['hierarchy', 'statistics']
  .map((f) => readFileSync(new URL(`../operations/${f}.graphql`, import.meta.url), 'utf8'))
  .join('\n');

/** A parent chain: locality + n × parent + code is n + 2 fields deep. */
function depthQuery(depth: number): string {
  return `{ locality(code: "village/huoi-song") { ${'parent { '.repeat(depth - 2)}code${' }'.repeat(depth - 2)} } }`;
}

function aliasQuery(aliases: number): string {
  return `{ ${Array.from({ length: aliases }, (_, i) => `a${i}: indicators { code }`).join(' ')} }`;
}

/** `{ localities(kind: [VILLAGE × k]) { totalCount } }` is 12 + k tokens (repeated fields would trip graphql-js's own overlap budget). */
function tokenQuery(tokens: number): string {
  return `{ localities(kind: [${'VILLAGE '.repeat(tokens - 12)}]) { totalCount } }`;
}

/**
 * Three nested pages cost 2 + A·(2 + B·(2 + C)) (+1 with the outer totalCount): with A = 999,
 * B = 20, C = 98 exactly 2,000,000.
 */
function costQuery(totalCount: boolean): string {
  return `query($a: Int, $b: Int, $c: Int) { localities(first: $a) { ${totalCount ? 'totalCount ' : ''}nodes { children(first: $b) { nodes { children(first: $c) { nodes { code } } } } } } }`;
}

function expectRejected(r: Exchange, limit: string, max: number, actual?: number) {
  expect(r.status).toBe(400);
  const error = r.json!.errors![0]!;
  expect(error.extensions).toMatchObject({ code: 'QUERY_LIMIT_EXCEEDED', limit, max });
  if (actual !== undefined) expect(error.extensions!['actual']).toBe(actual);
  expect(error.message).toContain(`${limit} = ${max}`);
  expect(error.extensions!['stacktrace']).toBeUndefined();
}

function expectAccepted(r: Exchange) {
  expect(r.json!.errors).toBeUndefined();
  expect(r.status).toBe(200);
  expect(r.json!.errors).toBeUndefined();
}

describe('query limits are enforced before execution with HTTP 400 naming the limit', () => {
  it('every operation in test/operations passes the defaults (NestedSeries is the heaviest)', async () => {
    const r = await postJson(t.server.url, {
      query: OPERATIONS,
      operationName: 'NestedSeries',
      variables: { code: 'province/11' },
    });
    expectAccepted(r);
  });

  it(`maxDepth = ${DEFAULT_LIMITS.maxDepth}: at the limit passes, one deeper is rejected without running SQL`, async () => {
    expectAccepted(await postJson(t.server.url, { query: depthQuery(DEFAULT_LIMITS.maxDepth) }));
    const before = t.store.statementCount;
    expectRejected(
      await postJson(t.server.url, { query: depthQuery(DEFAULT_LIMITS.maxDepth + 1) }),
      'maxDepth',
      DEFAULT_LIMITS.maxDepth,
      DEFAULT_LIMITS.maxDepth + 1,
    );
    expect(t.store.statementCount).toBe(before);
  });

  it('a repeated document is judged alike every time (its depth and aliases are kept after the first)', async () => {
    // the same text again: Apollo's document store hands back the parsed document, whose shape was kept
    for (let i = 0; i < 3; i++) {
      expectAccepted(await postJson(t.server.url, { query: depthQuery(DEFAULT_LIMITS.maxDepth) }));
      expectRejected(
        await postJson(t.server.url, { query: depthQuery(DEFAULT_LIMITS.maxDepth + 1) }),
        'maxDepth',
        DEFAULT_LIMITS.maxDepth,
        DEFAULT_LIMITS.maxDepth + 1,
      );
      expectRejected(
        await postJson(t.server.url, { query: aliasQuery(DEFAULT_LIMITS.maxAliases + 1) }),
        'maxAliases',
        DEFAULT_LIMITS.maxAliases,
        DEFAULT_LIMITS.maxAliases + 1,
      );
    }
  });

  it(`maxAliases = ${DEFAULT_LIMITS.maxAliases}: at the limit passes, one more is rejected`, async () => {
    expectAccepted(await postJson(t.server.url, { query: aliasQuery(DEFAULT_LIMITS.maxAliases) }));
    expectRejected(
      await postJson(t.server.url, { query: aliasQuery(DEFAULT_LIMITS.maxAliases + 1) }),
      'maxAliases',
      DEFAULT_LIMITS.maxAliases,
      DEFAULT_LIMITS.maxAliases + 1,
    );
  });

  it(`maxCost = ${DEFAULT_LIMITS.maxCost}: first arguments multiply, variables count, under passes and over is rejected`, async () => {
    const variables = { a: 999, b: 20, c: 98 };
    expectAccepted(await postJson(t.server.url, { query: costQuery(false), variables }));
    const before = t.store.statementCount;
    expectRejected(
      await postJson(t.server.url, { query: costQuery(true), variables }),
      'maxCost',
      DEFAULT_LIMITS.maxCost,
      2_000_001,
    );
    expect(t.store.statementCount).toBe(before);
  });

  it('first: 1000 nested three times costs what it really costs', async () => {
    const query =
      '{ localities(first: 1000) { nodes { children(first: 1000) { nodes { children(first: 1000) { nodes { code } } } } } } }';
    const r = await postJson(t.server.url, { query });
    expectRejected(r, 'maxCost', DEFAULT_LIMITS.maxCost);
    expect(r.json!.errors![0]!.extensions!['actual']).toBeGreaterThan(1_000_000_000);
  });

  it('a paginated field without first counts as the default page size', async () => {
    // 2 + A·(3 + page): children without first counts as a page of 100.
    const query = 'query($a: Int) { localities(first: $a) { nodes { children { totalCount nodes { code } } } } }';
    expectRejected(
      await postJson(t.server.url, { query, variables: { a: 20_000 } }),
      'maxCost',
      DEFAULT_LIMITS.maxCost,
      2 + 20_000 * 103,
    );
  });

  it('fan-out through ranking entries counts: ranking(first: 1000) over children(first: 1000) is refused, first: 1 runs', async () => {
    // 1 + (1 + 3,003) + 999 × 3,003: each entry's locality with 1,000 children of 3 fields.
    const ranking = (first: number) =>
      `{ ranking(indicator: "members", kind: PARTY_COMMITTEE, period: "2026", first: ${first}) { entries { locality { children(first: 1000) { nodes { code name kind } } } } } }`;
    const before = t.store.statementCount;
    expectRejected(
      await postJson(t.server.url, { query: ranking(1000) }),
      'maxCost',
      DEFAULT_LIMITS.maxCost,
      3_003_002,
    );
    expect(t.store.statementCount).toBe(before);
    expectRejected(
      await postJson(t.server.url, {
        query: '{ localities(first: 1000) { nodes { children(first: 1000) { nodes { code name kind } } } } }',
      }),
      'maxCost',
      DEFAULT_LIMITS.maxCost,
      3_002_002,
    );
    const r = await postJson(t.server.url, { query: ranking(1) });
    expectAccepted(r);
    expect(r.json!.data).toMatchObject({
      ranking: { entries: [{ locality: { children: { nodes: expect.any(Array) } } }] },
    });
  });

  it('aliases multiply: one page of pages passes, the same twice under two aliases is refused at twice the cost', async () => {
    const page = '{ nodes { children(first: 1000) { nodes { code } } } }';
    expectAccepted(await postJson(t.server.url, { query: `{ localities(first: 1000) ${page} }` }));
    expectRejected(
      await postJson(t.server.url, {
        query: `{ a: localities(first: 1000) ${page} b: localities(first: 1000) ${page} }`,
      }),
      'maxCost',
      DEFAULT_LIMITS.maxCost,
      2 * 1_002_002,
    );
  });

  it('named and inline fragments are counted where they are spread', async () => {
    const query = `{ ranking(indicator: "members", kind: PARTY_COMMITTEE, period: "2026", first: 1000) { ...Entries } }
      fragment Entries on Ranking { entries { locality { ... on Locality { children(first: 1000) { ...Page } } } } }
      fragment Page on LocalityConnection { nodes { code ... { name kind } } }`;
    expectRejected(await postJson(t.server.url, { query }), 'maxCost', DEFAULT_LIMITS.maxCost, 3_003_002);
  });

  it(`maxTokens = ${DEFAULT_LIMITS.maxTokens}: at the limit passes, one more token is rejected as a 400, not a 500`, async () => {
    expectAccepted(await postJson(t.server.url, { query: tokenQuery(DEFAULT_LIMITS.maxTokens) }));
    expectRejected(
      await postJson(t.server.url, { query: tokenQuery(DEFAULT_LIMITS.maxTokens + 1) }),
      'maxTokens',
      DEFAULT_LIMITS.maxTokens,
    );
  });

  it('fragments that fan out are refused quickly, before execution', async () => {
    const levels = 30;
    const fragments = Array.from(
      { length: levels },
      (_, i) =>
        `fragment F${i} on Locality { parent { ...F${i + 1} } adminUnit { ...F${i + 1} } ancestors { ...F${i + 1} } }`,
    );
    fragments.push(`fragment F${levels} on Locality { code }`);
    const before = t.store.statementCount;
    const t0 = Date.now();
    const r = await postJson(t.server.url, {
      query: `{ locality(code: "village/huoi-song") { ...F0 } } ${fragments.join(' ')}`,
    });
    expect(Date.now() - t0).toBeLessThan(3_000);
    expect(r.status).toBe(400);
    expect(['QUERY_LIMIT_EXCEEDED', 'GRAPHQL_VALIDATION_FAILED']).toContain(r.json!.errors![0]!.extensions!['code']);
    expect(t.store.statementCount).toBe(before);
  });

  it(`fragments that fan out within the depth limit stop at maxExpandedFields = ${MAX_EXPANDED_FIELDS}`, async () => {
    // Ten levels of three fields each (3^10 fields once expanded) at depth 12, 0 aliases, a few hundred tokens.
    const levels = 10;
    const fragments = Array.from(
      { length: levels },
      (_, i) =>
        `fragment F${i} on Locality { parent { ...F${i + 1} } adminUnit { ...F${i + 1} } ancestors { ...F${i + 1} } }`,
    );
    fragments.push(`fragment F${levels} on Locality { code }`);
    const before = t.store.statementCount;
    expectRejected(
      await postJson(t.server.url, {
        query: `{ locality(code: "village/huoi-song") { ...F0 } } ${fragments.join(' ')}`,
      }),
      'maxExpandedFields',
      MAX_EXPANDED_FIELDS,
    );
    expect(t.store.statementCount).toBe(before);
  });

  it('a plain syntax error stays a 400 parse error', async () => {
    const r = await postJson(t.server.url, { query: '{ indicators { code }' });
    expect(r.status).toBe(400);
    expect(r.json!.errors![0]!.extensions!['code']).toBe('GRAPHQL_PARSE_FAILED');
  });

  it(`maxBodyBytes = ${DEFAULT_LIMITS.maxBodyBytes}: a body of exactly the limit is served, one byte more is 413`, async () => {
    const body = (size: number) => {
      const bare = JSON.stringify({ query: '{ indicators { code } }', variables: { pad: '' } });
      return JSON.stringify({ query: '{ indicators { code } }', variables: { pad: 'x'.repeat(size - bare.length) } });
    };
    expect(Buffer.byteLength(body(DEFAULT_LIMITS.maxBodyBytes))).toBe(DEFAULT_LIMITS.maxBodyBytes);
    expectAccepted(await postJson(t.server.url, body(DEFAULT_LIMITS.maxBodyBytes)));
    const r = await postJson(t.server.url, body(DEFAULT_LIMITS.maxBodyBytes + 1));
    expect(r.status).toBe(413);
    expect(r.json!.errors![0]!.extensions).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      limit: 'maxBodyBytes',
      max: DEFAULT_LIMITS.maxBodyBytes,
    });
    expect(r.json!.errors![0]!.message).toContain(`maxBodyBytes = ${DEFAULT_LIMITS.maxBodyBytes}`);
  });

  it('a much larger body is refused without being read to the end', async () => {
    const r = await postJson(
      t.server.url,
      JSON.stringify({ query: '{ indicators { code } }', variables: { pad: 'x'.repeat(5_000_000) } }),
    );
    expect(r.status).toBe(413);
  });

  it('limits are configurable per server', async () => {
    const strict = await startTestServer(undefined, {
      server: { limits: { maxDepth: 3, maxAliases: 1, maxCost: 50, maxTokens: 20 } },
    });
    try {
      expectRejected(await postJson(strict.server.url, { query: depthQuery(4) }), 'maxDepth', 3, 4);
      expectRejected(await postJson(strict.server.url, { query: aliasQuery(2) }), 'maxAliases', 1, 2);
      expectRejected(
        await postJson(strict.server.url, { query: '{ localities(first: 49) { nodes { code } } }' }),
        'maxCost',
        50,
        51,
      );
      expectAccepted(await postJson(strict.server.url, { query: '{ localities(first: 48) { nodes { code } } }' }));
      expectRejected(await postJson(strict.server.url, { query: tokenQuery(21) }), 'maxTokens', 20);
      expectAccepted(await postJson(strict.server.url, { query: tokenQuery(20) }));
    } finally {
      await strict.close();
    }
  });
});

describe('error text never leaks schema hints in production, nor stack traces anywhere', () => {
  const typo = { query: '{ indicatorz { code } }' };

  it('development answers with a suggestion', async () => {
    const r = await postJson(t.server.url, typo);
    expect(r.status).toBe(400);
    expect(r.json!.errors![0]!.message).toContain('Did you mean');
    expect(r.json!.errors![0]!.extensions!['stacktrace']).toBeUndefined();
  });

  it('NODE_ENV=production answers without it', async () => {
    const enumTypo =
      '{ locality(code: "village/huoi-song") { series(indicator: "households", sourcePreference: MOST_RECENT_PUBLICATON) { points { value } } } }';
    for (const query of [typo.query, '{ indicators { cod } }', '{ locality(cod: "x") { code } }', enumTypo]) {
      expect((await postJson(t.server.url, { query })).text).toContain('Did you mean');
      const r = await postJson(production.server.url, { query });
      expect(r.status).toBe(400);
      for (const e of r.json!.errors!) {
        expect(e.message).not.toContain('Did you mean');
        expect(e.extensions!['code']).toBe('GRAPHQL_VALIDATION_FAILED');
        expect(e.extensions!['stacktrace']).toBeUndefined();
      }
    }
    const variableTypo = {
      query:
        'query($p: SourcePreference) { locality(code: "village/huoi-song") { series(indicator: "households", sourcePreference: $p) { points { value } } } }',
      variables: { p: 'MOST_RECENT_PUBLICATON' },
    };
    const r = await postJson(production.server.url, variableTypo);
    expect(r.status).toBe(400);
    expect(r.text).not.toContain('Did you mean');
    expect(r.json!.errors![0]!.extensions!['code']).toBe('BAD_USER_INPUT');
  });

  it('user errors in production carry a code and a message, no stack', async () => {
    const r = await postJson(production.server.url, { query: '{ locality(code: "commune/nowhere") { code } }' });
    expect(r.json!.errors![0]!.extensions).toEqual({ code: 'NOT_FOUND', argument: 'code' });
  });
});
