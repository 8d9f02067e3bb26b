import { execFileSync } from 'node:child_process';
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import type { SqlStatement } from '../../src/store/sql.js';

/**
 * A statement held until the test lets it go: the statement also reads a named pipe (through a
 * store's `rewrite`, the test seam), and DuckDB waits on the pipe until a writer opens and closes it.
 */
export class PipeGate {
  constructor(readonly path: string) {
    execFileSync('mkfifo', [path]);
  }

  /** The statement, held on the pipe. */
  hold(s: SqlStatement): SqlStatement {
    return {
      ...s,
      text: `SELECT q.* FROM (${s.text}) q, (SELECT count(*) AS n FROM read_csv('${this.path}', header = false, columns = {'line': 'VARCHAR'})) gate WHERE gate.n >= 0`,
    };
  }

  /** Lets held statements go on (each of DuckDB's opens of the pipe gets an end) until `done` settles. */
  async releaseUntil(done: Promise<unknown>): Promise<void> {
    let settled = false;
    const waiting = done.finally(() => (settled = true));
    while (!settled) {
      const handle = await open(this.path, constants.O_WRONLY | constants.O_NONBLOCK).catch(() => null);
      if (handle) {
        // The reader may close between the open and the write (EPIPE): it had its end either way.
        await handle.writeFile('open\n').catch(() => {});
        await handle.close();
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await waiting;
  }
}
