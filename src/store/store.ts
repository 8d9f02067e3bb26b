import {
  DuckDBInstance,
  JsonDuckDBValueConverter,
  type DuckDBMaterializedResult,
  type DuckDBConnection,
} from '@duckdb/node-api';
import { ConnectionPool } from './connection-pool.js';
import { createExportDir, removeExportDir } from './export-dir.js';
import { PreparedCache, reusable } from './prepared-statements.js';
import { statement, type Fragment, type SqlStatement } from './sql.js';
import { StatementInterruptedError } from './interrupted.js';
import { TurnClock } from './turns.js';

export type Row = Record<string, unknown>;

export interface StoreOptions {
  readonly path: string;
  readonly readOnly?: boolean;
  readonly poolSize?: number;
  /**
   * Serving mode: read-only, no file or network access outside the store, no extension loading,
   * and the configuration locked so no statement can lift these.
   */
  readonly sandboxed?: boolean;
  /** A sandboxed store is read-only unless writes are enabled (a write token is configured). */
  readonly writable?: boolean;
  /** DuckDB memory_limit, e.g. "1GB". */
  readonly memoryLimit?: string;
  /** DuckDB worker threads. */
  readonly threads?: number;
  /** Keep each connection's prepared statements (default true; see `Store.preparedStatements`). */
  readonly preparedStatements?: boolean;
  /**
   * Test seam: rewrites each statement before it runs. Tests use it to put a genuinely slow
   * statement on the path of one request; nothing else sets it.
   */
  readonly rewrite?: (s: SqlStatement) => SqlStatement;
}

export { StatementInterruptedError };

/** One column of a scanned chunk: its values by row index (null for NULL). */
export interface ScannedColumn {
  getItem(index: number): unknown;
}

/** Runs one request's statements under its abort signal. */
export interface StatementRunner {
  all<T = Row>(id: string, fragment: Fragment): Promise<T[]>;
  /**
   * The result column by column, read straight off DuckDB's vectors: numbers stay numbers with
   * no per-value JSON conversion, which for a million-row bulk pull is most of its time. BIGINT
   * comes back as bigint, so SQL casts to INTEGER. A column named in `padded` ends at its first
   * NULL: the shorter sides of a POSITIONAL JOIN.
   */
  vectors(id: string, fragment: Fragment, padded?: readonly string[]): Promise<Record<string, unknown[]>>;
  /**
   * Reads that must see one state of the store (a ranking, then the rows of the ranks it kept),
   * on one connection in one transaction: a write that commits meanwhile is seen by neither or
   * by both. `key` names the whole read for a cache of results (null: not kept); the reads inside
   * are not kept one by one.
   */
  snapshot<T extends Row[]>(
    key: SnapshotKey | null,
    work: (reads: Pick<StatementRunner, 'all'>) => Promise<T>,
  ): Promise<T>;
}

/** Names a snapshot's whole read: its first statement, and what else shapes the answer. */
export interface SnapshotKey {
  readonly id: string;
  readonly fragment: Fragment;
  readonly variant: string;
}

/** Runs statements inside one transaction on one connection. */
export interface Transaction {
  all<T = Row>(id: string, fragment: Fragment): Promise<T[]>;
  run(id: string, fragment: Fragment): Promise<void>;
  /** How far the statement now running has got (only with `trackProgress`). */
  progress(): { percentage: number; rowsProcessed: number };
}

export interface TransactionOptions {
  /** Ask DuckDB to track query progress, so a long load can report it while it runs. */
  readonly trackProgress?: boolean;
}

/**
 * The only owner of the DuckDB instance. Rows come back in DuckDB's JSON form (dates as ISO
 * strings, BIGINT as strings), so SQL casts counts to INTEGER on purpose.
 */
export class Store {
  /** Statements run since the store opened; tests use it to prove batching. */
  statementCount = 0;
  /** Transactions committed since the store opened: what a cache of read results must follow. */
  commits = 0;
  private closed = false;
  private listeners: ((s: SqlStatement) => void)[] = [];
  private readonly preparedCaches = new WeakMap<DuckDBConnection, PreparedCache>();
  /**
   * Whether reads keep each connection's prepared statements (src/store/prepared-statements.ts);
   * false: every statement is run from its text. The server sets it from its speed switches.
   */
  preparedStatements = true;

  private constructor(
    readonly path: string,
    private readonly instance: DuckDBInstance,
    private readonly pool: ConnectionPool,
    private readonly rewrite: (s: SqlStatement) => SqlStatement,
  ) {}

  private sandboxExportDir: string | null = null;

  static async open(options: StoreOptions): Promise<Store> {
    const config: Record<string, string> = {};
    if (options.readOnly || (options.sandboxed && !options.writable)) config['access_mode'] = 'READ_ONLY';
    if (options.memoryLimit) config['memory_limit'] = options.memoryLimit;
    if (options.threads) config['threads'] = String(options.threads);
    if (options.sandboxed) {
      config['autoinstall_known_extensions'] = 'false';
      config['autoload_known_extensions'] = 'false';
      config['allow_community_extensions'] = 'false';
    }
    const instance = await DuckDBInstance.create(options.path, config);
    const pool = await ConnectionPool.create(instance, options.poolSize ?? 4);
    const store = new Store(options.path, instance, pool, options.rewrite ?? ((s) => s));
    store.preparedStatements = options.preparedStatements ?? true;
    if (options.sandboxed) await store.sandbox();
    return store;
  }

  /**
   * Locks the instance down for serving: no file access but one private export directory (exports
   * are DuckDB's own COPY), no extension loading, configuration locked. allowed_directories must
   * be set before external access is switched off, and the lock keeps requests from loosening
   * either. A snapshot server calls it after loading its Parquet files.
   */
  async sandbox(): Promise<void> {
    const exportDir = createExportDir();
    const setup = await this.instance.connect();
    try {
      await setup.run(`SET allowed_directories = ['${exportDir.replace(/'/g, "''")}/']`);
      await setup.run('SET enable_external_access = false');
      await setup.run('SET autoinstall_known_extensions = false');
      await setup.run('SET autoload_known_extensions = false');
      await setup.run('SET lock_configuration = true');
    } catch (error) {
      removeExportDir(exportDir);
      throw error;
    } finally {
      setup.closeSync();
    }
    this.sandboxExportDir = exportDir;
  }

  /** The one directory a sandboxed store may write export files into (null: not sandboxed). */
  get exportDir(): string | null {
    return this.sandboxExportDir;
  }

  /** Statements waiting for a free connection right now. */
  get waiting(): number {
    return this.pool.waitingCount;
  }

  /**
   * A runner whose statements are interrupted inside DuckDB when `signal` aborts: DuckDB has no
   * statement timeout, and abandoning the promise would leave the connection busy.
   */
  withSignal(signal: AbortSignal): StatementRunner {
    return {
      all: <T = Row>(id: string, fragment: Fragment) =>
        this.pool.use((connection) => this.query<T>(connection, statement(id, fragment), signal)),
      vectors: (id: string, fragment: Fragment, padded: readonly string[] = []) =>
        this.pool.use(async (connection) =>
          readVectors(await this.materialize(connection, statement(id, fragment), signal), new Set(padded)),
        ),
      snapshot: (_key, work) => this.readSnapshot(work, signal),
    };
  }

  onStatement(listener: (s: SqlStatement) => void): () => void {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  async all<T = Row>(id: string, fragment: Fragment): Promise<T[]> {
    return this.pool.use((connection) => this.query<T>(connection, statement(id, fragment)));
  }

  async vectors(id: string, fragment: Fragment, padded: readonly string[] = []): Promise<Record<string, unknown[]>> {
    return this.pool.use(async (connection) =>
      readVectors(await this.materialize(connection, statement(id, fragment)), new Set(padded)),
    );
  }

  snapshot<T extends Row[]>(
    _key: SnapshotKey | null,
    work: (reads: Pick<StatementRunner, 'all'>) => Promise<T>,
  ): Promise<T> {
    return this.readSnapshot(work);
  }

  /** `work`'s reads in one transaction on one connection, through its prepared statements as any read. */
  private readSnapshot<T>(work: (reads: Pick<StatementRunner, 'all'>) => Promise<T>, signal?: AbortSignal): Promise<T> {
    return this.pool.use((connection) =>
      inTransaction(connection, () =>
        work({
          all: <R = Row>(id: string, fragment: Fragment) => this.query<R>(connection, statement(id, fragment), signal),
        }),
      ),
    );
  }

  /**
   * Streams a large result chunk by chunk to `onChunk` (one column accessor per selected column,
   * and the chunk's row count), so a reader can pack it into typed arrays without the whole
   * result, or a JS value per cell, ever being held at once. Resolves with the rows seen.
   */
  async scan(
    id: string,
    fragment: Fragment,
    onChunk: (columns: readonly ScannedColumn[], rowCount: number) => void,
  ): Promise<number> {
    return this.pool.use(async (connection) => {
      const result = await this.guarded(connection, statement(id, fragment), undefined, (s) =>
        connection.stream(s.text, s.values, s.types as never),
      );
      let rows = 0;
      for (
        let chunk = await result.fetchChunk();
        chunk !== null && chunk.rowCount > 0;
        chunk = await result.fetchChunk()
      ) {
        onChunk(
          Array.from({ length: chunk.columnCount }, (_, i) => chunk!.getColumnVector(i)),
          chunk.rowCount,
        );
        rows += chunk.rowCount;
      }
      return rows;
    });
  }

  async transaction<T>(work: (tx: Transaction) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    return this.pool.use(async (connection) => {
      // The progress bar's own printing stays off: callers decide how to show progress.
      if (options.trackProgress)
        await connection.run('SET enable_progress_bar = true; SET enable_progress_bar_print = false');
      const tx: Transaction = {
        all: <R = Row>(id: string, fragment: Fragment) => this.execute<R>(connection, statement(id, fragment)),
        run: async (id: string, fragment: Fragment) => {
          await this.execute(connection, statement(id, fragment));
        },
        progress: () => {
          const p = connection.progress;
          return { percentage: Math.max(0, p.percentage), rowsProcessed: Number(p.rows_processed) };
        },
      };
      try {
        const result = await inTransaction(connection, () => work(tx));
        this.commits++;
        return result;
      } finally {
        if (options.trackProgress) await connection.run('SET enable_progress_bar = false');
      }
    });
  }

  /** DuckDB worker threads from now on (a CLI may need one for a step and all for the next). */
  async setThreads(threads: number): Promise<void> {
    if (!Number.isInteger(threads) || threads < 1)
      throw new Error(`threads: expected a positive integer, got ${threads}`);
    await this.pool.use((connection) => connection.run(`SET threads = ${threads}`));
  }

  async checkpoint(): Promise<void> {
    await this.pool.use((connection) => connection.run('CHECKPOINT'));
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  get poolSize(): number {
    return this.pool.size;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.pool.closeAll();
    this.instance.closeSync();
    if (this.sandboxExportDir) removeExportDir(this.sandboxExportDir);
  }

  /** A statement on its own (not in a transaction), through the connection's prepared statements. */
  private async query<T>(connection: DuckDBConnection, original: SqlStatement, signal?: AbortSignal): Promise<T[]> {
    const result = await this.guarded(connection, original, signal, async (s) => {
      const cache = this.preparedCache(connection);
      const prepared = this.preparedStatements && reusable(s) ? await cache.get(s.text) : null;
      if (!prepared) return connection.run(s.text, s.values, s.types as never);
      try {
        prepared.bind(s.values, s.types as never);
        return await prepared.run();
      } catch (error) {
        cache.drop(s.text);
        throw error;
      }
    });
    return (await rowObjects(result, signal)) as T[];
  }

  private preparedCache(connection: DuckDBConnection): PreparedCache {
    let cache = this.preparedCaches.get(connection);
    if (!cache) this.preparedCaches.set(connection, (cache = new PreparedCache(connection)));
    return cache;
  }

  private async execute<T>(connection: DuckDBConnection, original: SqlStatement, signal?: AbortSignal): Promise<T[]> {
    return (await rowObjects(await this.materialize(connection, original, signal), signal)) as T[];
  }

  /** The whole result in DuckDB's chunks, for reading off the vectors. */
  private materialize(
    connection: DuckDBConnection,
    original: SqlStatement,
    signal?: AbortSignal,
  ): Promise<DuckDBMaterializedResult> {
    return this.guarded(connection, original, signal, (s) => connection.run(s.text, s.values, s.types as never));
  }

  private async guarded<R>(
    connection: DuckDBConnection,
    original: SqlStatement,
    signal: AbortSignal | undefined,
    run: (s: SqlStatement) => Promise<R>,
  ): Promise<R> {
    if (signal?.aborted) throw new StatementInterruptedError(signal.reason);
    const s = this.rewrite(original);
    this.statementCount++;
    for (const listener of this.listeners) listener(s);
    const interrupt = () => connection.interrupt();
    signal?.addEventListener('abort', interrupt, { once: true });
    try {
      return await run(s);
    } catch (error) {
      if (signal?.aborted) throw new StatementInterruptedError(signal.reason);
      throw error;
    } finally {
      signal?.removeEventListener('abort', interrupt);
    }
  }
}

/** `work` in one transaction on `connection`: committed if it succeeds, rolled back if it throws. */
async function inTransaction<T>(connection: DuckDBConnection, work: () => Promise<T>): Promise<T> {
  await connection.run('BEGIN TRANSACTION');
  try {
    const result = await work();
    await connection.run('COMMIT');
    return result;
  } catch (error) {
    await connection.run('ROLLBACK');
    throw error;
  }
}

/**
 * Rows in DuckDB's JSON form (as `getRowObjectsJson`), read off the materialized chunks where
 * they lie: fetching them one by one asks the thread pool for each, and its round trips were
 * about 0.5 ms of a few-hundred-row lookup.
 */
/** Rows converted between looks at the turn clock: cheap to check, small enough to bound a stretch. */
const ROWS_PER_CLOCK_CHECK = 128;

/**
 * DuckDB's result as row objects. Converting a large result (a province's villages' series: 100,000
 * rows of lists and structs) takes seconds of JavaScript, so it runs a turn at a time between
 * chunks (src/speed/turns.ts); a request whose signal fired meanwhile (time limit, shutdown) stops.
 */
async function rowObjects(result: DuckDBMaterializedResult, signal?: AbortSignal): Promise<Row[]> {
  const names = result.deduplicatedColumnNames();
  const rows: Row[] = [];
  const chunkCount = result.chunkCount;
  const clock = new TurnClock();
  for (let c = 0; c < chunkCount; c++) {
    const chunk = result.getChunk(c);
    const rowCount = chunk.rowCount;
    for (let r = 0; r < rowCount; r++) {
      // A chunk of lists of structs (series points) alone can take 100 ms: turns are taken within it.
      if (r % ROWS_PER_CLOCK_CHECK === 0) {
        const pause = clock.pause();
        if (pause) {
          await pause;
          if (signal?.aborted) throw new StatementInterruptedError(signal.reason);
        }
      }
      const row: Row = {};
      chunk.visitRowValues(r, (value, _row, column, type) => {
        row[names[column]!] = JsonDuckDBValueConverter(value, type, JsonDuckDBValueConverter);
      });
      rows.push(row);
    }
  }
  return rows;
}

/** Exported for the bench, which times DuckDB and this read apart. */
export function readVectors(result: DuckDBMaterializedResult, padded: ReadonlySet<string>): Record<string, unknown[]> {
  const names = result.columnNames();
  const columns = names.map((): unknown[] => []);
  const open = names.map(() => true);
  const chunkCount = result.chunkCount;
  for (let c = 0; c < chunkCount; c++) {
    const chunk = result.getChunk(c);
    names.forEach((name, i) => {
      if (!open[i]) return;
      const vector = chunk.getColumnVector(i);
      const column = columns[i]!;
      const cut = padded.has(name);
      const count = vector.itemCount;
      for (let r = 0; r < count; r++) {
        const item = vector.getItem(r);
        if (item === null && cut) {
          open[i] = false;
          return;
        }
        column.push(item);
      }
    });
  }
  return Object.fromEntries(names.map((name, i) => [name, columns[i]!]));
}
