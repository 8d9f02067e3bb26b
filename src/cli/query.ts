import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { prepareStore } from '../store/build-store.js';
import { Store } from '../store/store.js';
import { runQuery } from './run-query.js';
import { findRows, formatTable } from './format-table.js';
import { PROJECT_ROOT as ROOT } from '../project-root.js';

const HELP = `npm run -s query -- '<graphql>' [--json] [--variables '{"k":"v"}'] [--store PATH] [--data DIR]

Answers a GraphQL query against a local store without starting a server. Prints a table when the
answer is a list of objects, JSON otherwise (or always, with --json). A store that does not exist yet
is built from --data first. The store is opened read-only; a store a running server holds cannot be opened.`;

const { values, positionals } = parseArgs({
  options: {
    json: { type: 'boolean' },
    variables: { type: 'string' },
    store: { type: 'string' },
    data: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
  allowPositionals: true,
});

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

if (values.help) {
  console.log(HELP);
  process.exit(0);
}
if (positionals.length !== 1) fail(`give exactly one GraphQL document\n\n${HELP}`);
let variables: Record<string, unknown> | undefined;
try {
  variables = values.variables === undefined ? undefined : (JSON.parse(values.variables) as Record<string, unknown>);
} catch {
  fail('--variables: not valid JSON');
}

const storePath = resolve(values.store ?? process.env['GRASSROOTS_STORE'] ?? resolve(ROOT, 'var/grassroots.duckdb'));
if (!existsSync(storePath)) await prepareStore(storePath, resolve(values.data ?? process.env['GRASSROOTS_DATA'] ?? resolve(ROOT, 'data')));
let store: Store;
try {
  store = await Store.open({ path: storePath, readOnly: true, poolSize: 1 });
} catch (error) {
  fail(`--store ${storePath}: cannot open (${/lock/i.test(String(error)) ? 'in use by another process, e.g. a running server; stop it or query a copy' : String(error)})`);
}
try {
  const result = await runQuery(store, positionals[0]!, variables);
  if (result.errors?.length) {
    for (const error of result.errors) console.error(`error: ${error.message}`);
    process.exitCode = 1;
  }
  if (result.data) {
    const rows = values.json ? null : findRows(result.data);
    console.log(rows ? formatTable(rows) : JSON.stringify(result.data, null, 2));
  }
} finally {
  store.close();
}
