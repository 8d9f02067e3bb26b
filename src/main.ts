import 'reflect-metadata';
import cluster from 'node:cluster';
import { loadConfigOrExit, serverOptions } from './config.js';
import { assertServable, prepareStore } from './store/build-store.js';
import { Store } from './store/store.js';
import { openSnapshot } from './store/snapshot.js';
import { createLogger } from './logger.js';
import { startupProblem } from './startup-problem.js';
import { superviseWorkers, type WorkerMessage } from './workers.js';

const config = loadConfigOrExit();
// JSON lines on stdout, written off the main thread's path and flushed however the process exits.
const logger = createLogger();

// Migrations and the seed import need a writable store; serving then reopens it sandboxed (no
// file access, configuration locked; read-only unless a write token enables recordObservations).
// A read-only server (replica, benchmark) skips migration and import and serves the store as it
// is; a snapshot server loads an exported snapshot into memory.
async function openStore(): Promise<Store> {
  if (config.snapshotDir) {
    const { store, manifest } = await openSnapshot(config.snapshotDir, config.poolSize);
    logger.info(
      { snapshot: config.snapshotDir, createdAt: manifest.createdAt, tables: manifest.tables.length },
      'snapshot loaded (read-only)',
    );
    return store;
  }
  if (config.readOnly) {
    if (config.writeToken)
      throw new Error('read-only: a read-only server takes no write token; unset GRASSROOTS_WRITE_TOKEN');
    await assertServable(config.storePath);
    logger.info({ store: config.storePath }, 'store opened read-only');
  } else {
    const prepared = await prepareStore(config.storePath, config.dataDir);
    logger.info(
      { store: config.storePath, migrations: prepared.migrations, national: prepared.national, seed: prepared.seed },
      prepared.created ? 'store built' : 'store opened',
    );
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
async function start() {
  const opening = openStore();
  opening.catch(() => {}); // awaited below; an early failure must not count as unhandled meanwhile
  const [{ createServer }, { buildGrassrootsSchema }] = await Promise.all([
    import('./server.js'),
    import('./graphql/build-schema.js'),
  ]);
  await buildGrassrootsSchema(config.speed);
  const store = await opening;
  try {
    return { store, server: await createServer(store, serverOptions(config, logger)) };
  } catch (error) {
    store.close();
    throw error;
  }
}

// A start that fails (the store held by another process, a bad snapshot, a file that is not a
// store, the port taken) says why in one line on stderr and exits 1: no stack trace.
async function serve() {
  const { store, server } = await start().catch((error: unknown) => {
    const problem = startupProblem(error);
    logger.error({ problem }, 'cannot start');
    process.stderr.write(`grassroots: cannot start: ${problem}\n`);
    process.exit(1);
  });
  // Handlers go in before the "listening" line: whoever waits for it (the bench, a supervisor) may
  // signal at once, and a signal that came first would kill the process with DuckDB still open.
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, 'shutting down');
      server
        .close()
        .then(() => {
          store.close();
          logger.info('stopped');
          process.exit(0);
        })
        .catch(() => process.exit(1));
    });
  }

  logger.info(config.writeToken ? 'writes enabled (write token configured)' : 'read-only (no GRASSROOTS_WRITE_TOKEN)');
  // Under --workers the primary says "listening" once every worker does, and "warm" once all are.
  if (cluster.isWorker) {
    logger.info({ url: server.url, pool: config.poolSize, pid: process.pid }, 'worker listening');
    void server.warm().then(() => process.send?.({ kind: 'warm' } satisfies WorkerMessage));
  } else logger.info({ url: server.url, pool: config.poolSize, limits: config.limits }, 'listening');
}

// --workers N: this process only supervises N copies of itself, each a server (src/workers.ts).
if (config.workers > 1 && cluster.isPrimary) superviseWorkers(config.workers, logger);
else await serve();
