import { execFileSync } from 'node:child_process';
import { constants } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../../src/server.js';
import { Store } from '../../src/store/store.js';
import type { SqlStatement } from '../../src/store/sql.js';
import { prepareTestStore } from '../support/seed-store.js';
import { SEED_DIR } from '../support/test-server.js';
import { postJson } from '../support/http.js';

const COMMUNE = { query: '{ locality(code: "commune/03385-2025-07-01") { name } }' };

/**
 * A store rewrite (test seam) that makes the first load of the in-memory hierarchy also read a
 * named pipe: DuckDB waits on it, so the server stays cold, for real, until the test writes to
 * the pipe. No timing is involved either way.
 */
function gatedHierarchy(fifo: string): (s: SqlStatement) => SqlStatement {
  let gated = false;
  return (s) => {
    if (s.id !== 'hierarchy.units' || gated) return s;
    gated = true;
    return {
      ...s,
      text: `SELECT q.* FROM (${s.text}) q, (SELECT count(*) AS n FROM read_csv('${fifo}', header = false, columns = {'line': 'VARCHAR'})) gate WHERE gate.n >= 0`,
    };
  };
}

/** Writes a line to the pipe if a reader has it open, then closes it (the reader sees its end). */
async function openPipe(fifo: string): Promise<void> {
  const handle = await open(fifo, constants.O_WRONLY | constants.O_NONBLOCK).catch(() => null);
  if (handle === null) return;
  // The reader may close between our open and our write (EPIPE): the loop opens again.
  await handle.writeFile('open\n').catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  await handle.close();
}

describe.skipIf(process.platform === 'win32')('/readyz while the in-memory copies load', () => {
  let dir: string;
  let path: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'grassroots-warm-'));
    path = join(dir, 'store.duckdb');
    await prepareTestStore(path, SEED_DIR);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  async function coldServer(name: string, readyWhenWarm?: boolean) {
    const fifo = join(dir, name);
    execFileSync('mkfifo', [fifo]);
    const store = await Store.open({ path, readOnly: true, poolSize: 4, threads: 1, rewrite: gatedHierarchy(fifo) });
    const server = await createServer(store, {
      host: '127.0.0.1',
      port: 0,
      log: () => {},
      // Cold for real each time: no warm files of the previous server on this store.
      warmDir: null,
      ...(readyWhenWarm === undefined ? {} : { readyWhenWarm }),
    });
    const readyz = async () => {
      const r = await fetch(new URL('/readyz', server.url));
      return { status: r.status, body: (await r.json()) as unknown };
    };
    return {
      server,
      readyz,
      /** Lets the held load finish, and waits until the server is warm. */
      warmUp: async () => {
        let warm = false;
        const warming = server.warm().then(() => (warm = true));
        // DuckDB opens the pipe when it prepares the statement and again when it runs it: each
        // open waiting for a writer gets one (a non-blocking open fails while none waits).
        while (!warm) {
          await openPipe(fifo);
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
        await warming;
      },
      close: async () => {
        await server.close();
        store.close();
      },
    };
  }

  it('answers 503 "warming up" until warm, serving the same answers meanwhile, then 200', async () => {
    const cold = await coldServer('gate-default');
    try {
      expect(await cold.readyz()).toEqual({
        status: 503,
        body: { status: 'unavailable', reason: 'warming up: loading the in-memory copies', warm: false },
      });
      const before = await postJson(cold.server.url, COMMUNE);
      expect(before.status).toBe(200);
      expect(before.json).toEqual({ data: { locality: { name: 'Tìa Dình' } } });

      await cold.warmUp();
      expect(await cold.readyz()).toEqual({ status: 200, body: { status: 'ready', warm: true } });
      expect((await postJson(cold.server.url, COMMUNE)).json).toEqual(before.json);
    } finally {
      await cold.warmUp().catch(() => {});
      await cold.close();
    }
  });

  it('with readyWhenWarm false (--ready-when-warm false) it is ready while cold, and says so', async () => {
    const cold = await coldServer('gate-opt-out', false);
    try {
      expect(await cold.readyz()).toEqual({ status: 200, body: { status: 'ready', warm: false } });
      await cold.warmUp();
      expect(await cold.readyz()).toEqual({ status: 200, body: { status: 'ready', warm: true } });
    } finally {
      await cold.close();
    }
  });
});
