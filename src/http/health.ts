import type { FastifyInstance } from 'fastify';
import type { Store } from '../store/store.js';
import { pendingMigrations } from '../store/migrate.js';

/** What /readyz reports: null problem when ready, and whether the in-memory copies are in. */
export interface ReadinessReport {
  /** null when ready; otherwise why not. */
  readonly problem: string | null;
  /** The hierarchy, unit keys, hot values and cost catalogue are loaded: until then answers are the same, read more slowly. */
  readonly warm: boolean;
}

/** Why a server that waits for its copies is not ready yet. */
export const WARMING_UP = 'warming up: loading the in-memory copies';

export interface Readiness {
  (): ReadinessReport;
}

/**
 * Ready: not shutting down, the store open and fully migrated, and (`waitForWarm`) warm: a
 * commune profile takes some 20 times longer before the copies are in, which a balancer should
 * not send users to. Warm is reached once; a write later reloads copies behind the warm ones
 * without leaving the rotation. Nothing here runs a statement, so a
 * probe never waits for a pool connection behind busy requests (a balancer would mark a busy,
 * healthy replica down): the migrations are read once before the server listens (a server never
 * migrates its store while it runs: main.ts migrates before, replicas are read-only), the rest is
 * in-process state.
 */
export async function storeReadiness(
  store: Store,
  stopping: () => boolean,
  warm: () => boolean,
  waitForWarm = true,
): Promise<Readiness> {
  const pending = await pendingMigrations(store);
  return () => {
    const isWarm = warm();
    const problem = stopping()
      ? 'shutting down'
      : !store.isOpen
        ? 'store closed'
        : pending.length > 0
          ? `migrations pending: ${pending.join(', ')}`
          : waitForWarm && !isWarm
            ? WARMING_UP
            : null;
    return { problem, warm: isWarm };
  };
}

const HEADERS = { 'content-type': 'application/json', 'cache-control': 'no-store' };

/**
 * /healthz: the process answers. /readyz: `readiness` says why not, or that it is ready, and
 * whether it is warm. Any method; neither touches DuckDB.
 */
export function healthRoutes(app: FastifyInstance, readiness: Readiness): void {
  app.all('/healthz', async (_request, reply) => reply.headers(HEADERS).send(JSON.stringify({ status: 'ok' })));
  app.all('/readyz', async (_request, reply) => {
    const { problem, warm } = readiness();
    return reply
      .code(problem ? 503 : 200)
      .headers(HEADERS)
      .send(JSON.stringify(problem ? { status: 'unavailable', reason: problem, warm } : { status: 'ready', warm }));
  });
}
