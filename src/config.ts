import { parseArgs } from 'node:util';
import { resolve } from 'node:path';

export interface Config {
  readonly host: string;
  readonly port: number;
  readonly storePath: string;
  readonly dataDir: string;
  readonly poolSize: number;
  readonly production: boolean;
  /** From the environment only: a flag would show the token in the process list. */
  readonly writeToken: string | null;
  /** Serve read-only from an exported snapshot directory instead of a store file. */
  readonly snapshotDir: string | null;
}

const ROOT = new URL('..', import.meta.url).pathname;

export const CONFIG_HELP = `grassroots server

  --host HOST      listen address            env HOST               default 127.0.0.1
  --port PORT      listen port (0 = random)  env PORT               default 4000
  --store PATH     DuckDB store file         env GRASSROOTS_STORE   default var/grassroots.duckdb
  --data DIR       seed data directory       env GRASSROOTS_DATA    default data/
  --pool N         DuckDB connections        env GRASSROOTS_POOL    default 4
  --snapshot DIR    serve read-only from a snapshot (npm run export)   env GRASSROOTS_SNAPSHOT
                   write token (env only)    env GRASSROOTS_WRITE_TOKEN  unset: read-only
Flags win over environment variables.`;

/** Every setting, from flags then environment then defaults, validated once at start. */
export function loadConfig(argv: string[] = process.argv.slice(2), env: NodeJS.ProcessEnv = process.env): Config {
  const { values } = parseArgs({
    args: argv,
    options: {
      host: { type: 'string' },
      port: { type: 'string' },
      store: { type: 'string' },
      data: { type: 'string' },
      pool: { type: 'string' },
      snapshot: { type: 'string' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(CONFIG_HELP);
    process.exit(0);
  }
  const port = Number(values.port ?? env['PORT'] ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`port: expected 0..65535, got "${values.port ?? env['PORT']}"`);
  const poolSize = Number(values.pool ?? env['GRASSROOTS_POOL'] ?? 4);
  if (!Number.isInteger(poolSize) || poolSize < 1 || poolSize > 64) throw new Error(`pool: expected 1..64, got "${values.pool ?? env['GRASSROOTS_POOL']}"`);
  const writeToken = env['GRASSROOTS_WRITE_TOKEN'] || null;
  if (writeToken !== null && (writeToken.length < 16 || /\s/.test(writeToken))) throw new Error('GRASSROOTS_WRITE_TOKEN: expected at least 16 characters without spaces');
  const snapshot = values.snapshot ?? env['GRASSROOTS_SNAPSHOT'] ?? null;
  if (snapshot !== null && writeToken !== null) throw new Error('snapshot: a server started from a snapshot is read-only; unset GRASSROOTS_WRITE_TOKEN');
  return {
    host: values.host ?? env['HOST'] ?? '127.0.0.1',
    port,
    storePath: resolve(values.store ?? env['GRASSROOTS_STORE'] ?? resolve(ROOT, 'var/grassroots.duckdb')),
    dataDir: resolve(values.data ?? env['GRASSROOTS_DATA'] ?? resolve(ROOT, 'data')),
    poolSize,
    production: env['NODE_ENV'] === 'production',
    writeToken,
    snapshotDir: snapshot === null ? null : resolve(snapshot),
  };
}
