import type { FastifyInstance, onRequestHookHandler } from 'fastify';
import type { AdmittedWork } from './admitted-work.js';
import { HttpError } from './http-error.js';

/** Once the connections a closing server still serves have had this long, they are dropped. */
const SOCKETS_AFTER_INTERRUPT_MS = 1_000;

/**
 * Graceful shutdown: stop accepting, let the requests in flight finish up to the grace period,
 * then interrupt what still runs inside DuckDB and drop the sockets. Health answers stay up
 * while it closes (/readyz says it is shutting down), so a balancer moves traffic away.
 */
export class GracefulShutdown {
  private stopping = false;

  constructor(
    private readonly app: FastifyInstance,
    private readonly work: AdmittedWork,
    private readonly graceMs: number,
  ) {
    // A request that was in flight when shutdown began must not keep its socket alive after it.
    app.addHook('onSend', (_request, reply, payload, done) => {
      if (this.stopping) reply.header('connection', 'close');
      done(null, payload);
    });
  }

  get isStopping(): boolean {
    return this.stopping;
  }

  /** A route hook for requests that would start work: refused once shutdown began, before their body is read. */
  readonly refuseWhenStopping: onRequestHookHandler = (_request, _reply, done) => {
    done(
      this.stopping
        ? new HttpError(
            503,
            'SHUTTING_DOWN',
            'Server is shutting down; retry on another instance.',
            {},
            { 'retry-after': '1', connection: 'close' },
          )
        : undefined,
    );
  };

  /** Resolves once the server is closed and no request is using DuckDB any more. */
  async close(): Promise<void> {
    this.stopping = true;
    const grace = setTimeout(() => {
      this.work.interruptAll();
      setTimeout(() => this.app.server.closeAllConnections(), SOCKETS_AFTER_INTERRUPT_MS).unref();
    }, this.graceMs);
    // Fastify stops listening, closes idle keep-alive sockets and waits for the busy ones.
    await this.app.close();
    clearTimeout(grace);
    // Sockets can close before a request's last statement returns; the caller closes DuckDB
    // next, so wait for every request to be done with it.
    await this.work.idle();
  }
}
