import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { DEFAULT_RESULT_CACHE } from './store/result-cache.js';
import { PROJECT_ROOT as ROOT } from './project-root.js';

/** Limits on what one request may ask; see README "Limits". */
export interface LimitsConfig {
  readonly maxDepth: number;
  readonly maxAliases: number;
  readonly maxCost: number;
  readonly defaultListSize: number;
  readonly maxTokens: number;
  readonly maxBodyBytes: number;
  readonly timeoutMs: number;
  readonly queueLimit: number;
}

export interface Config {
  readonly host: string;
  readonly port: number;
  readonly storePath: string;
  readonly dataDir: string;
  readonly poolSize: number;
  readonly production: boolean;
  /** Serve an existing store without migrating or importing: replicas, benchmarks. */
  readonly readOnly: boolean;
  readonly limits: LimitsConfig;
  /** DuckDB memory_limit, e.g. "1GB". */
  readonly duckdbMemory: string;
  /** DuckDB worker threads; null: DuckDB's default (one per core). */
  readonly duckdbThreads: number | null;
  readonly introspection: boolean;
  /** Keep the serving layer's hot part in memory (see HotValues). */
  readonly hotValues: boolean;
  /** Origins allowed by CORS; empty: no CORS headers. "*" allows any origin. */
  readonly corsOrigins: readonly string[];
  /** max-age of Cache-Control on successful GET queries. */
  readonly cacheMaxAgeSeconds: number;
  /** Read results kept in memory until the next write (0: off). */
  readonly resultCacheEntries: number;
  /** How long SIGTERM waits for in-flight requests before closing their connections. */
  readonly shutdownGraceMs: number;
  /** From the environment only: a flag would show the token in the process list. */
  readonly writeToken: string | null;
  /** Serve read-only from an exported snapshot directory instead of a store file. */
  readonly snapshotDir: string | null;
}

/** Defaults sized so the heaviest operation in test/operations (NestedSeries: depth 8, 4 aliases, cost 671,603) passes with room. */
export const DEFAULT_LIMITS: LimitsConfig = {
  maxDepth: 12,
  maxAliases: 30,
  maxCost: 2_000_000,
  defaultListSize: 100,
  maxTokens: 2_000,
  maxBodyBytes: 100 * 1024,
  timeoutMs: 10_000,
  queueLimit: 32,
};

export const CONFIG_HELP = `grassroots server

  --host HOST            listen address            env HOST                      default 127.0.0.1
  --port PORT            listen port (0 = random)  env PORT                      default 4000
  --store PATH           DuckDB store file         env GRASSROOTS_STORE          default var/grassroots.duckdb
  --data DIR             seed data directory       env GRASSROOTS_DATA           default data/
  --pool N               DuckDB connections        env GRASSROOTS_POOL           default 4
  --max-depth N          field nesting             env GRASSROOTS_MAX_DEPTH      default ${DEFAULT_LIMITS.maxDepth}
  --max-aliases N        aliases per operation     env GRASSROOTS_MAX_ALIASES    default ${DEFAULT_LIMITS.maxAliases}
  --max-cost N           list-size-weighted cost   env GRASSROOTS_MAX_COST       default ${DEFAULT_LIMITS.maxCost}
  --max-tokens N         tokens per document       env GRASSROOTS_MAX_TOKENS     default ${DEFAULT_LIMITS.maxTokens}
  --max-body-bytes N     request body size         env GRASSROOTS_MAX_BODY_BYTES default ${DEFAULT_LIMITS.maxBodyBytes}
  --timeout-ms N         time limit per request    env GRASSROOTS_TIMEOUT_MS     default ${DEFAULT_LIMITS.timeoutMs}
  --queue-limit N        requests waiting for a connection  env GRASSROOTS_QUEUE_LIMIT default ${DEFAULT_LIMITS.queueLimit}
  --duckdb-memory SIZE   DuckDB memory_limit       env GRASSROOTS_DUCKDB_MEMORY  default 1GB
  --duckdb-threads N     DuckDB threads            env GRASSROOTS_DUCKDB_THREADS default one per core
  --introspection BOOL   schema introspection      env GRASSROOTS_INTROSPECTION  default true
  --hot-values BOOL      keep the serving layer's hot part in memory (~100 MB at national scale)
                                                   env GRASSROOTS_HOT_VALUES     default true
  --cors ORIGINS         comma-separated or *      env GRASSROOTS_CORS_ORIGINS   default none (no CORS)
  --cache-max-age S      Cache-Control max-age     env GRASSROOTS_CACHE_MAX_AGE  default 60
  --result-cache N       read results kept until the next write (0: off)
                                                   env GRASSROOTS_RESULT_CACHE   default 4000
  --shutdown-grace-ms N  wait for in-flight        env GRASSROOTS_SHUTDOWN_GRACE_MS default 10000
  --read-only            serve an existing store as it is, no migration or import   env GRASSROOTS_READ_ONLY=1
  --snapshot DIR         serve read-only from a snapshot (npm run export)          env GRASSROOTS_SNAPSHOT
                         write token for recordObservations (env only)             env GRASSROOTS_WRITE_TOKEN  unset: read-only
Flags win over environment variables. UV_THREADPOOL_SIZE must exceed --pool (npm start sets 16).`;

const INT_SETTINGS = {
  'max-depth': ['GRASSROOTS_MAX_DEPTH', 1, 1_000],
  'max-aliases': ['GRASSROOTS_MAX_ALIASES', 0, 10_000],
  'max-cost': ['GRASSROOTS_MAX_COST', 1, Number.MAX_SAFE_INTEGER],
  'max-tokens': ['GRASSROOTS_MAX_TOKENS', 10, 1_000_000],
  'max-body-bytes': ['GRASSROOTS_MAX_BODY_BYTES', 1_024, 100_000_000],
  'timeout-ms': ['GRASSROOTS_TIMEOUT_MS', 1, 3_600_000],
  'queue-limit': ['GRASSROOTS_QUEUE_LIMIT', 0, 100_000],
  'duckdb-threads': ['GRASSROOTS_DUCKDB_THREADS', 1, 1_024],
  'cache-max-age': ['GRASSROOTS_CACHE_MAX_AGE', 0, 31_536_000],
  'result-cache': ['GRASSROOTS_RESULT_CACHE', 0, 1_000_000],
  'shutdown-grace-ms': ['GRASSROOTS_SHUTDOWN_GRACE_MS', 0, 600_000],
} as const;

type IntSetting = keyof typeof INT_SETTINGS;

/** Every setting, from flags then environment then defaults, validated once at start. */
export function loadConfig(argv: string[] = process.argv.slice(2), env: NodeJS.ProcessEnv = process.env): Config {
  const intOptions = Object.fromEntries(Object.keys(INT_SETTINGS).map((k) => [k, { type: 'string' as const }]));
  const { values } = parseArgs({
    args: argv,
    options: {
      host: { type: 'string' },
      port: { type: 'string' },
      store: { type: 'string' },
      data: { type: 'string' },
      pool: { type: 'string' },
      'read-only': { type: 'boolean' },
      'duckdb-memory': { type: 'string' },
      introspection: { type: 'string' },
      'hot-values': { type: 'string' },
      cors: { type: 'string' },
      snapshot: { type: 'string' },
      help: { type: 'boolean' },
      ...intOptions,
    },
    strict: true,
  });
  if (values.help) {
    console.log(CONFIG_HELP);
    process.exit(0);
  }
  const flags = values as Record<string, string | boolean | undefined>;
  const int = (name: IntSetting): number | undefined => {
    const [variable, min, max] = INT_SETTINGS[name];
    const text = (flags[name] as string | undefined) ?? env[variable];
    if (text === undefined || text === '') return undefined;
    const value = Number(text);
    if (!Number.isInteger(value) || value < min || value > max) throw new Error(`${name}: expected a whole number ${min}..${max}, got "${text}"`);
    return value;
  };
  const port = Number(values.port ?? env['PORT'] ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`port: expected 0..65535, got "${values.port ?? env['PORT']}"`);
  const poolSize = Number(values.pool ?? env['GRASSROOTS_POOL'] ?? 4);
  if (!Number.isInteger(poolSize) || poolSize < 1 || poolSize > 64) throw new Error(`pool: expected 1..64, got "${values.pool ?? env['GRASSROOTS_POOL']}"`);
  // DuckDB's node binding runs every statement on libuv's thread pool (default 4 threads): with
  // as many connections busy as threads, nothing else (connect, fs) gets a thread and the process
  // hangs. Setting the variable from inside the process is too late (under tsx the pool already
  // exists when main.ts runs), so it is checked here and set by `npm start`.
  const threadpool = Number(env['UV_THREADPOOL_SIZE'] ?? 4);
  if (!(threadpool > poolSize)) {
    throw new Error(`pool: ${poolSize} connections need UV_THREADPOOL_SIZE above ${poolSize} (it is ${threadpool}); start with UV_THREADPOOL_SIZE=${poolSize + 4}`);
  }
  const bool = (name: 'introspection' | 'hot-values', variable: string): boolean => {
    const text = ((flags[name] as string | undefined) ?? env[variable] ?? 'true').toLowerCase();
    if (!['true', 'false'].includes(text)) throw new Error(`${name}: expected true or false, got "${text}"`);
    return text === 'true';
  };
  const duckdbMemory = values['duckdb-memory'] ?? env['GRASSROOTS_DUCKDB_MEMORY'] ?? '1GB';
  if (!/^\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i.test(duckdbMemory)) throw new Error(`duckdb-memory: expected a size such as 512MB or 2GB, got "${duckdbMemory}"`);
  const cors = (values.cors ?? env['GRASSROOTS_CORS_ORIGINS'] ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
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
    readOnly: values['read-only'] ?? env['GRASSROOTS_READ_ONLY'] === '1',
    limits: {
      maxDepth: int('max-depth') ?? DEFAULT_LIMITS.maxDepth,
      maxAliases: int('max-aliases') ?? DEFAULT_LIMITS.maxAliases,
      maxCost: int('max-cost') ?? DEFAULT_LIMITS.maxCost,
      defaultListSize: DEFAULT_LIMITS.defaultListSize,
      maxTokens: int('max-tokens') ?? DEFAULT_LIMITS.maxTokens,
      maxBodyBytes: int('max-body-bytes') ?? DEFAULT_LIMITS.maxBodyBytes,
      timeoutMs: int('timeout-ms') ?? DEFAULT_LIMITS.timeoutMs,
      queueLimit: int('queue-limit') ?? DEFAULT_LIMITS.queueLimit,
    },
    duckdbMemory,
    duckdbThreads: int('duckdb-threads') ?? null,
    introspection: bool('introspection', 'GRASSROOTS_INTROSPECTION'),
    hotValues: bool('hot-values', 'GRASSROOTS_HOT_VALUES'),
    corsOrigins: cors,
    cacheMaxAgeSeconds: int('cache-max-age') ?? 60,
    resultCacheEntries: int('result-cache') ?? DEFAULT_RESULT_CACHE.entries,
    shutdownGraceMs: int('shutdown-grace-ms') ?? 10_000,
    writeToken,
    snapshotDir: snapshot === null ? null : resolve(snapshot),
  };
}
