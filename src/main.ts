import 'reflect-metadata';
import { loadConfig } from './config.js';
import { prepareStore } from './store/build-store.js';
import { Store } from './store/store.js';
import { openSnapshot } from './store/snapshot.js';
import { createServer } from './server.js';

const config = loadConfig();
const log = (entry: Record<string, unknown>) => console.log(JSON.stringify({ time: new Date().toISOString(), ...entry }));

async function openStore(): Promise<Store> {
  if (config.snapshotDir) {
    const { store, manifest } = await openSnapshot(config.snapshotDir, config.poolSize);
    log({ msg: 'snapshot loaded (read-only)', snapshot: config.snapshotDir, createdAt: manifest.createdAt, tables: manifest.tables.length });
    return store;
  }
  const prepared = await prepareStore(config.storePath, config.dataDir);
  log({ msg: prepared.created ? 'store built' : 'store opened', store: config.storePath, migrations: prepared.migrations, seed: prepared.seed });
  return Store.open({ path: config.storePath, poolSize: config.poolSize });
}

const store = await openStore();
const server = await createServer(store, { host: config.host, port: config.port, production: config.production, log, writeToken: config.writeToken });
log({ msg: config.writeToken ? 'writes enabled (write token configured)' : 'read-only (no GRASSROOTS_WRITE_TOKEN)' });
log({ msg: 'listening', url: server.url });

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log({ msg: 'shutting down', signal });
    server.close().then(() => {
      store.close();
      process.exit(0);
    }).catch(() => process.exit(1));
  });
}
