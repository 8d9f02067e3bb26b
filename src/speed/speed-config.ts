/**
 * The switches of the speed machinery, one per part. Each part gives the same answers on and off
 * (the answer-checking test files run both ways: vitest's project `graphql-js` runs them with
 * every part off); off, the server is slower and simpler to reason about. One document per part in docs/speed/.
 *
 * | part                | module                              | flag                     |
 * |---------------------|-------------------------------------|--------------------------|
 * | compiled execution  | src/speed/compiled-execution.ts     | --compiled-execution     |
 * | direct parameters   | src/speed/direct-params.ts          | --direct-params          |
 * | hot values          | src/serving/hot-values.ts           | --hot-values             |
 * | result cache        | src/speed/result-cache.ts           | --result-cache (0: off)  |
 * | prepared statements | src/store/prepared-statements.ts    | --prepared-statements    |
 * | GC after bulk       | src/http/bulk-reclaim.ts            | --gc-after-bulk          |
 * | availability kept   | src/readers/kept-availability.ts    | --availability-in-memory |
 */
import { MAX_ROWS_PER_RESULT, type ResultCacheOptions } from './result-cache.js';

export interface SpeedConfig {
  /** Operations seen before run compiled (graphql-jit); false: Apollo's own graphql-js execution. */
  readonly compiledExecution: boolean;
  /** Resolver parameters bound directly; false: type-graphql binds them. */
  readonly directParams: boolean;
  /** The serving layer's hot part kept in memory; false: every lookup is a statement. */
  readonly hotValues: boolean;
  /** Read results kept until the next write; entries 0: off. */
  readonly resultCache: ResultCacheOptions;
  /** Each connection keeps its prepared statements; false: every statement is run from its text. */
  readonly preparedStatements: boolean;
  /** A full garbage collection after a bulk response (V8's --expose-gc turned on at run time). */
  readonly gcAfterBulk: boolean;
  /** The availability matrix answered from the copy the cost catalogue reads; false: a statement every time. */
  readonly availabilityInMemory: boolean;
}

/** Every part on: what the server runs with unless configured otherwise (the flags' defaults). */
export const SPEED_DEFAULTS: SpeedConfig = {
  compiledExecution: true,
  directParams: true,
  hotValues: true,
  resultCache: { entries: 4_000, totalRows: 250_000, maxRows: MAX_ROWS_PER_RESULT },
  preparedStatements: true,
  gcAfterBulk: true,
  availabilityInMemory: true,
};

/** Every part off: graphql-js, type-graphql's binding, statements for every read, nothing kept. */
export const SPEED_OFF: SpeedConfig = {
  compiledExecution: false,
  directParams: false,
  hotValues: false,
  resultCache: { ...SPEED_DEFAULTS.resultCache, entries: 0 },
  preparedStatements: false,
  gcAfterBulk: false,
  availabilityInMemory: false,
};
