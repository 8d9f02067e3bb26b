import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareTestStore } from '../support/seed-store.js';
import { SEED_DIR } from '../support/test-server.js';
import { postJson } from '../support/http.js';
import { until } from '../support/slow-statement.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const COMMUNE = { query: '{ locality(code: "commune/03385-2025-07-01") { name } }' };
type Line = { msg: string; url?: string; pid?: number; workers?: number };

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** `npm start -- --workers 2 --read-only` as a process of its own, with its log lines as they come. */
describe('npm start -- --workers 2 --read-only: two server processes on one port', () => {
  let dir: string;
  let primary: ChildProcess;
  const lines: Line[] = [];
  let resolveExit!: (code: number | null) => void;
  const exited = new Promise<number | null>((resolve) => (resolveExit = resolve));
  let url: string;
  const workerPids = () => lines.filter((l) => l.msg === 'worker listening').map((l) => l.pid!);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'grassroots-workers-'));
    const store = join(dir, 'store.duckdb');
    await prepareTestStore(store, SEED_DIR);
    primary = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(ROOT, 'src/main.ts'),
        '--workers',
        '2',
        '--read-only',
        '--store',
        store,
        '--port',
        '0',
        '--host',
        '127.0.0.1',
        '--pool',
        '2',
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, GRASSROOTS_WRITE_TOKEN: '' } },
    );
    primary.once('exit', (code) => resolveExit(code));
    createInterface({ input: primary.stdout! }).on('line', (line) => lines.push(JSON.parse(line) as Line));
    await until(() => lines.some((l) => l.msg === 'warm (every worker)') || primary.exitCode !== null, 90_000);
    url = lines.find((l) => l.msg === 'listening')!.url!;
  }, 120_000);

  afterAll(async () => {
    if (primary?.exitCode === null) primary.kill('SIGKILL');
    for (const pid of workerPids()) if (alive(pid)) process.kill(pid, 'SIGKILL');
    await rm(dir, { recursive: true, force: true });
  });

  it('the primary listens once both workers do, each a process of its own, and they answer GraphQL and /readyz', async () => {
    expect(lines.find((l) => l.msg === 'listening')).toMatchObject({ workers: 2 });
    expect(new Set(workerPids()).size).toBe(2);
    expect(workerPids()).not.toContain(primary.pid);
    for (let i = 0; i < 6; i++) {
      const answer = await postJson(url, COMMUNE, { connection: 'close' });
      expect(answer.json).toEqual({ data: { locality: { name: 'Tìa Dình' } } });
      const ready = await fetch(new URL('/readyz', url), { headers: { connection: 'close' } });
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ready', warm: true });
    }
  });

  it('refuses writes, saying the server is read-only', async () => {
    const write = await postJson(url, { query: 'mutation { recordObservations(input: []) { written } }' });
    expect(write.json?.errors?.[0]?.extensions?.['code']).toBe('READ_ONLY');
  });

  it('a worker that dies is replaced, and the port keeps answering', async () => {
    const [victim] = workerPids();
    process.kill(victim!, 'SIGKILL');
    await until(() => workerPids().length === 3, 60_000);
    expect(lines.some((l) => l.msg === 'worker died: starting another')).toBe(true);
    expect(alive(victim!)).toBe(false);
    const answer = await postJson(url, COMMUNE, { connection: 'close' });
    expect(answer.json).toEqual({ data: { locality: { name: 'Tìa Dình' } } });
  }, 90_000);

  it('SIGTERM to the primary stops every worker and exits 0', async () => {
    const running = workerPids().filter(alive);
    expect(running).toHaveLength(2);
    primary.kill('SIGTERM');
    expect(await exited).toBe(0);
    await until(() => running.every((pid) => !alive(pid)), 10_000);
    expect(lines.filter((l) => l.msg === 'stopped').length).toBeGreaterThanOrEqual(3);
  }, 30_000);
});
