import type { ServingLookup } from '../serving/serving-status.js';
import type { HotValues } from '../serving/hot-values.js';
import { servable, type ValueOptions } from '../analytics/values-sql.js';

/** Units named by id and, aligned with them, their serving-layer keys. */
export type KeyedUnits = { readonly ids: readonly string[]; readonly keys: readonly number[] };

/**
 * Which layer a read uses: the serving layer (precomputed values) where it is fresh and holds
 * the options asked (`servable`), else the observations. Every statement builder and value
 * source asks this one object, so a request never reads one layer in one place and the other
 * elsewhere.
 */
export class LayerChoice {
  constructor(private readonly serving: ServingLookup | null) {}

  /** Whether these options are answered from the serving layer (else computed from observations). */
  serves(options: ValueOptions): boolean {
    return options.serving !== false && (this.serving?.isFresh ?? false) && servable(options);
  }

  /** The options as the SQL builders take them: with the layer marked (see `valuesCtes`). */
  layout(options: ValueOptions): ValueOptions {
    return { ...options, serving: this.serves(options) };
  }

  /**
   * The units with their serving keys when the layer will be read and its keys are loaded; null
   * otherwise. A unit without a key has no values in the layer and is left out.
   */
  keyed(ids: readonly string[], options: ValueOptions): KeyedUnits | null {
    if (!this.serves(options) || !this.serving!.keysLoaded) return null;
    const keys: number[] = [];
    const known: string[] = [];
    for (const id of ids) {
      const key = this.serving!.keyOf(id);
      if (key !== undefined) {
        keys.push(key);
        known.push(id);
      }
    }
    return { ids: known, keys };
  }

  /** The serving layer's copy in memory, when loaded. */
  hot(): HotValues | null {
    return this.serving?.hot() ?? null;
  }
}
