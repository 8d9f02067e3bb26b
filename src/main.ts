import 'reflect-metadata';
import { loadConfig } from './config.js';
import { assertServable, prepareStore } from './store/build-store.js';
import { Store } from './store/store.js';
import { createServer } from './server.js';

const config = loadConfig();
const log = (entry: Record<string, unknown>) => console.log(JSON.stringify({ time: new Date().toISOString(), ...entry }));

// Migrations and the seed import need a writable store; serving then reopens it sandboxed
// (read-only, no file access, configuration locked), so no request can write or read outside it.
// A read-only server (replica, benchmark) skips both and serves the store as it is.
if (config.readOnly) {
  await assertServable(config.storePath);
  log({ msg: 'store opened read-only', store: config.storePath });
} else {
  const prepared = await prepareStore(config.storePath, config.dataDir);
  log({ msg: prepared.created ? 'store built' : 'store opened', store: config.storePath, migrations: prepared.migrations, seed: prepared.seed });
}
const store = await Store.open({
  path: config.storePath,
  poolSize: config.poolSize,
  sandboxed: true,
  memoryLimit: config.duckdbMemory,
  ...(config.duckdbThreads ? { threads: config.duckdbThreads } : {}),
});
const server = await createServer(store, {
  host: config.host,
  port: config.port,
  production: config.production,
  log,
  limits: config.limits,
  introspection: config.introspection,
  corsOrigins: config.corsOrigins,
  cacheMaxAgeSeconds: config.cacheMaxAgeSeconds,
  shutdownGraceMs: config.shutdownGraceMs,
});
log({ msg: 'listening', url: server.url, pool: config.poolSize, limits: config.limits });

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log({ msg: 'shutting down', signal });
    server.close().then(() => {
      store.close();
      log({ msg: 'stopped' });
      process.exit(0);
    }).catch(() => process.exit(1));
  });
}
