import type { ServerResponse } from 'node:http';

export interface Readiness {
  /** null when ready; otherwise why not. */
  (): Promise<string | null>;
}

/** /healthz: the process answers. /readyz: the store is open and fully migrated, and we are not shutting down. */
export async function answerHealth(pathname: string, res: ServerResponse, readiness: Readiness): Promise<boolean> {
  if (pathname === '/healthz') {
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify({ status: 'ok' }));
    return true;
  }
  if (pathname === '/readyz') {
    const problem = await readiness().catch((error: unknown) => `readiness check failed: ${error instanceof Error ? error.message : String(error)}`);
    res.writeHead(problem ? 503 : 200, { 'content-type': 'application/json', 'cache-control': 'no-store' })
      .end(JSON.stringify(problem ? { status: 'unavailable', reason: problem } : { status: 'ready' }));
    return true;
  }
  return false;
}
