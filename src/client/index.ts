import { GraphQLClient } from 'graphql-request';
import { getSdk } from './sdk.js';

export type * from './sdk.js';
export { getSdk } from './sdk.js';

export interface ClientOptions {
  /** Sent with every request (e.g. an authorisation header in front of a proxy). */
  readonly headers?: Record<string, string>;
  /** A fetch implementation; defaults to the global one (Node 18+ and browsers). */
  readonly fetch?: typeof fetch;
}

/** The generated operations with typed variables and results, plus the raw client for anything else. */
export type GrassrootsClient = ReturnType<typeof getSdk> & { readonly graphql: GraphQLClient };

/** A typed client for a Grassroots server: `createClient('http://127.0.0.1:4000/graphql').Table({ ... })`. */
export function createClient(url: string, options: ClientOptions = {}): GrassrootsClient {
  const graphql = new GraphQLClient(url, {
    headers: options.headers,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  return Object.assign(getSdk(graphql), { graphql });
}
