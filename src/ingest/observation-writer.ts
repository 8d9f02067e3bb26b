import type { Store } from '../store/store.js';
import { recordObservations, type ObservationRecord } from './record-observations.js';
import type { LoadResult } from './run-load.js';

/** The write side handed to the GraphQL layer, so resolvers never hold the store. */
export class ObservationWriter {
  constructor(
    private readonly store: Store,
    /** Told after a load that wrote rows (the server refreshes its data version for ETags). */
    private readonly onWritten: () => Promise<void> = async () => {},
  ) {}

  async recordObservations(rows: readonly ObservationRecord[]): Promise<LoadResult> {
    const result = await recordObservations(this.store, rows);
    if (result.observationsWritten > 0) await this.onWritten();
    return result;
  }
}
