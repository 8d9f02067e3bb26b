import type { Store } from '../store/store.js';
import { isServingFresh } from './refresh-serving.js';
import { unitKeys } from './serving-sql.js';

/** What a reader needs of the serving layer: whether to use it, and the integer key of a unit. */
export interface ServingLookup {
  readonly isFresh: boolean;
  keyOf(unitId: string): number | undefined;
}

/**
 * Whether a store's serving layer reflects its latest import, and its unit keys: read when a
 * server opens the store and again after each write it makes, so requests pay no statement for
 * them. Lookups pass keys as integer literals, which DuckDB prunes row groups with; a key found
 * by joining on the unit id costs a scan of every unit.
 */
export class ServingStatus implements ServingLookup {
  private fresh = false;
  private keys = new Map<string, number>();

  private constructor(private readonly store: Pick<Store, 'all' | 'vectors'>) {}

  static async of(store: Pick<Store, 'all' | 'vectors'>): Promise<ServingStatus> {
    const status = new ServingStatus(store);
    await status.recheck();
    return status;
  }

  async recheck(): Promise<void> {
    this.fresh = await isServingFresh(this.store);
    this.keys = new Map();
    if (!this.fresh) return;
    const columns = await this.store.vectors('serving.unit-keys', unitKeys());
    const ids = columns['unit_id'] as string[];
    const keys = columns['unit_key'] as number[];
    for (let i = 0; i < ids.length; i++) this.keys.set(ids[i]!, keys[i]!);
  }

  keyOf(unitId: string): number | undefined {
    return this.keys.get(unitId);
  }

  get isFresh(): boolean {
    return this.fresh;
  }
}
