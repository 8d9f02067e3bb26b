import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

describe('search by name ignores case and Vietnamese diacritics', () => {
  it.each([
    ['Tia Dinh', 'commune/tia-dinh'],
    ['tìa dình', 'commune/tia-dinh'],
    ['HUOI SONG', 'village/huoi-song'],
    ['de tinh', 'village/de-tinh-2'],
    ['Đệ Tinh', 'village/de-tinh-2'],
    ['Nam Po', 'district/nam-po'],
    ['chieng', 'commune/chieng-sinh'],
  ])('"%s" finds %s', async (search, code) => {
    const { localities } = await t.sdk.SearchLocalities({ search });
    expect(localities.nodes.map((n) => n.code)).toContain(code);
  });

  it('filters by kind', async () => {
    const { localities } = await t.sdk.SearchLocalities({ search: 'tia dinh', kind: ['PARTY_COMMITTEE'] });
    expect(localities.nodes.map((n) => n.code)).toEqual(['party-committee/tia-dinh']);
  });

  it('pages with cursors until every unit has been seen once', async () => {
    const seen: string[] = [];
    let after: string | null | undefined = undefined;
    let total = 0;
    for (let page = 0; page < 20; page++) {
      const { localities } = await t.sdk.SearchLocalities({ first: 5, after });
      total = localities.totalCount;
      seen.push(...localities.nodes.map((n) => n.code));
      if (!localities.pageInfo.hasNextPage) break;
      expect(localities.nodes).toHaveLength(5);
      after = localities.pageInfo.endCursor;
    }
    expect(total).toBe(23);
    expect(new Set(seen).size).toBe(23);
    expect(seen).toHaveLength(23);
  });

  it('a search that matches nothing returns an empty page, not an error', async () => {
    const { localities } = await t.sdk.SearchLocalities({ search: "x'; DROP TABLE units; --" });
    expect(localities).toMatchObject({ totalCount: 0, nodes: [] });
  });
});
