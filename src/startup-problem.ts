import { LoadError } from './ingest/load-error.js';
import { lockHolder } from './store/store-lock.js';

/**
 * Why the server could not start, as the one line it prints on stderr before exiting 1: the
 * error's own words where they are already one clear line (DuckDB's, a snapshot's, a setting's),
 * rewritten where they are not (a lock held by another process, a rejected seed load).
 */
export function startupProblem(error: unknown): string {
  const holder = lockHolder(error);
  if (holder)
    return `store ${holder.path} is open in another process (${holder.program}, PID ${holder.pid}); stop it first, or start this server with --read-only to share the store read-only`;
  if (error instanceof LoadError) {
    const first = error.problems[0];
    const where = first ? `; the first: ${first.file} row ${first.row}, column ${first.column}: ${first.reason}` : '';
    return `the data directory's files were rejected (${error.total} problem${error.total === 1 ? '' : 's'})${where}; npm run load -- --dry-run <file> lists a file's problems`;
  }
  const message = error instanceof Error ? error.message : String(error);
  return message
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join('; ');
}
