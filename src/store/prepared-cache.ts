import type { DuckDBConnection, DuckDBPreparedStatement } from '@duckdb/node-api';

/**
 * One connection's prepared statements by SQL text, least recently used dropped first. Running a
 * text afresh makes DuckDB split it, parse it and build a prepared statement on every call, part
 * of it on the JavaScript thread; a served lookup repeats the same text with new bound values,
 * so keeping its prepared statement saves that work each time. Only statements with bound values
 * come here (see `reusable` in store.ts): DuckDB plans those again with their values on every
 * run, so filters on them still prune row groups and no plan outlives the data it was made for.
 */
export class PreparedCache {
  /** null: a text of several statements, which DuckDB cannot prepare as one; it runs as before. */
  private readonly statements = new Map<string, DuckDBPreparedStatement | null>();

  constructor(private readonly connection: DuckDBConnection, private readonly capacity: number) {}

  async get(text: string): Promise<DuckDBPreparedStatement | null> {
    const cached = this.statements.get(text);
    if (cached !== undefined) {
      // Map order is insertion order: moving the entry to the end keeps the oldest first.
      this.statements.delete(text);
      this.statements.set(text, cached);
      return cached;
    }
    const extracted = await this.connection.extractStatements(text);
    const prepared = extracted.count === 1 ? await extracted.prepare(0) : null;
    this.statements.set(text, prepared);
    if (this.statements.size > this.capacity) {
      const [oldest, statement] = this.statements.entries().next().value!;
      this.statements.delete(oldest);
      statement?.destroySync();
    }
    return prepared;
  }

  /** Forgets a statement whose run failed, so a later call prepares it afresh. */
  drop(text: string): void {
    const statement = this.statements.get(text);
    if (!statement) return;
    this.statements.delete(text);
    statement.destroySync();
  }

  get size(): number {
    return this.statements.size;
  }
}
