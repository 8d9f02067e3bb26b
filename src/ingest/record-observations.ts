import type { Store } from '../store/store.js';
import { TABLES } from './tables.js';
import { hashInputs } from './file-inputs.js';
import { runLoad, type LoadInput, type LoadResult } from './run-load.js';

/** One figure sent by a client, already in the column vocabulary of observations files. */
export type ObservationRecord = Readonly<Record<string, string | null>>;

/** The label problems carry: rows of a request are numbered like file rows (1-based). */
export const REQUEST_LABEL = 'input';

const OBSERVATIONS = TABLES.find((t) => t.table === 'observations')!;

/**
 * Records a small batch of figures from a request through the same staging, checks and single
 * transaction as a file: a mutation cannot write what a file load would reject. Sending the
 * same batch twice records nothing the second time.
 */
export async function recordObservations(store: Store, rows: readonly ObservationRecord[]): Promise<LoadResult> {
  const inputs: LoadInput[] = [{ kind: 'rows', spec: OBSERVATIONS, rows, label: REQUEST_LABEL }];
  return runLoad(store, inputs, { kind: 'mutation', origin: 'mutation', hash: await hashInputs(inputs) });
}
