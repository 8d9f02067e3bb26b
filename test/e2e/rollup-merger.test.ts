import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { SYNTHETIC_SOURCE, writeDataDir } from '../support/fixtures.js';

/** Village V moved from commune OLD to commune NEW on 2023-01-01 (synthetic). */
const FILES = {
  'sources.csv': SYNTHETIC_SOURCE,
  'units.csv': `id,kind,name,level,admin_unit_id,valid_from,valid_to,source_id,note
commune/old,COMMUNE,Old,COMMUNE,,,2023-01-01,synthetic-test,
commune/new,COMMUNE,New,COMMUNE,,,,synthetic-test,
village/v,VILLAGE,V,VILLAGE,,,,synthetic-test,
village/w,VILLAGE,W,VILLAGE,,,,synthetic-test,
`,
  'unit_links.csv': `child_id,parent_id,valid_from,valid_to,source_id,note
village/v,commune/old,,2023-01-01,synthetic-test,
village/v,commune/new,2023-01-01,,synthetic-test,
village/w,commune/new,,,synthetic-test,
`,
  'observations.csv': `subject_id,indicator,period,value,qualifier,lower,upper,source_id,derived,formula,quote,note
village/v,poor_households,2022,7,EXACT,,,synthetic-test,false,,,
village/v,poor_households,2023,9,EXACT,,,synthetic-test,false,,,
village/w,poor_households,2022,50,EXACT,,,synthetic-test,false,,,
village/w,poor_households,2023,25,EXACT,,,synthetic-test,false,,,
`,
};

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer(await writeDataDir(FILES, true));
});
afterAll(() => t.close());

describe('rollups follow the hierarchy valid in each period', () => {
  it('a village that moved in a merger counts for its old commune before and its new one after, never both', async () => {
    const before = await t.sdk.Series({ code: 'commune/old', indicator: 'poor_households', rollup: 'VILLAGE' });
    expect(before.locality.series.points.map((p) => [p.period, p.value, p.reporting, p.expected])).toEqual([
      ['2022', 7, 1, 1],
    ]);
    const after = await t.sdk.Series({ code: 'commune/new', indicator: 'poor_households', rollup: 'VILLAGE' });
    expect(after.locality.series.points.map((p) => [p.period, p.value, p.reporting, p.expected])).toEqual([
      ['2022', 50, 1, 1],
      ['2023', 34, 2, 2],
    ]);
  });
});
