import type { DuckDBConnection } from '@duckdb/node-api';
import { QUERIES, type FreshPicker } from './queries.js';
import { postGraphQL, stats, time, type Stats } from './measure.js';
import { loadTest, type LoadResult } from './load.js';
import { distinctDraws } from './fresh-draws.js';

/** Sequential requests timed per question, each with arguments no request of the run had. */
const FRESH_RUNS = 40;
/** The SQL on the tables of record takes hundreds of ms: a few runs give its median. */
const RECORD_SQL_RUNS = 3;

export interface FreshQueryResult {
  readonly description: string;
  /** Requests one after another, as the mix's sequential figures are taken. */
  readonly graphql: Stats;
  /** Each request right after a statement of the bench's own DuckDB (the server idle meanwhile). */
  readonly graphqlAfterSql: Stats;
  readonly servingSql: Stats;
  readonly sql: Stats;
  /** GraphQL ÷ serving-layer SQL (medians). */
  readonly ratio: number;
}

export interface FreshReport {
  readonly fresh: Record<string, FreshQueryResult>;
  readonly freshThroughput: Record<string, LoadResult>;
  readonly targetsMs: Record<string, number>;
}

/** Issue 21's targets for the median with new arguments. */
const TARGET_MS: Record<string, number> = { Q1: 2, Q2: 10, Q4: 5 };

/**
 * The mix's questions with new arguments on every request (a different commune, indicator, year
 * or province), so the result cache never answers: what a researcher's new question or a
 * dashboard's new filter costs: timed back to back, then each again right after the same question
 * in SQL.
 */
export async function runFresh(options: {
  url: string;
  sql: DuckDBConnection;
  pick: FreshPicker;
  log: (msg: string) => void;
  loadSeconds: number;
  warmupSeconds: number;
  queryWarmupSeconds: number;
}): Promise<FreshReport> {
  const { url, sql, pick, log } = options;
  const fresh: Record<string, FreshQueryResult> = {};
  const draws = distinctDraws();
  for (const query of QUERIES.filter((q) => q.fresh !== undefined)) {
    const variant = query.fresh!;
    const next = () => draws.next(query.name, () => variant.variables(pick));
    // Warmed with the shape, as the mix is (new arguments too): V8 optimises over the first requests.
    const warmUntil = performance.now() + options.queryWarmupSeconds * 1000;
    while (performance.now() < warmUntil) await postGraphQL(url, variant.graphql, next());
    // Back to back first, as the mix's sequential figures; then each again after its SQL, which
    // leaves the server idle for the statement's time (Q1 about 1.4 times as long in the run of
    // 2026-12-07), closer to a researcher's first question than to a dashboard's burst.
    const asked = Array.from({ length: FRESH_RUNS }, next);
    const g: number[] = [];
    for (const vars of asked) g.push((await time(() => postGraphQL(url, variant.graphql, vars))).ms);
    const a: number[] = [];
    const s: number[] = [];
    const l: number[] = [];
    for (const [i, vars] of asked.entries()) {
      const again = next();
      l.push((await time(() => sql.runAndReadAll(query.servingSql(vars)))).ms);
      a.push((await time(() => postGraphQL(url, variant.graphql, again))).ms);
      if (i < RECORD_SQL_RUNS) s.push((await time(() => sql.runAndReadAll(query.sql(vars)))).ms);
    }
    const gs = stats(g);
    const ls = stats(l);
    fresh[query.name] = {
      description: query.description,
      graphql: gs,
      graphqlAfterSql: stats(a),
      servingSql: ls,
      sql: stats(s),
      ratio: gs.median / ls.median,
    };
    log(
      `${query.name} with new arguments: GraphQL median ${gs.median.toFixed(1)} ms p95 ${gs.p95.toFixed(1)} (after SQL ${stats(a).median.toFixed(1)}) | serving-layer SQL ${ls.median.toFixed(1)} ms | SQL on observations ${stats(s).median.toFixed(1)} ms`,
    );
  }
  const freshThroughput: Record<string, LoadResult> = {};
  for (const name of ['Q1', 'Q4']) {
    const query = QUERIES.find((q) => q.name === name)!;
    freshThroughput[name] = await loadTest(
      url,
      query.fresh!.graphql,
      () => draws.next(name, () => query.fresh!.variables(pick)),
      16,
      options.loadSeconds,
      options.warmupSeconds,
    );
    log(
      `${name} with new arguments, 16 clients: ${freshThroughput[name]!.perSecond.toFixed(0)} req/s, p99 ${freshThroughput[name]!.latency.p99.toFixed(1)} ms, errors ${freshThroughput[name]!.errors}`,
    );
  }
  return { fresh, freshThroughput, targetsMs: TARGET_MS };
}

export function freshMarkdown(header: Record<string, unknown>, r: FreshReport): string {
  const rows = Object.entries(r.fresh).map(
    ([name, q]) =>
      `| ${name} | ${q.description} | **${q.graphql.median.toFixed(1)}** | ${r.targetsMs[name] ?? '–'} | ${q.graphql.p95.toFixed(1)} | ${q.graphqlAfterSql.median.toFixed(1)} | ${q.servingSql.median.toFixed(1)} | ${q.ratio.toFixed(2)} | ${q.sql.median.toFixed(1)} |`,
  );
  const load = Object.entries(r.freshThroughput).map(
    ([name, t]) =>
      `| ${name} | 16 | ${t.perSecond.toFixed(0)} | ${t.latency.median.toFixed(1)} | ${t.latency.p99.toFixed(1)} | ${t.errors} |`,
  );
  return `# Benchmark results: new arguments on every request

Run ${String(header['date'])} on ${String(header['cores'])} cores, Node ${String(header['node'])}, load average ${(header['loadAverage'] as number[]).map((x) => x.toFixed(1)).join(' ')} at the end; scale \`${String(header['scale'])}\`.
Reproduce with \`npm run bench -- --only fresh\`. The machine is shared: compare the ratios, measured in the same run.

The mix's questions (latest.md) with arguments no earlier request of the run had: a different
commune, window start and village indicator (Q1), indicator and pair of years (Q2), province,
three indicators and three years (Q4), so the result cache never answers the question. Each
was asked for a moment first (new arguments too, not counted); then ${FRESH_RUNS} sequential requests one
after another (the GraphQL figure, taken as the mix's sequential figures are); then the same
questions in SQL on the serving layer (and the first ${RECORD_SQL_RUNS} on the tables of record), each
followed by a GraphQL request with new arguments again ("after SQL"): the server has been idle
for the statement's time, and its caches are cold, as for a researcher's first question.

| query | question | GraphQL median ms | target ms | GraphQL p95 ms | GraphQL after SQL median ms | serving SQL median ms | GraphQL ÷ serving SQL | SQL on observations median ms |
|---|---|---|---|---|---|---|---|---|
${rows.join('\n')}

Throughput with new arguments on every request: 16 clients, after the same load not counted.

| throughput | clients | requests/s | median ms | p99 ms | errors |
|---|---|---|---|---|---|
${load.join('\n')}
`;
}
