import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { cookbookRecipes as cookbook } from '../../src/docs/cookbook.js';

/** Every leaf of a result, so a query that returns only nulls and empty lists fails. */
function leaves(value: unknown): unknown[] {
  if (Array.isArray(value)) return value.flatMap(leaves);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(leaves);
  return [value];
}

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

describe('the cookbook (docs/cookbook.md) runs against the seed data', () => {
  const recipes = cookbook();

  it('has at least 12 recipes, numbered in order (answers below are checked by number)', () => {
    expect(recipes.length).toBeGreaterThanOrEqual(12);
    expect(recipes.map((r) => r.title.split('.')[0])).toEqual(recipes.map((_, i) => String(i + 1)));
  });

  it.each(recipes.map((r) => [r.title, r.query]))('%s', async (_title, query) => {
    const data = await t.client.request<Record<string, unknown>>(query);
    expect(leaves(data).filter((v) => v !== null && v !== undefined).length).toBeGreaterThan(0);
  });

  it('a recipe is a ### heading and the ```graphql block after it, blank lines between or not', () => {
    const markdown = [
      'Prose naming a ` ```graphql ` block is not a recipe.',
      '',
      '### 1. Tight',
      '```graphql',
      '{ a }',
      '```',
      '',
      '### 2. As Prettier writes it',
      '',
      '```graphql',
      '{ b {',
      '  c } }',
      '```',
      '',
      '### Not a recipe',
      '',
      '```sh',
      'npm test',
      '```',
    ].join('\n');
    expect(cookbook(markdown)).toEqual([
      { title: '1. Tight', query: '{ a }' },
      { title: '2. As Prettier writes it', query: '{ b {\n  c } }' },
    ]);
  });

  it('recipe answers match the articles', async () => {
    const byTitle = Object.fromEntries(recipes.map((r) => [r.title.slice(0, 3), r.query]));
    const two = await t.client.request<{
      locality: { change: { basis: string; absolute: { value: number; upper: number }; reported: { quote: string } } };
    }>(byTitle['2. ']!);
    // "down by more than 20 compared to 2024", as stated: below −20
    expect(two.locality.change).toMatchObject({ basis: 'REPORTED', absolute: { value: -20, upper: -20 } });
    expect(two.locality.change.reported.quote).toContain('down by more than 20 compared to 2024');
    const six = await t.client.request<{ ranking: { entries: { rank: number; locality: { name: string } }[] } }>(
      byTitle['6. ']!,
    );
    expect(six.ranking.entries[0]).toMatchObject({
      rank: 1,
      locality: { name: 'Điện Biên Provincial Party Committee' },
    });
    type Successors = { lineage: { successors: { kind: string; locality: { code: string; name: string } }[] } };
    const thirteen = await t.client.request<{
      before: { validTo: string; communes: { totalCount: number; nodes: ({ name: string } & Successors)[] } };
      after: { districts: { totalCount: number }; communes: { totalCount: number; nodes: { name: string }[] } };
    }>(byTitle['13.']!);
    expect(thirteen.before.validTo).toBe('2025-07-01');
    expect(thirteen.before.communes.totalCount).toBe(15);
    const chaNua = thirteen.before.communes.nodes.find((c) => c.name === 'Chà Nưa')!;
    expect(chaNua.lineage.successors).toEqual([
      { kind: 'MERGE', locality: { code: 'commune/03166-2025-07-01', name: 'Mường Chà' } },
    ]);
    expect(thirteen.after.districts.totalCount).toBe(0);
    expect(thirteen.after.communes.totalCount).toBe(45);
    expect(thirteen.after.communes.nodes.map((c) => c.name)).toEqual(
      expect.arrayContaining(['Si Pa Phìn', 'Tìa Dình']),
    );
  });
});
