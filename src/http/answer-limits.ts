import type { FastifyReply } from 'fastify';
import { tooLargeMessage } from '../graphql/answer-budget.js';

/**
 * The answers /graphql gives instead of Apollo's when a request broke an end-to-end limit: the
 * time limit (504 TIMEOUT, whatever the DuckDB, JavaScript or serialising part that ran over)
 * and the response-size cap (400 RESPONSE_TOO_LARGE, the whole answer refused rather than half
 * sent). GraphQL-shaped, never cached.
 */

export function timeoutMessage(timeoutMs: number | undefined): string {
  return `Query stopped: it ran past the time limit timeoutMs = ${timeoutMs ?? '?'} ms.`;
}

export function replyTimedOut(reply: FastifyReply, timeoutMs: number): string {
  return graphqlError(reply, 504, {
    message: timeoutMessage(timeoutMs),
    extensions: { code: 'TIMEOUT', limit: 'timeoutMs', max: timeoutMs },
  });
}

export function replyTooLarge(reply: FastifyReply, bytes: number, maxResponseBytes: number): string {
  return graphqlError(reply, 400, {
    message: tooLargeMessage('size in bytes', 'maxResponseBytes', maxResponseBytes, bytes),
    extensions: { code: 'RESPONSE_TOO_LARGE', limit: 'maxResponseBytes', max: maxResponseBytes, actual: bytes },
  });
}

function graphqlError(reply: FastifyReply, status: number, error: Record<string, unknown>): string {
  void reply.code(status).header('content-type', 'application/json; charset=utf-8').header('cache-control', 'no-store');
  return JSON.stringify({ errors: [error] });
}
