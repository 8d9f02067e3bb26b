import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { join } from 'node:path';
import { startTestServer, SEED_DIR, type TestServer } from '../support/test-server.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

interface SeedRow {
  subject_id: string;
  indicator: string;
  period: string;
  value: string;
  qualifier: string;
  source_id: string;
  derived: string;
  quote: string;
}

async function seedRows(): Promise<SeedRow[]> {
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  const reader = await c.runAndReadAll(
    `SELECT * FROM read_csv('${join(SEED_DIR, 'observations.csv')}', header = true, all_varchar = true)`,
  );
  const rows = reader.getRowObjectsJson() as unknown as SeedRow[];
  c.closeSync();
  db.closeSync();
  return rows;
}

describe('every seed figure is queryable with its qualifier and source', () => {
  it('returns each row of data/observations.csv through GraphQL, unchanged', async () => {
    const rows = await seedRows();
    expect(rows.length).toBeGreaterThanOrEqual(30);
    for (const row of rows) {
      const result = await t.sdk.Observations({ code: row.subject_id, indicator: row.indicator });
      const match = result.locality.observations.filter(
        (o) => o.period === row.period && o.source.code === row.source_id,
      );
      expect(match, `${row.subject_id} ${row.indicator} ${row.period}`).toHaveLength(1);
      expect(match[0]!.value).toBe(Number(row.value));
      expect(match[0]!.qualifier).toBe(row.qualifier);
      expect(match[0]!.derived).toBe(row.derived === 'true');
      expect(match[0]!.quote).toBe(row.quote);
    }
  });
});

describe('hand-checked figures from the articles', () => {
  it('Điện Biên provincial Party organisation: more than 49,000 members, over 27,000 ethnic-minority', async () => {
    const { locality } = await t.sdk.Observations({ code: 'party-committee/dien-bien' });
    const members = locality.observations.find((o) => o.indicator.code === 'members')!;
    expect(members).toMatchObject({ value: 49000, qualifier: 'MORE_THAN', lower: 49000, upper: null, period: '2026' });
    expect(members.source.seedFile).toBe('shared/seeds/000_e247a1ba825414d8.txt');
    expect(members.quote).toContain('more than 49,000 Party members');
    const em = locality.observations.find((o) => o.indicator.code === 'em_members')!;
    expect(em).toMatchObject({ value: 27000, qualifier: 'MORE_THAN', lower: 27000, upper: null });
  });

  it('Tìa Dình commune Party committee: 30 cells, 377 members, 339 ethnic-minority, 21 admitted in 2025', async () => {
    const { locality } = await t.sdk.Observations({ code: 'party-committee/tia-dinh' });
    const byCode = Object.fromEntries(locality.observations.map((o) => [o.indicator.code, o]));
    expect(byCode['subordinate_party_orgs']).toMatchObject({ value: 30, qualifier: 'EXACT', lower: 30, upper: 30 });
    expect(byCode['members']).toMatchObject({ value: 377, qualifier: 'EXACT' });
    expect(byCode['em_members']).toMatchObject({ value: 339, qualifier: 'EXACT' });
    expect(byCode['new_em_members']).toMatchObject({
      value: 21,
      period: '2025',
      periodStart: '2025-01-01',
      periodEnd: '2025-12-31',
      granularity: 'YEAR',
    });
  });

  it('Si Pa Phìn: nearly 500 members (interval 450..500), nearly 80% ethnic-minority, 11 admitted since July 2025', async () => {
    const { locality } = await t.sdk.Observations({ code: 'party-committee/si-pa-phin' });
    const byCode = Object.fromEntries(locality.observations.map((o) => [o.indicator.code, o]));
    expect(byCode['members']).toMatchObject({ value: 500, qualifier: 'NEARLY', lower: 450, upper: 500 });
    expect(byCode['em_member_share']!.qualifier).toBe('NEARLY');
    expect(byCode['em_member_share']!.lower).toBeCloseTo(0.72, 10);
    expect(byCode['new_em_members']).toMatchObject({
      value: 11,
      period: '2025-07/..',
      periodStart: '2025-07-01',
      periodEnd: null,
      granularity: 'RANGE',
    });
  });

  it('Huổi Sông: 77 households, 395 residents, coffee 1.5 ha (2024, one household) and 8.5 ha (2025), 50,000 seedlings (2026)', async () => {
    const { locality } = await t.sdk.Observations({ code: 'village/huoi-song' });
    const find = (code: string, period: string) =>
      locality.observations.find((o) => o.indicator.code === code && o.period === period)!;
    expect(find('households', '2026').value).toBe(77);
    expect(find('residents', '2026').value).toBe(395);
    expect(find('mong_resident_share', '2026').value).toBe(1);
    expect(find('coffee_area_converted', '2024')).toMatchObject({ value: 1.5, qualifier: 'MORE_THAN' });
    // "Dia took the lead in converting more than 1.5 hectares": one household's figure, not the village's
    expect(find('coffee_area_converted', '2024').scope).toBe("one household (Vàng A Dia's)");
    expect(find('coffee_area_converted', '2025').scope).toBeNull();
    expect(find('coffee_area_converted', '2025')).toMatchObject({ value: 8.5, qualifier: 'MORE_THAN' });
    expect(find('coffee_seedlings_planted', '2026')).toMatchObject({ value: 50000, qualifier: 'EXACT' });
  });

  it('Huổi Sông poor households: just over 20 now (20..22), and 2024 stored as derived, more than 40', async () => {
    const { locality } = await t.sdk.Series({ code: 'village/huoi-song', indicator: 'poor_households' });
    const [y2024, y2026] = locality.series.points;
    expect(y2024).toMatchObject({
      period: '2024',
      value: 40,
      qualifier: 'MORE_THAN',
      derived: true,
      lower: 40,
      upper: null,
    });
    expect(y2024!.observation!.formula).toContain('more than 20');
    expect(y2024!.basis).toBe('REPORTED');
    expect(y2026).toMatchObject({ period: '2026', value: 20, qualifier: 'JUST_OVER', derived: false, lower: 20 });
    expect(y2026!.upper).toBeCloseTo(22, 10);
  });

  it('Nậm Pồ: 233 admitted in 2024 at 101.3% of target (target 230 derived), 58 village heads who are members = 47.9% of 121', async () => {
    const committee = (await t.sdk.Observations({ code: 'party-committee/nam-po', from: '2024', to: '2024' })).locality
      .observations;
    const c = Object.fromEntries(committee.map((o) => [o.indicator.code, o]));
    expect(c['new_members']).toMatchObject({ value: 233, qualifier: 'EXACT', derived: false });
    expect(c['target_attainment']).toMatchObject({ value: 1.013, qualifier: 'EXACT' });
    expect(c['admission_target']).toMatchObject({
      value: 230,
      qualifier: 'ABOUT',
      derived: true,
      lower: 229.9,
      upper: 230.1,
    });
    expect(c['new_members_village_heads']!.value).toBe(3);
    const district = (await t.sdk.Observations({ code: 'district/103' })).locality.observations;
    const d = Object.fromEntries(district.map((o) => [o.indicator.code, o]));
    expect(d['village_heads_party_members']!.value).toBe(58);
    expect(d['village_heads_party_member_share']!.value).toBe(0.479);
    expect(d['village_heads']).toMatchObject({ value: 121, derived: true });
    expect(Math.round((58 / 121) * 1000) / 10).toBe(47.9);
  });

  it('Chà Nưa: 4 of 6 village heads are Party members', async () => {
    const { locality } = await t.sdk.Observations({ code: 'commune/03187' });
    const d = Object.fromEntries(locality.observations.map((o) => [o.indicator.code, o]));
    expect(d['village_heads']!.value).toBe(6);
    expect(d['village_heads_party_members']!.value).toBe(4);
    expect(d['village_heads_party_member_share']!.value).toBeCloseTo(4 / 6, 12);
  });

  it('sources say where a figure comes from and how their dates were established', async () => {
    const { sources } = await t.sdk.Sources();
    const namPo = sources.find((s) => s.code === 'dbp-nam-po-village-heads')!;
    expect(namPo).toMatchObject({
      title: 'Nậm Pồ boosts grassroots leadership with Party-member village leaders',
      author: 'Sầm Phúc',
      published: '2025',
    });
    expect(namPo.observations.length).toBeGreaterThanOrEqual(10);
    const law = sources.find((s) => s.code === 'law-72-2025-qh15')!;
    expect(law.observations).toHaveLength(0);
  });

  it('documents carry number, issuer, date and the period they cover, linked to units', async () => {
    const { documents } = await t.sdk.Documents();
    const resolution = documents.find((d) => d.number === '04-NQ/TU')!;
    expect(resolution).toMatchObject({
      issuedOn: '2021-05-07',
      periodStart: '2021-01-01',
      periodEnd: '2025-12-31',
      kind: 'RESOLUTION',
    });
    expect(resolution.links.map((l) => `${l.role} ${l.locality?.code}`)).toEqual(
      expect.arrayContaining(['GOVERNS province/11', 'ISSUED_BY party-committee/dien-bien']),
    );
    const guidance = documents.find((d) => d.number === '38-HD/BTCTW')!;
    expect(guidance).toMatchObject({ issuedOn: '2025-09-29', issuer: 'Central Organization Commission' });
    const plan = documents.find((d) => d.number === '09-ĐA/TU')!;
    expect(plan).toMatchObject({ issuedOn: '2023-06-09', periodEnd: null, periodNote: '2023-2025 and beyond' });
    const { locality } = await t.sdk.LocalityDocuments({ code: 'party-committee/tia-dinh' });
    expect(locality.documents.map((d) => d.document.number)).toEqual(['38-HD/BTCTW']);
  });
});
