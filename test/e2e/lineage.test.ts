import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, errorsOf, type TestServer } from '../support/test-server.js';
import { SYNTHETIC_SOURCE, writeDataDir, type Files } from '../support/fixtures.js';
import { prepareStore } from '../../src/store/build-store.js';
import { LoadError } from '../../src/ingest/load-error.js';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const S = 'synthetic-test';
const OBS_HEADER = 'subject_id,indicator,period,value,qualifier,lower,upper,source_id,derived,formula,quote,note';
const obs = (subject: string, indicator: string, period: string, value: number, qualifier = 'EXACT') =>
  `${subject},${indicator},${period},${value},${qualifier},,,${S},false,,,`;

/**
 * Synthetic lineage (no real merger is stated in the seed): communes a and b merged into ab on
 * 2025-07-01; commune old was split 40/60 into x and y on 2020-01-01.
 */
const LINEAGE_FILES: Files = {
  'sources.csv': SYNTHETIC_SOURCE,
  'units.csv':
    [
      'id,kind,name,level,admin_unit_id,valid_from,valid_to,source_id,note',
      `commune/a,COMMUNE,A,COMMUNE,,,2025-07-01,${S},`,
      `commune/b,COMMUNE,B,COMMUNE,,,2025-07-01,${S},`,
      `commune/ab,COMMUNE,AB,COMMUNE,,2025-07-01,,${S},`,
      `commune/old,COMMUNE,Old,COMMUNE,,,2020-01-01,${S},`,
      `commune/x,COMMUNE,X,COMMUNE,,2020-01-01,,${S},`,
      `commune/y,COMMUNE,Y,COMMUNE,,2020-01-01,,${S},`,
    ].join('\n') + '\n',
  'lineage.csv':
    [
      'predecessor_id,successor_id,changed_on,kind,weight,source_id,note',
      `commune/a,commune/ab,2025-07-01,MERGE,,${S},`,
      `commune/b,commune/ab,2025-07-01,MERGE,,${S},`,
      `commune/old,commune/x,2020-01-01,SPLIT,0.4,${S},40% of households`,
      `commune/old,commune/y,2020-01-01,SPLIT,0.6,${S},60% of households`,
    ].join('\n') + '\n',
  'observations.csv':
    [
      OBS_HEADER,
      obs('commune/a', 'households', '2022', 90),
      obs('commune/a', 'households', '2023', 100),
      obs('commune/b', 'households', '2023', 50, 'MORE_THAN'),
      obs('commune/a', 'households', '2024', 110),
      obs('commune/b', 'households', '2024', 60),
      obs('commune/ab', 'households', '2025', 175),
      obs('commune/a', 'members', '2024', 200),
      obs('commune/a', 'em_members', '2024', 150),
      obs('commune/b', 'members', '2024', 100),
      obs('commune/b', 'em_members', '2024', 30),
      obs('commune/old', 'households', '2019', 1000),
    ].join('\n') + '\n',
};

describe('unit lineage', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(await writeDataDir(LINEAGE_FILES, true));
  });
  afterAll(() => t.close());

  it('lineage lists predecessors and successors with date, kind and weight', async () => {
    const ab = await t.sdk.Lineage({ code: 'commune/ab' });
    expect(ab.locality.lineage.predecessors.map((l) => [l.locality?.code, l.kind, l.changedOn, l.weight])).toEqual([
      ['commune/a', 'MERGE', '2025-07-01', 1],
      ['commune/b', 'MERGE', '2025-07-01', 1],
    ]);
    const old = await t.sdk.Lineage({ code: 'commune/old' });
    expect(old.locality.lineage.successors.map((l) => [l.locality?.code, l.kind, l.weight, l.note])).toEqual([
      ['commune/x', 'SPLIT', 0.4, '40% of households'],
      ['commune/y', 'SPLIT', 0.6, '60% of households'],
    ]);
    expect(old.locality.lineage.predecessors).toEqual([]);
  });

  it("on today's geography a merged unit's history is the sum of its predecessors, flagged reconstructed", async () => {
    const { locality } = await t.sdk.CurrentGeography({
      code: 'commune/ab',
      indicator: 'households',
      geography: 'CURRENT',
    });
    const points = locality.series.points.map((p) => [
      p.period,
      p.value,
      p.qualifier,
      p.lower,
      p.upper,
      p.reconstructed,
    ]);
    // 2022: b reports nothing, so no reconstruction; 2023: b "more than 50" leaves the sum unbounded
    // above, so at least 150 (MORE_THAN, the rule of every computed value's interval).
    expect(points).toEqual([
      ['2023', 150, 'MORE_THAN', 150, null, true],
      ['2024', 170, 'EXACT', 170, 170, true],
      ['2025', 175, 'EXACT', 175, 175, false],
    ]);
    const [p2024] = locality.series.points.filter((p) => p.period === '2024');
    expect(p2024!.formula).toBe("reconstructed on today's geography: 110 (commune/a) + 60 (commune/b)");
    expect(p2024!.source!.code).toBe(S);
    const asRecorded = await t.sdk.CurrentGeography({ code: 'commune/ab', indicator: 'households' });
    expect(asRecorded.locality.series.points.map((p) => p.period)).toEqual(['2025']);
  });

  it('a ratio is recomputed from summed numerators and denominators, not averaged', async () => {
    const { locality } = await t.sdk.CurrentGeography({
      code: 'commune/ab',
      indicator: 'em_member_share',
      geography: 'CURRENT',
    });
    // (150 + 30) / (200 + 100) = 0.6; the mean of the two shares would be 0.525.
    expect(locality.series.points.map((p) => [p.period, p.value, p.reconstructed])).toEqual([['2024', 0.6, true]]);
  });

  it("a split unit's successors get their weighted share", async () => {
    const x = await t.sdk.CurrentGeography({ code: 'commune/x', indicator: 'households', geography: 'CURRENT' });
    const y = await t.sdk.CurrentGeography({ code: 'commune/y', indicator: 'households', geography: 'CURRENT' });
    expect(x.locality.series.points.map((p) => [p.period, p.value, p.formula])).toEqual([
      ['2019', 400, "reconstructed on today's geography: 0.4 × 1000 (commune/old)"],
    ]);
    expect(y.locality.series.points.map((p) => p.value)).toEqual([600]);
  });

  it('an indicator that does not aggregate cannot be rebuilt, and the error names geography', async () => {
    const [error] = await errorsOf(
      t.sdk.CurrentGeography({ code: 'commune/ab', indicator: 'em_resident_share', geography: 'CURRENT' }),
    );
    expect(error!.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(error!.message).toContain('Argument "geography"');
  });

  it('lineage rows are validated: split weights must sum to 1, a merge needs a successor', async () => {
    const bad = await writeDataDir(
      {
        ...LINEAGE_FILES,
        'lineage.csv':
          [
            'predecessor_id,successor_id,changed_on,kind,weight,source_id,note',
            `commune/a,,2025-07-01,MERGE,,${S},`,
            `commune/old,commune/x,2020-01-01,SPLIT,0.4,${S},`,
            `commune/old,commune/y,2020-01-01,SPLIT,0.5,${S},`,
          ].join('\n') + '\n',
      },
      true,
    );
    const error = await prepareStore(join(await mkdtemp(join(tmpdir(), 'grassroots-lineage-')), 's.duckdb'), bad).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(LoadError);
    expect((error as LoadError).problems).toEqual(
      expect.arrayContaining([
        { file: 'lineage.csv', row: 1, column: 'successor_id', reason: 'required unless kind is ABOLISH' },
        { file: 'lineage.csv', row: 2, column: 'weight', reason: 'the weights of one SPLIT must sum to 1' },
        { file: 'lineage.csv', row: 3, column: 'weight', reason: 'the weights of one SPLIT must sum to 1' },
      ]),
    );
  });
});
