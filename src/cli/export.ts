import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Store } from '../store/store.js';
import { exportSnapshot } from '../store/snapshot.js';
import { PROJECT_ROOT as ROOT } from '../project-root.js';

const HELP = `npm run export -- <dir> [--store PATH]

Writes every table of the store as Parquet into <dir> (which must not exist), with manifest.json
(row counts, SHA-256 of each file, applied migrations). Serve it read-only with
npm start -- --snapshot <dir>.`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { store: { type: 'string' }, help: { type: 'boolean' } } });
  if (values.help || positionals.length !== 1) {
    console.log(HELP);
    return values.help ? 0 : 2;
  }
  const storePath = resolve(values.store ?? process.env['GRASSROOTS_STORE'] ?? resolve(ROOT, 'var/grassroots.duckdb'));
  if (!existsSync(storePath)) {
    console.error(`no store at ${storePath}`);
    return 2;
  }
  const store = await Store.open({ path: storePath, readOnly: true, poolSize: 1 });
  try {
    const manifest = await exportSnapshot(store, positionals[0]!);
    console.log(JSON.stringify({ msg: 'exported', dir: resolve(positionals[0]!), tables: manifest.tables.map((t) => ({ name: t.name, rows: t.rows })) }));
    return 0;
  } finally {
    store.close();
  }
}

main(process.argv.slice(2)).then((code) => process.exit(code), (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
