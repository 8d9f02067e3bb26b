import type { FastifyInstance } from 'fastify';
import type { Store } from '../store/store.js';
import { pendingMigrations } from '../store/migrate.js';

export interface Readiness {
  /** null when ready; otherwise why not. */
  (): Promise<string | null>;
}

/**
 * Ready: not shutting down, the store open and fully migrated. The migration check is a
 * statement, so it waits for a pool connection like any request (issue 20: readiness that
 * reports warm-up and store state without waiting for DuckDB replaces it here).
 */
export function storeReadiness(store: Store, stopping: () => boolean): Readiness {
  return async () => {
    if (stopping()) return 'shutting down';
    if (!store.isOpen) return 'store closed';
    const pending = await pendingMigrations(store);
    return pending.length > 0 ? `migrations pending: ${pending.join(', ')}` : null;
  };
}

const HEADERS = { 'content-type': 'application/json', 'cache-control': 'no-store' };

/** /healthz: the process answers. /readyz: `readiness` says why not, or that it is ready. Any method. */
export function healthRoutes(app: FastifyInstance, readiness: Readiness): void {
  app.all('/healthz', async (_request, reply) => reply.headers(HEADERS).send(JSON.stringify({ status: 'ok' })));
  app.all('/readyz', async (_request, reply) => {
    const problem = await readiness().catch(
      (error: unknown) => `readiness check failed: ${error instanceof Error ? error.message : String(error)}`,
    );
    return reply
      .code(problem ? 503 : 200)
      .headers(HEADERS)
      .send(JSON.stringify(problem ? { status: 'unavailable', reason: problem } : { status: 'ready' }));
  });
}
