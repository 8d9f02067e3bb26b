import { spawn } from 'node:child_process';
import { copyFile, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticBase, writeBigObservations } from '../support/big-file.js';
import { fingerprint } from '../support/fingerprint.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const FIXTURES = join(ROOT, 'test/fixtures/ingest');
const BIG_ROWS = 400_000;

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string[];
  stderr: string[];
}

/**
 * Runs `npm run load`'s entry point (or another command line's: `script`) as its own process. `killWhen` sees each stdout and stderr
 * line (phase events on stdout, progress lines on stderr) and SIGKILLs the loader when it
 * returns true.
 */
function load(args: string[], killWhen?: (line: string) => boolean, script = 'src/cli/load.ts'): Promise<Run> {
  // `node --import tsx` rather than the tsx CLI: the CLI runs the script in a child process,
  // and the kill must reach the process that holds the store.
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, script), ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const run: Run = { code: null, signal: null, stdout: [], stderr: [] };
  createInterface({ input: child.stdout! }).on('line', (line) => {
    run.stdout.push(line);
    if (killWhen?.(line)) child.kill('SIGKILL');
  });
  createInterface({ input: child.stderr! }).on('line', (line) => {
    run.stderr.push(line);
    if (killWhen?.(line)) child.kill('SIGKILL');
  });
  return new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      run.code = code;
      run.signal = signal;
      // Let readline deliver the last lines.
      setImmediate(() => resolve(run));
    });
  });
}

describe('npm run load', () => {
  let dir: string;
  let base: string;
  let big: string;
  let copies = 0;
  const copyOfBase = async () => {
    const path = join(dir, `store-${++copies}.duckdb`);
    await copyFile(base, path);
    return path;
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'grassroots-cli-'));
    base = join(dir, 'base.duckdb');
    await syntheticBase(base);
    big = join(dir, 'observations-1m.csv');
    await writeBigObservations(big, BIG_ROWS, 'csv');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('--dry-run validates and writes nothing; a rejected file exits 1 naming file, row, column and reason', async () => {
    const path = await copyOfBase();
    const before = await fingerprint(path);
    // a load's DuckDB memory is bounded as the server's is (it spills past the limit)
    const dry = await load([join(FIXTURES, 'valid.csv'), '--store', path, '--dry-run', '--duckdb-memory', '256MB']);
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout.at(-1)!)).toMatchObject({
      msg: 'valid (dry run, nothing written)',
      rowsRead: 2,
      wouldWrite: 2,
    });
    const rejected = await load([join(FIXTURES, 'negative-count.csv'), '--store', path]);
    expect(rejected.code).toBe(1);
    expect(rejected.stderr).toContain(
      "negative-count.csv row 1, column value: outside the indicator's domain: a count is a whole number of at least 0",
    );
    expect(JSON.parse(rejected.stdout.at(-1)!)).toMatchObject({ msg: 'rejected', total: 1 });
    const unsized = await load([join(FIXTURES, 'valid.csv'), '--store', path, '--duckdb-memory', 'plenty']);
    expect(unsized.code).toBe(2);
    expect(unsized.stderr.join('\n')).toContain('--duckdb-memory');
    expect(await fingerprint(path)).toEqual(before);
  }, 60_000);

  it('shows progress on a load over a second; killed with SIGKILL then, the store is exactly as before', async () => {
    const path = await copyOfBase();
    const before = await fingerprint(path);
    const run = await load([big, '--store', path], (line) => /rows read, [\d,]+ rows\/s/.test(line));
    expect(run.signal).toBe('SIGKILL');
    expect(run.stderr[0]).toMatch(
      /^(staging|validating|writing) .*: \d+% of this step, [\d,]+ rows read, [\d,]+ rows\/s, [\d.]+ s$/,
    );
    expect(await fingerprint(path)).toEqual(before);
  }, 120_000);

  it(`killed with SIGKILL as it starts writing ${BIG_ROWS.toLocaleString('en-US')} rows, the store is exactly as before and still loads`, async () => {
    const path = await copyOfBase();
    const before = await fingerprint(path);
    const run = await load([big, '--store', path], (line) => line.includes('"phase":"writing"'));
    expect(run.signal).toBe('SIGKILL');
    expect(await fingerprint(path)).toEqual(before);
    const after = await load([join(FIXTURES, 'valid.csv'), '--store', path]);
    expect(JSON.parse(after.stdout.at(-1)!)).toMatchObject({ msg: 'loaded', observationsWritten: 2 });
  }, 180_000);

  it('loads killed late leave the store as it was, and its file no bigger than the first such kill left it; npm run compact gives the space back', async () => {
    const path = await copyOfBase();
    const before = await fingerprint(path);
    const original = (await stat(path)).size;
    const sizes: number[] = [];
    for (let i = 0; i < 3; i++) {
      // Killed once every row is written, inside the transaction: the most a killed load leaves.
      const run = await load([big, '--store', path], (line) => line.includes('"phase":"serving"'));
      expect(run.signal).toBe('SIGKILL');
      sizes.push((await stat(path)).size);
    }
    expect(await fingerprint(path)).toEqual(before);
    // DuckDB reuses the blocks a killed transaction wrote: the file grows once, not with every kill
    // (a megabyte of slack for where in the refresh the kill landed).
    expect(Math.max(...sizes)).toBeLessThanOrEqual(sizes[0]! + 1_048_576);

    const compact = await load(['--store', path], undefined, 'src/cli/compact.ts');
    expect(compact.code, compact.stderr.join('\n')).toBe(0);
    const result = JSON.parse(compact.stdout.at(-1)!) as { msg: string; bytesBefore: number; bytesAfter: number };
    expect(result.msg).toBe('compacted');
    expect(result.bytesAfter).toBe((await stat(path)).size);
    expect(result.bytesAfter).toBeLessThan(Math.min(original, ...sizes));
    expect(await fingerprint(path)).toEqual(before);
    // The compacted store is a whole store: it takes the next load.
    const after = await load([join(FIXTURES, 'valid.csv'), '--store', path]);
    expect(JSON.parse(after.stdout.at(-1)!)).toMatchObject({ msg: 'loaded', observationsWritten: 2 });
  }, 300_000);
});
