import { basename } from 'node:path';

/** Another process holding a store file open, as DuckDB names it when it refuses the file. */
export interface LockHolder {
  readonly path: string;
  readonly pid: number;
  /** The holder's executable, e.g. "node". */
  readonly program: string;
}

// DuckDB's words (1.x): `IO Error: Could not set lock on file "/srv/g.duckdb": Conflicting lock is
// held in /usr/bin/node (PID 7287). However, you would be able to open this database in read-only
// mode, ...`. Only the part up to the PID is relied on.
const LOCK_REFUSED = /Could not set lock on file "([^"]+)": Conflicting lock is held in (.*?) \(PID (\d+)\)/;

/**
 * Who holds the store, when `error` is DuckDB refusing to open it because another process has it
 * open (one process may write a DuckDB file; readers share it only with other readers); null for
 * any other error.
 */
export function lockHolder(error: unknown): LockHolder | null {
  const match = LOCK_REFUSED.exec(error instanceof Error ? error.message : String(error));
  if (!match) return null;
  return { path: match[1]!, program: basename(match[2]!), pid: Number(match[3]) };
}
