import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { pipeline, Transform } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Context, RequestInfo } from '../graphql/context.js';
import type { Logger } from '../logger.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** What the request log learns while the request runs (its operation, whether it timed out). */
    info: RequestInfo;
    /** Bytes of a streamed body sent so far (whole bodies have a Content-Length instead). */
    streamedBytes: number;
  }
}

const CLIENT_ID = /^[\w.:-]{1,128}$/;

/** A client's X-Request-Id is kept when it is a plain token (it ends up in logs); otherwise one is made. */
export function requestIdOf(req: IncomingMessage): string {
  const header = req.headers['x-request-id'];
  return typeof header === 'string' && CLIENT_ID.test(header) ? header : randomUUID();
}

/**
 * One JSON line per request once its response is sent: request id, method, path, operation,
 * status, duration and the bytes of the body. Every answer carries its X-Request-Id, so a client
 * can quote the line.
 */
export function logRequests(app: FastifyInstance, logger: Logger): void {
  app.decorateRequest('info', null as unknown as RequestInfo);
  app.decorateRequest('streamedBytes', 0);
  app.addHook('onRequest', (request, reply, done) => {
    request.info = { id: request.id };
    reply.header('x-request-id', request.id);
    done();
  });
  // Fastify sets Content-Length for whole bodies; a streamed one (an export) is counted on its way.
  app.addHook('onSend', (request, _reply, payload, done) => {
    if (
      payload === null ||
      typeof payload !== 'object' ||
      typeof (payload as NodeJS.ReadableStream).pipe !== 'function'
    ) {
      done(null, payload);
      return;
    }
    const counted = new Transform({
      transform(chunk: Buffer, _encoding, next) {
        request.streamedBytes += chunk.length;
        next(null, chunk);
      },
    });
    // pipeline, not pipe: a client that hangs up destroys the source too (an export's open file).
    done(
      null,
      pipeline(payload as NodeJS.ReadableStream, counted, () => {}),
    );
  });
  app.addHook('onResponse', (request, reply, done) => {
    // Requests fastify refuses before routing (a malformed URL) have no info of their own.
    const info = request.info ?? { id: request.id };
    const length = reply.getHeader('content-length');
    logger.info(
      {
        requestId: info.id,
        method: request.method,
        path: request.url.split('?', 1)[0],
        operationName: info.operationName ?? null,
        status: reply.statusCode,
        durationMs: Math.round(reply.elapsedTime * 10) / 10,
        bytes: request.method === 'HEAD' ? 0 : length === undefined ? request.streamedBytes : Number(length),
        ...(info.timedOut ? { timedOut: true } : {}),
      },
      'request',
    );
    done();
  });
}

/** Records the operation name for the request log once Apollo has resolved it. */
export const operationNamePlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ contextValue, operation }) {
        if (contextValue.request && operation)
          contextValue.request.operationName = operation.name?.value ?? '(anonymous)';
      },
    };
  },
};
