import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Store } from '../store/store.js';
import { directoryInputs } from '../ingest/import-directory.js';
import { hashInputs } from '../ingest/file-inputs.js';
import { runLoad, type LoadResult } from '../ingest/run-load.js';

/** Where a data directory keeps the national import, derived by `npm run derive:national`. */
export const nationalDir = (dataDir: string) => join(dataDir, 'national');

export const NATIONAL_ORIGIN = 'national';

/**
 * Loads the whole country (units, links, lineage, the data-quality findings and their sources)
 * from `<dataDir>/national/` through the same validated, atomic load as every other file, owned
 * by its own origin: a re-derived directory replaces its rows, never a user's. A data directory
 * without it (a test fixture) loads nothing; unchanged files are skipped by their fingerprint.
 */
export async function importNational(store: Store, dataDir: string): Promise<LoadResult | null> {
  const dir = nationalDir(dataDir);
  if (!existsSync(dir)) return null;
  const inputs = directoryInputs(dir);
  return runLoad(store, inputs, { kind: NATIONAL_ORIGIN, origin: NATIONAL_ORIGIN, hash: await hashInputs(inputs) });
}
