/**
 * Speed machinery: the read-result cache (docs/speed/result-cache.md).
 *
 * What: the results of recent read statements, kept in memory and shared between requests until
 * this process commits a write.
 * Why: dashboards ask the same questions again and again; a repeated statement is answered without
 * DuckDB, its thread-pool round trip or the conversion of its rows.
 * Off: `--result-cache 0` (GRASSROOTS_RESULT_CACHE=0): every statement runs.
 */
import { LRUCache } from 'lru-cache';
import { statement, type Fragment } from '../store/sql.js';
import type { Row, SnapshotKey, StatementRunner } from '../store/store.js';

export interface ResultCacheOptions {
  /** Results kept (least recently used dropped first); 0 turns the cache off. */
  readonly entries: number;
  /** Rows all the kept results may hold together: the bound on its memory (a row of ten fields is some hundreds of bytes). */
  readonly totalRows: number;
  /** Results with more rows than this are not kept: bulk pulls would crowd out everything else. */
  readonly maxRows: number;
}

/** Results of up to 2,000 rows are kept; larger ones are bulk pulls. */
export const MAX_ROWS_PER_RESULT = 2_000;

type Result = unknown[] | Record<string, unknown[]>;

/**
 * The results of recent read statements. A store file has one writer at a time (DuckDB locks
 * it), and this process is it or the store is read-only, so results stay right until this
 * process commits a write: `version` (the store's commit count) moving on clears them. Keyed by
 * statement text and bound values, so two requests share a result only when they asked DuckDB
 * exactly the same thing.
 */
export class ResultCache {
  private readonly results: LRUCache<string, Result> | null;
  private seenVersion: number;
  hits = 0;
  misses = 0;

  constructor(
    options: ResultCacheOptions,
    private readonly version: () => number,
  ) {
    this.results =
      options.entries === 0
        ? null
        : new LRUCache<string, Result>({
            max: options.entries,
            maxSize: options.totalRows,
            maxEntrySize: Math.min(options.maxRows, options.totalRows),
            // (lru-cache sizes are positive: an empty result counts as a row)
            sizeCalculation: (result) => Math.max(1, rowsOf(result)),
          });
    this.seenVersion = version();
  }

  /** Forget every result (the data changed). */
  clear(): void {
    this.results?.clear();
  }

  get size(): number {
    return this.results?.size ?? 0;
  }

  /** Rows the kept results hold. */
  get rows(): number {
    return this.results?.calculatedSize ?? 0;
  }

  /** A runner that answers from the cache where it can and fills it from `runner` where not. */
  wrap(runner: StatementRunner): StatementRunner {
    const results = this.results;
    if (results === null) return runner;
    return {
      all: <T = Row>(id: string, fragment: Fragment) =>
        this.through(results, `r\u0000${keyOf(id, fragment)}`, () => runner.all<T>(id, fragment)),
      vectors: (id: string, fragment: Fragment, padded: readonly string[] = []) =>
        this.through(results, `v\u0000${padded.join(',')}\u0000${keyOf(id, fragment)}`, () =>
          runner.vectors(id, fragment, padded),
        ),
      snapshot: <T extends Row[]>(
        key: SnapshotKey | null,
        work: (reads: Pick<StatementRunner, 'all'>) => Promise<T>,
      ) =>
        key === null
          ? runner.snapshot(null, work)
          : this.through(results, `s\u0000${key.variant}\u0000${keyOf(key.id, key.fragment)}`, () =>
              runner.snapshot(key, work),
            ),
    };
  }

  private async through<T extends Result>(
    results: LRUCache<string, Result>,
    key: string,
    read: () => Promise<T>,
  ): Promise<T> {
    if (this.version() !== this.seenVersion) {
      this.clear();
      this.seenVersion = this.version();
    }
    const known = results.get(key);
    if (known !== undefined) {
      this.hits++;
      return known as T;
    }
    this.misses++;
    // Only settled results are shared: a read in flight belongs to its request's time limit.
    const version = this.version();
    const result = await read();
    // a write that committed while this read ran may have changed what it saw
    // (a result over maxRows is not kept: lru-cache's maxEntrySize)
    if (version === this.version()) results.set(key, result);
    return result;
  }
}

/** A result's rows: a list's length, or a column-wise result's longest column. */
function rowsOf(result: Result): number {
  return Array.isArray(result) ? result.length : Math.max(0, ...Object.values(result).map((column) => column.length));
}

function keyOf(id: string, fragment: Fragment): string {
  const s = statement(id, fragment);
  return `${s.text}\u0000${JSON.stringify(s.values, (_, v) => (typeof v === 'bigint' ? v.toString() : v))}`;
}
