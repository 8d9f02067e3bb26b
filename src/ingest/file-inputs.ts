import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
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
