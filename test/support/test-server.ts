import 'reflect-metadata';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GraphQLClient } from 'graphql-request';
import { prepareTestStore } from './seed-store.js';
import { Store, type StoreOptions } from '../../src/store/store.js';
import { createServer, type RunningServer, type ServerOptions } from '../../src/server.js';
import { getSdk } from '../../src/client/sdk.js';
import { SPEED_OFF } from '../../src/speed/speed-config.js';

import { SEED_DIR } from './seed-dir.js';

export { SEED_DIR };

export interface TestServer {
  readonly store: Store;
  readonly server: RunningServer;
  readonly sdk: ReturnType<typeof getSdk>;
  readonly client: GraphQLClient;
  readonly dir: string;
  close(): Promise<void>;
}

export interface TestServerOptions {
  readonly server?: Partial<ServerOptions>;
  readonly store?: Partial<StoreOptions>;
  /** Enables recordObservations with this token (the store opens writable, as main.ts does). */
  readonly writeToken?: string;
}

/**
 * A real store file built from a data directory, opened sandboxed as main.ts opens it, served
 * over HTTP on a random loopback port.
 */
export async function startTestServer(
  dataDir: string = SEED_DIR,
  options: TestServerOptions = {},
): Promise<TestServer> {
  const dir = await mkdtemp(join(tmpdir(), 'grassroots-test-'));
  const path = join(dir, 'store.duckdb');
  await prepareTestStore(path, dataDir);
  const writable = options.writeToken !== undefined;
  const store = await Store.open({ path, poolSize: 2, sandboxed: true, writable, threads: 1, ...options.store });
  // Every operation runs compiled, the path repeated traffic takes; test/e2e/compiled-execution.test.ts
  // proves a document's first run (graphql-js) answers the same. Under GRASSROOTS_TEST_SPEED=off
  // (vitest's project graphql-js) every part of the speed machinery is off instead.
  const speed = process.env['GRASSROOTS_TEST_SPEED'] === 'off' ? SPEED_OFF : undefined;
  const server = await createServer(store, {
    host: '127.0.0.1',
    port: 0,
    log: () => {},
    writeToken: options.writeToken ?? null,
    runsBeforeCompiling: 0,
    speed,
    ...options.server,
  });
  // Statement counts are of a warm server; the cold path's answers are proven equal in test/db/hierarchy-cache.test.ts.
  await server.warm();
  const client = new GraphQLClient(server.url);
  return {
    store,
    server,
    client,
    sdk: getSdk(client),
    dir,
    close: async () => {
      await server.close();
      store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The GraphQL errors of a request that is expected to fail. */
export async function errorsOf(
  promise: Promise<unknown>,
): Promise<{ message: string; extensions?: Record<string, unknown> }[]> {
  try {
    await promise;
  } catch (error) {
    const errors = (error as { response?: { errors?: { message: string; extensions?: Record<string, unknown> }[] } })
      .response?.errors;
    if (errors) return errors;
    throw error;
  }
  throw new Error('expected the request to fail');
}
