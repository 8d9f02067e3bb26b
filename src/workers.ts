import cluster, { type Worker } from 'node:cluster';
import type { Logger } from './logger.js';

/** What a worker tells the primary (main.ts sends it); the primary logs for all of them. */
export type WorkerMessage = { readonly kind: 'warm' };

/** A worker that ran at least this long is restarted at once when it dies; one that died sooner waits, longer each time. */
const STEADY_MS = 10_000;
const MAX_RESTART_DELAY_MS = 30_000;

/**
 * The primary of `npm start -- --workers N`: forks N copies of this program (node:cluster), each a
 * whole server on the store opened read-only, all accepting on one port (the primary hands each
 * new connection to the next worker). It opens no store itself. It logs `listening` once every
 * worker listens and `warm (every worker)` once every one is warm. A worker that dies is replaced
 * (after a growing pause if it keeps dying young), except while they first start: one that cannot
 * (the store missing, the port taken: every worker would fail alike) stops them all with status 1. SIGTERM or SIGINT is passed to each worker, which stops as
 * a single server does; the primary exits 0 once all have.
 */
export function superviseWorkers(count: number, logger: Logger): void {
  const listening = new Map<number, string>();
  const warm = new Set<number>();
  let stopping = false;
  let announced = false;
  let quickDeaths = 0;
  const startedAt = new Map<number, number>();

  const fork = () => {
    const worker = cluster.fork();
    startedAt.set(worker.id, performance.now());
    worker.on('message', (message: WorkerMessage) => {
      if (message?.kind !== 'warm') return;
      warm.add(worker.id);
      if (warm.size === count && listening.size === count)
        logger.info({ workers: count, pids: pids() }, 'warm (every worker)');
    });
  };
  const pids = () => Object.values(cluster.workers ?? {}).map((w) => w!.process.pid);
  const stopAll = (signal: NodeJS.Signals, status: number) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, workers: pids() }, 'shutting down workers');
    for (const worker of Object.values(cluster.workers ?? {})) worker!.process.kill(signal);
    const exit = () => {
      logger.info('stopped');
      process.exit(status);
    };
    if (Object.keys(cluster.workers ?? {}).length === 0) exit();
    cluster.on('exit', () => {
      if (Object.keys(cluster.workers ?? {}).length === 0) exit();
    });
  };

  cluster.on('listening', (worker: Worker, address) => {
    const host = address.address?.includes(':') ? `[${address.address}]` : (address.address ?? '127.0.0.1');
    listening.set(worker.id, `http://${host}:${address.port}/graphql`);
    if (!announced && listening.size === count) {
      announced = true;
      logger.info({ url: listening.get(worker.id), workers: count, pids: pids() }, 'listening');
    }
  });
  cluster.on('exit', (worker: Worker, code, signal) => {
    const listened = listening.delete(worker.id);
    warm.delete(worker.id);
    if (stopping) return;
    if (!listened && !announced) {
      // Its own "cannot start" line on stderr says why.
      logger.error({ pid: worker.process.pid, code, signal }, 'a worker could not start: stopping');
      stopAll('SIGTERM', 1);
      return;
    }
    const ran = performance.now() - (startedAt.get(worker.id) ?? 0);
    startedAt.delete(worker.id);
    quickDeaths = ran < STEADY_MS || !listened ? quickDeaths + 1 : 0;
    const delay = quickDeaths === 0 ? 0 : Math.min(MAX_RESTART_DELAY_MS, 500 * 2 ** quickDeaths);
    logger.warn({ pid: worker.process.pid, code, signal, restartInMs: delay }, 'worker died: starting another');
    setTimeout(() => stopping || fork(), delay);
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => stopAll(signal, 0));
  for (let i = 0; i < count; i++) fork();
}
