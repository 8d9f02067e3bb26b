import type DataLoader from 'dataloader';

/** What a resolver asks of a loader: one key's value. */
export type KeyLoader<K, V> = Pick<DataLoader<K, V, string>, 'load'>;

/**
 * A loader that asks memory first and batches only what memory cannot answer (`now` gives
 * undefined). Where the serving layer's hot copy holds a value, the lookup is a few array reads,
 * and a batch's bookkeeping (its promise, cache key, grouping and filing) cost several times that
 * for each of a commune's villages.
 */
export function memoryFirst<K, V>(now: (key: K) => V | undefined, batched: DataLoader<K, V, string>): KeyLoader<K, V> {
  return {
    load: (key) => {
      const value = now(key);
      return value === undefined ? batched.load(key) : Promise.resolve(value);
    },
  };
}
