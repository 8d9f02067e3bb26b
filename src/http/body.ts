import type { IncomingMessage } from 'node:http';
import { HttpError } from './http-error.js';

function tooLarge(maxBytes: number): HttpError {
  return new HttpError(413, 'PAYLOAD_TOO_LARGE', `Request body is over the limit maxBodyBytes = ${maxBytes} bytes.`, { limit: 'maxBodyBytes', max: maxBytes });
}

/**
 * Reads a request body up to `maxBytes`. A declared Content-Length over the limit is refused
 * before reading; a body that grows past it is refused as soon as it does, so a client cannot
 * make the server buffer more than the limit.
 */
export async function readBody(req: IncomingMessage, maxBytes: number): Promise<string> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw tooLarge(maxBytes);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
