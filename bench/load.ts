import { postGraphQL } from './measure.js';
import { stats, type Stats } from './measure.js';

export interface LoadResult {
  readonly requests: number;
  readonly errors: number;
  readonly seconds: number;
  readonly perSecond: number;
  readonly latency: Stats;
  /** Seconds of the same load run first and not counted. */
  readonly warmupSeconds: number;
}

/**
 * `clients` concurrent loops for a fixed time on loopback, each request with fresh variables.
 * The first `warmupSeconds` of the same load are not counted: a server's first seconds under load
 * run code V8 has not optimised yet, and the figure is about the server as it runs for days.
 */
export async function loadTest(
  url: string,
  query: string,
  variables: () => Record<string, unknown>,
  clients: number,
  seconds: number,
  warmupSeconds = 0,
): Promise<LoadResult> {
  // An error while warming up still counts: the target is zero errors.
  const warmupErrors = warmupSeconds > 0 ? (await drive(url, query, variables, clients, warmupSeconds)).errors : 0;
  const started = performance.now();
  const { latencies, errors } = await drive(url, query, variables, clients, seconds);
  const elapsed = (performance.now() - started) / 1000;
  return {
    requests: latencies.length,
    errors: warmupErrors + errors,
    seconds: elapsed,
    perSecond: latencies.length / elapsed,
    latency: stats(latencies.length ? latencies : [0]),
    warmupSeconds,
  };
}

async function drive(
  url: string,
  query: string,
  variables: () => Record<string, unknown>,
  clients: number,
  seconds: number,
): Promise<{ latencies: number[]; errors: number }> {
  const deadline = performance.now() + seconds * 1000;
  const latencies: number[] = [];
  let errors = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        try {
          await postGraphQL(url, query, variables());
          latencies.push(performance.now() - t0);
        } catch {
          errors++;
        }
      }
    }),
  );
  return { latencies, errors };
}
