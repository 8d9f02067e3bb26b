import { resolve } from 'node:path';
import { prepareStore } from '../store/build-store.js';
import { Store } from '../store/store.js';
import { fileInputs, hashInputs, UsageError } from '../ingest/file-inputs.js';
import { runLoad, type LoadProgress } from '../ingest/run-load.js';
import { LoadError } from '../ingest/load-error.js';
import { matchNames, printMatch } from '../units/match-names.js';
import { commandLineOrExit, type Command } from '../settings/command.js';
import { LOAD } from '../settings/commands.js';
import type { ValuesOf } from '../settings/setting.js';
import { lockHolder } from '../store/store-lock.js';
import { startupProblem } from '../startup-problem.js';

const number = (n: number) => Math.round(n).toLocaleString('en-US');

function showProgress(p: LoadProgress): void {
  const rate = p.seconds > 0 ? p.rowsRead / p.seconds : 0;
  process.stderr.write(
    `${p.phase} ${p.label}: ${p.percentage.toFixed(0)}% of this step, ${number(p.rowsRead)} rows read, ${number(rate)} rows/s, ${p.seconds.toFixed(1)} s\n`,
  );
}

/** `grassroots load` / `npm run load`: files of observations (or units, sources ...) in one transaction. */
export async function load(argv: readonly string[], command: Command<typeof LOAD.settings> = LOAD): Promise<number> {
  const { values, positionals } = commandLineOrExit(command, argv);
  try {
    return await loadInto(values, resolve(positionals[0]!));
  } catch (error) {
    if (error instanceof LoadError) {
      console.error(error.message);
      console.log(JSON.stringify({ msg: 'rejected', total: error.total, problems: error.problems }));
      return 1;
    }
    // DuckDB lets one process write a store file; say what that means here.
    const holder = lockHolder(error);
    console.error(
      holder
        ? `store ${holder.path} is open in another process (${holder.program}, PID ${holder.pid}; a running server?): stop it and load again`
        : startupProblem(error),
    );
    return error instanceof UsageError ? 2 : 1;
  }
}

async function loadInto(values: ValuesOf<typeof LOAD.settings>, target: string): Promise<number> {
  const storePath = values.store;
  let inputs = await fileInputs(target);
  await prepareStore(storePath, values.data);
  const store = await Store.open({ path: storePath, poolSize: 1, memoryLimit: values.duckdbMemory });
  try {
    // Stdout carries one JSON line per event, so scripts (and the tests) can follow a load.
    if (values.matchNames) inputs = await matchNames(store, inputs, values.asOf ?? undefined, printMatch);
    console.log(
      JSON.stringify({ msg: 'loading', files: inputs.map((i) => i.label), store: storePath, dryRun: values.dryRun }),
    );
    const result = await runLoad(store, inputs, {
      kind: 'file',
      origin: `file:${target}`,
      hash: await hashInputs(inputs),
      dryRun: values.dryRun,
      onProgress: showProgress,
      onPhase: (phase, label) => console.log(JSON.stringify({ msg: 'phase', phase, label })),
    });
    const rate = result.seconds > 0 ? result.rowsRead / result.seconds : 0;
    console.log(
      JSON.stringify({
        msg: result.skipped
          ? 'unchanged, nothing loaded'
          : result.dryRun
            ? 'valid (dry run, nothing written)'
            : 'loaded',
        ...result,
        rowsPerSecond: Math.round(rate),
      }),
    );
    if (!result.skipped && !result.dryRun) await store.checkpoint();
    return 0;
  } finally {
    store.close();
  }
}
