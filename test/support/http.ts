import { get as httpGet, request as httpRequest } from 'node:http';

/** A raw HTTP exchange, for asserting status codes and headers that the typed SDK hides. */
export interface Exchange {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly json: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] } | null;
}

async function exchange(response: Response): Promise<Exchange> {
  const text = await response.text();
  let json: Exchange['json'];
  try {
    json = text === '' ? null : (JSON.parse(text) as Exchange['json']);
  } catch {
    json = null;
  }
  return { status: response.status, headers: response.headers, text, json };
}

export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Exchange> {
  return exchange(
    await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );
}

export async function get(
  url: string,
  params: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<Exchange> {
  const u = new URL(url);
  for (const [key, value] of Object.entries(params))
    u.searchParams.set(key, typeof value === 'string' ? value : JSON.stringify(value));
  return exchange(await fetch(u, { headers }));
}

/** The status of a GET on a connection of its own, closed after it (fetch would keep it for the next request). */
export function statusOnNewConnection(url: string | URL): Promise<number> {
  return new Promise((resolve, reject) => {
    httpGet(url, { agent: false }, (res) => {
      res.resume().on('end', () => resolve(res.statusCode!));
    }).on('error', reject);
  });
}

/** Headers that get a GET past Apollo's CSRF prevention, as a non-browser client sends. */
export const GET_HEADERS = { 'apollo-require-preflight': 'true' };

/**
 * Sends the head and half the body of a POST, and returns a function that sends the rest;
 * `sent` resolves once the first half is handed to the system.
 */
export function halfSentRequest(
  url: string,
  body: string,
): { finish: () => void; sent: Promise<void>; response: Promise<{ status: number; text: string }> } {
  const u = new URL(url);
  let finish = () => {};
  let written = () => {};
  const sent = new Promise<void>((resolve) => (written = resolve));
  const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = httpRequest(
      {
        host: u.hostname,
        port: u.port,
        path: u.pathname,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        let text = '';
        res
          .setEncoding('utf8')
          .on('data', (c: string) => (text += c))
          .on('end', () => resolve({ status: res.statusCode!, text }));
      },
    );
    req.on('error', reject);
    const half = Math.floor(body.length / 2);
    req.write(body.slice(0, half), () => written());
    finish = () => req.end(body.slice(half));
  });
  return { finish, sent, response };
}
