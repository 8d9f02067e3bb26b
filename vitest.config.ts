import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

/**
 * The files that check answers through a real server: they run a second time with every part of
 * the speed machinery off (graphql-js execution, type-graphql's parameter binding, no hot values,
 * no result cache, no prepared statements), so the plain path is held to the same assertions.
 * Files that count statements or compiled runs, time requests or start processes run once
 * (hierarchy.test.ts too: it proves the hierarchy copy by counting statements).
 */
const ANSWER_FILES = [
  'analytics',
  'analytics-seed',
  'bad-arguments',
  'cookbook',
  'lineage',
  'operations',
  'record-observations',
  'revisions',
  'rollup-merger',
  'search',
  'seed-figures',
  'sources-and-series',
  'typed-client',
].map((name) => `test/e2e/${name}.test.ts`);

export default defineConfig({
  // type-graphql loads graphql's CommonJS build; resolving our imports to the same file keeps
  // one graphql instance in the process (two would fail instanceof checks).
  resolve: { alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }] },
  test: {
    setupFiles: ['reflect-metadata'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Each file imports Apollo, type-graphql and DuckDB's binding (seconds per file on a busy
    // machine); reusing a worker's modules across files halves the suite. Files share no state
    // but the schema, which is built once per process on purpose.
    isolate: false,
    // Always also write the JSON report: .ci/run reads its counts from it.
    reporters: ['default', 'json'],
    outputFile: { json: 'test/artifacts/vitest-report.json' },
    projects: [
      { extends: true, test: { name: 'default', include: ['test/**/*.test.ts'] } },
      // `npx vitest run --project graphql-js` runs only these; test/support/test-server.ts reads the variable.
      { extends: true, test: { name: 'graphql-js', include: ANSWER_FILES, env: { GRASSROOTS_TEST_SPEED: 'off' } } },
    ],
  },
});
