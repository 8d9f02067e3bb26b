import { writeFile } from 'node:fs/promises';
import type { Store } from '../../src/store/store.js';
import { runLoad, type LoadResult } from '../../src/ingest/run-load.js';
import { fileInputs, hashInputs } from '../../src/ingest/file-inputs.js';

export const OBSERVATION_HEADER =
  'subject_id,indicator,period,value,qualifier,lower,upper,source_id,derived,formula,quote,note';

/** Writes observation rows (CSV lines, without the header) to `file` and loads it as `npm run load` does. */
export async function loadObservationRows(store: Store, file: string, rows: readonly string[]): Promise<LoadResult> {
  await writeFile(file, `${OBSERVATION_HEADER}\n${rows.join('\n')}\n`);
  const inputs = await fileInputs(file);
  return runLoad(store, inputs, { kind: 'file', origin: `file:${file}`, hash: await hashInputs(inputs) });
}
