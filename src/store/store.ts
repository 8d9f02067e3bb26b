import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { ConnectionPool } from './connection-pool.js';
import { statement, type Fragment, type SqlStatement } from './sql.js';

export type Row = Record<string, unknown>;

export interface StoreOptions {
  readonly path: string;
  readonly readOnly?: boolean;
  readonly poolSize?: number;
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
  private listeners: ((s: SqlStatement) => void)[] = [];

  private constructor(
    readonly path: string,
    private readonly instance: DuckDBInstance,
    private readonly pool: ConnectionPool,
  ) {}

  static async open(options: StoreOptions): Promise<Store> {
    const config: Record<string, string> = {};
    if (options.readOnly) config['access_mode'] = 'READ_ONLY';
    const instance = await DuckDBInstance.create(options.path, config);
    const pool = await ConnectionPool.create(instance, options.poolSize ?? 4);
    return new Store(options.path, instance, pool);
  }

  onStatement(listener: (s: SqlStatement) => void): () => void {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  async all<T = Row>(id: string, fragment: Fragment): Promise<T[]> {
    return this.pool.use((connection) => this.execute<T>(connection, statement(id, fragment)));
  }

  async transaction<T>(work: (tx: Transaction) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    return this.pool.use(async (connection) => {
      // The progress bar's own printing stays off: callers decide how to show progress.
      if (options.trackProgress) await connection.run('SET enable_progress_bar = true; SET enable_progress_bar_print = false');
      await connection.run('BEGIN TRANSACTION');
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
        const result = await work(tx);
        await connection.run('COMMIT');
        return result;
      } catch (error) {
        await connection.run('ROLLBACK');
        throw error;
      } finally {
        if (options.trackProgress) await connection.run('SET enable_progress_bar = false');
      }
    });
  }

  async checkpoint(): Promise<void> {
    await this.pool.use((connection) => connection.run('CHECKPOINT'));
  }

  close(): void {
    this.pool.closeAll();
    this.instance.closeSync();
  }

  private async execute<T>(connection: DuckDBConnection, s: SqlStatement): Promise<T[]> {
    this.statementCount++;
    for (const listener of this.listeners) listener(s);
    const reader = await connection.runAndReadAll(s.text, s.values, s.types as never);
    return reader.getRowObjectsJson() as T[];
  }
}
