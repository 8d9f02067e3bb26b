import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import type { FileFormat } from '../sql/ingest-sql.js';
import { TABLES, type TableSpec } from './tables.js';
import type { LoadInput } from './run-load.js';

const FORMATS: Record<string, FileFormat> = {
  '.csv': 'csv',
  '.parquet': 'parquet',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.json': 'jsonl',
};

export function formatOf(path: string): FileFormat | null {
  return FORMATS[extname(path).toLowerCase()] ?? null;
}

/** The table a file feeds, by its name: `units.parquet` holds units, `lineage.csv` lineage; any other name holds observations. */
export function specOf(path: string): TableSpec {
  const stem = basename(path, extname(path));
  return TABLES.find((t) => basename(t.file, '.csv') === stem) ?? TABLES.find((t) => t.table === 'observations')!;
}

export class UsageError extends Error {}

/** The files a load reads: one file, or every readable file of a directory (by name order). */
export async function fileInputs(target: string): Promise<LoadInput[]> {
  if (!existsSync(target)) throw new UsageError(`no such file or directory: ${target}`);
  const paths = (await stat(target)).isDirectory()
    ? (await readdir(target))
        .sort()
        .map((name) => join(target, name))
        .filter((p) => formatOf(p) !== null)
    : [target];
  if (paths.length === 0) throw new UsageError(`no .csv, .parquet, .jsonl or .ndjson files in ${target}`);
  return paths.map((path) => {
    const format = formatOf(path);
    if (!format)
      throw new UsageError(`${basename(path)}: unknown file type; expected .csv, .parquet, .jsonl or .ndjson`);
    return {
      kind: 'file',
      spec: specOf(path),
      path: resolve(path),
      format,
      label: basename(path),
      strictHeader: format === 'csv',
    };
  });
}

/** A fingerprint of the inputs' names and bytes, read as streams so big files cost no memory. */
export async function hashInputs(inputs: readonly LoadInput[]): Promise<string> {
  const hash = createHash('sha256');
  for (const input of inputs) {
    hash.update(`${input.spec.table}\u0000${input.label}\u0000`);
    if (input.kind === 'rows') hash.update(JSON.stringify(input.rows));
    else for await (const chunk of createReadStream(input.path)) hash.update(chunk as Buffer);
  }
  return hash.digest('hex');
}

/** How far a CSV header may run before its end of line: far past any real header, short of reading a whole file. */
const MAX_HEADER_BYTES = 64 * 1024;

/**
 * The column names of a CSV file's first line (a byte-order mark and a CR dropped, `"quoted"`
 * names unquoted), read without DuckDB: the reader is then told the columns instead of guessing
 * them (src/sql/ingest-sql.ts). Null when the first line does not end within MAX_HEADER_BYTES.
 */
export async function readCsvHeader(path: string): Promise<string[] | null> {
  const handle = await open(path, 'r');
  let text: string;
  try {
    const buffer = Buffer.alloc(MAX_HEADER_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, MAX_HEADER_BYTES, 0);
    const head = buffer.subarray(0, bytesRead);
    const end = head.indexOf(0x0a);
    if (end < 0 && bytesRead === MAX_HEADER_BYTES) return null;
    text = head.subarray(0, end < 0 ? bytesRead : end).toString('utf8');
  } finally {
    await handle.close();
  }
  text = text.replace(/^\uFEFF/, '').replace(/\r$/, '');
  if (text === '') return [];
  const names: string[] = [];
  for (const field of text.match(/("([^"]|"")*"|[^,]*)(,|$)/g) ?? []) {
    const name = field.replace(/,$/, '');
    names.push(name.startsWith('"') && name.endsWith('"') ? name.slice(1, -1).replace(/""/g, '"') : name);
    if (!field.endsWith(',')) break;
  }
  return names;
}
