/**
 * Ingestion benchmark (not part of npm test): loads 1,000,000 observation rows from CSV, from
 * Parquet and from JSON Lines into a fresh store each, through the real CLI in its own process,
 * and reports rows per second, time per phase and the loader's peak resident memory (VmHWM from
 * /proc). The machine's load average is recorded with each figure: on a shared machine it explains
 * most of the spread between runs.
 *
 *   npm run bench:ingest [-- --rows 1000000]
 */
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { prepareStore } from '../src/store/build-store.js';
import { Store } from '../src/store/store.js';
import { importDirectory } from '../src/ingest/import-directory.js';
import { syntheticTree, writeDataDir } from '../test/support/fixtures.js';
import { BIG_TREE, writeBigObservations } from '../test/support/big-file.js';
import { commandLineOrExit, defineCommand } from '../src/settings/command.js';
import { setting } from '../src/settings/setting.js';
import { wholeNumber } from '../src/settings/kinds.js';

const ROOT = new URL('..', import.meta.url).pathname;
const SEED_DIR = join(ROOT, 'data');
const INGEST = defineCommand({
  name: 'bench:ingest',
  usage: 'npm run bench:ingest [-- --rows 1000000]',
  summary:
    'Loads generated observation rows from CSV, Parquet and JSON Lines through the load CLI and writes bench/results/ingest.json.',
  settings: {
    rows: setting({
      flag: 'rows',
      env: null,
      kind: wholeNumber(1, 100_000_000),
      default: 1_000_000,
      help: 'rows per file',
    }),
  },
});
const ROWS = commandLineOrExit(INGEST).values.rows;

interface Measurement {
  format: string;
  rows: number;
  fileMB: number;
  loadSeconds: number;
  rowsPerSecond: number;
  wallSeconds: number;
  peakRssMB: number;
  /** Seconds spent staging, validating and writing (from the CLI's phase events). */
  phases: Record<string, number>;
  loadAverage: number;
}

/** Peak RSS of a running process; VmHWM only grows, so the last reading before exit is the peak. */
async function peakRss(pid: number): Promise<number> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

async function loadWithCli(
  file: string,
  store: string,
): Promise<{
  result: { rowsRead: number; seconds: number; observationsWritten: number };
  wall: number;
  peak: number;
  phases: Record<string, number>;
}> {
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/load.ts'), file, '--store', store], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let peak = 0;
  const timer = setInterval(() => void peakRss(child.pid!).then((p) => (peak = Math.max(peak, p))), 50);
  let out = '';
  const marks: [string, number][] = [];
  createInterface({ input: child.stdout! }).on('line', (line) => {
    out += line + '\n';
    const event = JSON.parse(line) as { msg: string; phase?: string };
    marks.push([event.phase ?? event.msg, Date.now()]);
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  clearInterval(timer);
  const phases: Record<string, number> = {};
  marks.forEach(([name, at], i) => {
    if (['staging', 'validating', 'writing'].includes(name) && marks[i + 1])
      phases[name] = +((marks[i + 1]![1] - at) / 1000).toFixed(2);
  });
  if (code !== 0) throw new Error(`load failed (${code}):\n${out}`);
  const last = JSON.parse(out.trim().split('\n').at(-1)!) as {
    rowsRead: number;
    seconds: number;
    observationsWritten: number;
  };
  return { result: last, wall: (Date.now() - started) / 1000, peak, phases };
}

const dir = await mkdtemp(join(tmpdir(), 'grassroots-bench-'));
try {
  // A store holding the seed and the synthetic villages the generated rows refer to.
  const base = join(dir, 'base.duckdb');
  await prepareStore(base, SEED_DIR);
  const tree = syntheticTree(BIG_TREE.communes, BIG_TREE.villages);
  delete tree['observations.csv'];
  const store = await Store.open({ path: base, poolSize: 1 });
  await importDirectory(store, await writeDataDir(tree), 'file');
  await store.checkpoint();
  store.close();

  const results: Measurement[] = [];
  for (const format of ['csv', 'parquet', 'jsonl'] as const) {
    const file = join(dir, `observations.${format}`);
    await writeBigObservations(file, ROWS, format);
    const target = join(dir, `${format}.duckdb`);
    await copyFile(base, target);
    const { result, wall, peak, phases } = await loadWithCli(file, target);
    if (result.observationsWritten !== ROWS)
      throw new Error(`${format}: wrote ${result.observationsWritten} of ${ROWS}`);
    const m: Measurement = {
      format,
      rows: ROWS,
      fileMB: +(statSync(file).size / 1e6).toFixed(1),
      loadSeconds: result.seconds,
      rowsPerSecond: Math.round(result.rowsRead / result.seconds),
      wallSeconds: +wall.toFixed(2),
      peakRssMB: Math.round(peak),
      phases,
      loadAverage: +loadavg()[0]!.toFixed(1),
    };
    results.push(m);
    console.log(JSON.stringify(m));
  }
  const report = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: cpus().length,
    cpu: cpus()[0]?.model,
    results,
  };
  await mkdir(join(ROOT, 'bench/results'), { recursive: true });
  await writeFile(join(ROOT, 'bench/results/ingest.json'), JSON.stringify(report, null, 2) + '\n');
  console.table(results);
} finally {
  await rm(dir, { recursive: true, force: true });
}
