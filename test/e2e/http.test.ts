import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { get, GET_HEADERS, postJson } from '../support/http.js';
import { getIntrospectionQuery } from 'graphql';
import { etagOf } from '../../src/http/cache.js';
import { MAX_VALIDATION_ERRORS } from '../../src/http/graphql-errors.js';

let t: TestServer;
let locked: TestServer;
beforeAll(async () => {
  [t, locked] = await Promise.all([
    startTestServer(),
    startTestServer(undefined, { server: { introspection: false, corsOrigins: ['https://dashboard.example'] } }),
  ]);
});
afterAll(() => Promise.all([t.close(), locked.close()]));

const QUERY = 'query Name($code: String!) { locality(code: $code) { name } }';
const TIA_DINH = { data: { locality: { name: 'Tìa Dình' } } };

describe('GraphQL over HTTP: GET and POST, status codes and content types', () => {
  it('POST application/json answers application/json', async () => {
    const r = await postJson(t.server.url, { query: QUERY, variables: { code: 'commune/03385-2025-07-01' } });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^application\/json/);
    expect(r.json).toEqual(TIA_DINH);
  });

  it('Accept: application/graphql-response+json is honoured, and a validation error is then a 400', async () => {
    const accept = { accept: 'application/graphql-response+json' };
    const ok = await postJson(t.server.url, { query: QUERY, variables: { code: 'commune/03385-2025-07-01' } }, accept);
    expect(ok.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
    const bad = await postJson(t.server.url, { query: '{ nope }' }, accept);
    expect(bad.status).toBe(400);
  });

  it('GET serves queries with the query string', async () => {
    const r = await get(t.server.url, { query: QUERY, variables: { code: 'commune/03385-2025-07-01' } }, GET_HEADERS);
    expect(r.status).toBe(200);
    expect(r.json).toEqual(TIA_DINH);
  });

  it('a mutation over GET is refused with 405; an operation type the schema lacks is a 400 over POST', async () => {
    const mutation = 'mutation { recordObservations(input: []) { written } }';
    const r = await get(t.server.url, { query: mutation }, GET_HEADERS);
    expect(r.status).toBe(405);
    expect(r.json!.errors![0]!.message).toMatch(/mutation/i);
    const post = await postJson(t.server.url, { query: 'subscription { x }' });
    expect(post.status).toBe(400);
    expect(post.json!.errors![0]!.message).toContain('serves queries only');
  });

  it('CSRF prevention: a GET without a preflight-forcing header is refused', async () => {
    const r = await get(t.server.url, { query: QUERY, variables: { code: 'commune/03385-2025-07-01' } });
    expect(r.status).toBe(400);
    expect(r.text).toMatch(/CSRF/);
  });

  it('CSRF prevention: a POST with a content type a form can send is refused', async () => {
    const r = await fetch(t.server.url, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ indicators { code } }' }),
    });
    expect(r.status).toBe(400);
  });

  it('other methods get 405 with Allow; a body that is not JSON gets 400; other paths 404', async () => {
    const put = await fetch(t.server.url, { method: 'PUT', body: '{}' });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, POST');
    const notJson = await postJson(t.server.url, '{"query": ');
    expect(notJson.status).toBe(400);
    expect(notJson.json!.errors![0]!.extensions!['code']).toBe('BAD_REQUEST');
    expect((await fetch(new URL('/nothing', t.server.url))).status).toBe(404);
  });
});

describe('malformed requests are refused in the usual error body, never a 500', () => {
  /** node:http, which sends a Host header as given (fetch would not). */
  const raw = (headers: Record<string, string>) =>
    new Promise<{ status: number; json: { errors: { message: string; extensions: { code: string } }[] } }>(
      (resolve, reject) => {
        const u = new URL(t.server.url);
        const req = httpRequest(
          {
            host: u.hostname,
            port: u.port,
            path: u.pathname,
            method: 'POST',
            setHost: !('host' in headers),
            headers: { 'content-type': 'application/json', ...headers },
          },
          (res) => {
            let text = '';
            res
              .setEncoding('utf8')
              .on('data', (c: string) => (text += c))
              .on('end', () => resolve({ status: res.statusCode!, json: JSON.parse(text) }));
          },
        );
        req.on('error', reject);
        req.end(JSON.stringify({ query: QUERY, variables: { code: 'commune/03385-2025-07-01' } }));
      },
    );

  it('a Host header that is not a host (RFC 9112: 400) and a Content-Type that is not a media type (415)', async () => {
    const host = await raw({ host: 'not a host' });
    expect(host.status).toBe(400);
    expect(host.json.errors[0]).toMatchObject({
      message: expect.stringContaining('Host'),
      extensions: { code: 'BAD_REQUEST' },
    });
    const type = await raw({ 'content-type': 'json' });
    expect(type.status).toBe(415);
    expect(type.json.errors[0]!.extensions.code).toBe('BAD_REQUEST');
    expect((await raw({})).json).toEqual(TIA_DINH);
  });
});

describe('automatic persisted queries', () => {
  it('a hash alone is unknown until the query is sent once with it, then the hash alone works (also over GET)', async () => {
    const query = '{ indicators { code unit } }';
    const extensions = { persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') } };
    const unknown = await get(t.server.url, { extensions }, GET_HEADERS);
    expect(unknown.json!.errors![0]!.extensions!['code']).toBe('PERSISTED_QUERY_NOT_FOUND');
    const registered = await postJson(t.server.url, { query, extensions });
    expect(registered.status).toBe(200);
    const byHash = await get(t.server.url, { extensions }, GET_HEADERS);
    expect(byHash.status).toBe(200);
    expect(byHash.json).toEqual(registered.json);
    expect(byHash.headers.get('etag')).toBeTruthy();
  });

  it('a hash that does not match its query is refused', async () => {
    const r = await postJson(t.server.url, {
      query: '{ indicators { code } }',
      extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } },
    });
    expect(r.status).toBe(400);
  });
});

describe('caching: Cache-Control and an ETag tied to the data version', () => {
  const params = { query: QUERY, variables: { code: 'commune/03385-2025-07-01' } };

  it('a successful GET query is cacheable; the same ETag in If-None-Match gets 304 with no body', async () => {
    const first = await get(t.server.url, params, GET_HEADERS);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get('cache-control')).toBe('public, max-age=60');
    const again = await get(t.server.url, params, { ...GET_HEADERS, 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
  });

  it('another request has another ETag; a stale ETag gets the full answer', async () => {
    const a = await get(t.server.url, params, GET_HEADERS);
    const b = await get(t.server.url, { ...params, variables: { code: 'village/huoi-song' } }, GET_HEADERS);
    expect(b.headers.get('etag')).not.toBe(a.headers.get('etag'));
    const stale = await get(t.server.url, params, { ...GET_HEADERS, 'if-none-match': '"stale"' });
    expect(stale.status).toBe(200);
    expect(stale.json).toEqual(TIA_DINH);
  });

  it('answers with errors, and POSTs, are not cacheable', async () => {
    const failed = await get(t.server.url, { query: QUERY, variables: { code: 'commune/nowhere' } }, GET_HEADERS);
    expect(failed.headers.get('etag')).toBeNull();
    expect(failed.headers.get('cache-control')).toBe('no-store');
    const post = await postJson(t.server.url, params);
    expect(post.headers.get('etag')).toBeNull();
    expect(post.headers.get('cache-control')).toBe('no-store');
  });

  it('the ETag changes with the data version', () => {
    expect(etagOf('1-1-2026-01-01', 'schema', '?query=x')).not.toBe(etagOf('2-2-2026-02-01', 'schema', '?query=x'));
    expect(etagOf('1-1-2026-01-01', 'schema', '?query=x')).toBe(etagOf('1-1-2026-01-01', 'schema', '?query=x'));
  });
});

describe('CORS and introspection are configurable', () => {
  it('no CORS headers by default', async () => {
    const r = await postJson(
      t.server.url,
      { query: '{ indicators { code } }' },
      { origin: 'https://dashboard.example' },
    );
    expect(r.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('a configured origin is allowed, with a preflight; others are not', async () => {
    const allowed = await postJson(
      locked.server.url,
      { query: '{ indicators { code } }' },
      { origin: 'https://dashboard.example' },
    );
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://dashboard.example');
    const other = await postJson(
      locked.server.url,
      { query: '{ indicators { code } }' },
      { origin: 'https://evil.example' },
    );
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fetch(locked.server.url, {
      method: 'OPTIONS',
      headers: { origin: 'https://dashboard.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
  });

  it('with origins configured, every cacheable answer says it varies by Origin: allowed, refused or absent', async () => {
    const params = { query: QUERY, variables: { code: 'commune/03385-2025-07-01' } };
    for (const origin of ['https://dashboard.example', 'https://evil.example', null]) {
      const r = await get(locked.server.url, params, { ...GET_HEADERS, ...(origin ? { origin } : {}) });
      expect(r.headers.get('cache-control'), String(origin)).toBe('public, max-age=60');
      expect(r.headers.get('vary'), String(origin)).toBe('Origin');
      expect(r.headers.get('access-control-allow-origin'), String(origin)).toBe(
        origin === 'https://dashboard.example' ? origin : null,
      );
      const again = await get(locked.server.url, params, {
        ...GET_HEADERS,
        ...(origin ? { origin } : {}),
        'if-none-match': r.headers.get('etag')!,
      });
      expect(again.status, String(origin)).toBe(304);
      expect(again.headers.get('vary'), String(origin)).toBe('Origin');
    }
    // Without CORS the answer is the same for every origin.
    expect(
      (await get(t.server.url, params, { ...GET_HEADERS, origin: 'https://dashboard.example' })).headers.get('vary'),
    ).toBeNull();
  });

  it('the full introspection query an IDE sends passes every limit', async () => {
    const r = await postJson(t.server.url, {
      query: getIntrospectionQuery({
        descriptions: true,
        specifiedByUrl: true,
        directiveIsRepeatable: true,
        schemaDescription: true,
        inputValueDeprecation: true,
      }),
    });
    expect(r.status).toBe(200);
    expect(r.json!.errors).toBeUndefined();
  });

  it('introspection is on by default and can be switched off', async () => {
    const query = '{ __schema { queryType { name } } }';
    expect((await postJson(t.server.url, { query })).json).toEqual({
      data: { __schema: { queryType: { name: 'Query' } } },
    });
    const off = await postJson(locked.server.url, { query });
    expect(off.status).toBe(400);
    expect(off.json!.errors![0]).toMatchObject({
      message:
        'Introspection is off on this server (the default under NODE_ENV=production); it answers __schema and __type when started with --introspection true.',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', setting: 'introspection' },
    });
  });
});

describe('a document with more validation errors than graphql-js reports', () => {
  it(`names the limit maxValidationErrors = ${MAX_VALIDATION_ERRORS} instead of "Validation aborted."`, async () => {
    const fields = Array.from({ length: MAX_VALIDATION_ERRORS + 20 }, (_, i) => `f${i}`).join(' ');
    const r = await postJson(t.server.url, { query: `{ ${fields} }` });
    expect(r.status).toBe(400);
    const errors = r.json!.errors!;
    expect(errors).toHaveLength(MAX_VALIDATION_ERRORS + 1);
    expect(errors[0]!.message).toBe('Cannot query field "f0" on type "Query".');
    expect(errors.at(-1)).toEqual({
      message: `Query has more than ${MAX_VALIDATION_ERRORS} validation errors, over the limit maxValidationErrors = ${MAX_VALIDATION_ERRORS}; the first ${MAX_VALIDATION_ERRORS} are listed.`,
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'maxValidationErrors', max: MAX_VALIDATION_ERRORS },
    });
    expect(r.text).not.toContain('aborted');
  });
});
