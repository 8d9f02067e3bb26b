import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Store } from '../store/store.js';
import { exportSnapshot } from '../store/snapshot.js';
import { commandLineOrExit, type Command } from '../settings/command.js';
import { EXPORT } from '../settings/commands.js';

/** `grassroots export` / `npm run export`: every table of a store as Parquet, with a manifest. */
export async function exportStore(
  argv: readonly string[],
  command: Command<typeof EXPORT.settings> = EXPORT,
): Promise<number> {
  const { values, positionals } = commandLineOrExit(command, argv);
  const storePath = values.store;
  if (!existsSync(storePath)) {
    console.error(`no store at ${storePath}`);
    return 2;
  }
  try {
    const store = await Store.open({ path: storePath, readOnly: true, poolSize: 1 });
    try {
      const manifest = await exportSnapshot(store, positionals[0]!);
      console.log(
        JSON.stringify({
          msg: 'exported',
          dir: resolve(positionals[0]!),
          tables: manifest.tables.map((t) => ({ name: t.name, rows: t.rows })),
        }),
      );
      return 0;
    } finally {
      store.close();
    }
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return 1;
  }
}
