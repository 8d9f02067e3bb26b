import type { FastifyReply } from 'fastify';

/** A JSON error body for the non-GraphQL routes: a code, a message, and what would be allowed. */
export function sendError(
  reply: FastifyReply,
  status: number,
  code: string,
  message: string,
  extra: Record<string, unknown> = {},
): FastifyReply {
  const { allow, ...details } = extra;
  if (typeof allow === 'string') reply.header('allow', allow);
  return reply
    .code(status)
    .type('application/json; charset=utf-8')
    .send(JSON.stringify({ error: { code, message, ...details } }));
}
