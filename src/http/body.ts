import type { FastifyInstance } from 'fastify';
import { HttpError } from './http-error.js';

/**
 * Request bodies are read by fastify up to its `bodyLimit` (the server sets it to maxBodyBytes):
 * a declared Content-Length over the limit is refused before reading, and a body that grows past
 * it as soon as it does, so a client cannot make the server buffer more than the limit.
 *
 * Every content type is read as JSON text, as before: Apollo then decides (its CSRF prevention
 * refuses the types a form can send, with its own message), and an empty body is `{}` for Apollo
 * to call missing. Plain JSON.parse, not fastify's prototype-poisoning guard: the body is only
 * read as GraphQL's request fields, never merged into an object.
 */
export function readBodiesAsJson(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, text, done) => {
    if (text === '') {
      done(null, {});
      return;
    }
    try {
      done(null, JSON.parse(text as string));
    } catch {
      done(new HttpError(400, 'BAD_REQUEST', 'Request body is not valid JSON.'), undefined);
    }
  });
}

/** Fastify's refusal of a body over its bodyLimit, named as the server's limit. */
export function bodyTooLarge(error: { code?: string }, maxBytes: number): HttpError | null {
  if (error.code !== 'FST_ERR_CTP_BODY_TOO_LARGE') return null;
  return new HttpError(
    413,
    'PAYLOAD_TOO_LARGE',
    `Request body is over the limit maxBodyBytes = ${maxBytes} bytes; send a large recordObservations batch as several requests.`,
    {
      limit: 'maxBodyBytes',
      max: maxBytes,
    },
  );
}
