import { mkdir, readdir, readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCsv } from './csv.js';
import { csvText } from '../../src/national/csv-text.js';

const SEED_DIR = new URL('../../data/', import.meta.url).pathname;
/** One directory per province, made once per worker (tests only read it). */
const made = new Map<string, Promise<string>>();

/**
 * The seed with the country cut down to one province (Điện Biên, GSO 11, where the seed's units
 * are): its units at every date, their links, the lineage between them and the findings about
 * them, all rows exactly as data/national/ has them. For tests that ask every unit of a store
 * something, which on the whole country's 15,000 units would take minutes.
 */
export function seedWithOneProvince(provinceId = 'province/11'): Promise<string> {
  const existing = made.get(provinceId);
  if (existing) return existing;
  const making = (async () => {
    const dir = await mkdtemp(join(tmpdir(), 'grassroots-one-province-'));
    for (const name of (await readdir(SEED_DIR)).filter((n) => n.endsWith('.csv')))
      await writeFile(join(dir, name), await readFile(join(SEED_DIR, name)));
    const national = join(SEED_DIR, 'national');
    const read = async (file: string) => {
      const text = await readFile(join(national, file), 'utf8');
      return { columns: text.slice(0, text.indexOf('\n')).split(','), rows: parseCsv(text) };
    };
    const [sources, units, links, lineage, findings] = await Promise.all(
      ['sources.csv', 'units.csv', 'unit_links.csv', 'lineage.csv', 'findings.csv'].map(read),
    );
    const kept = new Set([provinceId]);
    for (let grew = true; grew;) {
      grew = false;
      for (const l of links!.rows) {
        if (!kept.has(l['parent_id']!) || kept.has(l['child_id']!)) continue;
        kept.add(l['child_id']!);
        grew = true;
      }
    }
    const inside = (id: string | undefined) => id === '' || id === undefined || kept.has(id);
    const out = join(dir, 'national');
    await mkdir(out);
    const write = (
      file: string,
      table: { columns: string[]; rows: Record<string, string>[] },
      keep: (r: Record<string, string>) => boolean,
    ) =>
      writeFile(
        join(out, file),
        csvText(
          table.columns,
          table.rows
            .filter(keep)
            .map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === '' ? null : v]))),
        ),
      );
    await write('sources.csv', sources!, () => true);
    await write('units.csv', units!, (r) => kept.has(r['id']!));
    await write('unit_links.csv', links!, (r) => kept.has(r['child_id']!));
    await write('lineage.csv', lineage!, (r) => kept.has(r['predecessor_id']!) && inside(r['successor_id']));
    await write(
      'findings.csv',
      findings!,
      (r) => r['unit_id'] !== '' && inside(r['unit_id']) && inside(r['other_unit_id']),
    );
    return dir;
  })();
  made.set(provinceId, making);
  return making;
}
