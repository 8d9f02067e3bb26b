import { describe, expect, it } from 'vitest';
import { startupProblem } from '../../src/startup-problem.js';
import { lockHolder } from '../../src/store/store-lock.js';
import { LoadError } from '../../src/ingest/load-error.js';

const DUCKDB_LOCK =
  'IO Error: Could not set lock on file "/srv/g.duckdb": Conflicting lock is held in /usr/bin/node (PID 7287). However, you would be able to open this database in read-only mode, e.g. by using the -readonly parameter in the CLI. See also https://duckdb.org/docs/stable/connect/concurrency';

describe('why a start failed, in one line', () => {
  it('names who holds a locked store', () => {
    expect(lockHolder(new Error(DUCKDB_LOCK))).toEqual({ path: '/srv/g.duckdb', program: 'node', pid: 7287 });
    expect(lockHolder(new Error('IO Error: Cannot open file "x": No such file or directory'))).toBeNull();
    expect(startupProblem(new Error(DUCKDB_LOCK))).toBe(
      'store /srv/g.duckdb is open in another process (node, PID 7287); stop it first, or start this server with --read-only to share the store read-only',
    );
  });

  it('a rejected seed load: its count and first problem, not its list', () => {
    const error = new LoadError(
      [
        { file: 'units.csv', row: 3, column: 'kind', reason: 'unknown kind "HAMLET"' },
        { file: 'units.csv', row: 4, column: 'kind', reason: 'unknown kind "HAMLET"' },
      ],
      2,
    );
    expect(startupProblem(error)).toBe(
      `the data directory's files were rejected (2 problems); the first: units.csv row 3, column kind: unknown kind "HAMLET"; npm run load -- --dry-run <file> lists a file's problems`,
    );
  });

  it('any other error: its message on one line', () => {
    expect(startupProblem(new Error('first\n  second\n'))).toBe('first; second');
    expect(startupProblem('plain')).toBe('plain');
  });
});
