import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { prepareStore } from '../store/build-store.js';
import { Store } from '../store/store.js';
import { fileInputs, hashInputs, UsageError } from '../ingest/file-inputs.js';
import { runLoad, type LoadProgress } from '../ingest/run-load.js';
import { LoadError } from '../ingest/load-error.js';
import { PROJECT_ROOT as ROOT } from '../project-root.js';
import { matchNames, printMatch } from '../units/match-names.js';

const HELP = `npm run load -- <file-or-dir> [--store PATH] [--data DIR] [--dry-run] [--match-names --as-of DATE]

Loads observations (or units, sources ... when the file is named units.csv, sources.parquet ...)
from CSV, Parquet (.parquet) or JSON Lines (.jsonl, .ndjson) in one transaction: every row is
validated first; one rejected row rejects the load and nothing is written.

  --store PATH   DuckDB store file (env GRASSROOTS_STORE, default var/grassroots.duckdb), prepared
                 as npm start does: built from --data if missing, else migrated and the seed
                 re-imported (a no-op when unchanged). Stop the server first: one process owns a store.
  --data DIR     seed directory (env GRASSROOTS_DATA, default data/)
  --dry-run      validate and report, write nothing
  --match-names  subject_id holds units as a statistics office prints them ("Xã Tìa Dình",
                 "H. Điện Biên Đông", a GSO code), optionally placed by province and district
                 columns; each is matched to the one unit in force on --as-of, or the row is
                 rejected with the candidates. One JSON line per row shows the matching.
Exit status: 0 loaded (or nothing new), 1 rejected, 2 usage error.`;

const number = (n: number) => Math.round(n).toLocaleString('en-US');

function showProgress(p: LoadProgress): void {
  const rate = p.seconds > 0 ? p.rowsRead / p.seconds : 0;
  process.stderr.write(`${p.phase} ${p.label}: ${p.percentage.toFixed(0)}% of this step, ${number(p.rowsRead)} rows read, ${number(rate)} rows/s, ${p.seconds.toFixed(1)} s\n`);
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { store: { type: 'string' }, data: { type: 'string' }, 'dry-run': { type: 'boolean' }, help: { type: 'boolean' }, 'match-names': { type: 'boolean' }, 'as-of': { type: 'string' } },
  });
  if (values.help || positionals.length !== 1) {
    console.log(HELP);
    return values.help ? 0 : 2;
  }
  const target = resolve(positionals[0]!);
  const storePath = resolve(values.store ?? process.env['GRASSROOTS_STORE'] ?? resolve(ROOT, 'var/grassroots.duckdb'));
  let inputs = await fileInputs(target);
  await prepareStore(storePath, resolve(values.data ?? process.env['GRASSROOTS_DATA'] ?? resolve(ROOT, 'data')));
  const store = await Store.open({ path: storePath, poolSize: 1 });
  try {
    // Stdout carries one JSON line per event, so scripts (and the tests) can follow a load.
    if (values['match-names']) inputs = await matchNames(store, inputs, values['as-of'], printMatch);
    console.log(JSON.stringify({ msg: 'loading', files: inputs.map((i) => i.label), store: storePath, dryRun: values['dry-run'] ?? false }));
    const result = await runLoad(store, inputs, {
      kind: 'file',
      origin: `file:${target}`,
      hash: await hashInputs(inputs),
      dryRun: values['dry-run'] ?? false,
      onProgress: showProgress,
      onPhase: (phase, label) => console.log(JSON.stringify({ msg: 'phase', phase, label })),
    });
    const rate = result.seconds > 0 ? result.rowsRead / result.seconds : 0;
    console.log(JSON.stringify({ msg: result.skipped ? 'unchanged, nothing loaded' : result.dryRun ? 'valid (dry run, nothing written)' : 'loaded', ...result, rowsPerSecond: Math.round(rate) }));
    if (!result.skipped && !result.dryRun) await store.checkpoint();
    return 0;
  } finally {
    store.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof LoadError) {
      console.error(error.message);
      console.log(JSON.stringify({ msg: 'rejected', total: error.total, problems: error.problems }));
      process.exit(1);
    }
    const message = error instanceof Error ? error.message : String(error);
    // DuckDB lets one process own a store file; say what that means here.
    if (message.includes('Could not set lock')) console.error(`the store is open in another process (a running server?): stop it and load again.\n${message}`);
    else console.error(error instanceof UsageError ? message : error);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
