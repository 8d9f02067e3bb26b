import 'reflect-metadata';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHash, randomUUID } from 'node:crypto';
import { ApolloServer, HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { printSchema, type GraphQLFormattedError } from 'graphql';
import { StatementInterruptedError, type Store } from './store/store.js';
import { pendingMigrations } from './store/migrate.js';
import { GrassrootsReader } from './readers/grassroots-reader.js';
import { AnalyticsReader } from './readers/analytics-reader.js';
import { createLoaders } from './loaders/create-loaders.js';
import { createRoutes } from './http/routes.js';
import { EXPORT_PATH } from './http/export-route.js';
import { contextFactory } from './graphql/create-context.js';
import { ServingStatus } from './serving/serving-status.js';
import { HierarchyCache } from './hierarchy/hierarchy-cache.js';
import { ResultCache } from './speed/result-cache.js';
import { buildGrassrootsSchema } from './graphql/build-schema.js';
import { operationExecution, type ExecutionCounts } from './speed/compiled-execution.js';
import { SPEED_DEFAULTS, type SpeedConfig } from './speed/speed-config.js';
import type { Context, RequestInfo } from './graphql/context.js';
import { DEFAULT_LIMITS, type LimitsConfig } from './config.js';
import { queryLimitsPlugin } from './http/limits.js';
import { readBody } from './http/body.js';
import { HttpError } from './http/http-error.js';
import { Admission } from './http/admission.js';
import { applyCors } from './http/cors.js';
import { etagOf, matchesIfNoneMatch } from './http/cache.js';
import { answerHealth } from './http/health.js';
import { ObservationWriter } from './ingest/observation-writer.js';
import { WriteAccess } from './graphql/write-access.js';
import { bulkReclaimer } from './http/bulk-reclaim.js';

export interface ServerOptions {
  readonly host: string;
  readonly port: number;
  readonly production?: boolean;
  readonly log?: (entry: Record<string, unknown>) => void;
  readonly limits?: Partial<LimitsConfig>;
  readonly introspection?: boolean;
  readonly corsOrigins?: readonly string[];
  readonly cacheMaxAgeSeconds?: number;
  readonly shutdownGraceMs?: number;
  /** False: units and links are read with a statement every time, never copied into memory (tests prove both paths answer alike). */
  readonly hierarchyInMemory?: boolean;
  /** Token a mutation must present as "Authorization: Bearer <token>"; null or absent: read-only. */
  readonly writeToken?: string | null;
  /** How often a document runs through graphql-js before it is compiled (tests: 0 compiles every one). */
  readonly runsBeforeCompiling?: number;
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

const PUBLIC_CODES = new Set([
  'BAD_USER_INPUT', 'NOT_FOUND', 'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE', 'QUERY_LIMIT_EXCEEDED', 'FORBIDDEN', 'READ_ONLY',
]);

/**
 * Apollo's hideSchemaDetailsFromClientErrors covers validation, but graphql-js still suggests
 * enum values when it coerces variables; production strips every suggestion the same way.
 */
export function withoutSuggestions(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const message = formatted.message.replace(/ ?Did you mean [^?]*\?/g, '');
  return message === formatted.message ? formatted : { ...formatted, message };
}

/** Errors we raised on purpose pass through; anything else (a DuckDB error, a bug) is logged and masked. */
export function maskError(formatted: GraphQLFormattedError, error: unknown, log: (e: Record<string, unknown>) => void, timeoutMs?: number): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof StatementInterruptedError && original.reason === 'shutdown') {
    return { message: 'Query stopped: the server is shutting down.', locations: formatted.locations, path: formatted.path, extensions: { code: 'SHUTTING_DOWN' } };
  }
  if (original instanceof StatementInterruptedError) {
    return {
      message: `Query stopped: it ran past the time limit timeoutMs = ${timeoutMs ?? '?'} ms.`,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'TIMEOUT', limit: 'timeoutMs', max: timeoutMs },
    };
  }
  const code = formatted.extensions?.['code'];
  // graphql-js words the maxTokens refusal as a syntax error; name the limit like the others.
  const tokens = code === 'GRAPHQL_PARSE_FAILED' ? /more tha[nt] (\d+) tokens/.exec(formatted.message) : null;
  if (tokens) {
    return { message: `Query document has more than ${tokens[1]} tokens, over the limit maxTokens = ${tokens[1]}.`, extensions: { code: 'QUERY_LIMIT_EXCEEDED', limit: 'maxTokens', max: Number(tokens[1]) } };
  }
  if (typeof code === 'string' && PUBLIC_CODES.has(code)) {
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  log({ level: 'error', msg: 'internal error', error: error instanceof Error ? error.message : String(error) });
  return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

/** Records the operation name for the request log once Apollo has resolved it. */
const requestInfoPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ contextValue, operation }) {
        if (contextValue.request && operation) contextValue.request.operationName = operation.name?.value ?? '(anonymous)';
      },
    };
  },
};

/** Apollo Server over node:http on /graphql, plus /healthz and /readyz; tests and main share it. */
export async function createServer(store: Store, options: ServerOptions): Promise<RunningServer> {
  const log = options.log ?? ((entry) => console.log(JSON.stringify(entry)));
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
  const serving = await ServingStatus.of(store, { keysAfter: listening, hotValues: speed.hotValues });
  const hierarchy = options.hierarchyInMemory === false ? null : new HierarchyCache(store, listening);
  const warm = () => Promise.all([serving.ready(), hierarchy?.ready()]).then(() => undefined);
  const results = new ResultCache(speed.resultCache, () => store.commits);
  const writer = new ObservationWriter(store, async () => {
    dataVersion = await new GrassrootsReader(store).readDataVersion();
    await serving.recheck();
  });
  log({ msg: 'serving layer', fresh: serving.isFresh, ...(serving.isFresh ? {} : { note: 'behind the latest import: values are computed per request until the store is prepared again (npm start)' }) });
  const writeAccess = new WriteAccess(options.writeToken ?? null);
  const admission = new Admission(store.poolSize, limits.queueLimit);
  const cacheMaxAge = options.cacheMaxAgeSeconds ?? 60;
  const afterResponse = bulkReclaimer();

  // The browser pages serve files; exports go through exportAdmitted below.
  const routes = createRoutes({ context: contextFactory(store, serving, hierarchy), exportDir: store.exportDir });
  const execution = operationExecution(schema, { compiled: speed.compiledExecution, runsBeforeCompiling: options.runsBeforeCompiling, log });
  const apollo = new ApolloServer<Context>({
    ...execution.apollo,
    includeStacktraceInErrorResponses: false,
    // In production, "Did you mean ...?" suggestions would reveal schema to a probing client.
    hideSchemaDetailsFromClientErrors: options.production ?? false,
    introspection: options.introspection ?? true,
    // graphql-js stops parsing past maxTokens with a syntax error (400), before any work.
    parseOptions: { maxTokens: limits.maxTokens },
    csrfPrevention: true,
    // main.ts owns shutdown (drain, then close DuckDB); Apollo's own signal handlers would stop
    // it underneath and leave the process to exit with the store still open.
    stopOnTerminationSignals: false,
    // Cache headers are ours (an ETag per data version, below); Apollo's cache-control plugin,
    // on by default, would wrap every field's resolver to collect hints nothing sets.
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled(), queryLimitsPlugin(limits), requestInfoPlugin, execution.plugin],
    formatError: (formatted, error) => {
      const masked = maskError(formatted, error, log, limits.timeoutMs);
      return options.production ? withoutSuggestions(masked) : masked;
    },
  });
  await apollo.start();

  let stopping = false;
  const inFlight = new Set<AbortController>();
  let drained: (() => void) | null = null;
  let graceOver = false;
  const readiness = async (): Promise<string | null> => {
    if (stopping) return 'shutting down';
    if (!store.isOpen) return 'store closed';
    const pending = await pendingMigrations(store);
    return pending.length > 0 ? `migrations pending: ${pending.join(', ')}` : null;
  };

  const executeGraphQL = async (req: IncomingMessage, res: ServerResponse, url: URL, info: RequestInfo) => {
    if (req.method !== 'GET' && req.method !== 'POST') {
      throw new HttpError(405, 'METHOD_NOT_ALLOWED', 'GraphQL is served over GET and POST.', {}, { allow: 'GET, POST' });
    }
    if (stopping) throw new HttpError(503, 'SHUTTING_DOWN', 'Server is shutting down; retry on another instance.', {}, { 'retry-after': '1', connection: 'close' });
    const etag = req.method === 'GET' ? etagOf(dataVersion, schemaHash, url.search) : null;
    if (etag && matchesIfNoneMatch(req.headers['if-none-match'], etag)) {
      res.writeHead(304, { etag, 'cache-control': `public, max-age=${cacheMaxAge}` }).end();
      return;
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    let body: unknown = undefined;
    if (req.method === 'POST') {
      const text = await readBody(req, limits.maxBodyBytes);
      try {
        body = text === '' ? {} : JSON.parse(text);
      } catch {
        throw new HttpError(400, 'BAD_REQUEST', 'Request body is not valid JSON.');
      }
    }

    await runAdmitted(info, async (signal) => {
      const scoped = results.wrap(store.withSignal(signal));
      const reader = new GrassrootsReader(scoped, hierarchy);
      const analytics = new AnalyticsReader(scoped, serving, hierarchy);
      const response = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method as string, headers, search: url.search, body },
        context: async () => ({ reader, analytics, loaders: createLoaders(reader, analytics), request: info, writer, writeAccess, authorization: req.headers.authorization ?? null }),
      });
      for (const [key, value] of response.headers) res.setHeader(key, value);
      res.statusCode = response.status ?? 200;
      // A request that was in flight when shutdown began must not keep its socket alive after it.
      if (stopping) res.shouldKeepAlive = false;
      if (response.body.kind === 'complete') {
        const text = response.body.string;
        // A top-level "errors" key is the only unescaped `"errors"` in a result (an alias of that
        // name merely makes the answer uncacheable), so the text test avoids re-parsing it.
        if (etag && res.statusCode === 200 && !text.includes('"errors"')) {
          res.setHeader('etag', etag);
          res.setHeader('cache-control', `public, max-age=${cacheMaxAge}`);
        } else {
          res.setHeader('cache-control', 'no-store');
        }
        res.end(text);
        afterResponse(text.length);
      } else {
        for await (const chunk of response.body.asyncIterator) res.write(chunk);
        res.end();
      }
    });
  };

  /**
   * Runs a request's DuckDB work as GraphQL requests run: through the admission queue, under the
   * time limit (counted from when it gets to run, not while it queues), tracked for shutdown.
   */
  const runAdmitted = async (info: RequestInfo, work: (signal: AbortSignal) => Promise<void>) => {
    const release = await admission.enter();
    const controller = new AbortController();
    inFlight.add(controller);
    const timer = setTimeout(() => controller.abort('timeout'), limits.timeoutMs);
    // A request that waited in the queue past the shutdown grace period does not start work.
    if (graceOver) controller.abort('shutdown');
    try {
      await work(controller.signal);
    } finally {
      if (controller.signal.aborted) info.timedOut = controller.signal.reason === 'timeout';
      clearTimeout(timer);
      inFlight.delete(controller);
      if (inFlight.size === 0) drained?.();
      release();
    }
  };

  /** Exports run DuckDB's COPY over a whole table: the same queue, time limit and shutdown as queries. */
  const exportAdmitted = async (req: IncomingMessage, res: ServerResponse, url: URL, info: RequestInfo) => {
    if (stopping) throw new HttpError(503, 'SHUTTING_DOWN', 'Server is shutting down; retry on another instance.', {}, { 'retry-after': '1', connection: 'close' });
    try {
      await runAdmitted(info, async (signal) => {
        await createRoutes({ context: contextFactory(store, serving, hierarchy, signal), exportDir: store.exportDir })(req, res, url);
      });
    } catch (error) {
      if (error instanceof StatementInterruptedError && error.reason === 'timeout') {
        throw new HttpError(504, 'TIMEOUT', `Export stopped: it ran past the time limit timeoutMs = ${limits.timeoutMs} ms.`);
      }
      throw error;
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const started = performance.now();
    const header = req.headers['x-request-id'];
    const info: RequestInfo = { id: typeof header === 'string' && /^[\w.:-]{1,128}$/.test(header) ? header : randomUUID() };
    res.setHeader('x-request-id', info.id);
    let bytes = 0;
    const write = res.write.bind(res);
    const end = res.end.bind(res);
    const count = (chunk: unknown) => {
      if (typeof chunk === 'string') bytes += Buffer.byteLength(chunk);
      else if (chunk instanceof Uint8Array) bytes += chunk.length;
    };
    res.write = ((chunk: unknown, ...rest: unknown[]) => { count(chunk); return (write as (...a: unknown[]) => boolean)(chunk, ...rest); }) as typeof res.write;
    res.end = ((chunk?: unknown, ...rest: unknown[]) => { if (typeof chunk !== 'function') count(chunk); return (end as (...a: unknown[]) => ServerResponse)(chunk, ...rest); }) as typeof res.end;
    res.once('finish', () => {
      log({ msg: 'request', requestId: info.id, method: req.method, path: req.url?.split('?')[0], operationName: info.operationName ?? null, status: res.statusCode, durationMs: Math.round((performance.now() - started) * 10) / 10, bytes, ...(info.timedOut ? { timedOut: true } : {}) });
    });

    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (applyCors(req, res, options.corsOrigins ?? [])) return;
      if (await answerHealth(url.pathname, res, readiness)) return;
      if (EXPORT_PATH.test(url.pathname)) return await exportAdmitted(req, res, url, info);
      if (await routes(req, res, url)) return;
      if (url.pathname !== '/graphql') {
        res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: 'Not found; GraphQL is served at /graphql.', extensions: { code: 'NOT_FOUND' } }] }));
        return;
      }
      await executeGraphQL(req, res, url, info);
    } catch (error) {
      const known = error instanceof HttpError;
      if (!known) log({ level: 'error', msg: 'request failed', requestId: info.id, error: error instanceof Error ? error.message : String(error) });
      if (res.headersSent) {
        res.end();
        return;
      }
      const refusal = known ? error : new HttpError(500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
      // A body refused part-way is not read further: close the connection instead of draining it.
      if (refusal.status === 413) refusal.headers['connection'] = 'close';
      res.writeHead(refusal.status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...refusal.headers }).end(refusal.body());
      if (refusal.status === 413) req.resume();
    }
  };

  const http = createHttpServer((req, res) => void handle(req, res));
  // A client that trickles its headers or body holds a socket, not a connection: cut it off well
  // before Node's 5-minute default.
  http.headersTimeout = 10_000;
  http.requestTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, options.host, () => resolve());
  });
  listened();
  const warming = performance.now();
  void warm().then(() => log({
    msg: 'warm', units: hierarchy?.current()?.unitCount ?? null, hotValues: serving.hot()?.rowCount ?? null, ms: Math.round(performance.now() - warming),
    ...(hierarchy?.lastError ? { hierarchyError: hierarchy.lastError } : {}), ...(serving.lastError ? { servingError: serving.lastError } : {}),
  }));
  const { port } = http.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  let closing: Promise<void> | null = null;
  return {
    url: `http://${host}:${port}/graphql`,
    http,
    stats: () => ({ running: inFlight.size, queued: admission.queued }),
    executions: () => ({ ...execution.counts }),
    warm,
    close: () => {
      closing ??= (async () => {
        stopping = true;
        const closed = new Promise<void>((resolve) => http.close(() => resolve()));
        http.closeIdleConnections();
        // Past the grace period, interrupt what still runs (inside DuckDB) and drop the sockets.
        const grace = setTimeout(() => {
          graceOver = true;
          for (const controller of inFlight) controller.abort('shutdown');
          setTimeout(() => http.closeAllConnections(), 1_000).unref();
        }, options.shutdownGraceMs ?? 10_000);
        await closed;
        clearTimeout(grace);
        // Sockets can close before a request's last statement returns; the caller closes DuckDB
        // next, so wait for every request to be done with it.
        if (inFlight.size > 0) await new Promise<void>((resolve) => (drained = resolve));
        // So are the loads of the unit keys, hot values and hierarchy, which start as the server
        // listens: closing DuckDB under them hangs the process (a stop right after "listening", as
        // the bench does, hit that). Stopped, not just awaited: a load could otherwise start after.
        await Promise.all([serving.stop(), hierarchy?.stop()]);
        await apollo.stop();
      })();
      return closing;
    },
  };
}
