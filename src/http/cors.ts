import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * CORS for configured origins only; with none configured no header is sent and browsers keep
 * the same-origin rule. Returns true when it answered a preflight itself.
 */
export function applyCors(req: IncomingMessage, res: ServerResponse, origins: readonly string[]): boolean {
  const origin = req.headers.origin;
  if (origins.length === 0 || !origin) return false;
  const allowed = origins.includes('*') ? '*' : origins.includes(origin) ? origin : null;
  if (!allowed) return false;
  res.setHeader('access-control-allow-origin', allowed);
  if (allowed !== '*') res.setHeader('vary', 'Origin');
  res.setHeader('access-control-expose-headers', 'etag, x-request-id, retry-after');
  if (req.method === 'OPTIONS') {
    res.writeHead(204, {
      'access-control-allow-methods': 'GET, POST, OPTIONS',
      'access-control-allow-headers': 'content-type, apollo-require-preflight, x-apollo-operation-name, if-none-match, x-request-id',
      'access-control-max-age': '600',
    }).end();
    return true;
  }
  return false;
}
