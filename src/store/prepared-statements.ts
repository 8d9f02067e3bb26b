/**
 * Speed machinery: prepared statements kept per connection (docs/speed/prepared-statements.md).
 * It lives in the store, the only module that talks to DuckDB; src/speed/speed-config.ts lists it.
 *
 * What: each connection keeps the prepared form of the read statements it ran, by SQL text, and a
 * repeated text is bound to its new values and run.
 * Why: running a text afresh makes DuckDB split it, parse it and build a prepared statement on
 * every call, part of it on the JavaScript thread; a served lookup repeats the same text with new
 * bound values.
 * Off: `--prepared-statements false` (GRASSROOTS_PREPARED_STATEMENTS=false): every statement is
 * run from its text (Store.preparedStatements).
 */
import { LRUCache } from 'lru-cache';
import type { DuckDBConnection, DuckDBPreparedStatement } from '@duckdb/node-api';
import type { SqlStatement } from './sql.js';

export interface PreparedBounds {
  /** Statements kept. */
  readonly statements: number;
  /** Characters of SQL text they may hold together: a prepared statement's native memory grows with its text. */
  readonly textChars: number;
}

/** Per connection: the few dozen statement shapes a server repeats. */
export const PREPARED_PER_CONNECTION: PreparedBounds = { statements: 64, textChars: 256_000 };

/** A text longer than this is a one-off (a province's keys spelled out): kept, it would only push the repeated lookups out. */
const MAX_REUSED_TEXT = 8_000;

/**
 * Whether a statement's prepared form is worth keeping. DuckDB plans a statement with bound values
 * again on every run (with the values, so filters on them prune row groups); one without keeps
 * the plan made when it was prepared, and a plan can rest on table statistics a later write
 * makes wrong.
 */
export function reusable(s: SqlStatement): boolean {
  return s.values.length > 0 && s.text.length <= MAX_REUSED_TEXT;
}

/** null: a text of several statements, which DuckDB cannot prepare as one; it runs as before. */
interface Entry {
  readonly prepared: DuckDBPreparedStatement | null;
}

/**
 * One connection's prepared statements by SQL text, least recently used dropped first (and
 * destroyed), within a count and a total text size. Only statements with bound values come here
 * (`reusable`): no plan outlives the data it was made for.
 */
export class PreparedCache {
  private readonly statements: LRUCache<string, Entry>;

  constructor(
    private readonly connection: DuckDBConnection,
    bounds: PreparedBounds = PREPARED_PER_CONNECTION,
  ) {
    this.statements = new LRUCache<string, Entry>({
      max: bounds.statements,
      maxSize: bounds.textChars,
      sizeCalculation: (_entry, text) => Math.max(1, text.length),
      dispose: (entry) => entry.prepared?.destroySync(),
    });
  }

  async get(text: string): Promise<DuckDBPreparedStatement | null> {
    const cached = this.statements.get(text);
    if (cached !== undefined) return cached.prepared;
    const extracted = await this.connection.extractStatements(text);
    const prepared = extracted.count === 1 ? await extracted.prepare(0) : null;
    // (a reusable text is far under the size bound, so it is always kept, and destroyed when dropped)
    this.statements.set(text, { prepared });
    return prepared;
  }

  /** Forgets a statement whose run failed, so a later call prepares it afresh. */
  drop(text: string): void {
    this.statements.delete(text);
  }

  get size(): number {
    return this.statements.size;
  }
}
