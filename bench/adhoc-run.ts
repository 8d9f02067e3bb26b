import type { DuckDBConnection } from '@duckdb/node-api';
import { ADHOC_SHAPES, type AdhocPicker } from './adhoc.js';
import { postGraphQL, stats, time, type Stats } from './measure.js';
import { distinctDraws } from './fresh-draws.js';

/** Requests with new arguments timed per shape after its first. */
const REPEATED_RUNS = 8;
/** Runs of the analyst's SQL on the tables of record (seconds each for the nationwide shapes). */
const RECORD_SQL_RUNS = 3;
/** Issue 21's target: both ratios at most this. */
export const ADHOC_TARGET_RATIO = 1.5;

export interface AdhocResult {
  readonly description: string;
  /** The server's first request of the shape. */
  readonly firstMs: number;
  /** Later requests, each with new arguments. */
  readonly repeated: Stats;
  /** The analyst's SQL on the tables of record, the first arguments and the next ones. */
  readonly recordSql: Stats;
  /** The analyst's SQL on the serving layer, on the repeated requests' arguments. */
  readonly servingSql: Stats;
  /** first ÷ record SQL median (target ≤ 1.5). */
  readonly firstRatio: number;
  /** repeated median ÷ serving SQL median (target ≤ 1.5). */
  readonly repeatedRatio: number;
  readonly responseBytes: number;
}

/**
 * Researchers' questions outside the mix, each asked first with one set of arguments (the
 * server has not seen the shape before) and then with new ones every time, interleaved with an
 * analyst's SQL for the same arguments on the tables of record and on the serving layer.
 */
export async function runAdhoc(options: {
  url: string;
  sql: DuckDBConnection;
  pick: AdhocPicker;
  log: (msg: string) => void;
}): Promise<{ adhoc: Record<string, AdhocResult> }> {
  const { url, sql, pick, log } = options;
  const draws = distinctDraws();
  const adhoc: Record<string, AdhocResult> = {};
  for (const shape of ADHOC_SHAPES) {
    const vars = Array.from({ length: REPEATED_RUNS + 1 }, () => draws.next(shape.name, () => shape.variables(pick)));
    const first = await time(() => postGraphQL(url, shape.graphql, vars[0]!));
    const record: number[] = [];
    const serving: number[] = [];
    const repeated: number[] = [];
    for (let i = 0; i < vars.length; i++) {
      if (i > 0) repeated.push((await time(() => postGraphQL(url, shape.graphql, vars[i]!))).ms);
      if (i < RECORD_SQL_RUNS) record.push((await time(() => sql.runAndReadAll(shape.recordSql(vars[i]!)))).ms);
      // its first run (the arguments of the server's first request) reads cold pages: not counted
      const ms = (await time(() => sql.runAndReadAll(shape.servingSql(vars[i]!)))).ms;
      if (i > 0) serving.push(ms);
    }
    const rs = stats(repeated);
    const recordStats = stats(record);
    const servingStats = stats(serving);
    adhoc[shape.name] = {
      description: shape.description,
      firstMs: first.ms,
      repeated: rs,
      recordSql: recordStats,
      servingSql: servingStats,
      firstRatio: first.ms / recordStats.median,
      repeatedRatio: rs.median / servingStats.median,
      responseBytes: first.result.bytes,
    };
    log(
      `${shape.name}: first ${first.ms.toFixed(0)} ms (÷ SQL on observations ${recordStats.median.toFixed(0)} ms = ${(first.ms / recordStats.median).toFixed(2)}) | new arguments median ${rs.median.toFixed(1)} ms (÷ serving SQL ${servingStats.median.toFixed(1)} ms = ${(rs.median / servingStats.median).toFixed(2)})`,
    );
  }
  return { adhoc };
}

export function adhocMarkdown(header: Record<string, unknown>, r: { adhoc: Record<string, AdhocResult> }): string {
  const mark = (ratio: number) =>
    ratio <= ADHOC_TARGET_RATIO ? `**${ratio.toFixed(2)}**` : `${ratio.toFixed(2)} (over)`;
  const rows = Object.entries(r.adhoc).map(
    ([name, a]) =>
      `| ${name} | ${a.description} | ${a.firstMs.toFixed(0)} | ${a.repeated.median.toFixed(1)} | ${a.recordSql.median.toFixed(0)} | ${a.servingSql.median.toFixed(1)} | ${mark(a.firstRatio)} | ${mark(a.repeatedRatio)} | ${(a.responseBytes / 1024).toFixed(0)} |`,
  );
  return `# Benchmark results: ad-hoc questions

Run ${String(header['date'])} on ${String(header['cores'])} cores, Node ${String(header['node'])}, load average ${(header['loadAverage'] as number[]).map((x) => x.toFixed(1)).join(' ')} at the end; scale \`${String(header['scale'])}\`.
Reproduce with \`npm run bench -- --only adhoc\`. The machine is shared: compare the ratios, measured in the same run.

Questions a researcher asks that the mix does not (bench/adhoc.ts), each asked once (the
server's first request of that shape: "first") and then ${REPEATED_RUNS} times with new arguments, no two
alike, so the result cache never answers ("new arguments", median). Beside each, an analyst's
SQL for the same arguments, run from Node on DuckDB in the bench's process: on the tables of
record (\`current_observations\`, \`units\`, \`unit_links\`; median of ${RECORD_SQL_RUNS} runs, the first's arguments
and the next) and on the serving layer (\`serving_values\`; median over the new arguments).
Targets (issue 21): first ÷ SQL on the tables of record ≤ ${ADHOC_TARGET_RATIO}, new arguments ÷ serving SQL ≤ ${ADHOC_TARGET_RATIO}.

| shape | question | first ms | new arguments median ms | analyst SQL on tables of record ms | analyst SQL on serving layer ms | first ÷ record SQL | new arguments ÷ serving SQL | response KiB |
|---|---|---|---|---|---|---|---|---|
${rows.join('\n')}
`;
}
