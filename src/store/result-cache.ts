import { statement, type Fragment } from './sql.js';
import type { Row, StatementRunner } from './store.js';

export interface ResultCacheOptions {
  /** Results kept (least recently used dropped first); 0 turns the cache off. */
  readonly entries: number;
  /** Results with more rows than this are not kept: bulk pulls would crowd out everything else. */
  readonly maxRows: number;
}

export const DEFAULT_RESULT_CACHE: ResultCacheOptions = { entries: 4000, maxRows: 2000 };

/**
 * The results of recent read statements. A store file has one writer at a time (DuckDB locks
 * it), and this process is it or the store is read-only, so results stay right until this
 * process commits a write: `version` (the store's commit count) moving on clears them. Keyed by
 * statement text and bound values, so two requests share a result only when they asked DuckDB
 * exactly the same thing.
 */
export class ResultCache {
  private readonly results = new Map<string, unknown>();
  private seenVersion: number;
  hits = 0;
  misses = 0;

  constructor(private readonly options: ResultCacheOptions, private readonly version: () => number) {
    this.seenVersion = version();
  }

  /** Forget every result (the data changed). */
  clear(): void {
    this.results.clear();
  }

  get size(): number {
    return this.results.size;
  }

  /** A runner that answers from the cache where it can and fills it from `runner` where not. */
  wrap(runner: StatementRunner): StatementRunner {
    if (this.options.entries === 0) return runner;
    return {
      all: <T = Row>(id: string, fragment: Fragment) => this.through(`r\u0000${keyOf(id, fragment)}`, () => runner.all<T>(id, fragment), (rows) => rows.length),
      vectors: (id: string, fragment: Fragment, padded: readonly string[] = []) =>
        this.through(`v\u0000${padded.join(',')}\u0000${keyOf(id, fragment)}`, () => runner.vectors(id, fragment, padded), (c) => Math.max(0, ...Object.values(c).map((v) => v.length))),
    };
  }

  private async through<T>(key: string, read: () => Promise<T>, rowsOf: (result: T) => number): Promise<T> {
    if (this.version() !== this.seenVersion) {
      this.clear();
      this.seenVersion = this.version();
    }
    if (this.results.has(key)) {
      this.hits++;
      const known = this.results.get(key) as T;
      // re-inserted: the Map's order is the recency order
      this.results.delete(key);
      this.results.set(key, known);
      return known;
    }
    this.misses++;
    // Only settled results are shared: a read in flight belongs to its request's time limit.
    const version = this.version();
    const result = await read();
    // a write that committed while this read ran may have changed what it saw
    if (rowsOf(result) <= this.options.maxRows && version === this.version()) {
      this.results.set(key, result);
      while (this.results.size > this.options.entries) this.results.delete(this.results.keys().next().value!);
    }
    return result;
  }
}

function keyOf(id: string, fragment: Fragment): string {
  const s = statement(id, fragment);
  return `${s.text}\u0000${JSON.stringify(s.values, (_, v) => (typeof v === 'bigint' ? v.toString() : v))}`;
}
