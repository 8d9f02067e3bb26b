import 'reflect-metadata';
import { DuckDBInstance } from '@duckdb/node-api';
import { execute, parse } from 'graphql';
import { QUERIES } from './queries.js';
import { postGraphQL, stats, time } from './measure.js';
import { startServer } from './server-process.js';
import { readVectors, Store } from '../src/store/store.js';
import { statement } from '../src/store/sql.js';
import { tableColumns, tablePacked } from '../src/analytics/table-sql.js';
import { NO_ROLLUP } from '../src/analytics/values-sql.js';
import { QUALIFIERS } from '../src/domain/rows.js';
import { buildGrassrootsSchema } from '../src/graphql/build-schema.js';
import { contextFactory } from '../src/graphql/create-context.js';
import { ServingStatus } from '../src/serving/serving-status.js';

/**
 * npx tsx bench/q5.ts [store]: the bulk pull (Q5) in both table shapes, end to end over HTTP
 * against the benchmark's SQL in the same run, then where a request's time goes: the statement
 * in DuckDB, reading its result into JS, graphql-js completing the fields, JSON serialisation.
 * Q5_RUNS (default 3) timed runs after one warm-up. Point it at a copy of the national store.
 * `npm run bench -- --only q5` (bench/q5-run.ts) times the Parquet exports beside these paths.
 */
const ROOT = new URL('..', import.meta.url).pathname;
const STORE = process.argv[2] ?? `${ROOT}bench/stores/national.duckdb`;
const RUNS = Number(process.env['Q5_RUNS'] ?? 3);
const log = (msg: string) => console.log(`[q5] ${msg}`);
const median = (samples: number[]) => stats(samples).median;

async function endToEnd(): Promise<void> {
  // A generous time limit: this measures speed, and on a loaded shared machine a cold first
  // request can pass the default 10 s.
  const server = await startServer(STORE, 0, { GRASSROOTS_TIMEOUT_MS: '300000' });
  const db = await DuckDBInstance.create(STORE, { access_mode: 'READ_ONLY' });
  const connection = await db.connect();
  try {
    for (const query of QUERIES.filter((q) => q.name.startsWith('Q5'))) {
      const { bytes } = await postGraphQL(server.url, query.graphql, {});
      await connection.runAndReadAll(query.sql({}));
      const g: number[] = [];
      const s: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        g.push((await time(() => postGraphQL(server.url, query.graphql, {}))).ms);
        s.push((await time(() => connection.runAndReadAll(query.sql({})))).ms);
      }
      log(
        `${query.name} end to end: GraphQL median ${median(g).toFixed(0)} ms [${g.map((x) => x.toFixed(0)).join(', ')}] | SQL median ${median(s).toFixed(0)} ms [${s.map((x) => x.toFixed(0)).join(', ')}] | ratio ${(median(g) / median(s)).toFixed(2)} | response ${(bytes / 1e6).toFixed(1)} MB`,
      );
    }
  } finally {
    connection.closeSync();
    db.closeSync();
    await server.stop();
  }
}

async function breakdown(): Promise<void> {
  const args = [
    { kind: 'VILLAGE', within: null, asOf: null },
    ['coffee_area'],
    { from: '2015-01-01', to: '2026-12-31', periods: null },
    NO_ROLLUP,
  ] as const;
  const shapes = [
    {
      name: 'columns',
      statement: statement('q5', tableColumns(...args)),
      padded: [] as string[],
      field: 'columns { localityCodes periods values qualifiers }',
    },
    {
      name: 'packed',
      statement: statement('q5', tablePacked(...args, QUALIFIERS)),
      padded: ['localityCodes', 'rowIndicators', 'rowStarts', 'periods', 'indicators'],
      field: 'packed { localityCodes rowOffsets periods periodIndexes values qualifiers qualifierIndexes }',
    },
  ];
  // One instance at a time: DuckDB refuses a second instance on the same file in one process.
  const db = await DuckDBInstance.create(STORE, { access_mode: 'READ_ONLY' });
  const connection = await db.connect();
  for (const shape of shapes) {
    const sqlMs: number[] = [];
    const readMs: number[] = [];
    const jsonMs: number[] = [];
    for (let i = 0; i <= RUNS; i++) {
      const run = await time(() =>
        connection.run(shape.statement.text, shape.statement.values, shape.statement.types as never),
      );
      const read = await time(async () => readVectors(run.result, new Set(shape.padded)));
      if (i > 0) {
        sqlMs.push(run.ms);
        readMs.push(read.ms);
      }
      if (shape.name === 'columns' && i > 0) {
        const reader = await connection.runAndReadAll(
          shape.statement.text,
          shape.statement.values,
          shape.statement.types as never,
        );
        jsonMs.push((await time(async () => reader.getColumnsObjectJson())).ms);
      }
    }
    const former = jsonMs.length ? ` | getColumnsObjectJson (the former read) ${median(jsonMs).toFixed(0)} ms` : '';
    log(
      `${shape.name}: statement in DuckDB ${median(sqlMs).toFixed(0)} ms | read off vectors ${median(readMs).toFixed(0)} ms${former}`,
    );
  }
  connection.closeSync();
  db.closeSync();

  const store = await Store.open({ path: STORE, readOnly: true });
  const schema = await buildGrassrootsSchema();
  const serving = await ServingStatus.of(store);
  const context = contextFactory(store, serving, null);
  for (const shape of shapes) {
    const document = parse(
      `{ table(kind: VILLAGE, indicators: ["coffee_area"], from: "2015", to: "2026") { ${shape.field} } }`,
    );
    const executeMs: number[] = [];
    const stringifyMs: number[] = [];
    for (let i = 0; i <= RUNS; i++) {
      const result = await time(async () => execute({ schema, document, contextValue: context() }));
      if (result.result.errors) throw new Error(JSON.stringify(result.result.errors));
      const text = await time(async () => JSON.stringify(result.result));
      if (i === 0) continue;
      executeMs.push(result.ms);
      stringifyMs.push(text.ms);
      if (i === RUNS)
        log(
          `${shape.name}: graphql execute in process (statement + read + completion) ${median(executeMs).toFixed(0)} ms | JSON.stringify ${median(stringifyMs).toFixed(0)} ms (${(text.result.length / 1e6).toFixed(1)} MB)`,
        );
    }
  }
  await serving.stop();
  store.close();
}

log(`store ${STORE}, ${RUNS} timed runs each`);
if (process.env['Q5_SKIP_HTTP'] !== '1') await endToEnd();
if (process.env['Q5_SKIP_BREAKDOWN'] !== '1') await breakdown();
