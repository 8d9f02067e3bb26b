import { Agent, request } from 'node:http';

// One keep-alive pool for the whole bench, as a load generator (wrk, autocannon) holds its
// connections: the server's figures then carry no connection setup.
const agent = new Agent({ keepAlive: true, maxSockets: 64 });

/**
 * POSTs JSON over node:http and resolves with the status and body text. The bench shares two
 * cores with the server, so its client must be light: fetch (undici) took about 2.4 ms of CPU per
 * Q1 request, a third of what the server itself used, and capped the measured throughput.
 */
export function postJsonText(url: string, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    // A request that never answers fails the run instead of hanging it (Q5 takes about 2 s).
    req.setTimeout(120_000, () => req.destroy(new Error(`no answer from ${url} in 120 s`)));
    req.end(body);
  });
}
