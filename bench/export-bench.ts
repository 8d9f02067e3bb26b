// Times the exports against the GraphQL table on a synthetic store: `npx tsx bench/export-bench.ts`.
import 'reflect-metadata';
import { rm } from 'node:fs/promises';
import { writeDataDir, syntheticTree } from '../test/support/fixtures.js';
import { startTestServer } from '../test/support/test-server.js';

// 200 communes × 50 villages: 10,000 villages, 30,000 values in the table.
const dir = await writeDataDir(syntheticTree(200, 50), true);
const t = await startTestServer(dir);
const base = t.server.url.replace(/\/graphql$/, '');
const time = async (label: string, work: () => Promise<string>) => {
  const start = performance.now();
  const detail = await work();
  console.log(`${label.padEnd(28)} ${String(Math.round(performance.now() - start)).padStart(6)} ms  ${detail}`);
};
try {
  for (const run of [1, 2, 3]) {
    for (const format of ['csv', 'parquet', 'json']) {
      await time(`run ${run} /export.${format}`, async () => {
        const response = await fetch(`${base}/export.${format}?indicators=households,poor_households&kind=VILLAGE`);
        return `${(await response.arrayBuffer()).byteLength} bytes`;
      });
    }
  }
  await time('GraphQL table { rows }', async () => {
    const data = await t.client.request<{ table: { rows: unknown[] } }>(
      '{ table(kind: VILLAGE, indicators: ["households", "poor_households"]) { rows { period value qualifier lower upper basis } } }',
    );
    return `${data.table.rows.length} rows`;
  });
} finally {
  await t.close();
  await rm(dir, { recursive: true, force: true });
}
