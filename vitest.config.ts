import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  // type-graphql loads graphql's CommonJS build; resolving our imports to the same file keeps
  // one graphql instance in the process (two would fail instanceof checks).
  resolve: { alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }] },
  test: {
    include: ['test/**/*.test.ts'],
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
  },
});
