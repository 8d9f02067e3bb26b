import 'reflect-metadata';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Store } from './store/store.js';
import { GrassrootsReader } from './readers/grassroots-reader.js';
import { createLoaders } from './loaders/create-loaders.js';
import { buildGrassrootsSchema } from './graphql/build-schema.js';
import type { Context } from './graphql/context.js';
import { ObservationWriter } from './ingest/observation-writer.js';
import { WriteAccess } from './graphql/write-access.js';

export interface ServerOptions {
  readonly host: string;
  readonly port: number;
  readonly production?: boolean;
  readonly log?: (entry: Record<string, unknown>) => void;
  /** Token a mutation must present as "Authorization: Bearer <token>"; null or absent: read-only. */
  readonly writeToken?: string | null;
}

export interface RunningServer {
  readonly url: string;
  readonly http: Server;
  close(): Promise<void>;
}

const PUBLIC_CODES = new Set(['BAD_USER_INPUT', 'NOT_FOUND', 'FORBIDDEN', 'READ_ONLY', 'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE']);
const MAX_BODY_BYTES = 1_000_000;

/** Errors we raised on purpose pass through; anything else (a DuckDB error, a bug) is logged and masked. */
export function maskError(formatted: GraphQLFormattedError, error: unknown, log: (e: Record<string, unknown>) => void): GraphQLFormattedError {
  const code = formatted.extensions?.['code'];
  if (typeof code === 'string' && PUBLIC_CODES.has(code)) {
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  log({ level: 'error', msg: 'internal error', error: error instanceof Error ? error.message : String(error) });
  return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new GraphQLError(`request body over ${MAX_BODY_BYTES} bytes`, { extensions: { code: 'BAD_REQUEST' } });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Apollo Server over node:http on /graphql; tests and main share it. */
export async function createServer(store: Store, options: ServerOptions): Promise<RunningServer> {
  const log = options.log ?? ((entry) => console.log(JSON.stringify(entry)));
  const reader = new GrassrootsReader(store);
  const writer = new ObservationWriter(store);
  const writeAccess = new WriteAccess(options.writeToken ?? null);
  const apollo = new ApolloServer<Context>({
    schema: await buildGrassrootsSchema(),
    includeStacktraceInErrorResponses: false,
    plugins: [ApolloServerPluginLandingPageDisabled()],
    formatError: (formatted, error) => maskError(formatted, error, log),
  });
  await apollo.start();

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== '/graphql') {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'not found; GraphQL is served at /graphql' }));
      return;
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    let body: unknown = undefined;
    if (req.method === 'POST') {
      const text = await readBody(req);
      try {
        body = text === '' ? {} : JSON.parse(text);
      } catch {
        res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: 'request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] }));
        return;
      }
    }
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
      context: async () => ({ reader, loaders: createLoaders(reader), writer, writeAccess, authorization: req.headers.authorization ?? null }),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') res.end(response.body.string);
    else {
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    }
  };

  const http = createHttpServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      const status = error instanceof GraphQLError ? 400 : 500;
      if (status === 500) log({ level: 'error', msg: 'request failed', error: String(error) });
      if (!res.headersSent) res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ message: status === 400 ? (error as Error).message : 'Internal server error' }] }));
    });
  });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, options.host, () => resolve());
  });
  const { port } = http.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}/graphql`,
    http,
    close: async () => {
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await apollo.stop();
    },
  };
}
