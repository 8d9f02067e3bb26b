import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorsOf, startTestServer, type TestServer } from '../support/test-server.js';
import { SYNTHETIC_SOURCE, writeDataDir } from '../support/fixtures.js';

/**
 * What indicators measure (stock or flow, their domain), what a figure is about (its scope) and
 * how every computed value shows its working, on the seed and on a synthetic fixture whose
 * answers are worked out by hand below.
 */

interface Point {
  period: string;
  value: number | null;
  qualifier: string | null;
  lower: number | null;
  upper: number | null;
  basis: string;
  formula: string | null;
  scope: string | null;
  filledFrom: string[] | null;
}

const POINT = 'period value qualifier lower upper basis formula scope filledFrom';

async function seriesOf(t: TestServer, code: string, indicator: string, args = ''): Promise<Point[]> {
  const data = await t.client.request<{ locality: { series: { points: Point[] } } }>(
    `query ($code: String!, $indicator: String!) { locality(code: $code) { series(indicator: $indicator${args}) { points { ${POINT} } } } }`,
    { code, indicator },
  );
  return data.locality.series.points;
}

const row = (p: Point) => [p.period, p.value, p.qualifier, p.basis];

describe('the seed read as a researcher would', { timeout: 60_000 }, () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t?.close());

  it('the catalogue says what each indicator measures and the values it can take', async () => {
    const { indicators } = await t.client.request<{
      indicators: {
        code: string;
        measure: string;
        domain: { min: number | null; max: number | null; whole: boolean };
      }[];
    }>('{ indicators { code measure domain { min max whole } } }');
    const by = Object.fromEntries(indicators.map((i) => [i.code, i]));
    expect(by['members']).toMatchObject({ measure: 'STOCK', domain: { min: 0, max: null, whole: true } });
    expect(by['new_members']).toMatchObject({ measure: 'FLOW', domain: { min: 0, max: null, whole: true } });
    expect(by['coffee_area_converted']).toMatchObject({ measure: 'FLOW', domain: { min: 0, max: null, whole: false } });
    expect(by['em_member_share']).toMatchObject({ measure: 'STOCK', domain: { min: 0, max: 1, whole: false } });
  });

  it('"over 27,000 of more than 49,000" is any share: UNKNOWN within [0, 1], with its working, not "about 55 %"', async () => {
    const [p] = await seriesOf(t, 'party-committee/dien-bien', 'em_member_share');
    // n ∈ [27000, ∞), d ∈ [49000, ∞): n ÷ d ∈ [0, ∞), clipped to a share's domain [0, 1]
    expect(p).toMatchObject({
      period: '2026',
      value: null,
      qualifier: 'UNKNOWN',
      lower: 0,
      upper: 1,
      basis: 'COMPUTED',
    });
    expect(p!.formula).toBe('em_members / members = more than 27000 / more than 49000');
  });

  it('an exact ratio shows its inputs: Tìa Dình 339 / 377', async () => {
    const [p] = await seriesOf(t, 'party-committee/tia-dinh', 'em_member_share');
    expect(p!.value).toBeCloseTo(339 / 377, 12);
    expect(p).toMatchObject({ qualifier: 'EXACT', basis: 'COMPUTED', formula: 'em_members / members = 339 / 377' });
  });

  it("one household's 1.5 ha stays out of the village's series and year over year, and is there when asked", async () => {
    const own = await seriesOf(t, 'village/huoi-song', 'coffee_area_converted');
    expect(own.map(row)).toEqual([['2025', 8.5, 'MORE_THAN', 'REPORTED']]);
    const withParts = await seriesOf(t, 'village/huoi-song', 'coffee_area_converted', ', includeParts: true');
    expect(withParts.map((p) => [p.period, p.value, p.scope])).toEqual([
      ['2024', 1.5, "one household (Vàng A Dia's)"],
      ['2025', 8.5, null],
    ]);
    const { locality } = await t.client.request<{ locality: { yoy: unknown[] } }>(
      '{ locality(code: "village/huoi-song") { yoy(indicator: "coffee_area_converted") { years } } }',
    );
    expect(locality.yoy).toEqual([]);
  });

  it('parts are never summed or put on a time axis: includeParts with granularity is refused, naming the argument', async () => {
    const errors = await errorsOf(
      t.client.request(
        '{ locality(code: "village/huoi-song") { series(indicator: "coffee_area_converted", includeParts: true, granularity: YEAR) { points { value } } } }',
      ),
    );
    expect(errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'includeParts' } });
  });

  it('a reported change says so in its formula; the relative measures show the two levels they divide', async () => {
    const { locality } = await t.client.request<{
      locality: { change: { absolute: { formula: string }; percent: { formula: string } } };
    }>(
      '{ locality(code: "village/huoi-song") { change(indicator: "poor_households", from: "2024", to: "2026") { absolute { formula } percent { formula } } } }',
    );
    expect(locality.change.absolute.formula).toBe('reported: less than -20');
    expect(locality.change.percent.formula).toBe('(just over 20 / more than 40 − 1) × 100');
  });

  it("a derived figure's point carries the formula it was loaded with", async () => {
    const points = await seriesOf(t, 'village/huoi-song', 'poor_households');
    expect(points.find((p) => p.period === '2024')!.formula).toContain('poor_households(2026) + decline since 2024');
    expect(points.find((p) => p.period === '2026')!.formula).toBeNull();
  });
});

/** Synthetic (labelled as such in its source): village a and b in commune c in province p. */
function fixture(): Record<string, string> {
  const obs = ['subject_id,indicator,period,value,qualifier,lower,upper,source_id,derived,formula,quote,note'];
  const add = (s: string, i: string, p: string, v: number, q = 'EXACT') =>
    obs.push(`${s},${i},${p},${v},${q},,,synthetic-test,false,,,`);
  add('village/a', 'households', '2020', 100); // a stock with a gap in 2021
  add('village/a', 'households', '2022', 110);
  add('village/b', 'households', '2022', 80);
  add('commune/c', 'households', '2022', 200, 'MORE_THAN');
  add('village/a', 'new_members', '2020', 5); // a flow with a gap in 2021
  add('village/a', 'new_members', '2022', 7);
  for (let m = 1; m <= 12; m++) add('village/a', 'new_members', `2023-${String(m).padStart(2, '0')}`, 1); // all of 2023
  for (let m = 1; m <= 11; m++) add('village/a', 'new_members', `2024-${String(m).padStart(2, '0')}`, 2); // December missing
  add('village/a', 'members', '2023-06', 20); // a stock by month: 2023 ends with December's 22
  add('village/a', 'members', '2023-12', 22);
  add('village/a', 'members', '2024-06', 25); // 2024 has no end-of-year level
  add('village/b', 'em_members', '2022', 50, 'ABOUT'); // [47.5, 52.5]
  add('village/b', 'members', '2022', 50, 'NEARLY'); // [45, 50]
  return {
    'sources.csv': SYNTHETIC_SOURCE,
    'units.csv': `id,kind,name,level,admin_unit_id,valid_from,valid_to,source_id,note
province/p,PROVINCE,P,PROVINCE,,,,synthetic-test,
commune/c,COMMUNE,C,COMMUNE,,,,synthetic-test,
village/a,VILLAGE,A,VILLAGE,,,,synthetic-test,
village/b,VILLAGE,B,VILLAGE,,,,synthetic-test,
`,
    'unit_links.csv': `child_id,parent_id,valid_from,valid_to,source_id,note
commune/c,province/p,,,synthetic-test,
village/a,commune/c,,,synthetic-test,
village/b,commune/c,,,synthetic-test,
`,
    'observations.csv': obs.join('\n') + '\n',
  };
}

describe('stocks, flows, domains and working on a hand-worked fixture', { timeout: 60_000 }, () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(await writeDataDir(fixture(), true));
  });
  afterAll(() => t?.close());

  it('a stock gap is carried from the previous level, but never past the last reported one nor into the future', async () => {
    const points = await seriesOf(t, 'village/a', 'households', ', granularity: YEAR, fill: PREVIOUS, to: "2030"');
    const thisYear = new Date().getUTCFullYear();
    // 2020..this year: the grid stops at today whatever `to` asks
    expect(points.map((p) => p.period)).toEqual(Array.from({ length: thisYear - 2019 }, (_, i) => String(2020 + i)));
    expect(points.slice(0, 3).map(row)).toEqual([
      ['2020', 100, 'EXACT', 'REPORTED'],
      ['2021', 100, 'EXACT', 'FILLED'],
      ['2022', 110, 'EXACT', 'REPORTED'],
    ]);
    expect(points[1]).toMatchObject({ filledFrom: ['2020'], formula: 'carried from 2020' });
    // after 2022 nothing was reported: the level is unknown, not 110
    expect(points.slice(3).every((p) => p.basis === 'MISSING' && p.value === null)).toBe(true);
  });

  it('a stock interpolated between its neighbours says so', async () => {
    const points = await seriesOf(t, 'village/a', 'households', ', granularity: YEAR, fill: LINEAR');
    expect(points[1]).toMatchObject({ period: '2021', value: 105, basis: 'FILLED' });
    expect(points[1]!.formula).toBe('interpolated between 2020 and 2022');
  });

  it("a flow's gap stays a gap (nobody reported 2021's admissions) unless fillFlows asks", async () => {
    const kept = await seriesOf(t, 'village/a', 'new_members', ', granularity: YEAR, fill: PREVIOUS');
    expect(kept.find((p) => p.period === '2021')).toMatchObject({ value: null, basis: 'MISSING' });
    const asked = await seriesOf(t, 'village/a', 'new_members', ', granularity: YEAR, fill: PREVIOUS, fillFlows: true');
    expect(asked.find((p) => p.period === '2021')).toMatchObject({ value: 5, basis: 'FILLED' });
  });

  it('a coarser axis sums a flow over all its sub-periods, and takes a stock at the period end', async () => {
    const flow = await seriesOf(t, 'village/a', 'new_members', ', granularity: YEAR');
    // 2023: twelve months of 1; 2024: December missing, so no year (a partial sum would understate it)
    expect(flow.map(row)).toEqual([
      ['2020', 5, 'EXACT', 'REPORTED'],
      ['2021', null, null, 'MISSING'],
      ['2022', 7, 'EXACT', 'REPORTED'],
      ['2023', 12, 'EXACT', 'COMPUTED'],
    ]);
    expect(flow[3]!.formula).toBe('sum of 12 month figures: 2023-01 to 2023-12');
    const stock = await seriesOf(t, 'village/a', 'members', ', granularity: YEAR');
    // 2023 ends with December's 22 (not June's 20, not a sum); 2024 has no December level
    expect(stock.map(row)).toEqual([['2023', 22, 'EXACT', 'REPORTED']]);
    expect(stock[0]!.formula).toBe('level at the end of the period: 2023-12');
  });

  it('a ratio interval is clipped to its domain: "about 50 of nearly 50" is a share in [0.95, 1], not up to 1.17', async () => {
    const [p] = await seriesOf(t, 'village/b', 'em_member_share');
    // [47.5, 52.5] ÷ [45, 50] = [0.95, 1.1667], and a share is at most 1
    expect(p).toMatchObject({ value: 1, qualifier: 'ABOUT', lower: 0.95, upper: 1 });
  });

  it('the totals-against-parts gap follows the one qualifier rule: "more than 200" less exactly 190 is more than 10', async () => {
    const { locality } = await t.client.request<{
      locality: { totalsAndParts: { period: string; gap: Record<string, unknown> }[] };
    }>(
      '{ locality(code: "commune/c") { totalsAndParts(indicator: "households", childKind: VILLAGE) { period gap { value lower upper qualifier formula } } } }',
    );
    expect(locality.totalsAndParts.find((r) => r.period === '2022')!.gap).toEqual({
      value: 10,
      lower: 10,
      upper: null,
      qualifier: 'MORE_THAN',
      formula: 'own − parts = more than 200 − 190',
    });
  });

  it('a change shows its working: absolute and index from the two levels as stated', async () => {
    const { locality } = await t.client.request<{
      locality: { change: { absolute: Record<string, unknown>; index: { value: number; formula: string } } };
    }>(
      '{ locality(code: "village/a") { change(indicator: "households", from: "2020", to: "2022") { absolute { value qualifier formula } index { value formula } } } }',
    );
    expect(locality.change.absolute).toEqual({ value: 10, qualifier: 'EXACT', formula: '2022 − 2020 = 110 − 100' });
    expect(locality.change.index.formula).toBe('110 / 100 × 100');
    expect(locality.change.index.value).toBeCloseTo(110, 10);
  });

  it('a rollup says how it was summed', async () => {
    const points = await seriesOf(t, 'commune/c', 'households', ', rollup: VILLAGE');
    expect(points.find((p) => p.period === '2020')).toMatchObject({
      value: 100,
      basis: 'ROLLED_UP',
      formula: 'sum of 1 of 2 village figures',
    });
  });

  it('a load refuses a measure that is not STOCK or FLOW, and a share declared to be summed', async () => {
    const dir = await writeDataDir({
      ...fixture(),
      'indicators.csv': [
        'code,name,unit,value_type,aggregation,numerator,denominator,description,measure',
        'visits,Visits,visits,COUNT,SUM,,,Visits.,SOMETIMES',
        'poor_share,Poor share,share (0..1),SHARE,SUM,,,Summed shares.,STOCK',
      ].join('\n'),
    });
    const error = await startTestServer(dir).then(
      (s) => s.close().then(() => null),
      (e: unknown) => e as Error,
    );
    expect(error?.message).toMatch(/indicators\.csv row 1, column measure: must be one of STOCK, FLOW/);
    expect(error?.message).toMatch(/indicators\.csv row 2, column aggregation: a share is never summed/);
  });
});
