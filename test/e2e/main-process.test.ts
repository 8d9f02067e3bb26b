import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphQLClient } from 'graphql-request';
import { getSdk } from '../../src/client/sdk.js';
import { halfSentRequest, statusOnNewConnection } from '../support/http.js';

const ROOT = new URL('../..', import.meta.url).pathname;

/** Starts `npm start`'s entry point as its own process and waits for its "listening" line. */
function startMain(
  env: Record<string, string>,
  args: string[],
): Promise<{ child: ChildProcess; url: string; lines: string[] }> {
  // `node --import tsx`, as npm start runs node itself: the tsx CLI runs the script in a child and
  // SIGKILLs it unless it confirms a relayed signal within 30 ms, which a child busy loading the
  // country's hierarchy after "listening" does not.
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/main.ts'), ...args], {
    cwd: ROOT,
    // Not NODE_ENV=test (vitest's): libraries behave differently under it (Apollo installs no
    // signal handlers), and the process must be tested as it runs.
    env: { ...process.env, UV_THREADPOOL_SIZE: '8', NODE_ENV: 'development', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  return new Promise((resolve, reject) => {
    // A first start builds the whole country's store: seconds on a quiet machine, more on a busy one.
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${lines.join('\n')}`)), 90_000);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${lines.join('\n')}`)));
    child.stderr!.on('data', (d: Buffer) => lines.push(d.toString()));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      lines.push(line);
      const entry = JSON.parse(line) as { msg: string; url?: string };
      if (entry.msg === 'listening') {
        clearTimeout(timer);
        resolve({ child, url: entry.url!, lines });
      }
    });
  });
}

/** The export directories (src/store/export-dir.ts) of the process `pid`. */
function exportDirsOf(pid: number): string[] {
  return readdirSync(tmpdir()).filter((name) => name.startsWith(`grassroots-exports-${pid}-`));
}

/** The id of a process that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid!;
}

describe('the server process (npm start)', { timeout: 120_000 }, () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'grassroots-main-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('builds its store, serves on loopback, stops cleanly on SIGTERM; its export directory is gone at stop, an abandoned one at start', async () => {
    const store = join(dir, 'main.duckdb');
    const { child, url, lines } = await startMain({ GRASSROOTS_STORE: store, HOST: '127.0.0.1' }, ['--port', '0']);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/graphql$/);
    expect(lines.join('\n')).toContain('"msg":"store built"');
    const sdk = getSdk(new GraphQLClient(url));
    const { locality } = await sdk.LocalityByCode({ code: 'commune/03385-2025-07-01' });
    expect(locality.name).toBe('Tìa Dình');
    expect(exportDirsOf(child.pid!)).toHaveLength(1);
    // SIGTERM with a request in flight (head and half its body sent): it is still answered.
    const inFlight = halfSentRequest(
      url,
      JSON.stringify({ query: '{ locality(code: "commune/03385-2025-07-01") { name } }' }),
    );
    // In flight means the server has read its head. A fixed wait was not always enough on a
    // loaded machine (the server, busy loading the hierarchy after "listening", read the head
    // after the signal and answered 503 SHUTTING_DOWN). The server reads its sockets in the order
    // their data came, so once a request sent after the head is answered, the head has been read.
    await inFlight.sent;
    expect(await statusOnNewConnection(url.replace('/graphql', '/healthz'))).toBe(200);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 200));
    inFlight.finish();
    const answered = await inFlight.response;
    expect(answered.status).toBe(200);
    expect(JSON.parse(answered.text)).toEqual({ data: { locality: { name: 'Tìa Dình' } } });
    expect(await exited).toBe(0);
    expect(lines.join('\n')).toContain('"msg":"stopped"');
    expect(exportDirsOf(child.pid!), 'its export directory is removed at stop').toEqual([]);

    // A server killed outright leaves its export directory; the next start removes it.
    const abandoned = join(tmpdir(), `grassroots-exports-${await deadPid()}-AbC123`);
    await mkdir(join(abandoned, 'grassroots-export-x'), { recursive: true });

    const second = await startMain({ GRASSROOTS_STORE: store, NODE_ENV: 'production' }, [
      '--port',
      '0',
      '--host',
      '127.0.0.1',
    ]);
    expect(second.lines.join('\n')).toContain('"msg":"store opened"');
    expect(existsSync(abandoned)).toBe(false);
    // NODE_ENV=production: introspection is off unless a setting turns it on.
    const introspection = await fetch(second.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __schema { queryType { name } } }' }),
    });
    expect(introspection.status).toBe(400);
    expect(JSON.stringify(await introspection.json())).toContain('Introspection is off on this server');
    expect(exportDirsOf(second.child.pid!)).toHaveLength(1);
    const stopped = new Promise<number | null>((resolve) => second.child.once('exit', (code) => resolve(code)));
    second.child.kill('SIGINT');
    expect(await stopped).toBe(0);
    expect(second.lines.join('\n')).toContain('"msg":"stopped"');
  });

  it('rejects a bad setting with the setting named', async () => {
    const error = await startMain({ GRASSROOTS_STORE: join(dir, 'x.duckdb') }, ['--port', '99999']).catch(
      (e: Error) => e,
    );
    expect((error as Error).message).toContain('port: expected 0..65535');
  });
});
