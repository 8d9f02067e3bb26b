import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, SEED_DIR, type TestServer } from '../support/test-server.js';
import { parseCsv } from '../support/csv.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

interface RoleAnswer {
  role: string;
  title: string;
  period: string;
  quote: string;
  source: { code: string };
  person: { name: string; partyMember: boolean | null; partyJoined: string | null };
}

/** The articles the seed was read from, where they sit beside the checkout (not in every clone). */
const ARTICLES: Record<string, string> = {
  'dbp-em-party-members': '000_e247a1ba825414d8.txt',
  'dbp-nam-po-village-heads': '003_c38a1321a02985b3.txt',
};
async function articleText(sourceId: string): Promise<string | null> {
  const path = join(SEED_DIR, '..', '..', 'shared', 'seeds', ARTICLES[sourceId]!);
  return existsSync(path) ? (await readFile(path, 'utf8')).replace(/\s+/g, ' ') : null;
}

describe('people and the roles the sources name them in', () => {
  it('a village Party cell says who its secretary was, since when he is a Party member, and where that is written', async () => {
    const { locality } = await t.client.request<{ locality: { officials: RoleAnswer[] } }>(`{
      locality(code: "party-cell/huoi-song") { officials { role title period quote source { code } person { name partyMember partyJoined } } } }`);
    expect(locality.officials).toEqual([
      {
        role: 'PARTY_CELL_SECRETARY',
        title: 'Secretary of the village Party Cell',
        period: '2026',
        quote: expect.stringContaining('Since being admitted to the Party in 2017, Vàng A Dia'),
        source: { code: 'dbp-em-party-members' },
        person: { name: 'Vàng A Dia', partyMember: true, partyJoined: '2017' },
      },
    ]);
  });

  it('who held a role when: asOf keeps the roles whose period contains the date', async () => {
    const query = `query ($asOf: LocalDate) { locality(code: "village/nam-cung") { officials(asOf: $asOf, roles: [VILLAGE_HEAD]) { person { name } period } } }`;
    const during = await t.client.request<{ locality: { officials: unknown[] } }>(query, { asOf: '2025-06-01' });
    expect(during.locality.officials).toEqual([{ person: { name: 'Lèng Văn Tình' }, period: '2025' }]);
    const later = await t.client.request<{ locality: { officials: unknown[] } }>(query, { asOf: '2026-06-01' });
    expect(later.locality.officials).toEqual([]);
  });

  it('every role of the seed is quoted from its article, and every person named there is a node', async () => {
    const roles = parseCsv(await readFile(join(SEED_DIR, 'roles.csv'), 'utf8'));
    const names = parseCsv(await readFile(join(SEED_DIR, 'people.csv'), 'utf8'));
    for (const r of roles) {
      // The quote names the person; where the article is at hand, it is the article's own words.
      expect(r['quote']).toContain(names.find((p) => p['id'] === r['person_id'])!['name']);
      const article = await articleText(r['source_id']!);
      if (article !== null) expect(article).toContain(r['quote']!.replace(/\s+/g, ' '));
    }
    const answer = await t.client.request<{
      people: { totalCount: number; nodes: { id: string; name: string; roles: { locality: { code: string } }[] }[] };
    }>(`{ people(first: 100) { totalCount nodes { id name roles { locality { code } } } } }`);
    expect(answer.people.totalCount).toBe(8);
    const people = answer.people.nodes;
    expect(people.map((p) => p.name).sort()).toEqual(
      [
        'Vàng A Dia',
        'Nguyễn Văn Tăng',
        'Vàng A Kỷ',
        'Thào A Dế',
        'Hồ Chử Goằng',
        'Lèng Văn Tình',
        'Khoàng Văn Van',
        'Vi Thị Tuyết Minh',
      ].sort(),
    );
    expect(people.every((p) => p.roles.length > 0)).toBe(true);
    const again = await t.client.request<{ node: { __typename: string; name: string } }>(
      `query ($id: ID!) { node(id: $id) { __typename ... on Person { name } } }`,
      { id: people[0]!.id },
    );
    expect(again.node).toEqual({ __typename: 'Person', name: people[0]!.name });
  });

  it('people are found by name without diacritics, and a party membership the sources do not state stays unknown', async () => {
    const { people } = await t.client.request<{
      people: {
        nodes: { name: string; partyMember: boolean | null; roles: { role: string; locality: { code: string } }[] }[];
      };
    }>(`{ people(search: "vi thi tuyet minh") { nodes { name partyMember roles { role locality { code } } } } }`);
    expect(people.nodes).toEqual([
      {
        name: 'Vi Thị Tuyết Minh',
        partyMember: null,
        roles: [{ role: 'ORGANIZATION_COMMISSION_DEPUTY_HEAD', locality: { code: 'party-committee/nam-po' } }],
      },
    ]);
  });
});
