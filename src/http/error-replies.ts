import type { FastifyError, FastifyInstance, FastifyReply, FastifyServerOptions } from 'fastify';
import type { Logger } from '../logger.js';
import { bodyTooLarge } from './body.js';
import { HttpError } from './http-error.js';

const NOT_FOUND = JSON.stringify({
  errors: [{ message: 'Not found; GraphQL is served at /graphql.', extensions: { code: 'NOT_FOUND' } }],
});

function notFound(reply: FastifyReply): FastifyReply {
  return reply.code(404).type('application/json').send(NOT_FOUND);
}

/** An error raised while handling a request, as the refusal the client gets; null for a server fault. */
function refusalOf(error: FastifyError | Error, maxBodyBytes: number): HttpError | null {
  if (error instanceof HttpError) return error;
  const code = (error as FastifyError).code;
  const tooLarge = bodyTooLarge(error as FastifyError, maxBodyBytes);
  if (tooLarge) return tooLarge;
  // Apollo's integration builds the request's URL from its Host header.
  if (code === 'ERR_INVALID_URL') return new HttpError(400, 'BAD_REQUEST', 'The Host header is not a valid host.');
  // Fastify's own refusals of a malformed request (a media type it cannot read, a body shorter
  // than its Content-Length): their status, in the body every refusal has.
  const status = (error as FastifyError).statusCode;
  if (typeof code === 'string' && code.startsWith('FST_') && status !== undefined && status >= 400 && status < 500)
    return new HttpError(status, 'BAD_REQUEST', error.message);
  return null;
}

/**
 * Every refusal answers `{ errors: [{ message, extensions: { code, ... } }] }` with no-store; an
 * unexpected error is logged and answered 500 without its details; unknown paths get 404.
 */
export function errorReplies(app: FastifyInstance, logger: Logger, maxBodyBytes: number): void {
  app.setNotFoundHandler((_request, reply) => notFound(reply));
  app.setErrorHandler((error: FastifyError | Error, request, reply) => {
    let refusal = refusalOf(error, maxBodyBytes);
    if (!refusal) {
      logger.error({ requestId: request.id, error: error.message }, 'request failed');
      refusal = new HttpError(500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
    }
    // A body refused part-way is not read further: close the connection instead of draining it.
    if (refusal.status === 413) refusal.headers['connection'] = 'close';
    return reply
      .code(refusal.status)
      .headers({ 'content-type': 'application/json', 'cache-control': 'no-store', ...refusal.headers })
      .send(refusal.body());
  });
}

/** A URL the router cannot read (a malformed %-escape in its path) is a path we do not serve. */
export const frameworkErrors: FastifyServerOptions['frameworkErrors'] = (_error, _request, reply) => {
  notFound(reply);
};
