import { appendFile, cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { seedWithOneProvince } from '../support/seed-one-province.js';
import { parseCsv } from '../support/csv.js';

/*
 * Figures on other dates' units, on Điện Biên's real 2025 lineage (data/national): the new Tìa
 * Dình 03385-2025-07-01 merged old Tìa Dình 03384 and Háng Lìa 03385 (whose code it reuses); the
 * new Chà Tở 03175-2025-07-01 CONTINUED old Chà Tở 03175 and absorbed Nậm Khăn 03174.
 */
const SOURCE = 'dbp-em-party-members';
const obs = (subject: string, indicator: string, period: string, value: number) =>
  `${subject},${indicator},${period},${value},EXACT,,,${SOURCE},false,,,,`;
const FIGURES = [
  obs('commune/03384', 'households', '2024', 500),
  obs('commune/03385', 'households', '2024', 300),
  obs('commune/03384', 'members', '2024', 100),
  obs('commune/03384', 'em_members', '2024', 90),
  obs('commune/03385', 'members', '2024', 50),
  obs('commune/03385', 'em_members', '2024', 45),
  obs('commune/03385-2025-07-01', 'households', '2026', 850),
  obs('commune/03175', 'households', '2023', 390), // Nậm Khăn reports no 2023: partial, dropped
  obs('commune/03175', 'households', '2024', 400),
  obs('commune/03174', 'households', '2024', 200),
  obs('commune/03175-2025-07-01', 'households', '2026', 650),
];

interface Point {
  period: string;
  value: number | null;
  qualifier: string | null;
  lower: number | null;
  upper: number | null;
  basis: string;
  reporting: number | null;
  expected: number | null;
  formula: string | null;
  sources: { code: string }[];
}

const POINT = 'period value qualifier lower upper basis reporting expected formula sources { code }';

describe('geography: figures re-expressed on another date’s units through the lineage', { timeout: 120_000 }, () => {
  let t: TestServer;
  beforeAll(async () => {
    // a copy: the one-province seed is shared by every test file of the worker, which only read it
    const dir = await mkdtemp(join(tmpdir(), 'grassroots-geography-'));
    await cp(await seedWithOneProvince(), dir, { recursive: true });
    await appendFile(join(dir, 'observations.csv'), FIGURES.join('\n') + '\n');
    t = await startTestServer(dir);
  });
  afterAll(() => t?.close());

  const globalIdOf = async (code: string) =>
    (
      await t.client.request<{ locality: { id: string } }>(`query($code: String!) { locality(code: $code) { id } }`, {
        code,
      })
    ).locality.id;

  const series = async (code: string, indicator: string, geography: string, extra = '') => {
    const r = await t.client.request<{ locality: { series: { points: Point[] } } }>(
      `query($code: String!) { locality(code: $code) { series(indicator: "${indicator}", ${geography} ${extra}) { points { ${POINT} } } } }`,
      { code },
    );
    return r.locality.series.points;
  };

  it("the new Tìa Dình gets a 2024 value on today's units from both old communes, coverage 2/2", async () => {
    const points = await series('commune/03385-2025-07-01', 'households', 'geography: CURRENT');
    expect(points.map((p) => [p.period, p.value, p.qualifier, p.basis, p.reporting, p.expected])).toEqual([
      ['2024', 800, 'EXACT', 'RECONSTRUCTED', 2, 2],
      ['2026', 850, 'EXACT', 'REPORTED', null, null],
    ]);
    expect(points[0]!.formula).toBe("reconstructed on today's geography: 500 (commune/03384) + 300 (commune/03385)");
    // the lineage's source and the figures' source are both cited
    expect(points[0]!.sources.map((s) => s.code).sort()).toEqual([SOURCE, 'vn-merger-map-2025'].sort());
    const recorded = await series('commune/03385-2025-07-01', 'households', '');
    expect(recorded.map((p) => p.period)).toEqual(['2026']);
  });

  it('a ratio is recomputed from the re-expressed parts, never averaged', async () => {
    const [p] = await series('commune/03385-2025-07-01', 'em_member_share', 'geography: CURRENT');
    // (90 + 45) / (100 + 50) = 0.9; the mean of 0.9 and 0.9 would hide nothing here, so check the formula
    expect([p!.period, p!.value, p!.basis, p!.reporting, p!.expected]).toEqual(['2024', 0.9, 'RECONSTRUCTED', 2, 2]);
    expect(p!.formula).toBe(
      "reconstructed on today's geography: (90 (commune/03384) + 45 (commune/03385)) / (100 (commune/03384) + 50 (commune/03385))",
    );
  });

  it('Chà Tở CONTINUED: its old self and Nậm Khăn; a year only one of them reported is left out', async () => {
    const points = await series('commune/03175-2025-07-01', 'households', 'geography: CURRENT');
    expect(points.map((p) => [p.period, p.value, p.reporting, p.expected, p.formula])).toEqual([
      ['2024', 600, 2, 2, "reconstructed on today's geography: 200 (commune/03174) + 400 (commune/03175)"],
      ['2026', 650, null, null, null],
    ]);
  });

  it('backwards: a 2026 figure of the merged commune, read on the units of 2024-12-31, is an unknown share', async () => {
    const points = await series('commune/03384', 'households', 'geographyAsOf: "2024-12-31"');
    expect(
      points.map((p) => [p.period, p.value, p.qualifier, p.lower, p.upper, p.basis, p.reporting, p.expected]),
    ).toEqual([
      ['2024', 500, 'EXACT', 500, 500, 'REPORTED', null, null],
      ['2026', null, 'UNKNOWN', 0, 850, 'RECONSTRUCTED', 1, 1],
    ]);
    expect(points[1]!.formula).toBe(
      'reconstructed on the units of 2024-12-31: an unknown share of 850 (commune/03385-2025-07-01)',
    );
  });

  it('a change 2024 → 2026 on today’s units says it crosses the boundary change; as recorded there is none', async () => {
    const query = (geography: string) =>
      t.client.request<{
        locality: {
          change: {
            from: { value: number } | null;
            absolute: { value: number } | null;
            crossesBoundaryChange: boolean;
          };
        };
      }>(
        `{ locality(code: "commune/03385-2025-07-01") { change(indicator: "households", from: "2024", to: "2026" ${geography}) {
            from { value } absolute { value } crossesBoundaryChange } } }`,
      );
    const today = await query(', geography: CURRENT');
    expect(today.locality.change).toEqual({
      from: { value: 800 },
      absolute: { value: 50 },
      crossesBoundaryChange: true,
    });
    const recorded = await query('');
    expect(recorded.locality.change).toEqual({ from: null, absolute: null, crossesBoundaryChange: false });
  });

  it('ranking and table take the same geography', async () => {
    const ranking = await t.client.request<{
      ranking: { entries: { rank: number; locality: { code: string }; point: { value: number; basis: string } }[] };
    }>(
      `{ ranking(indicator: "households", kind: COMMUNE, period: "2024", geography: CURRENT, first: 2) {
          entries { rank locality { code } point { value basis } } } }`,
    );
    expect(ranking.ranking.entries.map((e) => [e.rank, e.locality.code, e.point.value, e.point.basis])).toEqual([
      [1, 'commune/03385-2025-07-01', 800, 'RECONSTRUCTED'],
      [2, 'commune/03175-2025-07-01', 600, 'RECONSTRUCTED'],
    ]);
  });

  it("availability counts today's communes that have a value on today's units", async () => {
    const query = (geography: string) =>
      t.client.request<{ availability: { kind: string; unitCount: number; periods: string[] }[] }>(
        `{ availability(indicator: "households" ${geography}) { kind unitCount periods } }`,
      );
    const today = (await query(', geography: CURRENT')).availability.filter((a) => a.kind === 'COMMUNE');
    // the two new communes, each with 2024 (re-expressed) and 2026 (their own)
    expect(today).toEqual([{ kind: 'COMMUNE', unitCount: 2, periods: ['2024', '2026'] }]);
    const recorded = (await query('')).availability.filter((a) => a.kind === 'COMMUNE');
    expect(recorded).toEqual([{ kind: 'COMMUNE', unitCount: 6, periods: ['2023', '2024', '2026'] }]);
  });

  it("totalsAndParts sets the unit's re-expressed total beside its parts", async () => {
    const r = await t.client.request<{
      locality: { totalsAndParts: { period: string; own: { value: number; basis: string } | null }[] };
    }>(
      `{ locality(code: "commune/03385-2025-07-01") {
          totalsAndParts(indicator: "households", childKind: VILLAGE, geography: CURRENT) { period own { value basis } } } }`,
    );
    expect(r.locality.totalsAndParts.map((p) => [p.period, p.own?.value, p.own?.basis])).toEqual([
      ['2024', 800, 'RECONSTRUCTED'],
      ['2026', 850, 'REPORTED'],
    ]);
  });

  it('the table and its CSV export give the same re-expressed rows', async () => {
    const table = await t.client.request<{
      table: { rows: { locality: { code: string }; period: string; value: number; basis: string }[] };
    }>(
      `{ table(indicators: ["households"], localities: ["commune/03385-2025-07-01"], geography: CURRENT) {
          rows { locality { code } period value basis } } }`.replace(
        '"commune/03385-2025-07-01"',
        JSON.stringify(await globalIdOf('commune/03385-2025-07-01')),
      ),
    );
    expect(table.table.rows.map((r) => [r.locality.code, r.period, r.value, r.basis])).toEqual([
      ['commune/03385-2025-07-01', '2024', 800, 'RECONSTRUCTED'],
      ['commune/03385-2025-07-01', '2026', 850, 'REPORTED'],
    ]);
    const base = t.server.url.replace(/\/graphql$/, '');
    const csv = await fetch(
      `${base}/export.csv?indicators=households&localities=commune/03385-2025-07-01&geography=CURRENT`,
    );
    expect(csv.status).toBe(200);
    const rows = parseCsv(await csv.text());
    expect(rows.map((r) => [r['locality_code'], r['period'], Number(r['value']), r['basis']])).toEqual([
      ['commune/03385-2025-07-01', '2024', 800, 'RECONSTRUCTED'],
      ['commune/03385-2025-07-01', '2026', 850, 'REPORTED'],
    ]);
    const bad = await fetch(`${base}/export.csv?indicators=households&kind=COMMUNE&geography=TOMORROW`);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('geography');
  });
});
