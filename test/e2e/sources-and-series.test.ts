import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { writeDataDir } from '../support/fixtures.js';

/**
 * Synthetic fixture: one village reported by three sources for 2024 (two published, one
 * derived), so the series' choice of source can be checked exactly.
 */
const FILES = {
  'sources.csv': `id,kind,title,publisher,author,published,url,seed_file,note
early,SYNTHETIC,Early synthetic report,tests,,2024-03-01,,,
late,SYNTHETIC,Late synthetic report,tests,,2025-06-01,,,
`,
  'units.csv': `id,kind,name,level,admin_unit_id,valid_from,valid_to,source_id,note
village/test,VILLAGE,Test Village,VILLAGE,,,,early,
`,
  'observations.csv': `subject_id,indicator,period,value,qualifier,lower,upper,source_id,derived,formula,quote,note
village/test,households,2023,60,EXACT,,,early,false,,,
village/test,households,2024,70,ABOUT,,,early,false,,,
village/test,households,2024,72,EXACT,,,late,false,,,
village/test,poor_households,2024,30,MORE_THAN,,,late,true,a + b,,
village/test,poor_households,2024,31,EXACT,,,early,false,,,
village/test,households,2025-Q1,73,EXACT,,,late,false,,,
`,
};

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer(await writeDataDir(FILES, true));
});
afterAll(() => t.close());

describe('one figure, several sources', () => {
  it('observations returns every source for a period', async () => {
    const { locality } = await t.sdk.Observations({
      code: 'village/test',
      indicator: 'households',
      from: '2024',
      to: '2024',
    });
    expect(locality.observations.map((o) => [o.period, o.value, o.source.code])).toEqual([
      ['2024', 70, 'early'],
      ['2024', 72, 'late'],
    ]);
    const about = locality.observations.find((o) => o.qualifier === 'ABOUT')!;
    expect(about.lower).toBeCloseTo(66.5, 10);
    expect(about.upper).toBeCloseTo(73.5, 10);
  });

  it('series picks the most recent publication by default', async () => {
    const { locality } = await t.sdk.Series({ code: 'village/test', indicator: 'households' });
    expect(locality.series.points.map((p) => [p.period, p.value, p.source?.code])).toEqual([
      ['2023', 60, 'early'],
      ['2024', 72, 'late'],
      ['2025-Q1', 73, 'late'],
    ]);
    expect(locality.series.points[2]).toMatchObject({
      granularity: 'QUARTER',
      periodStart: '2025-01-01',
      periodEnd: '2025-03-31',
    });
  });

  it('series can ask for the earliest publication, or name a source', async () => {
    const earliest = await t.sdk.Series({
      code: 'village/test',
      indicator: 'households',
      from: '2024',
      to: '2024',
      sourcePreference: 'EARLIEST_PUBLICATION',
    });
    expect(earliest.locality.series.points.map((p) => p.source?.code)).toEqual(['early']);
    const { sources } = await t.sdk.Sources();
    const early = sources.find((s) => s.code === 'early')!;
    const named = await t.sdk.Series({ code: 'village/test', indicator: 'households', preferSource: early.id });
    expect(named.locality.series.points.map((p) => [p.period, p.source?.code])).toEqual([
      ['2023', 'early'],
      ['2024', 'early'],
      ['2025-Q1', 'late'],
    ]);
  });

  it('a reported figure wins over a derived one, whatever the publication dates', async () => {
    const { locality } = await t.sdk.Series({ code: 'village/test', indicator: 'poor_households' });
    expect(locality.series.points.map((p) => [p.value, p.derived, p.source?.code])).toEqual([[31, false, 'early']]);
  });

  it('from/to select periods that overlap the window, quarters included', async () => {
    const { locality } = await t.sdk.Observations({
      code: 'village/test',
      indicator: 'households',
      from: '2025-02',
      to: '2025-02',
    });
    expect(locality.observations.map((o) => o.period)).toEqual(['2025-Q1']);
  });
});
