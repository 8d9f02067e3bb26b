import { appendFile, cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorsOf, startTestServer, type TestServer } from '../support/test-server.js';
import { seedWithOneProvince } from '../support/seed-one-province.js';

/*
 * Which units a ranking of a province's communes ranks, and how many it counts, on Điện Biên's
 * real 2025 reform (data/national): the new Tìa Dình 03385-2025-07-01 merged old Tìa Dình 03384
 * and Háng Lìa 03385; the new Chà Tở 03175-2025-07-01 took in old Chà Tở 03175 and Nậm Khăn 03174.
 * The districts (Nậm Pồ, district/103) ended on 2025-07-01.
 */
const SOURCE = 'dbp-em-party-members';
const obs = (subject: string, period: string, value: number) =>
  `${subject},households,${period},${value},EXACT,,,${SOURCE},false,,,,`;
const FIGURES = [
  obs('commune/03384', '2024', 500),
  obs('commune/03385', '2024', 300),
  obs('commune/03175', '2024', 400),
  obs('commune/03174', '2024', 200),
];
const TODAY = new Date().toISOString().slice(0, 10);
const id = (type: string, code: string) => Buffer.from(`${type}:${code}`).toString('base64url');
const PROVINCE = id('Province', 'province/11');
const NAM_PO = id('District', 'district/103');

interface Ranking {
  peerCount: number;
  unitCount: number;
  entries: { rank: number; sortValue: number; locality: { code: string } }[];
}

describe("rankings of a province's communes across the 2025 reform", { timeout: 120_000 }, () => {
  let t: TestServer;
  beforeAll(async () => {
    // a copy: the one-province seed is shared by every test file of the worker, which only read it
    const dir = await mkdtemp(join(tmpdir(), 'grassroots-ranking-units-'));
    await cp(await seedWithOneProvince(), dir, { recursive: true });
    await appendFile(join(dir, 'observations.csv'), FIGURES.join('\n') + '\n');
    t = await startTestServer(dir);
  });
  afterAll(() => t?.close());

  const ranking = async (args: string, within = PROVINCE): Promise<Ranking> =>
    (
      await t.client.request<{ ranking: Ranking }>(
        `query($within: ID) { ranking(indicator: "households", kind: COMMUNE, within: $within, ${args}, first: 100) {
          peerCount unitCount entries { rank sortValue locality { code } } } }`,
        { within },
      )
    ).ranking;
  const entries = (r: Ranking) => r.entries.map((e) => [e.rank, e.locality.code, e.sortValue]);

  it("on today's units ranks today's communes only, rebuilt from the communes they replaced", async () => {
    const today = await ranking('period: "2024", geography: CURRENT');
    // The communes that ended in 2025 kept their own 2024 figures and were ranked beside their successors.
    expect(entries(today)).toEqual([
      [1, 'commune/03385-2025-07-01', 800],
      [2, 'commune/03175-2025-07-01', 600],
    ]);
    // The same units as asked by date: the province's communes in force today.
    const inForce = await ranking(`period: "2026", asOf: "${TODAY}"`);
    expect(today.unitCount).toBe(inForce.unitCount);
    expect(today.peerCount).toBe(2);
  });

  it('as recorded, the communes that reported are ranked, of every commune the province ever had', async () => {
    const recorded = await ranking('period: "2024"');
    expect(entries(recorded)).toEqual([
      [1, 'commune/03384', 500],
      [2, 'commune/03175', 400],
      [3, 'commune/03385', 300],
      [4, 'commune/03174', 200],
    ]);
    const before = await ranking('period: "2024", asOf: "2024-12-31"');
    const after = await ranking(`period: "2026", asOf: "${TODAY}"`);
    expect(recorded.unitCount).toBe(before.unitCount + after.unitCount);
  });

  it("on the units of a past date ranks that date's communes and counts them", async () => {
    const past = await ranking('period: "2024", geographyAsOf: "2024-12-31"');
    expect(entries(past)).toEqual([
      [1, 'commune/03384', 500],
      [2, 'commune/03175', 400],
      [3, 'commune/03385', 300],
      [4, 'commune/03174', 200],
    ]);
    expect(past.unitCount).toBe((await ranking('period: "2024", asOf: "2024-12-31"')).unitCount);
  });

  it('a ranking of none still counts the units in scope: none of 45 communes is not none of 0', async () => {
    // Today's communes have no 2024 figures of their own: nothing to rank, but they are there.
    const none = await ranking(`period: "2024", asOf: "${TODAY}"`);
    expect(none.peerCount).toBe(0);
    expect(none.entries).toEqual([]);
    expect(none.unitCount).toBeGreaterThan(40);
    const change = await ranking(`by: ABSOLUTE_CHANGE, from: "2024", to: "2025", asOf: "${TODAY}"`);
    expect([change.peerCount, change.unitCount]).toEqual([0, none.unitCount]);
  });

  it('asOf naming other units than the geography is refused, naming both dates', async () => {
    const errors = await errorsOf(ranking('period: "2024", asOf: "2024-12-31", geography: CURRENT'));
    expect(errors[0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'asOf' });
    expect(errors[0]!.message).toContain(TODAY);
    // the geography's own date is no conflict
    expect(entries(await ranking(`period: "2024", asOf: "${TODAY}", geography: CURRENT`))).toHaveLength(2);
  });

  it('within a unit not in force on the date says so instead of ranking none', async () => {
    const errors = await errorsOf(ranking(`period: "2024", asOf: "${TODAY}"`, NAM_PO));
    expect(errors[0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'within' });
    expect(errors[0]!.message).toMatch(/"district\/103" was in force until 2025-07-01, not on \d{4}-\d{2}-\d{2}/);
    const onToday = await errorsOf(ranking('period: "2024", geography: CURRENT', NAM_PO));
    expect(onToday[0]!.extensions).toMatchObject({ argument: 'within' });
    // Before the reform the district had its communes.
    expect((await ranking('period: "2024", asOf: "2024-12-31"', NAM_PO)).unitCount).toBeGreaterThan(0);
  });

  it('a table and an export take the same units and the same refusal', async () => {
    const table = await t.client.request<{ table: { rows: { locality: { code: string }; value: number }[] } }>(
      `query($within: ID) { table(indicators: ["households"], kind: COMMUNE, within: $within, periods: ["2024"], geography: CURRENT) {
        rows { locality { code } value } } }`,
      { within: PROVINCE },
    );
    expect(table.table.rows.map((r) => [r.locality.code, r.value])).toEqual([
      ['commune/03175-2025-07-01', 600],
      ['commune/03385-2025-07-01', 800],
    ]);
    const base = t.server.url.replace(/\/graphql$/, '');
    const refused = await fetch(
      `${base}/export.csv?indicators=households&kind=COMMUNE&within=district/103&geography=CURRENT`,
    );
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: { parameter: string } }).error.parameter).toBe('within');
  });
});
