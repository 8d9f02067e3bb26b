import { postGraphQL } from './measure.js';
import { stats, type Stats } from './measure.js';

export interface LoadResult {
  readonly requests: number;
  readonly errors: number;
  readonly seconds: number;
  readonly perSecond: number;
  readonly latency: Stats;
}

/** `clients` concurrent loops for a fixed time on loopback, each request with fresh variables. */
export async function loadTest(url: string, query: string, variables: () => Record<string, unknown>, clients: number, seconds: number): Promise<LoadResult> {
  const deadline = performance.now() + seconds * 1000;
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: clients }, async () => {
    while (performance.now() < deadline) {
      const t0 = performance.now();
      try {
        await postGraphQL(url, query, variables());
        latencies.push(performance.now() - t0);
      } catch {
        errors++;
      }
    }
  }));
  const elapsed = (performance.now() - started) / 1000;
  return { requests: latencies.length, errors, seconds: elapsed, perSecond: latencies.length / elapsed, latency: stats(latencies.length ? latencies : [0]) };
}
