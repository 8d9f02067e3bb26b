import { spawn, type ChildProcess } from 'node:child_process';
import { appendFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { exportSnapshot, MANIFEST, type SnapshotManifest } from '../../src/store/snapshot.js';
import { syntheticTree, writeDataDir } from '../support/fixtures.js';

const ROOT = new URL('../..', import.meta.url).pathname;

interface Started {
  readonly child: ChildProcess;
  readonly stdout: string[];
  readonly stderr: string[];
  /** Resolves with "listening" or the exit code, whichever comes first. */
  readonly outcome: Promise<'listening' | number | null>;
}

/** The server's entry point as its own process, as main-process.test.ts starts it. */
function startMain(args: readonly string[]): Started {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/main.ts'), '--port', '0', ...args], {
    cwd: ROOT,
    env: { ...process.env, UV_THREADPOOL_SIZE: '8', NODE_ENV: 'development' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout: string[] = [];
  const stderr: string[] = [];
  const outcome = new Promise<'listening' | number | null>((resolve) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      stdout.push(line);
      if (line.includes('"msg":"listening"')) resolve('listening');
    });
    createInterface({ input: child.stderr! }).on('line', (line) => stderr.push(line));
    child.once('exit', (code) => setImmediate(() => resolve(code)));
  });
  return { child, stdout, stderr, outcome };
}

/** A start that must fail: its exit status and its stderr, which must be one line and no stack trace. */
async function failedStart(args: readonly string[]): Promise<{ code: number | null; line: string }> {
  const run = startMain(args);
  const outcome = await run.outcome;
  if (outcome === 'listening') {
    run.child.kill('SIGKILL');
    throw new Error(`started although it should not have:\n${run.stdout.join('\n')}`);
  }
  expect(run.stderr, run.stderr.join('\n')).toHaveLength(1);
  expect(run.stderr[0]).not.toMatch(/^\s+at |Error:\s*$/);
  return { code: outcome, line: run.stderr[0]! };
}

describe('a server that cannot start says why in one line on stderr and exits non-zero', { timeout: 120_000 }, () => {
  let dir: string;
  let data: string;
  let store: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'grassroots-startup-'));
    data = await writeDataDir(syntheticTree(2, 2), true);
    store = join(dir, 'store.duckdb');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await rm(data, { recursive: true, force: true });
  });

  it('a second server on a store another server holds: the store, the holder and what to do', async () => {
    const first = startMain(['--store', store, '--data', data]);
    try {
      expect(await first.outcome, first.stdout.join('\n')).toBe('listening');
      const second = await failedStart(['--store', store, '--data', data]);
      expect(second.code).toBe(1);
      expect(second.line).toBe(
        `grassroots: cannot start: store ${store} is open in another process (node, PID ${first.child.pid}); stop it first, or start this server with --read-only to share the store read-only`,
      );
    } finally {
      const exited = new Promise((resolve) => first.child.once('exit', resolve));
      first.child.kill('SIGTERM');
      await exited;
    }
  });

  it('a snapshot directory that is not one, or whose file does not match its manifest', async () => {
    const empty = join(dir, 'not-a-snapshot');
    await mkdir(empty);
    expect(await failedStart(['--snapshot', empty])).toEqual({
      code: 1,
      line: `grassroots: cannot start: ${empty}: no manifest.json; not a snapshot written by npm run export`,
    });

    const snapshot = join(dir, 'snapshot');
    const source = await Store.open({ path: store, readOnly: true, poolSize: 1 });
    try {
      await exportSnapshot(source, snapshot);
    } finally {
      source.close();
    }
    const manifest = JSON.parse(await readFile(join(snapshot, MANIFEST), 'utf8')) as SnapshotManifest;
    const damaged = manifest.tables.find((t) => t.name === 'observations')!;
    await appendFile(join(snapshot, damaged.file), 'x');
    expect(await failedStart(['--snapshot', snapshot])).toEqual({
      code: 1,
      line: `grassroots: cannot start: ${snapshot}/${damaged.file}: checksum does not match the manifest`,
    });
  });

  it('a store file that is not a DuckDB store', async () => {
    const notAStore = join(dir, 'notes.duckdb');
    await writeFile(notAStore, 'not a database\n');
    const { code, line } = await failedStart(['--store', notAStore, '--data', data]);
    expect(code).toBe(1);
    expect(line).toBe(
      `grassroots: cannot start: IO Error: The file "${notAStore}" exists, but it is not a valid DuckDB database file!`,
    );
  });

  it('a bad flag: the flag, what it accepts, exit status 2', async () => {
    expect(await failedStart(['--store', store, '--pool', 'many'])).toEqual({
      code: 2,
      line: '--pool: expected a whole number 1..64, got "many" (--help lists the options)',
    });
  });
});
