import 'reflect-metadata';
import { loadConfig } from './config.js';
import { assertServable, prepareStore } from './store/build-store.js';
import { Store } from './store/store.js';
import { createServer } from './server.js';

const config = loadConfig();
const log = (entry: Record<string, unknown>) => console.log(JSON.stringify({ time: new Date().toISOString(), ...entry }));

if (config.readOnly) {
  await assertServable(config.storePath);
  log({ msg: 'store opened read-only', store: config.storePath });
} else {
  const prepared = await prepareStore(config.storePath, config.dataDir);
  log({ msg: prepared.created ? 'store built' : 'store opened', store: config.storePath, migrations: prepared.migrations, seed: prepared.seed });
}
const store = await Store.open({ path: config.storePath, poolSize: config.poolSize, readOnly: config.readOnly });
const server = await createServer(store, { host: config.host, port: config.port, production: config.production, log });
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
