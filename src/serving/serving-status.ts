import type { Store } from '../store/store.js';
import { isServingFresh } from './refresh-serving.js';

/**
 * Whether a store's serving layer reflects its latest import: read when a server opens the store
 * and again after each write it makes, so requests do not pay a statement to ask.
 */
export class ServingStatus {
  private fresh = false;

  private constructor(private readonly store: Pick<Store, 'all'>) {}

  static async of(store: Pick<Store, 'all'>): Promise<ServingStatus> {
    const status = new ServingStatus(store);
    await status.recheck();
    return status;
  }

  async recheck(): Promise<void> {
    this.fresh = await isServingFresh(this.store);
  }

  get isFresh(): boolean {
    return this.fresh;
  }
}
