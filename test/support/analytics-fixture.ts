import { SYNTHETIC_SOURCE, type Files } from './fixtures.js';

/**
 * A small synthetic province with answers worked out by hand (see test/e2e/analytics.test.ts):
 * communes A and B, commune C which ended on 2023-01-01, villages A1–A3 under A and B1 under B.
 * It has a gap (A1 2021), an approximate value (A2 2023 nearly 30), a zero (A3 2022), a zero
 * denominator (B members 2023), a parent total beside its parts (A 2022) and a tie (A1, A3 2023).
 */
export const ANALYTICS_FIXTURE: Files = {
  'sources.csv': SYNTHETIC_SOURCE,
  'units.csv': `id,kind,name,level,admin_unit_id,valid_from,valid_to,source_id,note
province/p,PROVINCE,Province P,PROVINCE,,,,synthetic-test,
commune/a,COMMUNE,Commune A,COMMUNE,,,,synthetic-test,
commune/b,COMMUNE,Commune B,COMMUNE,,,,synthetic-test,
commune/c,COMMUNE,Commune C,COMMUNE,,,2023-01-01,synthetic-test,Ended mid-series.
village/a1,VILLAGE,Village A1,VILLAGE,,,,synthetic-test,
village/a2,VILLAGE,Village A2,VILLAGE,,,,synthetic-test,
village/a3,VILLAGE,Village A3,VILLAGE,,,,synthetic-test,
village/b1,VILLAGE,Village B1,VILLAGE,,,,synthetic-test,
`,
  'unit_links.csv': `child_id,parent_id,valid_from,valid_to,source_id,note
commune/a,province/p,,,synthetic-test,
commune/b,province/p,,,synthetic-test,
commune/c,province/p,,2023-01-01,synthetic-test,
village/a1,commune/a,,,synthetic-test,
village/a2,commune/a,,,synthetic-test,
village/a3,commune/a,,,synthetic-test,
village/b1,commune/b,,,synthetic-test,
`,
  'observations.csv': `subject_id,indicator,period,value,qualifier,lower,upper,source_id,derived,formula,quote,note
village/a1,poor_households,2020,30,EXACT,,,synthetic-test,false,,,
village/a1,poor_households,2022,20,EXACT,,,synthetic-test,false,,,
village/a1,poor_households,2023,10,EXACT,,,synthetic-test,false,,,
village/a2,poor_households,2020,40,EXACT,,,synthetic-test,false,,,
village/a2,poor_households,2022,36,EXACT,,,synthetic-test,false,,,
village/a2,poor_households,2023,30,NEARLY,,,synthetic-test,false,,,
village/a3,poor_households,2022,0,EXACT,,,synthetic-test,false,,,
village/a3,poor_households,2023,10,EXACT,,,synthetic-test,false,,,
village/b1,poor_households,2022,50,EXACT,,,synthetic-test,false,,,
village/b1,poor_households,2023,25,EXACT,,,synthetic-test,false,,,
commune/a,poor_households,2022,60,EXACT,,,synthetic-test,false,,,
commune/a,members,2023,100,EXACT,,,synthetic-test,false,,,
commune/a,em_members,2023,80,EXACT,,,synthetic-test,false,,,
commune/b,members,2023,0,EXACT,,,synthetic-test,false,,,
commune/b,em_members,2023,0,EXACT,,,synthetic-test,false,,,
commune/c,members,2022,50,EXACT,,,synthetic-test,false,,,
commune/c,em_members,2022,25,EXACT,,,synthetic-test,false,,,
village/a1,mong_resident_share,2023,1,EXACT,,,synthetic-test,false,,,
`,
};
