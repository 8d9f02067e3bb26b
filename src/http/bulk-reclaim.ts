import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { onResponseHookHandler } from 'fastify';

/** A response this large came from a bulk pull (a commune profile is 7 KiB, a province's table 40). */
const BULK_RESPONSE_CHARS = 1_000_000;
/** At most one collection per second, whatever the traffic. */
const MIN_INTERVAL_MS = 1_000;

/**
 * Collects garbage soon after a bulk response, once it has been sent. DuckDB's results hold
 * their rows in native memory that V8 does not count, so nothing urges it to collect their
 * wrappers: each bulk pull (12 MB of JSON for every village's coffee area) left 100-250 MB
 * behind, and five in a row took the server from 1.0 to 2.1 GiB. Collected after each, it stays
 * near 1.35 GiB. The collection runs off the request's path (setImmediate) and at most once a
 * second; ordinary responses never trigger one.
 */
export function bulkReclaimer(collect: () => void = exposedGc()): (responseChars: number) => void {
  let last = -Infinity;
  let pending = false;
  return (responseChars) => {
    if (responseChars < BULK_RESPONSE_CHARS || pending || performance.now() - last < MIN_INTERVAL_MS) return;
    pending = true;
    setImmediate(() => {
      pending = false;
      last = performance.now();
      collect();
    });
  };
}

/** A route hook: once a response is sent, its size (bytes, near enough its characters) goes to `reclaim`. */
export function reclaimAfterBulkResponses(
  reclaim: (responseChars: number) => void = bulkReclaimer(),
): onResponseHookHandler {
  return (_request, reply, done) => {
    reclaim(Number(reply.getHeader('content-length') ?? 0));
    done();
  };
}

/** V8's full collection, exposed at run time (no --expose-gc on every command that starts a server). */
function exposedGc(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}
