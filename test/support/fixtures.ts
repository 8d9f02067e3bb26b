import { mkdtemp, writeFile, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SEED_DIR } from './test-server.js';

export type Files = Record<string, string>;

/** Writes a data directory of CSV files for a test; missing files are simply absent. */
export async function writeDataDir(files: Files, withSeedCatalog = false): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'grassroots-data-'));
  if (withSeedCatalog) await copyFile(join(SEED_DIR, 'indicators.csv'), join(dir, 'indicators.csv'));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
}

export const SYNTHETIC_SOURCE = `id,kind,title,publisher,author,published,url,seed_file,note
synthetic-test,SYNTHETIC,Synthetic test fixture (not real data),grassroots tests,,2026-01-01,,,Generated for tests.
`;

/**
 * A synthetic province with `communes` communes of `villages` villages each, every village with
 * households and poor households for 2024 and 2025: enough nodes to show batching does not grow
 * with the tree.
 */
export function syntheticTree(communes: number, villages: number): Files {
  const units = [
    'id,kind,name,level,admin_unit_id,valid_from,valid_to,source_id,note',
    'province/synthetic,PROVINCE,Synthetic Province,PROVINCE,,,,synthetic-test,',
  ];
  const links = ['child_id,parent_id,valid_from,valid_to,source_id,note'];
  const observations = ['subject_id,indicator,period,value,qualifier,lower,upper,source_id,derived,formula,quote,note'];
  for (let c = 1; c <= communes; c++) {
    units.push(`commune/c${c},COMMUNE,Commune ${c},COMMUNE,,,,synthetic-test,`);
    units.push(`party-committee/c${c},PARTY_COMMITTEE,Committee ${c},COMMUNE,commune/c${c},,,synthetic-test,`);
    links.push(`commune/c${c},province/synthetic,,,synthetic-test,`);
    observations.push(`party-committee/c${c},members,2025,${100 + c},EXACT,,,synthetic-test,false,,,`);
    for (let v = 1; v <= villages; v++) {
      const id = `village/c${c}-v${v}`;
      units.push(`${id},VILLAGE,Village ${c}.${v},VILLAGE,,,,synthetic-test,`);
      links.push(`${id},commune/c${c},,,synthetic-test,`);
      observations.push(`${id},households,2025,${50 + v},EXACT,,,synthetic-test,false,,,`);
      observations.push(`${id},poor_households,2024,${20 + v},EXACT,,,synthetic-test,false,,,`);
      observations.push(`${id},poor_households,2025,${10 + v},NEARLY,,,synthetic-test,false,,,`);
    }
  }
  return {
    'sources.csv': SYNTHETIC_SOURCE,
    'units.csv': units.join('\n') + '\n',
    'unit_links.csv': links.join('\n') + '\n',
    'observations.csv': observations.join('\n') + '\n',
  };
}
