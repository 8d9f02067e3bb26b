import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Store } from '../store/store.js';
import { TABLES } from './tables.js';
import { hashInputs } from './file-inputs.js';
import { runLoad, type LoadInput, type LoadResult } from './run-load.js';

export type ImportResult = LoadResult;

/** The CSV files of a data directory laid out like data/ (each table's file by its name). */
export function directoryInputs(dir: string): LoadInput[] {
  return TABLES.filter((spec) => existsSync(join(dir, spec.file))).map((spec) => ({
    kind: 'file',
    spec,
    path: join(dir, spec.file),
    format: 'csv',
    label: spec.file,
    strictHeader: true,
  }));
}

/** A fingerprint of a directory's CSV files, to skip re-importing what the store already has. */
export function hashDirectory(dir: string): Promise<string> {
  return hashInputs(directoryInputs(dir));
}

/**
 * Imports a directory of CSV files (the layout of data/) in one transaction: every row is
 * validated first, and one bad cell anywhere rejects the whole load with all problems listed.
 * Re-importing unchanged files is a no-op; changed observations become new revisions.
 * `origin` names who owns the rows: the seed is always 'seed', wherever the checkout lives.
 */
export async function importDirectory(
  store: Store,
  dir: string,
  kind = 'seed',
  origin = kind === 'seed' ? 'seed' : `${kind}:${resolve(dir)}`,
): Promise<ImportResult> {
  const inputs = directoryInputs(dir);
  return runLoad(store, inputs, { kind, origin, hash: await hashInputs(inputs) });
}
