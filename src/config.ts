import type { ServerOptions } from './server.js';
import type { Logger } from './logger.js';
import { commandLineOrExit, helpOf, readCommandLine } from './settings/command.js';
import { SERVE } from './settings/commands.js';
import { SETTINGS } from './settings/settings.js';
import type { ValuesOf } from './settings/setting.js';
import { MAX_ROWS_PER_RESULT } from './speed/result-cache.js';
import type { SpeedConfig } from './speed/speed-config.js';

/** Limits on what one request may ask; see docs/operations.md "Limits". */
export interface LimitsConfig {
  readonly maxDepth: number;
  readonly maxAliases: number;
  readonly maxCost: number;
  readonly defaultListSize: number;
  readonly heavyCost: number;
  readonly maxTokens: number;
  readonly maxBodyBytes: number;
  readonly maxResponseBytes: number;
  readonly maxResponseRows: number;
  readonly timeoutMs: number;
  readonly queueLimit: number;
}

/** The server's settings (src/settings/settings.ts), validated, in the shape the server reads them. */
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
  /** Origins allowed by CORS; empty: no CORS headers. "*" allows any origin. */
  readonly corsOrigins: readonly string[];
  /** max-age of Cache-Control on successful GET queries. */
  readonly cacheMaxAgeSeconds: number;
  /** /readyz says 503 until the in-memory copies are loaded (false: ready as soon as the store is open). */
  readonly readyWhenWarm: boolean;
  /** Server processes sharing the port (src/workers.ts); more than one only read-only. */
  readonly workers: number;
  /** How long SIGTERM waits for in-flight requests before closing their connections. */
  readonly shutdownGraceMs: number;
  /** From the environment only: a flag would show the token in the process list. */
  readonly writeToken: string | null;
  /** Serve read-only from an exported snapshot directory instead of a store file. */
  readonly snapshotDir: string | null;
  /** The speed machinery's switches (docs/speed/). */
  readonly speed: SpeedConfig;
}

/** Defaults sized so the heaviest operation in test/operations (NestedSeries: depth 8, 4 aliases, cost 671,603) passes with room. */
export const DEFAULT_LIMITS: LimitsConfig = {
  maxDepth: SETTINGS.maxDepth.default,
  maxAliases: SETTINGS.maxAliases.default,
  maxCost: SETTINGS.maxCost.default,
  defaultListSize: 100,
  heavyCost: SETTINGS.heavyCost.default,
  maxTokens: SETTINGS.maxTokens.default,
  maxBodyBytes: SETTINGS.maxBodyBytes.default,
  maxResponseBytes: SETTINGS.maxResponseBytes.default,
  maxResponseRows: SETTINGS.maxResponseRows.default,
  timeoutMs: SETTINGS.timeoutMs.default,
  queueLimit: SETTINGS.queueLimit.default,
};

/** `npm start -- --help`. */
export const CONFIG_HELP = helpOf(SERVE);

/**
 * Every setting, from flags then environment then defaults, validated once at start; a problem
 * throws a ConfigError naming the flag or variable and what it allows. --help prints the help and
 * exits.
 */
export function loadConfig(
  argv: readonly string[] = process.argv.slice(2),
  env: NodeJS.ProcessEnv = process.env,
): Config {
  const line = readCommandLine(SERVE, argv, env);
  if (line.help) {
    console.log(CONFIG_HELP);
    process.exit(0);
  }
  return configOf(line.values);
}

/** As loadConfig, for main.ts: a problem is printed as one line per setting and exits with status 2, no stack trace. */
export function loadConfigOrExit(): Config {
  return configOf(commandLineOrExit(SERVE).values);
}

function configOf(v: ValuesOf<typeof SERVE.settings>): Config {
  return {
    host: v.host,
    port: v.port,
    storePath: v.store,
    dataDir: v.data,
    poolSize: v.pool,
    production: v.production,
    readOnly: v.readOnly,
    limits: {
      maxDepth: v.maxDepth,
      maxAliases: v.maxAliases,
      maxCost: v.maxCost,
      defaultListSize: DEFAULT_LIMITS.defaultListSize,
      heavyCost: v.heavyCost,
      maxTokens: v.maxTokens,
      maxBodyBytes: v.maxBodyBytes,
      maxResponseBytes: v.maxResponseBytes,
      maxResponseRows: v.maxResponseRows,
      timeoutMs: v.timeoutMs,
      queueLimit: v.queueLimit,
    },
    duckdbMemory: v.duckdbMemory,
    duckdbThreads: v.duckdbThreads,
    introspection: v.introspection ?? !v.production,
    corsOrigins: v.cors,
    cacheMaxAgeSeconds: v.cacheMaxAge,
    readyWhenWarm: v.readyWhenWarm,
    workers: v.workers,
    shutdownGraceMs: v.shutdownGraceMs,
    writeToken: v.writeToken,
    snapshotDir: v.snapshot,
    speed: {
      compiledExecution: v.compiledExecution,
      directParams: v.directParams,
      hotValues: v.hotValues,
      resultCache: { entries: v.resultCache, totalRows: v.resultCacheRows, maxRows: MAX_ROWS_PER_RESULT },
      preparedStatements: v.preparedStatements,
      gcAfterBulk: v.gcAfterBulk,
      availabilityInMemory: v.availabilityInMemory,
    },
  };
}

/** What the server is started with (main.ts); the store's own settings are main.ts's to apply. */
export function serverOptions(config: Config, logger: Logger): ServerOptions {
  return {
    host: config.host,
    port: config.port,
    production: config.production,
    logger,
    limits: config.limits,
    introspection: config.introspection,
    corsOrigins: config.corsOrigins,
    cacheMaxAgeSeconds: config.cacheMaxAgeSeconds,
    shutdownGraceMs: config.shutdownGraceMs,
    readyWhenWarm: config.readyWhenWarm,
    writeToken: config.writeToken,
    speed: config.speed,
  };
}
