import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Store } from '../store/store.js';
import { exportSnapshot } from '../store/snapshot.js';
import { commandLineOrExit } from '../settings/command.js';
import { EXPORT } from '../settings/commands.js';

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = commandLineOrExit(EXPORT, argv);
  const storePath = values.store;
  if (!existsSync(storePath)) {
    console.error(`no store at ${storePath}`);
    return 2;
  }
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
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
