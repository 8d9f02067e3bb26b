import type { ServerResponse } from 'node:http';

/** A JSON error body for the non-GraphQL routes: a code, a message, and what would be allowed. */
export function sendError(res: ServerResponse, status: number, code: string, message: string, extra: Record<string, unknown> = {}): void {
  const { allow, ...details } = extra;
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
  if (typeof allow === 'string') headers['allow'] = allow;
  res.writeHead(status, headers).end(JSON.stringify({ error: { code, message, ...details } }));
}
