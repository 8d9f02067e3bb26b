import { cp, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { seedWithOneProvince } from '../support/seed-one-province.js';

/*
 * A SPLIT without shares, on Sơn La's real 2025 lineage (data/national): Chiềng Bôm 03766 was
 * divided between Thuận Châu 03721-2025-07-01 and Nậm Lầu 03784-2025-07-01, and neither source
 * says how; Nậm Lầu also took in Púng Tra 03784 and old Nậm Lầu 03790 whole.
 */
const SOURCE = 'dbp-em-party-members';
const OBS_HEADER = 'subject_id,indicator,period,value,qualifier,lower,upper,source_id,derived,formula,quote,note';
const obs = (subject: string, indicator: string, period: string, value: number) =>
  `${subject},${indicator},${period},${value},EXACT,,,${SOURCE},false,,,`;

describe('geography across a split whose shares are unknown', { timeout: 120_000 }, () => {
  let t: TestServer;
  beforeAll(async () => {
    // Sơn La's national units and lineage with the catalogue, and none of the seed's own files:
    // those are about Điện Biên's units, which this store does not hold.
    const dir = await mkdtemp(join(tmpdir(), 'grassroots-geography-'));
    await cp(await seedWithOneProvince('province/14'), dir, { recursive: true });
    for (const name of await readdir(dir))
      if (name.endsWith('.csv') && name !== 'indicators.csv' && name !== 'sources.csv') await rm(join(dir, name));
    await writeFile(
      join(dir, 'observations.csv'),
      [
        OBS_HEADER,
        obs('commune/03766', 'households', '2024', 1000),
        obs('commune/03784', 'households', '2024', 300),
        obs('commune/03790', 'households', '2024', 200),
        obs('commune/03766', 'members', '2024', 100),
        obs('commune/03766', 'em_members', '2024', 80),
        obs('commune/03784', 'members', '2024', 50),
        obs('commune/03784', 'em_members', '2024', 40),
        obs('commune/03790', 'members', '2024', 50),
        obs('commune/03790', 'em_members', '2024', 30),
      ].join('\n') + '\n',
    );
    t = await startTestServer(dir);
  });
  afterAll(() => t?.close());

  const point = async (indicator: string) => {
    const r = await t.client.request<{
      locality: {
        series: {
          points: {
            period: string;
            value: number | null;
            qualifier: string;
            lower: number | null;
            upper: number | null;
            basis: string;
            reporting: number;
            expected: number;
            formula: string;
          }[];
        };
      };
    }>(
      `{ locality(code: "commune/03784-2025-07-01") { series(indicator: "${indicator}", geography: CURRENT) {
          points { period value qualifier lower upper basis reporting expected formula } } } }`,
    );
    return r.locality.series.points;
  };

  it('the unknown share is carried as the interval [0, value]: no point value, both bounds, all three counted', async () => {
    const [p, ...rest] = await point('households');
    expect(rest).toEqual([]);
    expect(p).toEqual({
      period: '2024',
      value: null,
      qualifier: 'UNKNOWN',
      lower: 500,
      upper: 1500,
      basis: 'RECONSTRUCTED',
      reporting: 3,
      expected: 3,
      formula:
        "reconstructed on today's geography: an unknown share of 1000 (commune/03766) + 300 (commune/03784) + 200 (commune/03790)",
    });
  });

  it('a ratio of such sums is bounded by interval division, never a made-up point', async () => {
    const [p] = await point('em_member_share');
    // numerator [70, 150], denominator [100, 200]: the share lies in [70/200, 150/100], and a share is at most 1
    expect([p!.value, p!.qualifier, p!.lower, p!.upper, p!.basis]).toEqual([null, 'UNKNOWN', 0.35, 1, 'RECONSTRUCTED']);
  });
});
