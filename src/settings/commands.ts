import { projectPath } from '../project-root.js';
import { SCALES } from '../synthetic/scales.js';
import { FINDING_KINDS } from '../national/findings.js';
import { defineCommand } from './command.js';
import { choice, isoDate, jsonObject, path, presence } from './kinds.js';
import { optionalSetting, setting } from './setting.js';
import { SETTINGS } from './settings.js';

const { store, data, duckdbMemory } = SETTINGS;

/** The server (npm start); src/config.ts turns its values into the server's options. */
export const SERVE = defineCommand({
  name: 'serve',
  usage: 'npm start -- [options]',
  summary:
    'Serves GraphQL on /graphql, exports, the IDE and /explore from a DuckDB store (built from the seed data when missing).',
  settings: SETTINGS,
  conflicts: (v) => [
    // DuckDB's node binding runs every statement on libuv's thread pool (default 4 threads): with
    // as many connections busy as threads, nothing else (connect, fs) gets a thread and the process
    // hangs. Setting the variable from inside the process is too late (under tsx the pool already
    // exists when main.ts runs), so it is checked here and set by `npm start`.
    ...(v.threadpool > v.pool
      ? []
      : [
          {
            setting: 'pool',
            message: `${v.pool} connections need UV_THREADPOOL_SIZE above ${v.pool} (it is ${v.threadpool}); start with UV_THREADPOOL_SIZE=${v.pool + 4}`,
          },
        ]),
    // Each worker opens the store itself, and DuckDB lets several processes open a file only read-only.
    ...(v.workers > 1 && !v.readOnly && v.snapshot === null
      ? [
          {
            setting: 'workers',
            message: `${v.workers} workers serve a store read-only: add --read-only (or --snapshot)`,
          },
        ]
      : []),
    ...(v.snapshot !== null && v.writeToken !== null
      ? [
          {
            setting: 'snapshot',
            message: 'a server started from a snapshot is read-only; unset GRASSROOTS_WRITE_TOKEN',
          },
        ]
      : []),
  ],
  footer: 'Each part of the speed machinery is described in docs/speed/.',
});

export const QUERY = defineCommand({
  name: 'query',
  usage: `npm run -s query -- '<graphql>' [--json] [--variables '{"k":"v"}'] [--store PATH] [--data DIR]`,
  summary: `Answers a GraphQL query against a local store without starting a server. Prints a table when the
answer is a list of objects, JSON otherwise (or always, with --json). A store that does not exist yet
is built from --data first. The store is opened read-only; a store a running server holds cannot be opened.`,
  settings: {
    store,
    data,
    json: setting({ flag: 'json', env: null, kind: presence, default: false, help: 'print JSON, never a table' }),
    variables: optionalSetting({
      flag: 'variables',
      env: null,
      kind: jsonObject,
      defaultText: 'none',
      help: "the operation's variables",
    }),
  },
  positionals: { names: '<graphql>', count: 1, missing: 'give exactly one GraphQL document' },
  footer: 'Exit status: 0 answered, 1 GraphQL errors, 2 usage error.',
});

export const LOAD = defineCommand({
  name: 'load',
  usage: 'npm run load -- <file-or-dir> [--store PATH] [--data DIR] [--dry-run] [--match-names --as-of DATE]',
  summary: `Loads observations (or units, sources ... when the file is named units.csv, sources.parquet ...)
from CSV, Parquet (.parquet) or JSON Lines (.jsonl, .ndjson) in one transaction: every row is
validated first; one rejected row rejects the load and nothing is written. The store is prepared
as npm start does: built from --data if missing, else migrated and the seed re-imported (a no-op
when unchanged). Stop the server first: one process owns a store.`,
  settings: {
    store,
    data,
    // DuckDB spills past it: a million-row load peaked at 2.6 GB without a limit. The process peaks
    // 0.4-0.6 GB above the limit (the serving refresh's rollups): with the server's 1GB, 1.37-1.59 GB
    // over three runs; with 800MB, 1.19-1.29 GB, and a median 12.3 s to queryable against 11.7 s
    // (`npm run bench:ingest -- --base province`'s file, the two limits alternated).
    duckdbMemory: setting({ ...duckdbMemory, default: '800MB' }),
    dryRun: setting({
      flag: 'dry-run',
      env: null,
      kind: presence,
      default: false,
      help: 'validate and report, write nothing',
    }),
    matchNames: setting({
      flag: 'match-names',
      env: null,
      kind: presence,
      default: false,
      help: 'match subject_id ("Xã Tìa Dình", "H. Điện Biên Đông", a GSO code) to one unit in force on --as-of',
    }),
    asOf: optionalSetting({
      flag: 'as-of',
      env: null,
      kind: isoDate,
      defaultText: 'none; needed with --match-names',
      help: 'the date whose units --match-names matches names to',
    }),
  },
  positionals: { names: '<file-or-dir>', count: 1, missing: 'give exactly one file or directory to load' },
  footer: 'Exit status: 0 loaded (or nothing new), 1 rejected, 2 usage error.',
});

export const EXPORT = defineCommand({
  name: 'export',
  usage: 'npm run export -- <dir> [--store PATH]',
  summary: `Writes every table of the store as Parquet into <dir> (which must not exist), with manifest.json
(row counts, SHA-256 of each file, applied migrations). Serve it read-only with
npm start -- --snapshot <dir>.`,
  settings: { store },
  positionals: { names: '<dir>', count: 1, missing: 'give exactly one directory to write the snapshot into' },
  footer: 'Exit status: 0 exported, 1 failed, 2 usage error or no store.',
});

export const COMPACT = defineCommand({
  name: 'compact',
  usage: 'npm run compact -- [--store PATH]',
  summary: `Rewrites the store into a fresh file and puts it in place: the same tables and rows, without the
space that killed loads, rolled-back transactions and replaced rows left behind (DuckDB reuses it
but never gives it back). Stop the server first: one process owns a store.`,
  settings: { store },
  footer: 'Exit status: 0 compacted, 1 failed (the store is left as it was), 2 usage error.',
});

const scaleNames = Object.keys(SCALES) as [string, ...string[]];

export const GENERATE = defineCommand({
  name: 'generate',
  usage: 'npm run generate -- [--scale national] [--out FILE] [--force] [--duckdb-memory SIZE]',
  summary: `Builds a store of synthetic data (every row cites a SYNTHETIC source) for tests and the bench.
It is built in FILE.tmp and renamed to FILE when complete. Killed part way (after the observations
are written), the same command goes on where it stopped: the serving layer is built pass by pass,
each pass committed and noted in FILE.tmp. DuckDB spills to FILE.tmp.tmp past --duckdb-memory.`,
  settings: {
    scale: setting({
      flag: 'scale',
      env: null,
      kind: choice(scaleNames),
      default: 'tiny',
      help: 'size of the synthetic country',
    }),
    out: optionalSetting({
      flag: 'out',
      env: null,
      kind: path('FILE'),
      defaultText: 'bench/stores/<scale>.duckdb',
      help: 'store file to write',
    }),
    force: setting({
      flag: 'force',
      env: null,
      kind: presence,
      default: false,
      help: 'regenerate a store that exists, and start afresh rather than go on with FILE.tmp',
    }),
    // The process peaks about 1.2-1.4 GB above DuckDB's limit (what DuckDB keeps outside it, and
    // node). National on a quiet machine: 3.6 GiB peak in 7 min 15 s at 2.5GB, 4.0 GiB in 7 min 00 s
    // at 3GB; without a limit it took most of 24 GB; at 2GB a pass spilled so much it took three
    // times as long (bench/results/generate-national.md).
    duckdbMemory: setting({ ...duckdbMemory, env: null, default: '2.5GB' }),
  },
});

/** Every command of the project by name: the future `grassroots <command>` dispatches on it. */
/** The upstream files of the national import (read its SOURCE.md), beside the checkout by default. */
const upstream = setting({
  flag: 'upstream',
  env: null,
  kind: path('DIR'),
  default: projectPath('..', 'shared', 'datasets', 'vn-admin'),
  defaultText: '../shared/datasets/vn-admin',
  help: 'the upstream files: six GSO snapshots, the merger map and its licence',
});

const findingKinds = Object.keys(FINDING_KINDS) as [string, ...string[]];

export const CHECK_DATA = defineCommand({
  name: 'check-data',
  usage: 'npm run check-data -- [--kind KIND] [--all] [--data DIR] [--upstream DIR]',
  summary: `Loads DIR/national (default data/national) as npm start does and prints its data-quality report:
counts per kind and severity, then a few findings of each kind (GraphQL: dataQuality). Where the
upstream files are present, the directory is first derived again from them and compared byte for byte.`,
  settings: {
    data,
    upstream,
    kind: optionalSetting({ flag: 'kind', env: null, kind: choice(findingKinds, 'KIND'), help: 'only this kind' }),
    all: setting({ flag: 'all', env: null, kind: presence, default: false, help: 'every finding, not a few per kind' }),
  },
  footer: 'Exit status: 0 report printed, 1 the files do not load or differ from a fresh derivation, 2 usage error.',
});

export const DERIVE_NATIONAL = defineCommand({
  name: 'derive:national',
  usage: 'npm run derive:national -- [--upstream DIR] [--out DIR]',
  summary: `Derives data/national (units, parent links, lineage, data-quality findings) from the upstream
files again. The output is committed; the same input gives the same bytes.`,
  settings: {
    upstream,
    out: setting({
      flag: 'out',
      env: null,
      kind: path('DIR'),
      default: projectPath('data', 'national'),
      defaultText: 'data/national',
      help: 'where the derived files are written',
    }),
  },
  footer: 'Exit status: 0 derived, 1 failed, 2 usage error.',
});

export const COMMANDS = {
  serve: SERVE,
  query: QUERY,
  load: LOAD,
  export: EXPORT,
  compact: COMPACT,
  generate: GENERATE,
  'check-data': CHECK_DATA,
  'derive:national': DERIVE_NATIONAL,
} as const;
