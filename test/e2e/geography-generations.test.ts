import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { SYNTHETIC_SOURCE, writeDataDir, type Files } from '../support/fixtures.js';

/*
 * Several generations of lineage, which the national data (one reform) does not hold:
 * p was renamed q on 2020-01-01; on 2025-07-01 q and half of r merged into s, r's other half went
 * to t. u never changed.
 */
const S = 'synthetic-test';
const OBS_HEADER = 'subject_id,indicator,period,value,qualifier,lower,upper,source_id,derived,formula,quote,note';
const obs = (subject: string, period: string, value: number) =>
  `${subject},households,${period},${value},EXACT,,,${S},false,,,`;
const unit = (id: string, from: string, to: string) => `${id},COMMUNE,${id},COMMUNE,,${from},${to},${S},`;

const FILES: Files = {
  'sources.csv': SYNTHETIC_SOURCE,
  'units.csv':
    [
      'id,kind,name,level,admin_unit_id,valid_from,valid_to,source_id,note',
      unit('commune/p', '', '2020-01-01'),
      unit('commune/q', '2020-01-01', '2025-07-01'),
      unit('commune/r', '', '2025-07-01'),
      unit('commune/s', '2025-07-01', ''),
      unit('commune/t', '2025-07-01', ''),
      unit('commune/u', '', ''),
    ].join('\n') + '\n',
  'lineage.csv':
    [
      'predecessor_id,successor_id,changed_on,kind,weight,source_id,note',
      `commune/p,commune/q,2020-01-01,RENAME,,${S},`,
      `commune/q,commune/s,2025-07-01,MERGE,,${S},`,
      `commune/r,commune/s,2025-07-01,SPLIT,0.5,${S},`,
      `commune/r,commune/t,2025-07-01,SPLIT,0.5,${S},`,
    ].join('\n') + '\n',
  'observations.csv':
    [
      OBS_HEADER,
      obs('commune/p', '2019', 100),
      obs('commune/r', '2019', 40),
      obs('commune/q', '2024', 120),
      obs('commune/r', '2024', 60),
      obs('commune/s', '2025', 190),
      obs('commune/s', '2026', 200),
      obs('commune/t', '2026', 30),
      obs('commune/u', '2024', 10),
      obs('commune/u', '2026', 12),
    ].join('\n') + '\n',
};

interface Point {
  period: string;
  value: number | null;
  lower: number | null;
  upper: number | null;
  basis: string;
  reporting: number | null;
  expected: number | null;
  formula: string | null;
}

describe('geography over several generations of lineage', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(await writeDataDir(FILES, true));
  });
  afterAll(() => t?.close());

  const series = async (code: string, geography: string) =>
    (
      await t.client.request<{ locality: { series: { points: Point[] } } }>(
        `{ locality(code: "${code}") { series(indicator: "households", ${geography}) {
            points { period value lower upper basis reporting expected formula } } } }`,
      )
    ).locality.series.points;

  it('forwards: a rename then a merge are followed back to the first unit, weights multiplied', async () => {
    const points = await series('commune/s', 'geography: CURRENT');
    expect(points.map((p) => [p.period, p.value, p.basis, p.reporting, p.expected, p.formula])).toEqual([
      [
        '2019',
        120,
        'RECONSTRUCTED',
        2,
        2,
        "reconstructed on today's geography: 100 (commune/p) + 0.5 × 40 (commune/r)",
      ],
      [
        '2024',
        150,
        'RECONSTRUCTED',
        2,
        2,
        "reconstructed on today's geography: 120 (commune/q) + 0.5 × 60 (commune/r)",
      ],
      ['2025', 190, 'REPORTED', null, null, null],
      ['2026', 200, 'REPORTED', null, null, null],
    ]);
  });

  // s's own 2025 figure is left out: the period began before s existed, so it stands for no earlier unit
  it('backwards: a sole successor is wholly the unit, one made of several an unknown share', async () => {
    const points = await series('commune/p', 'geographyAsOf: "2019-06-01"');
    expect(points.map((p) => [p.period, p.value, p.lower, p.upper, p.basis])).toEqual([
      ['2019', 100, 100, 100, 'REPORTED'],
      ['2024', 120, 120, 120, 'RECONSTRUCTED'],
      ['2026', null, 0, 200, 'RECONSTRUCTED'],
    ]);
  });

  it('a unit not in force on the geography’s date keeps its own figures only', async () => {
    const points = await series('commune/q', 'geography: CURRENT');
    expect(points.map((p) => [p.period, p.basis])).toEqual([['2024', 'REPORTED']]);
  });

  it('a change says when it crosses a boundary change, with geography and without', async () => {
    const change = async (code: string, from: string, to: string, geography = '') =>
      (
        await t.client.request<{
          locality: { change: { absolute: { value: number } | null; crossesBoundaryChange: boolean } };
        }>(
          `{ locality(code: "${code}") { change(indicator: "households", from: "${from}", to: "${to}" ${geography}) {
              absolute { value } crossesBoundaryChange } } }`,
        )
      ).locality.change;
    // as recorded, s has figures on both sides of its own formation (2025 began before 2025-07-01)
    expect(await change('commune/s', '2025', '2026')).toEqual({ absolute: { value: 10 }, crossesBoundaryChange: true });
    expect(await change('commune/s', '2024', '2026', ', geography: CURRENT')).toEqual({
      absolute: { value: 50 },
      crossesBoundaryChange: true,
    });
    expect(await change('commune/u', '2024', '2026', ', geography: CURRENT')).toEqual({
      absolute: { value: 2 },
      crossesBoundaryChange: false,
    });
  });

  it('yoy and latest take the same geography', async () => {
    const r = await t.client.request<{
      locality: {
        yoy: {
          from: { period: string };
          to: { period: string };
          crossesBoundaryChange: boolean;
          consecutive: boolean;
        }[];
        latest: { period: string; value: number; basis: string };
      };
    }>(
      `{ locality(code: "commune/q") {
          yoy(indicator: "households", geographyAsOf: "2024-12-31", includeWiderSteps: true) { from { period } to { period } crossesBoundaryChange consecutive }
          latest(indicator: "households", geography: AS_OF, geographyAsOf: "2019-06-01") { period value basis } } }`,
    );
    // 2019 from p (renamed q), 2024 q's own, 2026 an unknown share of s: every pair crosses a change
    // (and skips years, so each is a wider step, asked for)
    expect(r.locality.yoy.map((c) => [c.from.period, c.to.period, c.crossesBoundaryChange, c.consecutive])).toEqual([
      ['2019', '2024', true, false],
      ['2024', '2026', true, false],
    ]);
    expect(r.locality.latest).toEqual({ period: '2024', value: 120, basis: 'REPORTED' });
  });
});
