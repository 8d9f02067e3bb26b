import type { Store } from '../store/store.js';
import { isServingFresh } from './refresh-serving.js';
import { unitKeys, unitKeysMark } from './serving-sql.js';
import { StoreCopy } from '../store/store-copy.js';
import { HotValues } from './hot-values.js';

/** What a reader needs of the serving layer: whether to use it, and the integer key of a unit. */
export interface ServingLookup {
  readonly isFresh: boolean;
  /** False while the keys load: lookups then join on unit ids (slower, same answers). */
  readonly keysLoaded: boolean;
  keyOf(unitId: string): number | undefined;
  /** The layer's hot part in memory, when loaded (null: every lookup is a statement). */
  hot(): HotValues | null;
}

/**
 * Whether a store's serving layer reflects its latest import, and its unit keys: read when a
 * server opens the store and again after each write it makes, so requests pay no statement for
 * them. Lookups pass keys as integer literals, which DuckDB prunes row groups with; a key found
 * by joining on the unit id costs a scan of every unit. The keys (185,000 on a national store,
 * half a second) are a `StoreCopy`, loaded in the background: the server listens without
 * waiting for them, and a write reloads them only if it changed the layer's units.
 */
export class ServingStatus implements ServingLookup {
  private fresh = false;
  private readonly keys: StoreCopy<Map<string, number>>;
  private readonly hotValues: StoreCopy<HotValues> | null;

  private constructor(
    private readonly store: ServingStore,
    keysAfter: Promise<unknown>,
    hotValues: boolean,
  ) {
    // Both change only when a build or refresh rewrites the layer, which moves this mark.
    const mark = async () =>
      (await store.all<{ mark: string }>('serving.unit-keys-mark', unitKeysMark()))[0]?.mark ?? '';
    this.keys = new StoreCopy(store, { mark, load: () => loadKeys(store) }, keysAfter);
    // The hot values load after the keys: lookups need keys to use them, and the keys are quick.
    this.hotValues = hotValues
      ? new StoreCopy(
          store,
          { mark, load: (signal) => HotValues.load(store, signal) },
          keysAfter.then(() => this.keys.ready()),
        )
      : null;
  }

  /**
   * keysAfter holds the first key load back until it settles. A server passes its listening: the
   * load's decoding runs on the main thread, and started earlier it delayed listening by ~0.4 s.
   */
  static async of(
    store: ServingStore,
    options: { keysAfter?: Promise<unknown>; hotValues?: boolean } = {},
  ): Promise<ServingStatus> {
    const status = new ServingStatus(store, options.keysAfter ?? Promise.resolve(), options.hotValues ?? false);
    await status.recheck();
    return status;
  }

  async recheck(): Promise<void> {
    this.fresh = await isServingFresh(this.store);
  }

  /** Resolves once the keys of the latest commit are loaded (or failed to: lookups then join). */
  keysReady(): Promise<void> {
    return this.fresh ? this.keys.ready() : this.keys.settled();
  }

  /** Resolves once the keys and the hot values (if kept) of the latest commit are loaded, or failed to. */
  async ready(): Promise<void> {
    await this.keysReady();
    if (this.hotValues) await (this.fresh ? this.hotValues.ready() : this.hotValues.settled());
  }

  /** Stops both copies (no load starts, one running gives up), and resolves once they have: what closing the store must wait for. */
  async stop(): Promise<void> {
    await Promise.all([this.keys.stop(), this.hotValues?.stop()]);
  }

  /** Why the last load of the keys or hot values failed, for the server's log (reads go to DuckDB meanwhile). */
  get lastError(): string | null {
    return this.keys.lastError ?? this.hotValues?.lastError ?? null;
  }

  hot(): HotValues | null {
    return this.fresh ? (this.hotValues?.current() ?? null) : null;
  }

  get keysLoaded(): boolean {
    return this.keys.current() !== null;
  }

  keyOf(unitId: string): number | undefined {
    return this.keys.current()?.get(unitId);
  }

  get isFresh(): boolean {
    return this.fresh;
  }
}

type ServingStore = Pick<Store, 'all' | 'vectors' | 'scan' | 'commits'>;

async function loadKeys(store: Pick<Store, 'vectors'>): Promise<Map<string, number>> {
  const columns = await store.vectors('serving.unit-keys', unitKeys());
  const ids = columns['unit_id'] as string[];
  const keys = columns['unit_key'] as number[];
  const map = new Map<string, number>();
  for (let i = 0; i < ids.length; i++) map.set(ids[i]!, keys[i]!);
  return map;
}
