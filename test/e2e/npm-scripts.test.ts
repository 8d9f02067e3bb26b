import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { postJson } from '../support/http.js';
import { groupAlive, groupGone, listeningUrl, runNpm } from '../support/npm-script.js';

const ROOT = new URL('../..', import.meta.url).pathname;

/**
 * The npm scripts an operator types, run as they are typed: a store made by `npm run generate`
 * served by `npm start`, which SIGTERM sent to npm (as a supervisor or `kill` does) stops, and
 * loaded into with `npm run load` afterwards.
 */
describe('npm run generate, npm start, SIGTERM to npm, npm run load', { timeout: 240_000 }, () => {
  let dir: string;
  const groups: number[] = [];
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'grassroots-npm-'));
  });
  afterAll(async () => {
    // A failed run must not leave a server holding the store (or a port) behind.
    for (const pgid of groups) if (groupAlive(pgid)) process.kill(-pgid, 'SIGKILL');
    await rm(dir, { recursive: true, force: true });
  });

  it('serves and loads into a generated store; SIGTERM to npm start stops the server and frees the store', async () => {
    const store = join(dir, 'generated.duckdb');
    const generate = runNpm(['run', '-s', 'generate', '--', '--scale', 'tiny', '--out', store]);
    expect(await generate.exited, generate.lines.join('\n')).toBe(0);

    // npm start prepares the generated store (migrations, the national units and the seed on top
    // of the generated catalogue) and serves it.
    const start = runNpm(['start', '--', '--port', '0', '--store', store]);
    groups.push(start.child.pid!);
    const url = await listeningUrl(start, 180_000);
    const log = () => start.lines.join('\n');
    expect(log()).toContain('"msg":"store opened"');
    const answer = await postJson(url, { query: '{ locality(code: "commune/03385-2025-07-01") { name } }' });
    expect(answer.json).toEqual({ data: { locality: { name: 'Tìa Dình' } } });

    // The signal goes to npm alone, not to its process group: npm relays it to its child, which
    // must be the server itself (a shell in between would die and leave the server running).
    start.child.kill('SIGTERM');
    expect(await start.exited, log()).toBe(0);
    expect(await groupGone(start.child.pid!, 15_000), `left running after npm exited:\n${log()}`).toBe(true);
    expect(log()).toContain('"msg":"stopped"');
    expect(log()).not.toMatch(/id already loaded|\n\s+at /);

    // The lock is released: the store opens for writing in this process...
    const reopened = await Store.open({ path: store, poolSize: 1 });
    reopened.close();
    // ...and npm run load adds to it.
    const load = runNpm(['run', '-s', 'load', '--', join(ROOT, 'test/fixtures/ingest/valid.csv'), '--store', store]);
    expect(await load.exited, load.lines.join('\n')).toBe(0);
    expect(load.lines.join('\n')).toContain('"msg":"loaded"');
    expect(groupAlive(load.child.pid!)).toBe(false);
  });
});
