import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { SYNTHETIC_SOURCE, writeDataDir, type Files } from '../support/fixtures.js';

const QUOTE = 'To date, Huổi Sông village has just over 20 poor households, down by more than 20 compared to 2024.';

describe('on the seed: "down by more than 20 compared to 2024" is a reported change', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.close());

  it('change 2024 → 2026 is the reported change, cited, not the difference of the levels', async () => {
    const { locality } = await t.sdk.Change({
      code: 'village/huoi-song',
      indicator: 'poor_households',
      from: '2024',
      to: '2026',
    });
    const c = locality.change!;
    expect(c.basis).toBe('REPORTED');
    // "down by more than 20": below −20, no lower bound; the levels alone give only (−∞, −18]
    expect(c.absolute).toEqual({ value: -20, lower: null, upper: -20, qualifier: 'LESS_THAN' });
    expect(c.reported).toEqual({
      fromPeriod: '2024',
      toPeriod: '2026',
      value: -20,
      qualifier: 'LESS_THAN',
      lower: null,
      upper: -20,
      quote: QUOTE,
      note: "'Down by more than 20': the change is below -20. 'To date' at publication (2026).",
      source: { code: 'dbp-em-party-members' },
    });
    expect(c.years).toBe(2);
    expect(c.consecutive).toBe(false);
    // The levels stay as they are: 2024's 40 MORE_THAN is derived from the same sentence.
    expect(c.from).toMatchObject({ period: '2024', value: 40, qualifier: 'MORE_THAN', basis: 'REPORTED' });
    expect(c.to).toMatchObject({ period: '2026', value: 20, qualifier: 'JUST_OVER' });
    // percent is of the two levels: [20, 22] ÷ [40, ∞) − 1 = [−100 %, −45 %], −50 % at the values
    expect(c.percent!.value).toBe(-50);
    expect(c.percent!.lower).toBe(-100);
    expect(c.percent!.upper).toBeCloseTo(-45, 10);
  });

  it('the derived 2024 level stays available and flagged', async () => {
    const r = await t.client.request<{
      locality: { observations: { period: string; value: number; derived: boolean; formula: string }[] };
    }>(
      `{ locality(code: "village/huoi-song") {
          observations(indicator: "poor_households") { period value derived formula } } }`,
    );
    expect(r.locality.observations.map((o) => [o.period, o.value, o.derived])).toEqual([
      ['2024', 40, true],
      ['2026', 20, false],
    ]);
  });

  it('a change no source states is COMPUTED, without a citation', async () => {
    const { locality } = await t.sdk.Change({
      code: 'village/huoi-song',
      indicator: 'coffee_area_converted',
      from: '2024',
      to: '2025',
    });
    // 2024's 1.5 ha is one household's (its scope), not the village's: nothing to compare 2025 with
    expect(locality.change).toMatchObject({ basis: 'COMPUTED', reported: null, from: null, absolute: null });
    expect(locality.change!.to).toMatchObject({ period: '2025', value: 8.5 });
  });

  it('reportedChanges lists what the sources state, with quote and source, to cite', async () => {
    const { locality } = await t.sdk.ReportedChanges({ code: 'village/huoi-song' });
    expect(locality.reportedChanges).toEqual([
      expect.objectContaining({
        fromPeriod: '2024',
        toPeriod: '2026',
        value: -20,
        qualifier: 'LESS_THAN',
        lower: null,
        upper: -20,
        quote: QUOTE,
        source: { code: 'dbp-em-party-members' },
        indicator: { code: 'poor_households' },
        locality: { code: 'village/huoi-song' },
      }),
    ]);
    expect(locality.reportedChanges[0]!.recordedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    const other = await t.sdk.ReportedChanges({ code: 'village/huoi-song', indicator: 'households' });
    expect(other.locality.reportedChanges).toEqual([]);
  });

  it('yoy: 2024 → 2026 is not year over year; asked for, it is one flagged step of 2 years', async () => {
    const plain = await t.sdk.YearOverYear({ code: 'village/huoi-song', indicator: 'poor_households' });
    expect(plain.locality.yoy).toEqual([]);
    const wider = await t.sdk.YearOverYear({
      code: 'village/huoi-song',
      indicator: 'poor_households',
      includeWiderSteps: true,
    });
    expect(wider.locality.yoy).toHaveLength(1);
    expect(wider.locality.yoy[0]).toMatchObject({
      consecutive: false,
      years: 2,
      basis: 'REPORTED',
      absolute: { value: -20, lower: null, upper: -20, qualifier: 'LESS_THAN' },
      from: { period: '2024' },
      to: { period: '2026' },
    });
  });

  it('a ranking by absolute change takes the reported change too', async () => {
    const { ranking } = await t.sdk.Ranking({
      indicator: 'poor_households',
      kind: 'VILLAGE',
      by: 'ABSOLUTE_CHANGE',
      from: '2024',
      to: '2026',
    });
    const entry = ranking.entries.find((e) => e.locality?.code === 'village/huoi-song')!;
    expect(entry.sortValue).toBe(-20);
    expect(entry.change).toMatchObject({
      basis: 'REPORTED',
      absolute: { value: -20, upper: -20, qualifier: 'LESS_THAN' },
      reported: { quote: QUOTE },
    });
  });
});

/**
 * Villages with yearly and quarterly figures and changes stated by two sources, answers worked by
 * hand in each test. v1 skips 2024; v2's levels give −5 but sources state its change; v4 has a
 * stated change and no levels.
 */
const LATER_SOURCE =
  'synthetic-later,SYNTHETIC,A later synthetic report (not real data),grassroots tests,,2026-06-01,,,Published after synthetic-test.\n';
const FIXTURE: Files = {
  'sources.csv': SYNTHETIC_SOURCE + LATER_SOURCE,
  'units.csv': `id,kind,name,level,admin_unit_id,valid_from,valid_to,source_id,note
province/q,PROVINCE,Province Q,PROVINCE,,,,synthetic-test,
commune/q1,COMMUNE,Commune Q1,COMMUNE,,,,synthetic-test,
village/v1,VILLAGE,Village V1,VILLAGE,,,,synthetic-test,
village/v2,VILLAGE,Village V2,VILLAGE,,,,synthetic-test,
village/v3,VILLAGE,Village V3,VILLAGE,,,,synthetic-test,
village/v4,VILLAGE,Village V4,VILLAGE,,,,synthetic-test,
`,
  'unit_links.csv': `child_id,parent_id,valid_from,valid_to,source_id,note
commune/q1,province/q,,,synthetic-test,
village/v1,commune/q1,,,synthetic-test,
village/v2,commune/q1,,,synthetic-test,
village/v3,commune/q1,,,synthetic-test,
village/v4,commune/q1,,,synthetic-test,
`,
  'observations.csv': `subject_id,indicator,period,value,qualifier,lower,upper,source_id,derived,formula,quote,note
village/v1,poor_households,2021,50,EXACT,,,synthetic-test,false,,,
village/v1,poor_households,2022,40,EXACT,,,synthetic-test,false,,,
village/v1,poor_households,2023,35,EXACT,,,synthetic-test,false,,,
village/v1,poor_households,2025,20,EXACT,,,synthetic-test,false,,,
village/v1,households,2024-Q1,100,EXACT,,,synthetic-test,false,,,
village/v1,households,2024-Q2,104,EXACT,,,synthetic-test,false,,,
village/v1,households,2024-Q4,110,EXACT,,,synthetic-test,false,,,
village/v2,poor_households,2022,30,MORE_THAN,,,synthetic-test,false,,,
village/v2,poor_households,2023,25,EXACT,,,synthetic-test,false,,,
village/v3,poor_households,2022,20,EXACT,,,synthetic-test,false,,,
village/v3,poor_households,2023,12,EXACT,,,synthetic-test,false,,,
`,
  'changes.csv': `subject_id,indicator,from_period,to_period,value,qualifier,lower,upper,source_id,quote,note
village/v2,poor_households,2022,2023,-10,AT_MOST,,,synthetic-test,"Poor households fell by at least 10.",
village/v2,poor_households,2022,2023,-12,EXACT,,,synthetic-later,"Poor households fell by 12.",
village/v4,poor_households,2022,2023,3,MORE_THAN,,,synthetic-test,"Up by more than 3 poor households.",
`,
};

describe('on a synthetic fixture: yoy steps and reported changes, worked by hand', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(await writeDataDir(FIXTURE, true));
  });
  afterAll(() => t.close());

  const steps = (
    yoy: {
      from?: { period: string } | null;
      to?: { period: string } | null;
      absolute?: { value: number } | null;
      consecutive: boolean;
      years?: number | null;
    }[],
  ) =>
    yoy.map((c) => [c.from?.period ?? null, c.to?.period ?? null, c.absolute?.value ?? null, c.consecutive, c.years]);

  it('yearly: 2021 → 2022 → 2023 year over year; 2023 → 2025 only when wider steps are asked for', async () => {
    const plain = await t.sdk.YearOverYear({ code: 'village/v1', indicator: 'poor_households' });
    expect(steps(plain.locality.yoy)).toEqual([
      ['2021', '2022', -10, true, 1],
      ['2022', '2023', -5, true, 1],
    ]);
    expect(plain.locality.yoy.map((c) => c.basis)).toEqual(['COMPUTED', 'COMPUTED']);
    const wider = await t.sdk.YearOverYear({
      code: 'village/v1',
      indicator: 'poor_households',
      includeWiderSteps: true,
    });
    expect(steps(wider.locality.yoy)).toEqual([
      ['2021', '2022', -10, true, 1],
      ['2022', '2023', -5, true, 1],
      ['2023', '2025', -15, false, 2],
    ]);
  });

  it('quarterly: Q1 → Q2 is quarter over quarter; Q2 → Q4 skips Q3', async () => {
    const plain = await t.sdk.YearOverYear({ code: 'village/v1', indicator: 'households' });
    expect(steps(plain.locality.yoy)).toEqual([['2024-Q1', '2024-Q2', 4, true, 0.25]]);
    const wider = await t.sdk.YearOverYear({ code: 'village/v1', indicator: 'households', includeWiderSteps: true });
    expect(steps(wider.locality.yoy)).toEqual([
      ['2024-Q1', '2024-Q2', 4, true, 0.25],
      ['2024-Q2', '2024-Q4', 6, false, 0.5],
    ]);
  });

  it('two sources state v2’s change: the later publication is taken (−12 exact), not the levels’ −5', async () => {
    const { locality } = await t.sdk.Change({
      code: 'village/v2',
      indicator: 'poor_households',
      from: '2022',
      to: '2023',
    });
    expect(locality.change).toMatchObject({
      basis: 'REPORTED',
      absolute: { value: -12, lower: -12, upper: -12, qualifier: 'EXACT' },
      reported: { quote: 'Poor households fell by 12.', source: { code: 'synthetic-later' } },
      consecutive: true,
    });
    // both statements stay citable, the earlier source's "at least 10" as (−∞, −10]
    const { locality: listed } = await t.sdk.ReportedChanges({ code: 'village/v2' });
    expect(listed.reportedChanges.map((r) => [r.source!.code, r.value, r.qualifier, r.lower, r.upper])).toEqual([
      ['synthetic-later', -12, 'EXACT', -12, -12],
      ['synthetic-test', -10, 'AT_MOST', null, -10],
    ]);
  });

  it('a stated change without levels is still a change and a yoy step', async () => {
    const { locality } = await t.sdk.Change({
      code: 'village/v4',
      indicator: 'poor_households',
      from: '2022',
      to: '2023',
    });
    expect(locality.change).toMatchObject({
      from: null,
      to: null,
      basis: 'REPORTED',
      years: 1,
      consecutive: true,
      absolute: { value: 3, lower: 3, upper: null, qualifier: 'MORE_THAN' },
      percent: null,
    });
    const yoy = await t.sdk.YearOverYear({ code: 'village/v4', indicator: 'poor_households' });
    expect(steps(yoy.locality.yoy)).toEqual([[null, null, 3, true, 1]]);
  });

  it('a ranking by absolute change sorts by the same rule: v2 −12 (reported), v3 −8, v1 −5, v4 +3 (reported)', async () => {
    const { ranking } = await t.sdk.Ranking({
      indicator: 'poor_households',
      kind: 'VILLAGE',
      within: (await t.sdk.LocalityByCode({ code: 'commune/q1' })).locality!.id,
      by: 'ABSOLUTE_CHANGE',
      from: '2022',
      to: '2023',
      order: 'ASC',
    });
    expect(ranking.entries.map((e) => [e.rank, e.locality!.code, e.sortValue, e.change!.basis])).toEqual([
      [1, 'village/v2', -12, 'REPORTED'],
      [2, 'village/v3', -8, 'COMPUTED'],
      [3, 'village/v1', -5, 'COMPUTED'],
      [4, 'village/v4', 3, 'REPORTED'],
    ]);
    expect(ranking).toMatchObject({ peerCount: 4, unitCount: 4 });
  });
});
