import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { postJson, type Exchange } from '../support/http.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const HOSTILE: Record<string, string> = {
  'single quote': "'",
  'double quote': '"',
  'quote and comment': "x' OR '1'='1' --",
  'statement separator': "'; DROP TABLE units; --",
  'SQL keywords': 'SELECT * FROM observations UNION ALL SELECT NULL',
  'file read attempt': "' || (SELECT * FROM read_csv('/etc/passwd')) || '",
  placeholder: '$1 ? %s',
  'LIKE wildcards': '%_%\\',
  NUL: 'a\u0000b',
  'only NUL': '\u0000',
  '10k characters': 'x'.repeat(10_000),
  'lone high surrogate': 'Tia \ud800 Dinh',
  'lone low surrogate': '\udfff',
  'Cyrillic confusables (Тіа Dіnh)': '\u0422\u0456\u0430 D\u0456nh',
  'right-to-left override': 'commune/\u202etia-dinh',
  fullwidth: 'ｃｏｍｍｕｎｅ/tia-dinh',
  'combining marks': 'Ti\u0300a Di\u0300nh',
  emoji: '🏳️‍🌈',
  'base64 of a forged id': Buffer.from("Commune:' OR 1=1 --").toString('base64url'),
  empty: '',
};

/** Every string argument of the schema, each fed the hostile value through a variable. */
const ARGUMENTS: Record<string, string> = {
  'localities(search:)': 'query($s: String) { localities(search: $s) { totalCount nodes { code } } }',
  'localities(after:)': 'query($s: String) { localities(after: $s) { totalCount } }',
  'locality(code:)': 'query($s: String) { locality(code: $s) { code } }',
  'locality(id:)': 'query($s: ID) { locality(id: $s) { code } }',
  'node(id:)': 'query($s: ID!) { node(id: $s) { id } }',
  'series(indicator:)':
    'query($s: String!) { locality(code: "village/huoi-song") { series(indicator: $s) { points { value } } } }',
  'series(from:)':
    'query($s: String) { locality(code: "village/huoi-song") { series(indicator: "poor_households", from: $s) { points { value } } } }',
  'series(to:)':
    'query($s: String) { locality(code: "village/huoi-song") { series(indicator: "poor_households", to: $s) { points { value } } } }',
  'series(preferSource:)':
    'query($s: ID) { locality(code: "village/huoi-song") { series(indicator: "poor_households", preferSource: $s) { points { value } } } }',
  'observations(indicator:)':
    'query($s: String) { locality(code: "village/huoi-song") { observations(indicator: $s) { value } } }',
  'observations(from:)':
    'query($s: String) { locality(code: "village/huoi-song") { observations(from: $s) { value } } }',
  'observations(to:)': 'query($s: String) { locality(code: "village/huoi-song") { observations(to: $s) { value } } }',
  'children(after:)':
    'query($s: String) { locality(code: "commune/03385-2025-07-01") { children(after: $s) { totalCount } } }',
  'children(asOf:) (a scalar)':
    'query($s: LocalDate) { locality(code: "commune/03385-2025-07-01") { children(asOf: $s) { totalCount } } }',
};

const EXPECTED_CODES = new Set(['BAD_USER_INPUT', 'NOT_FOUND', 'BAD_REQUEST']);

function expectHandled(r: Exchange, label: string) {
  expect([200, 400], label).toContain(r.status);
  expect(r.json, label).not.toBeNull();
  for (const e of r.json!.errors ?? []) {
    expect(EXPECTED_CODES.has(String(e.extensions?.['code'])), `${label}: ${JSON.stringify(e).slice(0, 300)}`).toBe(
      true,
    );
    expect(e.extensions?.['stacktrace'], label).toBeUndefined();
    expect(e.message, label).not.toMatch(/duckdb|Binder Error|Parser Error|Conversion Error|Catalog Error|INTERNAL/i);
  }
}

describe('hostile strings in every string argument get correct answers, never a crash', () => {
  it('all combinations answer 200 or 400 with a user error code', async () => {
    const before = await postJson(t.server.url, { query: '{ localities(first: 1000) { totalCount } }' });
    for (const [argument, query] of Object.entries(ARGUMENTS)) {
      for (const [name, value] of Object.entries(HOSTILE)) {
        expectHandled(await postJson(t.server.url, { query, variables: { s: value } }), `${argument} ← ${name}`);
      }
    }
    // Nothing was written or dropped, and the server still answers.
    expect(await postJson(t.server.url, { query: '{ localities(first: 1000) { totalCount } }' })).toMatchObject({
      status: 200,
      json: before.json,
    });
  });

  it('a search that looks like SQL finds nothing rather than everything', async () => {
    for (const name of ['quote and comment', 'statement separator', 'LIKE wildcards', 'SQL keywords']) {
      const r = await postJson(t.server.url, {
        query: ARGUMENTS['localities(search:)'],
        variables: { s: HOSTILE[name] },
      });
      expect(r.json, name).toEqual({ data: { localities: { totalCount: 0, nodes: [] } } });
    }
  });

  it('confusables do not match the Latin name; combining marks fold like precomposed letters', async () => {
    const search = (s: string) => postJson(t.server.url, { query: ARGUMENTS['localities(search:)'], variables: { s } });
    expect((await search(HOSTILE['Cyrillic confusables (Тіа Dіnh)']!)).json).toEqual({
      data: { localities: { totalCount: 0, nodes: [] } },
    });
    const latin = (await search('Tia Dinh')).json as { data: { localities: { totalCount: number } } };
    expect(latin.data.localities.totalCount).toBeGreaterThan(0);
    expect(((await search(HOSTILE['combining marks']!)).json as typeof latin).data.localities.totalCount).toBe(
      latin.data.localities.totalCount,
    );
  });

  it('a code of 10k characters is refused as not found, naming the argument', async () => {
    const r = await postJson(t.server.url, {
      query: ARGUMENTS['locality(code:)'],
      variables: { s: HOSTILE['10k characters'] },
    });
    expect(r.json!.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'code' });
  });

  it('bytes that are not UTF-8 in the body are read as replacement characters, not a crash', async () => {
    const head = Buffer.from(
      '{"query":"query($s: String) { localities(search: $s) { totalCount } }","variables":{"s":"',
    );
    const tail = Buffer.from('"}}');
    const body = Buffer.concat([head, Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80]), tail]);
    const response = await fetch(t.server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { localities: { totalCount: 0 } } });
  });
});
