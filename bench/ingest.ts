/**
 * Ingestion benchmark (not part of npm test): loads 1,000,000 observation rows from CSV, from
 * Parquet and from JSON Lines into a fresh copy of a store each, through the real CLI in its own
 * process, and reports the time until the rows are queryable (committed with the serving layer
 * refreshed), phase by phase (staging, validating, writing, serving), the loader's peak resident
 * memory (VmHWM from /proc), and beside it, in the same run, the time DuckDB alone takes to read
 * the same file into a table of a copy of the same store file (CREATE TABLE AS read_csv). The
 * machine's load average is recorded with each figure: on a shared machine it explains most of
 * the spread between runs.
 *
 * --base synthetic (default): the seed and 1,000 synthetic villages, one daily series per village.
 * --base province: a generated province (`npm run generate -- --scale province`, ~40 s first),
 * loaded with every village indicator month after month: every village and, through the
 * rollups, every commune and the province are touched.
 *
 *   npm run bench:ingest [-- --rows 1000000 --base province --formats csv]
 */
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { prepareStore } from '../src/store/build-store.js';
import { Store } from '../src/store/store.js';
import { syntheticBase, writeBigObservations, writeProvinceObservations } from '../test/support/big-file.js';
import { sql, raw } from '../src/store/sql.js';
import { commandLineOrExit, defineCommand } from '../src/settings/command.js';
import { setting } from '../src/settings/setting.js';
import { choice, list, wholeNumber } from '../src/settings/kinds.js';

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
    base: setting({
      flag: 'base',
      env: null,
      kind: choice(['synthetic', 'province']),
      default: 'synthetic' as 'synthetic' | 'province',
      help: 'the store loaded into: the seed with 1,000 synthetic villages, or a generated province',
    }),
    formats: setting({
      flag: 'formats',
      env: null,
      kind: list('FORMAT,...', 'csv, parquet, jsonl'),
      default: ['csv', 'parquet', 'jsonl'] as readonly string[],
      help: 'file formats to load',
    }),
  },
});
const OPTIONS = commandLineOrExit(INGEST).values;
const ROWS = OPTIONS.rows;
type Format = 'csv' | 'parquet' | 'jsonl';

interface Measurement {
  format: string;
  base: string;
  rows: number;
  fileMB: number;
  /** From the load's start to its commit, serving layer refreshed: the time a user waits for. */
  queryableSeconds: number;
  rowsPerSecond: number;
  /** The CLI process from start to exit (TypeScript start-up and the checkpoint included). */
  wallSeconds: number;
  peakRssMB: number;
  /** Seconds per phase (staging, validating, writing, serving), from the CLI's phase events. */
  phases: Record<string, number>;
  /** How the serving layer followed the load ('incremental', 'full'). */
  serving: string;
  /** DuckDB alone reading the same file into a table of a copy of the same store (CREATE TABLE AS). */
  duckdbSeconds: number;
  /** queryableSeconds / duckdbSeconds: the target is at most 3. */
  ratio: number;
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
  result: { rowsRead: number; seconds: number; observationsWritten: number; serving?: string };
  wall: number;
  queryable: number;
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
    if (['staging', 'validating', 'writing', 'serving'].includes(name) && marks[i + 1])
      phases[name] = +((marks[i + 1]![1] - at) / 1000).toFixed(2);
  });
  if (code !== 0) throw new Error(`load failed (${code}):\n${out}`);
  const last = JSON.parse(out.trim().split('\n').at(-1)!) as {
    rowsRead: number;
    seconds: number;
    observationsWritten: number;
    serving?: string;
  };
  // 'loading' is printed as the load starts, 'loaded' once it has committed.
  const from = marks.find(([name]) => name === 'loading')?.[1] ?? started;
  const to = marks.find(([name]) => name === 'loaded')?.[1] ?? Date.now();
  return { result: last, wall: (Date.now() - started) / 1000, queryable: (to - from) / 1000, peak, phases };
}

const DUCKDB_READERS: Record<Format, string> = {
  csv: 'read_csv',
  parquet: 'read_parquet',
  jsonl: 'read_json',
};

/** DuckDB on its own: the file read into a new table of a copy of the store, committed. */
async function duckdbAlone(file: string, format: Format, base: string, target: string): Promise<number> {
  await copyFile(base, target);
  const store = await Store.open({ path: target, poolSize: 1 });
  try {
    const started = performance.now();
    await store.all(
      'bench.duckdb-alone',
      sql`CREATE TABLE duckdb_alone AS SELECT * FROM ${raw(DUCKDB_READERS[format])}(${file})`,
    );
    return (performance.now() - started) / 1000;
  } finally {
    store.close();
    await rm(target, { force: true });
  }
}

/** The province store and its file of figures (generated by the CLI, as a user would). */
async function provinceBase(base: string): Promise<void> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'src/cli/generate.ts'), '--scale', 'province', '--out', base, '--force'],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`generate failed (${code})`);
  // As the load CLI would on its first run (the seed re-imported, the layer rebuilt): once, not timed.
  await prepareStore(base, SEED_DIR);
}

/** The rows to load, in `format`: for the province, written as CSV and converted by DuckDB. */
async function writeRows(base: string, dir: string, file: string, format: Format): Promise<void> {
  if (OPTIONS.base === 'synthetic') return writeBigObservations(file, ROWS, format);
  const csv = join(dir, 'province.csv');
  const store = await Store.open({ path: base, poolSize: 1, readOnly: true });
  try {
    if (!existsSync(csv)) await writeProvinceObservations(store, csv, ROWS);
    if (format === 'csv') return await copyFile(csv, file);
    const options = format === 'parquet' ? 'FORMAT parquet' : 'FORMAT json';
    await store.all(
      'bench.convert',
      sql`COPY (SELECT * FROM read_csv(${csv}, all_varchar = true)) TO ${raw(`'${file.replace(/'/g, "''")}'`)} (${raw(options)})`,
    );
  } finally {
    store.close();
  }
}

const dir = await mkdtemp(join(tmpdir(), 'grassroots-bench-'));
try {
  const base = join(dir, 'base.duckdb');
  await (OPTIONS.base === 'province' ? provinceBase(base) : syntheticBase(base));

  const results: Measurement[] = [];
  for (const format of OPTIONS.formats as Format[]) {
    const file = join(dir, `observations.${format}`);
    await writeRows(base, dir, file, format);
    // DuckDB alone first, on an identical copy: the same file, the same store, the same minute.
    const duckdbSeconds = await duckdbAlone(file, format, base, join(dir, `duckdb-${format}.duckdb`));
    const target = join(dir, `${format}.duckdb`);
    await copyFile(base, target);
    const { result, wall, queryable, peak, phases } = await loadWithCli(file, target);
    if (result.observationsWritten !== ROWS)
      throw new Error(`${format}: wrote ${result.observationsWritten} of ${ROWS}`);
    await rm(target, { force: true });
    const m: Measurement = {
      format,
      base: OPTIONS.base,
      rows: ROWS,
      fileMB: +(statSync(file).size / 1e6).toFixed(1),
      queryableSeconds: +queryable.toFixed(2),
      rowsPerSecond: Math.round(result.rowsRead / queryable),
      wallSeconds: +wall.toFixed(2),
      peakRssMB: Math.round(peak),
      phases,
      serving: result.serving ?? 'none',
      duckdbSeconds: +duckdbSeconds.toFixed(2),
      ratio: +(queryable / duckdbSeconds).toFixed(2),
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
    command: `npm run bench:ingest -- --rows ${ROWS} --base ${OPTIONS.base} --formats ${OPTIONS.formats.join(',')}`,
    results,
  };
  await mkdir(join(ROOT, 'bench/results'), { recursive: true });
  const name = OPTIONS.base === 'synthetic' ? 'ingest.json' : `ingest-${OPTIONS.base}.json`;
  await writeFile(join(ROOT, 'bench/results', name), JSON.stringify(report, null, 2) + '\n');
  console.table(
    results.map(({ phases, ...m }) => ({
      ...m,
      ...Object.fromEntries(Object.entries(phases).map(([k, v]) => [`${k}Seconds`, v])),
    })),
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}
