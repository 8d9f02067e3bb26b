import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorsOf, startTestServer, type TestServer } from '../support/test-server.js';
import { writeDataDir } from '../support/fixtures.js';
import { ANALYTICS_FIXTURE } from '../support/analytics-fixture.js';

let t: TestServer;
let ids: Record<string, string>;
beforeAll(async () => {
  t = await startTestServer(await writeDataDir(ANALYTICS_FIXTURE, true));
  const { localities } = await t.sdk.SearchLocalities({ first: 100 });
  ids = Object.fromEntries(localities.nodes.map((n) => [n.code, n.id]));
});
afterAll(() => t.close());

interface Packed {
  periods: string[];
  indicators: string[];
  qualifiers: string[];
  localityCodes: string[];
  rowIndicators: (number | null)[];
  rowOffsets: (number | null)[];
  periodIndexes: (number | null)[];
  values: (number | null)[];
  qualifierIndexes: (number | null)[];
}

/** The packed table expanded back into the flat columns it must equal, point by point. */
function unpack(p: Packed) {
  const flat = {
    localityCodes: [] as string[],
    indicators: [] as string[],
    periods: [] as string[],
    values: [] as (number | null)[],
    qualifiers: [] as (string | null)[],
  };
  p.localityCodes.forEach((code, r) => {
    for (let k = p.rowOffsets[r]!; k < p.rowOffsets[r + 1]!; k++) {
      flat.localityCodes.push(code);
      flat.indicators.push(p.indicators[p.rowIndicators[r]!]!);
      flat.periods.push(p.periods[p.periodIndexes[k]!]!);
      flat.values.push(p.values[k]!);
      flat.qualifiers.push(p.qualifierIndexes[k] == null ? null : p.qualifiers[p.qualifierIndexes[k]!]!);
    }
  });
  return flat;
}

describe('series on a time axis', () => {
  it('without granularity returns the points as recorded', async () => {
    const { locality } = await t.sdk.Series({ code: 'village/a1', indicator: 'poor_households' });
    expect(locality.series.points.map((p) => [p.period, p.value, p.basis])).toEqual([
      ['2020', 30, 'REPORTED'],
      ['2022', 20, 'REPORTED'],
      ['2023', 10, 'REPORTED'],
    ]);
  });

  it('fill NONE marks the gap as missing; PREVIOUS carries 30 forward; LINEAR interpolates 25', async () => {
    const none = await t.sdk.Series({ code: 'village/a1', indicator: 'poor_households', granularity: 'YEAR' });
    expect(none.locality.series.points.map((p) => [p.period, p.value, p.basis])).toEqual([
      ['2020', 30, 'REPORTED'],
      ['2021', null, 'MISSING'],
      ['2022', 20, 'REPORTED'],
      ['2023', 10, 'REPORTED'],
    ]);
    const previous = await t.sdk.Series({
      code: 'village/a1',
      indicator: 'poor_households',
      granularity: 'YEAR',
      fill: 'PREVIOUS',
    });
    expect(previous.locality.series.points[1]).toMatchObject({
      period: '2021',
      value: 30,
      qualifier: 'EXACT',
      basis: 'FILLED',
      derived: true,
      filledFrom: ['2020'],
      observation: null,
    });
    const linear = await t.sdk.Series({
      code: 'village/a1',
      indicator: 'poor_households',
      granularity: 'YEAR',
      fill: 'LINEAR',
    });
    expect(linear.locality.series.points[1]).toMatchObject({
      period: '2021',
      value: 25,
      lower: 25,
      upper: 25,
      qualifier: 'EXACT',
      basis: 'FILLED',
      filledFrom: ['2020', '2022'],
    });
  });

  it('a window wider than the data extends the axis with missing periods', async () => {
    const { locality } = await t.sdk.Series({
      code: 'village/b1',
      indicator: 'poor_households',
      granularity: 'YEAR',
      from: '2021',
      to: '2024',
      fill: 'LINEAR',
    });
    expect(locality.series.points.map((p) => [p.period, p.value, p.basis])).toEqual([
      ['2021', null, 'MISSING'],
      ['2022', 50, 'REPORTED'],
      ['2023', 25, 'REPORTED'],
      ['2024', null, 'MISSING'],
    ]);
  });

  it('a ratio indicator is computed from numerator and denominator, and is null on a zero denominator', async () => {
    const a = await t.sdk.Series({ code: 'commune/a', indicator: 'em_member_share' });
    expect(a.locality.series.points).toEqual([
      expect.objectContaining({ period: '2023', value: 0.8, qualifier: 'EXACT', basis: 'COMPUTED', derived: true }),
    ]);
    const b = await t.sdk.Series({ code: 'commune/b', indicator: 'em_member_share' });
    expect(b.locality.series.points.map((p) => p.value)).toEqual([null]);
  });

  it('rollup sums villages where the commune reports nothing itself, with coverage', async () => {
    const { locality } = await t.sdk.Series({ code: 'commune/a', indicator: 'poor_households', rollup: 'VILLAGE' });
    expect(locality.series.points.map((p) => [p.period, p.value, p.basis, p.reporting, p.expected])).toEqual([
      ['2020', 70, 'ROLLED_UP', 2, 3],
      ['2022', 60, 'REPORTED', null, null],
      ['2023', 50, 'ROLLED_UP', 3, 3],
    ]);
    const y2023 = locality.series.points[2]!;
    expect(y2023).toMatchObject({ lower: 47, upper: 50, qualifier: 'ABOUT', coverage: 1 });
  });

  it('a ratio rolls up as the sum of numerators over the sum of denominators; ended units leave the expected count', async () => {
    const { locality } = await t.sdk.Series({ code: 'province/p', indicator: 'em_member_share', rollup: 'COMMUNE' });
    expect(locality.series.points.map((p) => [p.period, p.value, p.basis, p.reporting, p.expected])).toEqual([
      ['2022', 0.5, 'ROLLED_UP', 1, 3],
      ['2023', 0.8, 'ROLLED_UP', 2, 2],
    ]);
  });
});

describe('change between periods', () => {
  it('absolute, percent, CAGR and index, exact inputs', async () => {
    const { locality } = await t.sdk.Change({
      code: 'village/b1',
      indicator: 'poor_households',
      from: '2022',
      to: '2023',
    });
    expect(locality.change).toMatchObject({
      years: 1,
      absolute: { value: -25, lower: -25, upper: -25, qualifier: 'EXACT' },
      percent: { value: -50, qualifier: 'EXACT' },
      cagr: { value: -50, qualifier: 'EXACT' },
      index: { value: 50, qualifier: 'EXACT' },
    });
  });

  it('an approximate input makes the change an interval', async () => {
    const { locality } = await t.sdk.Change({
      code: 'village/a2',
      indicator: 'poor_households',
      from: '2020',
      to: '2023',
    });
    const c = locality.change!;
    expect(c.absolute).toEqual({ value: -10, lower: -13, upper: -10, qualifier: 'ABOUT' });
    expect(c.years).toBe(3);
    expect(c.index!.value).toBeCloseTo(75, 10);
    expect(c.index!.lower).toBeCloseTo(67.5, 10);
    expect(c.cagr!.value).toBeCloseTo((Math.pow(0.75, 1 / 3) - 1) * 100, 10);
  });

  it('a change from zero has no percent', async () => {
    const { locality } = await t.sdk.Change({
      code: 'village/a3',
      indicator: 'poor_households',
      from: '2022',
      to: '2023',
    });
    expect(locality.change!.absolute!.value).toBe(10);
    expect(locality.change!.percent).toBeNull();
  });

  it('yoy pairs each year with the year before; the step over the 2021 gap only when asked for, flagged', async () => {
    const { locality } = await t.sdk.YearOverYear({ code: 'village/a1', indicator: 'poor_households' });
    expect(locality.yoy.map((c) => [c.from!.period, c.to!.period, c.absolute!.value, c.consecutive])).toEqual([
      ['2022', '2023', -10, true],
    ]);
    const wider = await t.sdk.YearOverYear({
      code: 'village/a1',
      indicator: 'poor_households',
      includeWiderSteps: true,
    });
    expect(
      wider.locality.yoy.map((c) => [c.from!.period, c.to!.period, c.absolute!.value, c.consecutive, c.years]),
    ).toEqual([
      ['2020', '2022', -10, false, 2],
      ['2022', '2023', -10, true, 1],
    ]);
  });

  it('latest gives the most recent value', async () => {
    const { locality } = await t.sdk.Latest({ code: 'village/a2', indicator: 'poor_households' });
    expect(locality.latest).toMatchObject({ period: '2023', value: 30, qualifier: 'NEARLY', lower: 27, upper: 30 });
  });
});

describe('rankings, peers, parts, tables, availability', () => {
  it('ranks villages by value with ties sharing a rank', async () => {
    const { ranking } = await t.sdk.Ranking({ indicator: 'poor_households', kind: 'VILLAGE', period: '2023' });
    expect(ranking.entries.map((e) => [e.rank, e.locality?.code, e.sortValue])).toEqual([
      [1, 'village/a2', 30],
      [2, 'village/b1', 25],
      [3, 'village/a1', 10],
      [3, 'village/a3', 10],
    ]);
    expect(ranking).toMatchObject({ peerCount: 4, unitCount: 4 });
  });

  it('ranks communes by percent decline (bottom first), rolled up from villages; units without data are counted, not ranked', async () => {
    const { ranking } = await t.sdk.Ranking({
      indicator: 'poor_households',
      kind: 'COMMUNE',
      within: ids['province/p'],
      by: 'PERCENT_CHANGE',
      from: '2022',
      to: '2023',
      order: 'ASC',
      rollup: 'VILLAGE',
      first: 10,
    });
    expect(ranking.entries.map((e) => [e.rank, e.locality?.code])).toEqual([
      [1, 'commune/b'],
      [2, 'commune/a'],
    ]);
    expect(ranking.entries[0]!.sortValue).toBeCloseTo(-50, 10);
    expect(ranking.entries[1]!.sortValue).toBeCloseTo((50 / 60 - 1) * 100, 10);
    expect(ranking.entries[1]!.change!.from).toMatchObject({ value: 60, basis: 'REPORTED' });
    expect(ranking.entries[1]!.change!.to).toMatchObject({ value: 50, basis: 'ROLLED_UP' });
    expect(ranking).toMatchObject({ peerCount: 2, unitCount: 3 });
  });

  it('a ranking computes only the change measures and estimate fields asked for, through aliases and fragments, with the same figures', async () => {
    const args = {
      indicator: 'poor_households',
      kind: 'COMMUNE',
      within: ids['province/p'],
      by: 'PERCENT_CHANGE',
      from: '2022',
      to: '2023',
      order: 'ASC',
      rollup: 'VILLAGE',
      first: 10,
    } as const;
    const full = (await t.sdk.Ranking(args)).ranking;
    const texts: string[] = [];
    const stop = t.store.onStatement((s) => {
      // the entries come with the ranks or after them (analytics-reader.ts `rank`)
      if (s.id.startsWith('analytics.rank') && s.text.includes('"cagr"')) texts.push(s.text);
    });
    const lean = await t.client.request<{
      ranking: { entries: { rank: number; change: { down: { value: number }; absolute: { value: number } } }[] };
    }>(
      `
      fragment Abs on Change { ... on Change { absolute { value } } }
      query ($within: ID) { ranking(indicator: "poor_households", kind: COMMUNE, within: $within, by: PERCENT_CHANGE, from: "2022", to: "2023", order: ASC, rollup: VILLAGE, first: 10) {
        entries { rank change { down: percent { value } ...Abs } } } }`,
      { within: args.within },
    );
    stop();
    expect(lean.ranking.entries.map((e) => [e.rank, e.change.down.value, e.change.absolute.value])).toEqual(
      full.entries.map((e) => [e.rank, e.change!.percent!.value, e.change!.absolute!.value]),
    );
    // cagr and index were not asked for: the statement of the entries has no compound-rate expression.
    expect(texts).toHaveLength(1);
    expect(texts[0]).not.toMatch(/power\(|pow\(/i);
    expect(texts[0]).toMatch(/NULL AS "cagr"/);
    // only values were asked for: no interval, qualifier or formula is built for the two measures
    expect(
      texts[0].match(
        /'lower': NULL::DOUBLE, 'upper': NULL::DOUBLE, 'qualifier': NULL::VARCHAR, 'formula': NULL::VARCHAR/g,
      ),
    ).toHaveLength(3);
  });

  it('a ranking that keeps one unit of many reads its entries after the ranks, with the same figures as one that keeps them all', async () => {
    const args = {
      indicator: 'poor_households',
      kind: 'COMMUNE',
      by: 'PERCENT_CHANGE',
      from: '2022',
      to: '2023',
      order: 'ASC',
      rollup: 'VILLAGE',
    } as const;
    // within the province, every commune named and kept: the entries come with the ranks
    const whole = (await t.sdk.Ranking({ ...args, within: ids['province/p'], first: 10 })).ranking;
    const statementIds: string[] = [];
    const stop = t.store.onStatement((s) => {
      if (s.id.startsWith('analytics.rank')) statementIds.push(s.id);
    });
    // every commune of the country, one kept: the ranks, then that commune's entry
    const one = (await t.sdk.Ranking({ ...args, first: 1 })).ranking;
    stop();
    expect(statementIds).toEqual(['analytics.rank', 'analytics.rank-entries']);
    expect(one.entries).toHaveLength(1);
    expect(one.entries[0]!.change!.percent).not.toBeNull();
    expect(one.entries).toEqual(whole.entries.filter((e) => e.rank === 1));
  });

  it('series and latest read only the point fields asked for, field resolvers included, with the same figures', async () => {
    const everything = `period periodStart periodEnd granularity value qualifier lower upper basis derived filledFrom reporting expected recordedAt
      coverage reconstructed locality { code } source { code } sources { code } observation { id }`;
    const profile = (selection: string) => `query ($code: String!) { locality(code: $code) {
      a: series(indicator: "poor_households", rollup: VILLAGE) { points { ${selection} } }
      b: series(indicator: "households") { points { ${selection} } }
      latest(indicator: "poor_households", rollup: VILLAGE) { ${selection} } } }`;
    type Points = Record<string, unknown>[];
    const full = await t.client.request<{
      locality: { a: { points: Points }; b: { points: Points }; latest: Record<string, unknown> };
    }>(profile(everything), { code: 'commune/a' });
    expect(full.locality.a.points.length).toBeGreaterThan(0);
    const texts: string[] = [];
    const stop = t.store.onStatement((s) => {
      if (s.id.endsWith('-served')) texts.push(s.text);
    });
    const asked = ['period value qualifier', 'coverage reporting', 'sources { code } locality { code }'];
    for (const selection of asked) {
      const lean = await t.client.request<typeof full>(
        `fragment P on SeriesPoint { ${selection} } ${profile('...P')}`,
        { code: 'commune/a' },
      );
      const keys = Object.keys(lean.locality.latest);
      const pick = (p: Record<string, unknown>) => Object.fromEntries(keys.map((k) => [k, p[k]]));
      expect(lean.locality.a.points).toEqual(full.locality.a.points.map(pick));
      expect(lean.locality.b.points).toEqual(full.locality.b.points.map(pick));
      expect(lean.locality.latest).toEqual(pick(full.locality.latest));
    }
    stop();
    // served lookups (one per statement kind per request): the lean ones name no formatting of recordedAt
    expect(texts.length).toBeGreaterThanOrEqual(asked.length);
    for (const text of texts) expect(text).not.toMatch(/strftime/);
  });

  it('first limits the entries but not the peer group', async () => {
    const { ranking } = await t.sdk.Ranking({
      indicator: 'poor_households',
      kind: 'VILLAGE',
      period: '2023',
      first: 1,
    });
    expect(ranking.entries).toHaveLength(1);
    expect(ranking.peerCount).toBe(4);
  });

  it('peers: median, min, max, rank among siblings, and share of the rolled-up parent', async () => {
    const { locality } = await t.sdk.Peers({
      code: 'village/a1',
      indicator: 'poor_households',
      period: '2023',
      rollup: 'VILLAGE',
    });
    expect(locality.peers).toMatchObject({
      peerCount: 3,
      peersReporting: 3,
      median: 10,
      minimum: 10,
      maximum: 30,
      rank: 2,
    });
    expect(locality.peers!.parentPoint).toMatchObject({
      value: 50,
      basis: 'ROLLED_UP',
      locality: { code: 'commune/a' },
    });
    expect(locality.peers!.shareOfParent!.value).toBeCloseTo(0.2, 10);
  });

  it('totals against parts: own 60 beside villages 56, gap 4, full coverage', async () => {
    const { locality } = await t.sdk.TotalsAndParts({
      code: 'commune/a',
      indicator: 'poor_households',
      childKind: 'VILLAGE',
      from: '2022',
      to: '2022',
    });
    expect(locality.totalsAndParts).toEqual([
      expect.objectContaining({
        period: '2022',
        own: { value: 60, qualifier: 'EXACT', basis: 'REPORTED' },
        gap: { value: 4, lower: 4, upper: 4, qualifier: 'EXACT' },
        reporting: 3,
        expected: 3,
        coverage: 1,
      }),
    ]);
    expect(locality.totalsAndParts[0]!.children).toMatchObject({ value: 56, basis: 'ROLLED_UP' });
  });

  it('a table in four shapes: rows, pivot, columns and packed', async () => {
    const columnReads: string[] = [];
    const stop = t.store.onStatement((s) => {
      if (s.id === 'analytics.table-columns') columnReads.push(s.id);
    });
    const { table } = await t.sdk.Table({
      indicators: ['poor_households'],
      localities: [ids['village/a1']!, ids['village/a2']!],
      periods: ['2022', '2023'],
    });
    stop();
    expect(columnReads).toHaveLength(1);
    expect(table.rowCount).toBe(4);
    expect(table.rows.map((r) => [r.locality?.code, r.period, r.value, r.qualifier])).toEqual([
      ['village/a1', '2022', 20, 'EXACT'],
      ['village/a1', '2023', 10, 'EXACT'],
      ['village/a2', '2022', 36, 'EXACT'],
      ['village/a2', '2023', 30, 'NEARLY'],
    ]);
    expect(table.pivot).toEqual({
      periods: ['2022', '2023'],
      rows: [
        {
          locality: { code: 'village/a1' },
          indicator: 'poor_households',
          values: [20, 10],
          qualifiers: ['EXACT', 'EXACT'],
        },
        {
          locality: { code: 'village/a2' },
          indicator: 'poor_households',
          values: [36, 30],
          qualifiers: ['EXACT', 'NEARLY'],
        },
      ],
    });
    expect(table.columns).toMatchObject({
      localityCodes: ['village/a1', 'village/a1', 'village/a2', 'village/a2'],
      values: [20, 10, 36, 30],
      lowers: [20, 10, 36, 27],
    });
    expect(table.packed).toMatchObject({
      periods: ['2022', '2023'],
      indicators: ['poor_households'],
      localityCodes: ['village/a1', 'village/a2'],
      rowIndicators: [0, 0],
      rowOffsets: [0, 2, 4],
      periodIndexes: [0, 1, 0, 1],
      values: [20, 10, 36, 30],
    });
    const { localityCodes, indicators, periods, values, qualifiers } = table.columns;
    expect(unpack(table.packed)).toEqual({ localityCodes, indicators, periods, values, qualifiers });
    // asked again, the read comes from the result cache: the offsets must not grow with each use
    const again = await t.sdk.Table({
      indicators: ['poor_households'],
      localities: [ids['village/a1']!, ids['village/a2']!],
      periods: ['2022', '2023'],
    });
    expect(again.table.packed.rowOffsets).toEqual([0, 2, 4]);
  });

  it.each([
    [
      'several indicators, gaps and a null ratio',
      { indicators: ['members', 'em_members', 'em_member_share'], kind: 'COMMUNE' as const },
    ],
    [
      'rolled up from villages',
      { indicators: ['poor_households'], kind: 'COMMUNE' as const, rollup: 'VILLAGE' as const },
    ],
    ['every village, all periods', { indicators: ['poor_households'], kind: 'VILLAGE' as const }],
    ['nothing in the window', { indicators: ['poor_households'], kind: 'VILLAGE' as const, from: '1990', to: '1991' }],
  ])('the packed table holds the same values as the columns: %s', async (_, args) => {
    const { table } = await t.sdk.Table(args);
    const { localityCodes, indicators, periods, values, qualifiers } = table.columns;
    expect(unpack(table.packed)).toEqual({ localityCodes, indicators, periods, values, qualifiers });
    expect(table.packed.rowOffsets.at(-1)).toBe(table.rowCount);
    expect(table.packed.periods).toEqual([...new Set(periods)].sort());
  });

  it('a table over every commune of a province leaves empty cells null in the pivot', async () => {
    const { table } = await t.sdk.Table({ indicators: ['members'], kind: 'COMMUNE', within: ids['province/p'] });
    expect(table.pivot.periods).toEqual(['2022', '2023']);
    expect(table.pivot.rows.map((r) => [r.locality?.code, r.values])).toEqual([
      ['commune/a', [null, 100]],
      ['commune/b', [null, 0]],
      ['commune/c', [50, null]],
    ]);
  });

  it('availability tells which levels and periods have data', async () => {
    const { availability } = await t.sdk.Availability({ indicator: 'poor_households' });
    expect(availability).toEqual([
      {
        indicator: { code: 'poor_households' },
        kind: 'COMMUNE',
        granularity: 'YEAR',
        unitCount: 1,
        observationCount: 1,
        periodCount: 1,
        periods: ['2022'],
        earliest: '2022-01-01',
        latest: '2022-12-31',
      },
      {
        indicator: { code: 'poor_households' },
        kind: 'VILLAGE',
        granularity: 'YEAR',
        unitCount: 4,
        observationCount: 10,
        periodCount: 3,
        periods: ['2020', '2022', '2023'],
        earliest: '2020-01-01',
        latest: '2023-12-31',
      },
    ]);
  });
});

describe('bad analytics arguments name the argument and the allowed values', () => {
  it('a granularity finer than the data', async () => {
    const errors = await errorsOf(
      t.sdk.Series({ code: 'village/a1', indicator: 'poor_households', granularity: 'MONTH' }),
    );
    expect(errors[0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'granularity', allowed: ['YEAR'] });
  });

  it('fill without a time axis', async () => {
    const errors = await errorsOf(t.sdk.Series({ code: 'village/a1', indicator: 'poor_households', fill: 'LINEAR' }));
    expect(errors[0]!.extensions).toMatchObject({ argument: 'fill', allowed: ['YEAR', 'QUARTER', 'MONTH'] });
  });

  it('a share that does not add up asked to be rolled up', async () => {
    const errors = await errorsOf(
      t.sdk.Series({ code: 'commune/a', indicator: 'mong_resident_share', rollup: 'VILLAGE' }),
    );
    expect(errors[0]!.extensions).toMatchObject({ argument: 'rollup' });
    expect(errors[0]!.extensions!['allowed']).toContain('poor_households');
    expect(errors[0]!.extensions!['allowed']).not.toContain('mong_resident_share');
  });

  it('N outside 1..1000, from after to, a missing period, an unknown indicator', async () => {
    for (const first of [0, 1001]) {
      const errors = await errorsOf(
        t.sdk.Ranking({ indicator: 'poor_households', kind: 'VILLAGE', period: '2023', first }),
      );
      expect(errors[0]!.extensions).toMatchObject({ argument: 'first' });
    }
    const late = await errorsOf(
      t.sdk.Change({ code: 'village/a1', indicator: 'poor_households', from: '2023', to: '2020' }),
    );
    expect(late[0]!.extensions).toMatchObject({ argument: 'from' });
    const missing = await errorsOf(t.sdk.Ranking({ indicator: 'poor_households', kind: 'VILLAGE' }));
    expect(missing[0]!.extensions).toMatchObject({ argument: 'period' });
    const noTo = await errorsOf(
      t.sdk.Ranking({ indicator: 'poor_households', kind: 'VILLAGE', by: 'ABSOLUTE_CHANGE', from: '2022' }),
    );
    expect(noTo[0]!.extensions).toMatchObject({ argument: 'to' });
    const unknown = await errorsOf(t.sdk.Table({ indicators: ['poverty'], kind: 'VILLAGE' }));
    expect(unknown[0]!.extensions).toMatchObject({ argument: 'indicators' });
    expect(unknown[0]!.extensions!['allowed']).toContain('poor_households');
  });

  it('a table needs units: either localities or kind', async () => {
    const errors = await errorsOf(t.sdk.Table({ indicators: ['members'] }));
    expect(errors[0]!.extensions).toMatchObject({ argument: 'kind' });
  });
});
