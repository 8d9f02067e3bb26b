import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestServer, SEED_DIR, type TestServer } from '../support/test-server.js';

/** Rows of data/national/units.csv: one per unit version (no field holds a line break). */
const nationalUnitCount = () =>
  readFileSync(join(SEED_DIR, 'national', 'units.csv'), 'utf8')
    .trimEnd()
    .split('\n').length - 1;

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

describe('search by name ignores case and Vietnamese diacritics', () => {
  it.each([
    ['Tia Dinh', 'commune/03385-2025-07-01'],
    ['tìa dình', 'commune/03385-2025-07-01'],
    ['HUOI SONG', 'village/huoi-song'],
    ['de tinh', 'village/de-tinh-2'],
    ['Đệ Tinh', 'village/de-tinh-2'],
    ['Nam Po', 'district/103'],
    ['chieng', 'commune/03298'],
  ])('"%s" finds %s', async (search, code) => {
    const { localities } = await t.sdk.SearchLocalities({ search });
    expect(localities.nodes.map((n) => n.code)).toContain(code);
  });

  it('filters by kind', async () => {
    const { localities } = await t.sdk.SearchLocalities({ search: 'tia dinh', kind: ['PARTY_COMMITTEE'] });
    expect(localities.nodes.map((n) => n.code)).toEqual(['party-committee/tia-dinh']);
  });

  it('pages with cursors until every unit has been seen once', async () => {
    // Every unit in data/: the seed's 12 villages and Party organisations and every version of the country's units.
    const expected = 12 + nationalUnitCount();
    const seen: string[] = [];
    let after: string | null | undefined = undefined;
    let total = 0;
    for (let page = 0; page < 20; page++) {
      const { localities } = await t.sdk.SearchLocalities({ first: 1000, after });
      total = localities.totalCount;
      seen.push(...localities.nodes.map((n) => n.code));
      if (!localities.pageInfo.hasNextPage) break;
      expect(localities.nodes).toHaveLength(1000);
      after = localities.pageInfo.endCursor;
    }
    expect(total).toBe(expected);
    expect(new Set(seen).size).toBe(expected);
    expect(seen).toHaveLength(expected);
  });

  it('a search that matches nothing returns an empty page, not an error', async () => {
    const { localities } = await t.sdk.SearchLocalities({ search: "x'; DROP TABLE units; --" });
    expect(localities).toMatchObject({ totalCount: 0, nodes: [] });
  });
});
