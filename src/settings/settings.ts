import { bool, list, nodeEnv, path, port, presence, size, text, token, wholeNumber } from './kinds.js';
import { availableParallelism } from 'node:os';
import { z } from 'zod';
import type { Kind } from './kinds.js';
import { optionalSetting, setting } from './setting.js';
import { INSTALLED_AS_PACKAGE, projectPath } from '../project-root.js';
import { resolve } from 'node:path';
import { SPEED_DEFAULTS } from '../speed/speed-config.js';

const LISTENING = 'Listening';

/** `auto` (one per core, as the operating system counts them) or a whole number 1..64. */
const workerCount: Kind<number> = {
  schema: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.union([z.literal('auto').transform(() => availableParallelism()), wholeNumber(1, 64).schema])),
  allowed: 'auto or a whole number 1..64',
  placeholder: 'N|auto',
};
const STORE = 'Store and DuckDB';
const LIMITS = 'Limits per request (docs/operations.md, "Limits")';
const SPEED = 'Speed machinery (each part: docs/speed/; off gives the same answers, slower)';

/**
 * Every setting the server and the command lines share, each once: flag, environment variable,
 * allowed values, default, meaning. A command picks the ones it reads (src/settings/commands.ts);
 * docs/operations.md "Configuration" lists them for the server.
 */
export const SETTINGS = {
  host: setting({
    flag: 'host',
    env: 'HOST',
    kind: text('HOST'),
    default: '127.0.0.1',
    help: 'listen address',
    group: LISTENING,
  }),
  port: setting({ flag: 'port', env: 'PORT', kind: port, default: 4000, help: 'listen port', group: LISTENING }),
  cors: setting({
    flag: 'cors',
    env: 'GRASSROOTS_CORS_ORIGINS',
    kind: list('ORIGINS', 'origins, comma-separated, or *'),
    default: [],
    help: 'origins allowed by CORS (none: no CORS headers)',
    group: LISTENING,
  }),
  cacheMaxAge: setting({
    flag: 'cache-max-age',
    env: 'GRASSROOTS_CACHE_MAX_AGE',
    kind: wholeNumber(0, 31_536_000, 'S'),
    default: 60,
    help: 'max-age (seconds) of Cache-Control on successful GET queries',
    group: LISTENING,
  }),
  // Unset: on, but off under NODE_ENV=production (src/config.ts), where a probing client should
  // not get the whole schema for the asking; --introspection true turns it on there.
  introspection: optionalSetting({
    flag: 'introspection',
    env: 'GRASSROOTS_INTROSPECTION',
    kind: bool,
    defaultText: 'true; false under NODE_ENV=production',
    help: 'schema introspection (IDEs need it)',
    group: LISTENING,
  }),
  readyWhenWarm: setting({
    flag: 'ready-when-warm',
    env: 'GRASSROOTS_READY_WHEN_WARM',
    kind: bool,
    default: true,
    help: '/readyz answers 503 until the in-memory copies are loaded (false: ready once the store is open, slower meanwhile)',
    group: LISTENING,
  }),
  workers: setting({
    flag: 'workers',
    env: 'GRASSROOTS_WORKERS',
    kind: workerCount,
    default: 1,
    help: 'server processes sharing the port, "auto": one per core (more than 1 needs --read-only or --snapshot)',
    group: LISTENING,
  }),
  shutdownGraceMs: setting({
    flag: 'shutdown-grace-ms',
    env: 'GRASSROOTS_SHUTDOWN_GRACE_MS',
    kind: wholeNumber(0, 600_000),
    default: 10_000,
    help: 'how long SIGTERM waits for requests in flight',
    group: LISTENING,
  }),
  writeToken: optionalSetting({
    flag: null,
    env: 'GRASSROOTS_WRITE_TOKEN',
    kind: token,
    defaultText: 'unset: read-only',
    help: 'write token recordObservations must present (environment only: a flag would show it in the process list)',
    group: LISTENING,
  }),
  production: setting({
    flag: null,
    env: 'NODE_ENV',
    kind: nodeEnv,
    default: false,
    defaultText: 'unset',
    help: 'production: error messages carry no schema suggestions, introspection is off unless --introspection true',
    group: LISTENING,
  }),

  store: setting({
    flag: 'store',
    env: 'GRASSROOTS_STORE',
    kind: path(),
    // In a checkout beside the data it is built from; installed as a package, in the directory the
    // command runs in, not inside node_modules (which the next npm install replaces).
    default: INSTALLED_AS_PACKAGE ? resolve('grassroots.duckdb') : projectPath('var/grassroots.duckdb'),
    defaultText: 'var/grassroots.duckdb in a checkout, ./grassroots.duckdb when installed as a package',
    help: 'DuckDB store file',
    group: STORE,
  }),
  data: setting({
    flag: 'data',
    env: 'GRASSROOTS_DATA',
    kind: path('DIR'),
    default: projectPath('data'),
    defaultText: 'data/',
    help: 'seed data directory, imported when the store is prepared',
    group: STORE,
  }),
  readOnly: setting({
    flag: 'read-only',
    env: 'GRASSROOTS_READ_ONLY',
    kind: presence,
    default: false,
    help: 'serve an existing store as it is: no migration or import',
    group: STORE,
  }),
  snapshot: optionalSetting({
    flag: 'snapshot',
    env: 'GRASSROOTS_SNAPSHOT',
    kind: path('DIR'),
    defaultText: 'none',
    help: 'serve read-only from a snapshot directory (npm run export) instead of a store file',
    group: STORE,
  }),
  pool: setting({
    flag: 'pool',
    env: 'GRASSROOTS_POOL',
    kind: wholeNumber(1, 64),
    default: 4,
    help: 'DuckDB connections serving queries',
    group: STORE,
  }),
  threadpool: setting({
    flag: null,
    env: 'UV_THREADPOOL_SIZE',
    kind: wholeNumber(1, 1_024),
    default: 4,
    help: "libuv's thread pool, which runs every DuckDB call: must exceed --pool (npm start sets 16)",
    group: STORE,
  }),
  duckdbMemory: setting({
    flag: 'duckdb-memory',
    env: 'GRASSROOTS_DUCKDB_MEMORY',
    kind: size,
    default: '1GB',
    help: 'DuckDB memory_limit',
    group: STORE,
  }),
  duckdbThreads: optionalSetting({
    flag: 'duckdb-threads',
    env: 'GRASSROOTS_DUCKDB_THREADS',
    kind: wholeNumber(1, 1_024),
    defaultText: 'one per core',
    help: 'DuckDB worker threads',
    group: STORE,
  }),

  maxDepth: setting({
    flag: 'max-depth',
    env: 'GRASSROOTS_MAX_DEPTH',
    kind: wholeNumber(1, 1_000),
    default: 12,
    help: 'fields nested',
    group: LIMITS,
  }),
  maxAliases: setting({
    flag: 'max-aliases',
    env: 'GRASSROOTS_MAX_ALIASES',
    kind: wholeNumber(0, 10_000),
    default: 30,
    help: 'aliases per operation',
    group: LIMITS,
  }),
  maxCost: setting({
    flag: 'max-cost',
    env: 'GRASSROOTS_MAX_COST',
    kind: wholeNumber(1, Number.MAX_SAFE_INTEGER),
    default: 2_000_000,
    help: 'list-size-weighted cost',
    group: LIMITS,
  }),
  heavyCost: setting({
    flag: 'heavy-cost',
    env: 'GRASSROOTS_HEAVY_COST',
    kind: wholeNumber(1, Number.MAX_SAFE_INTEGER),
    // Costs count what an answer holds (src/graphql/cost): a commune profile or a dashboard's
    // series is a few thousand, a province's villages' series (765,303 at province scale, 5 MB,
    // seconds of JavaScript) is heavy. See docs/operations.md, the mixed load test.
    default: 100_000,
    help: 'cost above which a request runs in the heavy lane (one heavy request at a time)',
    group: LIMITS,
  }),
  maxTokens: setting({
    flag: 'max-tokens',
    env: 'GRASSROOTS_MAX_TOKENS',
    kind: wholeNumber(10, 1_000_000),
    default: 2_000,
    help: 'lexical tokens per document',
    group: LIMITS,
  }),
  maxBodyBytes: setting({
    flag: 'max-body-bytes',
    env: 'GRASSROOTS_MAX_BODY_BYTES',
    kind: wholeNumber(1_024, 100_000_000),
    // recordObservations takes up to 1,000 figures: this holds them at about 1 KB each (a quote
    // of several hundred characters); 100 KiB, the default before, held about 600 short ones.
    default: 1_024 * 1_024,
    help: 'request body size (recordObservations: 1,000 figures of about 1 KB each)',
    group: LIMITS,
  }),
  maxResponseBytes: setting({
    flag: 'max-response-bytes',
    env: 'GRASSROOTS_MAX_RESPONSE_BYTES',
    kind: wholeNumber(1_024, 2_000_000_000),
    default: 32 * 1_024 * 1_024,
    help: 'GraphQL answer size; larger answers are refused whole (use the exports or the packed shape)',
    group: LIMITS,
  }),
  maxResponseRows: setting({
    flag: 'max-response-rows',
    env: 'GRASSROOTS_MAX_RESPONSE_ROWS',
    kind: wholeNumber(1, 100_000_000),
    default: 100_000,
    help: 'rows of a `table` answer (rows, pivot); more are refused (use the exports or the packed shape)',
    group: LIMITS,
  }),
  timeoutMs: setting({
    flag: 'timeout-ms',
    env: 'GRASSROOTS_TIMEOUT_MS',
    kind: wholeNumber(1, 3_600_000),
    default: 10_000,
    help: 'run time per request, DuckDB, JavaScript and serialising together; past it 504',
    group: LIMITS,
  }),
  queueLimit: setting({
    flag: 'queue-limit',
    env: 'GRASSROOTS_QUEUE_LIMIT',
    kind: wholeNumber(0, 100_000),
    default: 32,
    help: 'requests waiting for a connection before 503',
    group: LIMITS,
  }),

  compiledExecution: setting({
    flag: 'compiled-execution',
    env: 'GRASSROOTS_COMPILED_EXECUTION',
    kind: bool,
    default: SPEED_DEFAULTS.compiledExecution,
    help: 'run operations seen before as compiled functions (graphql-jit); false: graphql-js runs every one',
    group: SPEED,
  }),
  directParams: setting({
    flag: 'direct-params',
    env: 'GRASSROOTS_DIRECT_PARAMS',
    kind: bool,
    default: SPEED_DEFAULTS.directParams,
    help: 'bind resolver parameters directly; false: type-graphql binds them',
    group: SPEED,
  }),
  hotValues: setting({
    flag: 'hot-values',
    env: 'GRASSROOTS_HOT_VALUES',
    kind: bool,
    default: SPEED_DEFAULTS.hotValues,
    help: "keep the serving layer's hot part in memory (~100 MB at national scale)",
    group: SPEED,
  }),
  resultCache: setting({
    flag: 'result-cache',
    env: 'GRASSROOTS_RESULT_CACHE',
    kind: wholeNumber(0, 1_000_000),
    default: SPEED_DEFAULTS.resultCache.entries,
    help: 'read results kept until the next write (0: off)',
    group: SPEED,
  }),
  resultCacheRows: setting({
    flag: 'result-cache-rows',
    env: 'GRASSROOTS_RESULT_CACHE_ROWS',
    kind: wholeNumber(1, 100_000_000),
    default: SPEED_DEFAULTS.resultCache.totalRows,
    help: 'rows those results may hold in all',
    group: SPEED,
  }),
  preparedStatements: setting({
    flag: 'prepared-statements',
    env: 'GRASSROOTS_PREPARED_STATEMENTS',
    kind: bool,
    default: SPEED_DEFAULTS.preparedStatements,
    help: "keep each connection's prepared statements; false: every statement is parsed and planned afresh",
    group: SPEED,
  }),
  gcAfterBulk: setting({
    flag: 'gc-after-bulk',
    env: 'GRASSROOTS_GC_AFTER_BULK',
    kind: bool,
    default: SPEED_DEFAULTS.gcAfterBulk,
    help: "collect garbage after a bulk response (turns on V8's --expose-gc at run time)",
    group: SPEED,
  }),
  availabilityInMemory: setting({
    flag: 'availability-in-memory',
    env: 'GRASSROOTS_AVAILABILITY_IN_MEMORY',
    kind: bool,
    default: SPEED_DEFAULTS.availabilityInMemory,
    help: 'answer `availability` from the matrix kept since the last write; false: a statement every time',
    group: SPEED,
  }),
};
