import type { Store } from '../store/store.js';
import { recordObservations, type ObservationRecord } from './record-observations.js';
import type { LoadResult } from './run-load.js';

/** The write side handed to the GraphQL layer, so resolvers never hold the store. */
export class ObservationWriter {
  constructor(private readonly store: Store) {}

  recordObservations(rows: readonly ObservationRecord[]): Promise<LoadResult> {
    return recordObservations(this.store, rows);
  }
}
