import type { FastifyInstance } from 'fastify';
import { fastifyCors, type FastifyCorsOptions } from '@fastify/cors';

/**
 * CORS for configured origins only; with none configured no header is sent and browsers keep
 * the same-origin rule. A preflight from an allowed origin is answered 204 before anything else
 * runs; a refused origin gets no CORS header at all.
 *
 * With a list of origins, every answer carries `Vary: Origin`, allowed, refused or absent alike:
 * GET answers are `Cache-Control: public`, and a cache must not hand the answer it stored for
 * one origin (with its Access-Control-Allow-Origin, or without) to another. With `*` the answer
 * is the same for every origin, so nothing varies.
 */
export async function allowOrigins(app: FastifyInstance, origins: readonly string[]): Promise<void> {
  if (origins.length === 0) return;
  const allowed = new Set(origins);
  const origin: FastifyCorsOptions['origin'] = allowed.has('*')
    ? '*'
    : // A function (not the list) so that a refused origin gets no header at all, not even the exposed ones.
      (requestOrigin, callback) =>
        callback(null, requestOrigin !== undefined && allowed.has(requestOrigin) ? requestOrigin : false);
  await app.register(fastifyCors, {
    origin,
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: [
      'content-type',
      'apollo-require-preflight',
      'x-apollo-operation-name',
      'if-none-match',
      'x-request-id',
    ],
    exposedHeaders: ['etag', 'x-request-id', 'retry-after'],
    maxAge: 600,
    // Any OPTIONS from an allowed origin is answered as a preflight, as browsers expect.
    strictPreflight: false,
  });
}
