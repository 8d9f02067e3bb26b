import { postJsonText } from './http-post.js';

/** Timing helpers: medians and percentiles of repeated runs, in milliseconds. */
export interface Stats {
  readonly runs: number;
  readonly median: number;
  readonly p95: number;
  readonly p99: number;
  readonly min: number;
}

export function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { runs: sorted.length, median: at(0.5), p95: at(0.95), p99: at(0.99), min: sorted[0]! };
}

export async function time<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await work();
  return { ms: performance.now() - started, result };
}

/** Only the variables an operation declares (the rest feed the SQL side). */
export function declaredVariables(query: string, all: Record<string, unknown>): Record<string, unknown> {
  const names = new Set([...query.matchAll(/\$(\w+)\s*:/g)].map((m) => m[1]!));
  return Object.fromEntries(Object.entries(all).filter(([k]) => names.has(k)));
}

export async function postGraphQL(
  url: string,
  query: string,
  variables: Record<string, unknown>,
): Promise<{ bytes: number }> {
  const { status, text } = await postJsonText(
    url,
    JSON.stringify({ query, variables: declaredVariables(query, variables) }),
  );
  if (status !== 200 || text.startsWith('{"errors"')) throw new Error(`HTTP ${status}: ${text.slice(0, 300)}`);
  return { bytes: text.length };
}
