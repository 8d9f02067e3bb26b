import type { Store } from '../store/store.js';
import { isServingFresh } from './refresh-serving.js';
import { unitKeys } from './serving-sql.js';

/** What a reader needs of the serving layer: whether to use it, and the integer key of a unit. */
export interface ServingLookup {
  readonly isFresh: boolean;
  /** False while the keys load: lookups then join on unit ids (slower, same answers). */
  readonly keysLoaded: boolean;
  keyOf(unitId: string): number | undefined;
}

/**
 * Whether a store's serving layer reflects its latest import, and its unit keys: read when a
 * server opens the store and again after each write it makes, so requests pay no statement for
 * them. Lookups pass keys as integer literals, which DuckDB prunes row groups with; a key found
 * by joining on the unit id costs a scan of every unit. The keys (185,000 on a national store,
 * half a second) load in the background: the server listens without waiting for them.
 */
export class ServingStatus implements ServingLookup {
  private fresh = false;
  private keys: Map<string, number> | null = null;
  /** Bumped by each recheck, so a slower earlier load cannot install keys a write made stale. */
  private generation = 0;
  private loading: Promise<void> = Promise.resolve();

  private constructor(
    private readonly store: Pick<Store, 'all' | 'vectors'>,
    private readonly keysAfter: Promise<unknown>,
  ) {}

  /**
   * keysAfter holds the first key load back until it settles. A server passes its listening: the
   * load's decoding runs on the main thread, and started earlier it delayed listening by ~0.4 s.
   */
  static async of(store: Pick<Store, 'all' | 'vectors'>, options: { keysAfter?: Promise<unknown> } = {}): Promise<ServingStatus> {
    const status = new ServingStatus(store, options.keysAfter ?? Promise.resolve());
    await status.recheck();
    return status;
  }

  async recheck(): Promise<void> {
    const generation = ++this.generation;
    this.keys = null;
    this.fresh = await isServingFresh(this.store);
    if (!this.fresh) return;
    this.loading = this.loadKeys(generation);
  }

  /** Resolves once the keys of the latest check are loaded (or failed to: lookups then join). */
  keysReady(): Promise<void> {
    return this.loading;
  }

  private async loadKeys(generation: number): Promise<void> {
    try {
      await this.keysAfter;
      if (generation !== this.generation) return;
      const columns = await this.store.vectors('serving.unit-keys', unitKeys());
      const ids = columns['unit_id'] as string[];
      const keys = columns['unit_key'] as number[];
      const map = new Map<string, number>();
      for (let i = 0; i < ids.length; i++) map.set(ids[i]!, keys[i]!);
      if (generation === this.generation) this.keys = map;
    } catch {
      // Without keys every served lookup joins on unit ids: slower, never wrong.
    }
  }

  get keysLoaded(): boolean {
    return this.keys !== null;
  }

  keyOf(unitId: string): number | undefined {
    return this.keys?.get(unitId);
  }

  get isFresh(): boolean {
    return this.fresh;
  }
}
