import 'reflect-metadata';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHash } from 'node:crypto';
import { fastify, LogController, type FastifyBaseLogger } from 'fastify';
import { printSchema } from 'graphql';
import type { Store } from './store/store.js';
import { GrassrootsReader } from './readers/grassroots-reader.js';
import type { CostCatalogue } from './graphql/cost/cost-catalogue.js';
import { KeptAvailability } from './readers/kept-availability.js';
import { CostCatalogueReader } from './graphql/cost/cost-catalogue-reader.js';
import { WarmParts } from './warm/warm-parts.js';
import { contextFactory } from './graphql/create-context.js';
import { ServingStatus } from './serving/serving-status.js';
import { HierarchyCache } from './hierarchy/hierarchy-cache.js';
import { ResultCache } from './speed/result-cache.js';
import { buildGrassrootsSchema } from './graphql/build-schema.js';
import { operationExecution, type ExecutionCounts } from './speed/compiled-execution.js';
import { SPEED_DEFAULTS, type SpeedConfig } from './speed/speed-config.js';
import { DEFAULT_LIMITS, type LimitsConfig } from './config.js';
import { ObservationWriter } from './ingest/observation-writer.js';
import { WriteAccess } from './graphql/write-access.js';
import { createLogger, entryLogger, logEntry, type LogEntry, type Logger } from './logger.js';
import { Admission } from './http/admission.js';
import { AdmittedWork } from './http/admitted-work.js';
import { startApollo } from './http/apollo-server.js';
import { readBodiesAsJson } from './http/body.js';
import { reclaimAfterBulkResponses } from './http/bulk-reclaim.js';
import { queryCaching } from './http/cache.js';
import { allowOrigins } from './http/cors.js';
import { errorReplies, frameworkErrors } from './http/error-replies.js';
import { exportRoute } from './http/export-route.js';
import { graphqlContexts } from './http/graphql-context.js';
import { graphqlRoute, onlyGetAndPost } from './http/graphql-route.js';
import { healthRoutes, storeReadiness } from './http/health.js';
import { logRequests, requestIdOf } from './http/request-log.js';
import { GracefulShutdown } from './http/shutdown.js';
import { serveIde, uiRoutes } from './http/ui-route.js';

export interface ServerOptions {
  readonly host: string;
  readonly port: number;
  readonly production?: boolean;
  /** Where the server logs (main: JSON lines on stdout); default: a logger of its own on stdout. */
  readonly logger?: Logger;
  /** Instead of `logger`: every log line handed over as an object (tests read the request lines). */
  readonly log?: (entry: LogEntry) => void;
  readonly limits?: Partial<LimitsConfig>;
  readonly introspection?: boolean;
  readonly corsOrigins?: readonly string[];
  readonly cacheMaxAgeSeconds?: number;
  readonly shutdownGraceMs?: number;
  /** /readyz answers 503 until warm (default); false: ready once the store is open, answering more slowly meanwhile. */
  readonly readyWhenWarm?: boolean;
  /** False: units and links are read with a statement every time, never copied into memory (tests prove both paths answer alike). */
  readonly hierarchyInMemory?: boolean;
  /** Token a mutation must present as "Authorization: Bearer <token>"; null or absent: read-only. */
  readonly writeToken?: string | null;
  /** How often a document runs through graphql-js before it is compiled (tests: 0 compiles every one). */
  readonly runsBeforeCompiling?: number;
  /**
   * The directory of warm files (src/warm): what the warm-up read from the store, kept for the
   * next start. Default: `<store file>.warm` (none for a store in memory); null: none.
   */
  readonly warmDir?: string | null;
  /** The speed machinery's switches (src/speed, docs/speed); each one absent is on. Every one gives the same answers. */
  readonly speed?: Partial<SpeedConfig>;
}

export interface RunningServer {
  readonly url: string;
  readonly http: Server;
  /** Requests executing and waiting for a slot, for readiness probes and tests. */
  stats(): { running: number; queued: number };
  /** Operations executed so far: compiled (a document seen before) or by graphql-js. */
  executions(): ExecutionCounts;
  /** Resolves once what loads after listening (serving keys, hot values, the in-memory hierarchy) has loaded; requests before then get the same answers, read more slowly. */
  warm(): Promise<void>;
  /** Stops accepting, lets in-flight requests finish up to the grace period, then interrupts them. */
  close(): Promise<void>;
}

/**
 * Apollo Server on fastify: /graphql, /export.*, the browser pages, /healthz and /readyz; tests
 * and main share it. What is ours (admission, time limit, ETags, shutdown) is hooks and routes
 * of src/http/, each in its own module; this file puts them together.
 */
export async function createServer(store: Store, options: ServerOptions): Promise<RunningServer> {
  const logger = options.logger ?? (options.log ? entryLogger(options.log) : createLogger());
  const limits: LimitsConfig = { ...DEFAULT_LIMITS, ...options.limits };
  const speed: SpeedConfig = { ...SPEED_DEFAULTS, ...options.speed };
  store.preparedStatements = speed.preparedStatements;
  const schema = await buildGrassrootsSchema(speed);
  const schemaHash = createHash('sha256').update(printSchema(schema)).digest('hex').slice(0, 16);
  // The data version changes only when recordObservations writes; ETags follow it.
  let dataVersion = await new GrassrootsReader(store).readDataVersion();
  // The unit keys and the hierarchy (both a StoreCopy) load once the server listens: their
  // decoding runs on this thread, and started earlier it delayed listening. Until then reads are
  // statements (same answers).
  let listened!: () => void;
  const listening = new Promise<void>((resolve) => (listened = resolve));
  const warmDir = options.warmDir === undefined ? WarmParts.besideStore(store.path) : options.warmDir;
  const warmParts = warmDir === null ? null : new WarmParts(warmDir, store, logger);
  const serving = await ServingStatus.of(store, { keysAfter: listening, hotValues: speed.hotValues, warm: warmParts });
  const hierarchy = options.hierarchyInMemory === false ? null : new HierarchyCache(store, listening, warmParts);
  // The cost estimate's units and periods (src/graphql/cost/cost-catalogue.ts), read once listening
  // and again after each write; until then a table is sized from its arguments alone.
  let costCatalogue: CostCatalogue | null = null;
  const availability = speed.availabilityInMemory ? new KeptAvailability(store) : null;
  const catalogueReader = new CostCatalogueReader(store, new GrassrootsReader(store), warmParts, availability);
  const recatalogue = () =>
    catalogueReader.read().then(
      (catalogue) => void (costCatalogue = catalogue),
      (error: unknown) => logger.warn({ error: String(error) }, 'cost catalogue not read'),
    );
  let cataloguing = listening.then(recatalogue);
  const warm = () => Promise.all([serving.ready(), hierarchy?.ready(), cataloguing]).then(() => undefined);
  // How long each copy took from listening, for the "warm" line: where a start's warm-up goes.
  const partMs: Record<string, number> = {};
  const timed = (name: string, part: Promise<unknown> | undefined) =>
    void part?.then(() => (partMs[name] = Math.round(performance.now() - warming)));
  const results = new ResultCache(speed.resultCache, () => store.commits);
  const writer = new ObservationWriter(store, async () => {
    dataVersion = await new GrassrootsReader(store).readDataVersion();
    await serving.recheck();
    cataloguing = cataloguing.then(recatalogue);
  });
  logger.info(
    {
      fresh: serving.isFresh,
      ...(serving.isFresh
        ? {}
        : {
            note: 'behind the latest import: values are computed per request until the store is prepared again (npm start)',
          }),
    },
    'serving layer',
  );

  const execution = operationExecution(schema, {
    compiled: speed.compiledExecution,
    runsBeforeCompiling: options.runsBeforeCompiling,
    log: logEntry(logger),
  });
  const apollo = await startApollo(execution, {
    limits,
    production: options.production ?? false,
    introspection: options.introspection ?? true,
    logger,
    costCatalogue: () => costCatalogue,
  });
  const work = new AdmittedWork(new Admission(store.poolSize, limits.queueLimit), limits.timeoutMs);

  const app = fastify({
    // Fastify's own lines (listening, each request twice) would double ours; its warnings stay.
    loggerInstance: logger.child({}, { level: 'warn' }) as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: requestIdOf,
    requestIdHeader: false,
    bodyLimit: limits.maxBodyBytes,
    // Shutdown answers for itself (GracefulShutdown): health stays up, queries get SHUTTING_DOWN.
    return503OnClosing: false,
    // Node's default: fastify's 72 s would hold idle sockets open, and a replica's port, longer.
    keepAliveTimeout: 5_000,
    // A client that trickles its headers or body holds a socket, not a connection: cut it off well
    // before Node's 5-minute default.
    requestTimeout: 30_000,
    exposeHeadRoutes: false,
    frameworkErrors,
  });
  app.server.headersTimeout = 10_000;
  errorReplies(app, logger, limits.maxBodyBytes);
  readBodiesAsJson(app);
  logRequests(app, logger);
  await allowOrigins(app, options.corsOrigins ?? []);
  const shutdown = new GracefulShutdown(app, work, options.shutdownGraceMs ?? 10_000);

  let warmed = false;
  healthRoutes(
    app,
    await storeReadiness(
      store,
      () => shutdown.isStopping,
      () => warmed,
      options.readyWhenWarm ?? true,
    ),
  );
  exportRoute(app, {
    work,
    onRequest: [shutdown.refuseWhenStopping],
    context: (signal) => contextFactory(store, serving, hierarchy, signal),
    exportDir: store.exportDir,
    timeoutMs: limits.timeoutMs,
  });
  uiRoutes(app);
  const caching = queryCaching({
    dataVersion: () => dataVersion,
    schemaHash,
    maxAgeSeconds: options.cacheMaxAgeSeconds ?? 60,
  });
  graphqlRoute(
    app,
    apollo,
    work,
    graphqlContexts({
      store,
      results,
      serving,
      hierarchy,
      availability,
      writer,
      writeAccess: new WriteAccess(options.writeToken ?? null),
      maxResponseRows: limits.maxResponseRows,
    }),
    {
      onRequest: [serveIde, onlyGetAndPost, shutdown.refuseWhenStopping, caching.notModified],
      onSend: [caching.cacheHeaders],
      onResponse: speed.gcAfterBulk ? [reclaimAfterBulkResponses()] : [],
    },
    limits,
  );

  await app.listen({ port: options.port, host: options.host });
  listened();
  const warming = performance.now();
  timed('keys', serving.keysReady());
  timed('servingAndHotValues', serving.ready());
  timed('hierarchy', hierarchy?.ready());
  timed('catalogue', cataloguing);
  void warm().then(() => {
    warmed = true;
    logger.info(
      {
        units: hierarchy?.current()?.unitCount ?? null,
        hotValues: serving.hot()?.rowCount ?? null,
        ms: Math.round(performance.now() - warming),
        partMs,
        ...(hierarchy?.lastError ? { hierarchyError: hierarchy.lastError } : {}),
        ...(serving.lastError ? { servingError: serving.lastError } : {}),
      },
      'warm',
    );
  });
  const { port } = app.server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  let closing: Promise<void> | null = null;
  return {
    url: `http://${host}:${port}/graphql`,
    http: app.server,
    stats: () => work.stats(),
    executions: () => ({ ...execution.counts }),
    warm,
    close: () => {
      closing ??= (async () => {
        await shutdown.close();
        // So are the loads of the unit keys, hot values and hierarchy, which start as the server
        // listens: closing DuckDB under them hangs the process (a stop right after "listening", as
        // the bench does, hit that). Stopped, not just awaited: a load could otherwise start after.
        await Promise.all([serving.stop(), hierarchy?.stop(), cataloguing]);
        // A warm file half written is left as a temporary file, never renamed: finish them.
        await warmParts?.settled();
        await apollo.stop();
      })();
      return closing;
    },
  };
}
