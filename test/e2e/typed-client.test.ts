import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The source; package.test.ts imports the compiled `grassroots/client` from an installed tarball.
import { createClient, type TableQuery } from '../../src/client/index.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

describe('grassroots/client: the generated SDK behind createClient(url)', () => {
  it('runs typed operations against a real server', async () => {
    const client = createClient(t.server.url);
    const { table }: TableQuery = await client.Table({
      indicators: ['members'],
      kind: 'PARTY_COMMITTEE',
      periods: ['2026'],
    });
    expect(table.rows.map((r) => [r.locality?.code, r.value, r.qualifier])).toContainEqual([
      'party-committee/dien-bien',
      49000,
      'MORE_THAN',
    ]);
    const { locality } = await client.LocalityByCode({ code: 'village/huoi-song' });
    expect(locality?.name).toBe('Huổi Sông');
  });

  it('sends the given headers and exposes the raw client for ad-hoc queries', async () => {
    const seen: string[] = [];
    const client = createClient(t.server.url, {
      headers: { 'x-notebook': 'demo' },
      fetch: (input, init) => {
        seen.push(new Headers(init?.headers).get('x-notebook') ?? '');
        return fetch(input, init);
      },
    });
    const data = await client.graphql.request<{ indicators: { code: string }[] }>('{ indicators { code } }');
    expect(data.indicators.map((i) => i.code)).toContain('members');
    expect(seen).toEqual(['demo']);
  });
});
