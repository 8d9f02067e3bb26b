import 'reflect-metadata';
import { loadConfigOrExit, serverOptions } from './config.js';
import { assertServable, prepareStore } from './store/build-store.js';
import { Store } from './store/store.js';
import { openSnapshot } from './store/snapshot.js';
import { lineLog } from './log-lines.js';

const config = loadConfigOrExit();
// Request lines wait for the turn's end; the rest are written at once. Queued lines are written
// however the process exits (a signal that kills it outright loses at most a turn of requests).
const { log, flush } = lineLog(process.stdout, (entry) => entry['msg'] === 'request');
process.on('exit', flush);

// Migrations and the seed import need a writable store; serving then reopens it sandboxed (no
// file access, configuration locked; read-only unless a write token enables recordObservations).
// A read-only server (replica, benchmark) skips migration and import and serves the store as it
// is; a snapshot server loads an exported snapshot into memory.
async function openStore(): Promise<Store> {
  if (config.snapshotDir) {
    const { store, manifest } = await openSnapshot(config.snapshotDir, config.poolSize);
    log({ msg: 'snapshot loaded (read-only)', snapshot: config.snapshotDir, createdAt: manifest.createdAt, tables: manifest.tables.length });
    return store;
  }
  if (config.readOnly) {
    if (config.writeToken) throw new Error('read-only: a read-only server takes no write token; unset GRASSROOTS_WRITE_TOKEN');
    await assertServable(config.storePath);
    log({ msg: 'store opened read-only', store: config.storePath });
  } else {
    const prepared = await prepareStore(config.storePath, config.dataDir);
    log({ msg: prepared.created ? 'store built' : 'store opened', store: config.storePath, migrations: prepared.migrations, seed: prepared.seed });
  }
  return Store.open({
    path: config.storePath,
    poolSize: config.poolSize,
    sandboxed: true,
    writable: config.writeToken !== null,
    memoryLimit: config.duckdbMemory,
    ...(config.duckdbThreads ? { threads: config.duckdbThreads } : {}),
  });
}

// DuckDB opens the store on its own threads; meanwhile the main thread loads Apollo, type-graphql
// and the resolvers and builds the schema (most of a start's CPU), instead of after the store.
const opening = openStore();
opening.catch(() => {}); // awaited below; an early failure must not count as unhandled meanwhile
const [{ createServer }, { buildGrassrootsSchema }] = await Promise.all([import('./server.js'), import('./graphql/build-schema.js')]);
await buildGrassrootsSchema(config.speed);
const store = await opening;
const server = await createServer(store, serverOptions(config, log));
// Handlers go in before the "listening" line: whoever waits for it (the bench, a supervisor) may
// signal at once, and a signal that came first would kill the process with DuckDB still open.
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

log({ msg: config.writeToken ? 'writes enabled (write token configured)' : 'read-only (no GRASSROOTS_WRITE_TOKEN)' });
log({ msg: 'listening', url: server.url, pool: config.poolSize, limits: config.limits });
