import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { prepareStore } from '../store/build-store.js';
import { Store } from '../store/store.js';
import { runQuery } from './run-query.js';
import { findRows, formatTable } from './format-table.js';
import { commandLineOrExit, type Command } from '../settings/command.js';
import { QUERY } from '../settings/commands.js';

/** `grassroots query` / `npm run query`: one GraphQL document against a local store, no server. */
export async function query(argv: readonly string[], command: Command<typeof QUERY.settings> = QUERY): Promise<number> {
  const { values, positionals } = commandLineOrExit(command, argv);
  if (!existsSync(values.store)) await prepareStore(values.store, values.data);
  let store: Store;
  try {
    store = await Store.open({ path: values.store, readOnly: true, poolSize: 1 });
  } catch (error) {
    console.error(
      `--store ${values.store}: cannot open (${/lock/i.test(String(error)) ? 'in use by another process, e.g. a running server; stop it or query a copy' : String(error)})`,
    );
    return 1;
  }
  try {
    const result = await runQuery(store, positionals[0]!, values.variables ?? undefined);
    for (const error of result.errors ?? []) console.error(`error: ${error.message}`);
    if (result.data) {
      const rows = values.json ? null : findRows(result.data);
      console.log(rows ? formatTable(rows) : JSON.stringify(result.data, null, 2));
    }
    return result.errors?.length ? 1 : 0;
  } finally {
    store.close();
  }
}
