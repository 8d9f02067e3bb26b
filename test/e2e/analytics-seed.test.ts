import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';

let t: TestServer;
let ids: Record<string, string>;
beforeAll(async () => {
  t = await startTestServer();
  // The seed's Nậm Pồ district among the country's (the first 100 localities are no longer the seed's).
  const { localities } = await t.sdk.SearchLocalities({ search: 'Nậm Pồ', kind: ['DISTRICT'] });
  ids = Object.fromEntries(localities.nodes.map((n) => [n.code, n.id]));
});
afterAll(() => t.close());

describe('analytics on the seed figures, checked by hand', () => {
  it('Huổi Sông poor households 2024 → 2026: "down by more than 20" as the article states it, the bound kept', async () => {
    const { locality } = await t.sdk.Change({
      code: 'village/huoi-song',
      indicator: 'poor_households',
      from: '2024',
      to: '2026',
    });
    const c = locality.change!;
    expect(c.from).toMatchObject({ value: 40, qualifier: 'MORE_THAN' });
    expect(c.to).toMatchObject({ value: 20, qualifier: 'JUST_OVER' });
    // The article states the change: below −20, no lower bound (the levels alone, [20, 22] minus
    // [40, ∞), would give only (−∞, −18]; test/e2e/reported-changes.test.ts has the rest).
    expect(c.basis).toBe('REPORTED');
    expect(c.absolute).toEqual({ value: -20, lower: null, upper: -20, qualifier: 'LESS_THAN' });
    expect(c.percent!.value).toBe(-50);
    expect(c.percent!.lower).toBe(-100);
    expect(c.percent!.upper).toBeCloseTo(-45, 10);
    expect(c.years).toBe(2);
  });

  it('Nậm Pồ: 58 village heads who are Party members of 121 is the published 47.9%', async () => {
    const { table } = await t.sdk.Table({
      indicators: ['village_heads_party_members', 'village_heads', 'village_heads_party_member_share'],
      localities: [ids['district/103']!],
      periods: ['2024'],
    });
    const byIndicator = Object.fromEntries(table.rows.map((r) => [r.indicator.code, r]));
    expect(byIndicator['village_heads_party_members']).toMatchObject({ value: 58, basis: 'REPORTED' });
    expect(byIndicator['village_heads']).toMatchObject({ value: 121, basis: 'REPORTED' });
    expect(byIndicator['village_heads_party_member_share']).toMatchObject({ value: 0.479, basis: 'REPORTED' });
    expect(Math.round((58 / 121) * 1000) / 1000).toBe(0.479);
  });

  it('Tìa Dình: the ethnic-minority share is computed from 339 of 377 members', async () => {
    const { locality } = await t.sdk.Latest({ code: 'party-committee/tia-dinh', indicator: 'em_member_share' });
    expect(locality.latest).toMatchObject({ period: '2026', basis: 'COMPUTED', qualifier: 'EXACT' });
    expect(locality.latest!.value).toBeCloseTo(339 / 377, 12);
    expect(locality.latest!.sources.map((s) => s.code)).toEqual(['dbp-em-party-members']);
  });

  it('the province: "over 27,000 of more than 49,000" could be any share, so it has no value, only [0, 1]', async () => {
    const { locality } = await t.sdk.Series({ code: 'party-committee/dien-bien', indicator: 'em_member_share' });
    expect(locality.series.points).toEqual([
      expect.objectContaining({ value: null, lower: 0, upper: 1, qualifier: 'UNKNOWN', basis: 'COMPUTED' }),
    ]);
    // `latest` is the latest value, and there is none to give
    const latest = await t.sdk.Latest({ code: 'party-committee/dien-bien', indicator: 'em_member_share' });
    expect(latest.locality.latest).toBeNull();
  });

  it('Nậm Pồ target attainment as reported (101.3%), Si Pa Phìn share as reported (nearly 80%)', async () => {
    const nampo = await t.sdk.Latest({ code: 'party-committee/nam-po', indicator: 'target_attainment' });
    expect(nampo.locality.latest).toMatchObject({ value: 1.013, basis: 'REPORTED' });
    const sipaphin = await t.sdk.Latest({ code: 'party-committee/si-pa-phin', indicator: 'em_member_share' });
    expect(sipaphin.locality.latest).toMatchObject({ value: 0.8, qualifier: 'NEARLY', basis: 'REPORTED' });
  });

  it('Tìa Dình households rolled up from its one recorded village, coverage 1 of 1', async () => {
    const { locality } = await t.sdk.TotalsAndParts({
      code: 'commune/03385-2025-07-01',
      indicator: 'households',
      childKind: 'VILLAGE',
    });
    expect(locality.totalsAndParts).toEqual([
      expect.objectContaining({ period: '2026', own: null, reporting: 1, expected: 1, gap: null }),
    ]);
    expect(locality.totalsAndParts[0]!.children).toMatchObject({
      value: 77,
      basis: 'ROLLED_UP',
      sources: [{ code: 'dbp-em-party-members' }],
    });
  });

  it('Party committees ranked by members in 2026, the approximate figures with their qualifiers', async () => {
    const { ranking } = await t.sdk.Ranking({ indicator: 'members', kind: 'PARTY_COMMITTEE', period: '2026' });
    expect(ranking.entries.map((e) => [e.rank, e.locality?.code, e.point?.value, e.point?.qualifier])).toEqual([
      [1, 'party-committee/dien-bien', 49000, 'MORE_THAN'],
      [2, 'party-committee/si-pa-phin', 500, 'NEARLY'],
      [3, 'party-committee/tia-dinh', 377, 'EXACT'],
    ]);
    expect(ranking).toMatchObject({ peerCount: 3, unitCount: 4 });
  });

  it("Huổi Sông coffee conversion has no year over year: 2024's 1.5 ha is one household's, 2025's 8.5 ha the village's", async () => {
    const { locality } = await t.sdk.YearOverYear({ code: 'village/huoi-song', indicator: 'coffee_area_converted' });
    expect(locality.yoy).toEqual([]);
  });
});
