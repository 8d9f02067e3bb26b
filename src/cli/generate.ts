import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { cpus } from 'node:os';
import { Store } from '../store/store.js';
import { migrate } from '../store/migrate.js';
import { generateSynthetic } from '../synthetic/generate.js';
import { SCALES } from '../synthetic/scales.js';
import { ensureServingFresh } from '../serving/refresh-serving.js';
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
const tmp = `${out}.tmp-${process.pid}`;
await rm(tmp, { force: true });
// One DuckDB thread. The insert reads a table made in the same transaction, which DuckDB scans
// on one thread, so a second thread has no task and busy-polls for one (perf: Executor::ExecuteTask
// and mutexes); on the shared 2-core machine that doubled CPU and, starving the working thread,
// wall time too (national: 84-166 CPU s with two threads, 79 with one).
const store = await Store.open({ path: tmp, poolSize: 1, threads: 1 });
await migrate(store);
const result = await generateSynthetic(store, scale, projectPath('data'), (msg) => console.log(`  ${msg}`));
// The serving layer's joins and aggregates do run in parallel.
await store.setThreads(cpus().length);
const servingStarted = performance.now();
await ensureServingFresh(store, (indicator) => console.log(`  serving layer: ${indicator}`));
const servingSeconds = (performance.now() - servingStarted) / 1000;
await store.checkpoint();
store.close();
await rm(out, { force: true });
await rename(tmp, out);
console.log(JSON.stringify({ scale: scale.name, store: out, ...result, servingSeconds }));
