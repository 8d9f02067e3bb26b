import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { cpus } from 'node:os';
import { Store } from '../store/store.js';
import { migrate } from '../store/migrate.js';
import { generateSynthetic, generatedScale } from '../synthetic/generate.js';
import { SCALES } from '../synthetic/scales.js';
import { isServingFresh, rebuildServingInSteps } from '../serving/refresh-serving.js';
import { projectPath } from '../project-root.js';
import { commandLineOrExit } from '../settings/command.js';
import { GENERATE } from '../settings/commands.js';

const { values } = commandLineOrExit(GENERATE);
const scale = SCALES[values.scale]!;
const out = values.out ?? projectPath(`bench/stores/${scale.name}.duckdb`);
if (existsSync(out) && !values.force) {
  console.log(`${out} exists; pass --force to regenerate`);
  process.exit(0);
}
await mkdir(dirname(out), { recursive: true });
// One name for the store being built, so a second run finds what a killed one left.
const tmp = `${out}.tmp`;
/** The store, its WAL and DuckDB's spill directory (`<store>.tmp`, beside it). */
const removeTmp = () =>
  Promise.all([tmp, `${tmp}.wal`, `${tmp}.tmp`].map((f) => rm(f, { recursive: true, force: true })));

const started = performance.now();
let phaseStarted = started;
/** Progress with the seconds each step took and the process's memory, to see where time and RSS go. */
const progress = (msg: string) => {
  const now = performance.now();
  const rss = (process.memoryUsage().rss / 2 ** 30).toFixed(1);
  console.log(`  ${msg} (${((now - phaseStarted) / 1000).toFixed(1)} s, RSS ${rss} GB)`);
  phaseStarted = now;
};

// One DuckDB thread. The insert reads a table made in the same transaction, which DuckDB scans
// on one thread, so a second thread has no task and busy-polls for one (perf: Executor::ExecuteTask
// and mutexes); on the shared 2-core machine that doubled CPU and, starving the working thread,
// wall time too (national: 84-166 CPU s with two threads, 79 with one).
const open = () => Store.open({ path: tmp, poolSize: 1, threads: 1, memoryLimit: values.duckdbMemory });
if (values.force) await removeTmp();
/** The store left by an earlier run of this scale with its observations written, if any. */
async function resumable(): Promise<Store | null> {
  if (!existsSync(tmp)) return null;
  const store = await open();
  await migrate(store);
  // The observations are written in one transaction: a store that has them has all of them.
  const found = await generatedScale(store);
  if (found === scale.name) return store;
  store.close();
  console.log(
    `  ${tmp} ${found === null ? 'was killed before its observations were written' : `holds scale ${found}`}; starting afresh`,
  );
  await removeTmp();
  return null;
}
let store = await resumable();
if (store) {
  progress(`going on with ${tmp}: its observations are written`);
} else {
  store = await open();
  await migrate(store);
  const result = await generateSynthetic(store, scale, projectPath('data'), progress);
  console.log(`  ${result.observations} observations, ${result.units} units`);
  // The observations' blocks are in the file already; the checkpoint makes a resume replay none of their WAL.
  await store.checkpoint();
}
// The serving layer's joins and aggregates do run in parallel.
await store.setThreads(cpus().length);
const servingStarted = performance.now();
if (!(await isServingFresh(store))) await rebuildServingInSteps(store, (step) => progress(`serving layer: ${step}`));
const servingSeconds = (performance.now() - servingStarted) / 1000;
await store.checkpoint();
store.close();
progress('checkpointed');
await rm(out, { force: true });
await rename(tmp, out);
await removeTmp();
console.log(
  JSON.stringify({ scale: scale.name, store: out, seconds: (performance.now() - started) / 1000, servingSeconds }),
);
