import type { Store } from '../store/store.js';
import { isServingFresh } from './refresh-serving.js';
import { importUnitsAndAncestors, servingState, unitKeys, unitKeysMark } from './serving-sql.js';
import { StoreCopy } from '../store/store-copy.js';
import { HotValues } from './hot-values.js';
import { HOT_VALUES_WARM, UNIT_KEYS_WARM } from './hot-values-warm.js';
import type { WarmCodec, WarmParts } from '../warm/warm-parts.js';

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
  /** The layer's mark as of the latest check (at start and after each write). */
  private mark = '';
  /** The copies last loaded, with the mark they were read at. */
  private loadedKeys: Loaded<Map<string, number>> | null = null;
  private loadedHot: Loaded<HotValues> | null = null;
  /**
   * After a write that refreshed the layer incrementally, while the copies are read again: the
   * previous keys (an incremental refresh keeps them) and the previous hot values without the
   * units the write changed. So a write does not leave every read to DuckDB for the seconds a
   * national copy takes to load, and no read sees a value from before the write.
   */
  private standIn: (Loaded<Map<string, number>> & { hot: HotValues | null }) | null = null;

  private constructor(
    private readonly store: ServingStore,
    keysAfter: Promise<unknown>,
    hotValues: boolean,
    warm: WarmParts | null,
  ) {
    // Both change only when a build or refresh rewrites the layer, which moves this mark.
    const mark = () => readMark(store);
    // Each kept in a warm file under that mark: a restart reads them back instead of decoding them anew.
    const through = <T>(codec: WarmCodec<T>, at: string, compute: () => Promise<T>) =>
      warm === null ? compute() : warm.through(codec, at, compute);
    this.keys = new StoreCopy(
      store,
      {
        mark,
        load: async (_signal, at) => {
          const value = await through(UNIT_KEYS_WARM, at, () => loadKeys(store));
          this.loadedKeys = { mark: at, value };
          return value;
        },
      },
      keysAfter,
    );
    // The hot values load after the keys: lookups need keys to use them, and the keys are quick.
    this.hotValues = hotValues
      ? new StoreCopy(
          store,
          {
            mark,
            load: async (signal, at) => {
              const value = await through(HOT_VALUES_WARM, at, () => HotValues.load(store, signal));
              this.loadedHot = { mark: at, value };
              return value;
            },
          },
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
    options: { keysAfter?: Promise<unknown>; hotValues?: boolean; warm?: WarmParts | null } = {},
  ): Promise<ServingStatus> {
    const status = new ServingStatus(
      store,
      options.keysAfter ?? Promise.resolve(),
      options.hotValues ?? false,
      options.warm ?? null,
    );
    await status.recheck();
    return status;
  }

  async recheck(): Promise<void> {
    this.fresh = await isServingFresh(this.store);
    const before = this.mark;
    this.mark = await readMark(this.store);
    if (before === '' || before === this.mark) return;
    this.standIn = this.fresh && isIncrementalAfter(before, this.mark) ? await this.standInAfter(before) : null;
  }

  /** The copies of mark `before` (or the stand-in already made from them), without the units the latest import changed. */
  private async standInAfter(before: string): Promise<ServingStatus['standIn']> {
    const base =
      this.standIn?.mark === before
        ? this.standIn
        : this.loadedKeys?.mark === before
          ? { ...this.loadedKeys, hot: this.loadedHot?.mark === before ? this.loadedHot.value : null }
          : null;
    if (base === null) return null;
    // Without hot values the keys alone stand in: nothing to leave out.
    if (base.hot === null) return { mark: this.mark, value: base.value, hot: null };
    const [state] = await this.store.all<{ servedImport: number | null }>('serving.state', servingState());
    if (state?.servedImport == null) return null;
    // The units the refresh recomputed (refreshAfterImport): the import's subjects and their ancestors.
    const recomputed = await this.store.all<{ id: string }>(
      'serving.recomputed',
      importUnitsAndAncestors(state.servedImport),
    );
    const changed = recomputed.map((r) => base.value.get(r.id) ?? -1);
    return { mark: this.mark, value: base.value, hot: base.hot?.without(changed) ?? null };
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
    if (!this.fresh) return null;
    const hot = this.hotValues?.current() ?? null;
    // The copies are in again (the keys load first): the stand-in's memory can go.
    if (hot !== null) this.standIn = null;
    return hot ?? this.currentStandIn()?.hot ?? null;
  }

  get keysLoaded(): boolean {
    return (this.keys.current() ?? this.currentStandIn()?.value ?? null) !== null;
  }

  keyOf(unitId: string): number | undefined {
    return (this.keys.current() ?? this.currentStandIn()?.value)?.get(unitId);
  }

  /** The stand-in, if it is of the layer as it is now. */
  private currentStandIn(): ServingStatus['standIn'] {
    return this.standIn?.mark === this.mark ? this.standIn : null;
  }

  get isFresh(): boolean {
    return this.fresh;
  }
}

type ServingStore = Pick<Store, 'all' | 'vectors' | 'scan' | 'commits'>;

interface Loaded<T> {
  readonly mark: string;
  readonly value: T;
}

async function readMark(store: Pick<Store, 'all'>): Promise<string> {
  return (await store.all<{ mark: string }>('serving.unit-keys-mark', unitKeysMark()))[0]?.mark ?? '';
}

/**
 * Whether the layer went from mark `before` to `after` by an incremental refresh, which keeps
 * every unit's key (a full rebuild numbers them anew). The mark is "units/max key/import,time,how"
 * (`unitKeysMark`).
 */
function isIncrementalAfter(before: string, after: string): boolean {
  const units = (mark: string) => mark.split('/').slice(0, 2).join('/');
  return units(before) === units(after) && after.endsWith(',incremental');
}

async function loadKeys(store: Pick<Store, 'vectors'>): Promise<Map<string, number>> {
  const columns = await store.vectors('serving.unit-keys', unitKeys());
  const ids = columns['unit_id'] as string[];
  const keys = columns['unit_key'] as number[];
  const map = new Map<string, number>();
  for (let i = 0; i < ids.length; i++) map.set(ids[i]!, keys[i]!);
  return map;
}
