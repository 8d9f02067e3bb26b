import { mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCsv } from './csv.js';
import { SEED_DIR } from './test-server.js';

/** The CSV files of a data directory: the seed's by name, the national import's under `national/`. */
export type DataFiles = Record<string, string>;

/** Today's data/ (seed and national/) as text, to edit and write into a temporary directory. */
export async function readDataFiles(): Promise<DataFiles> {
  const files: DataFiles = {};
  for (const sub of ['', 'national/'])
    for (const name of (await readdir(join(SEED_DIR, sub))).filter((n) => n.endsWith('.csv')))
      files[`${sub}${name}`] = await readFile(join(SEED_DIR, sub, name), 'utf8');
  return files;
}

/** Writes data files (as readDataFiles names them) into a new temporary directory, laid out like data/. */
export async function writeDataFiles(files: DataFiles): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'grassroots-data-copy-'));
  await mkdir(join(dir, 'national'));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
}

const quote = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** One CSV line from values in the header's order. */
export function csvLine(values: readonly string[]): string {
  return values.map(quote).join(',');
}

/** The rows of a CSV text as records (header names as keys). */
export function rowsOf(text: string): Record<string, string>[] {
  return parseCsv(text);
}

/** The CSV text with the row whose first column is `key` changed (its other lines byte for byte). */
export function withRowChanged(text: string, key: string, changes: Record<string, string>): string {
  const header = text.slice(0, text.indexOf('\n')).replace(/\r$/, '').split(',');
  const row = parseCsv(text).find((r) => r[header[0]!] === key);
  if (!row) throw new Error(`no row ${key}`);
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.startsWith(`${quote(key)},`));
  lines[at] = csvLine(header.map((h) => changes[h] ?? row[h] ?? ''));
  return lines.join('\n');
}

/** The CSV text without the rows whose first column is one of `keys`. */
export function withoutRows(text: string, keys: readonly string[]): string {
  return text
    .split('\n')
    .filter((l) => !keys.some((k) => l.startsWith(`${quote(k)},`)))
    .join('\n');
}

/** The columns of each seed file that name a unit. */
const UNIT_COLUMNS: Record<string, readonly string[]> = {
  'units.csv': ['id', 'admin_unit_id'],
  'unit_links.csv': ['child_id', 'parent_id'],
  'observations.csv': ['subject_id'],
  'document_links.csv': ['unit_id'],
  'lineage.csv': ['predecessor_id', 'successor_id'],
  'roles.csv': ['unit_id'],
  'changes.csv': ['subject_id'],
};

/**
 * The seed files without the given units, the units that sit in them (admin_unit_id), and every
 * row that names one: what a seed that no longer states those units looks like. Rows are one
 * line each in the seed files. Returns the files and, per file, how many rows went.
 */
export function withoutUnits(
  files: DataFiles,
  ids: readonly string[],
): { files: DataFiles; removed: Record<string, number>; units: string[] } {
  const gone = new Set(ids);
  const units = rowsOf(files['units.csv']!);
  for (let grew = true; grew;) {
    grew = false;
    for (const u of units)
      if (!gone.has(u.id!) && gone.has(u.admin_unit_id!)) {
        gone.add(u.id!);
        grew = true;
      }
  }
  const out: DataFiles = { ...files };
  const removed: Record<string, number> = {};
  for (const [name, columns] of Object.entries(UNIT_COLUMNS)) {
    const text = files[name];
    if (text === undefined) continue;
    const [header, ...lines] = text.split('\n');
    const kept = lines.filter((line) => {
      if (line.trim() === '') return true;
      const row = parseCsv(`${header}\n${line}\n`)[0]!;
      return !columns.some((c) => gone.has(row[c]!));
    });
    removed[name] = lines.length - kept.length;
    out[name] = [header, ...kept].join('\n');
  }
  return { files: out, removed, units: [...gone] };
}
