import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { syntheticTree, writeDataDir } from '../support/fixtures.js';

/** Runs the nested query and counts the SQL statements the server ran for it. */
async function statementsFor(
  t: TestServer,
  code: string,
): Promise<{ statements: number; villages: number; points: number; seriesStatements: number }> {
  const before = t.store.statementCount;
  let seriesStatements = 0;
  const stop = t.store.onStatement((s) => {
    if (s.id.startsWith('analytics.series')) seriesStatements++;
  });
  const result = await t.sdk.NestedSeries({ code });
  stop();
  const statements = t.store.statementCount - before;
  if (result.locality.__typename !== 'Province') throw new Error('expected a province');
  const villages = result.locality.communes.nodes.flatMap((c) => c.villages.nodes);
  const points = villages.reduce(
    (n, v) => n + v.households.points.length + v.poor.points.length + v.coffee.points.length,
    0,
  );
  return { statements, villages: villages.length, points, seriesStatements };
}

describe('province → communes → villages → series of 3 indicators runs a bounded number of statements', () => {
  let small: TestServer;
  let large: TestServer;
  beforeAll(async () => {
    small = await startTestServer(await writeDataDir(syntheticTree(2, 2), true));
    large = await startTestServer(await writeDataDir(syntheticTree(30, 20), true));
  });
  afterAll(async () => {
    await small.close();
    await large.close();
  });

  it('costs the same number of statements for 4 villages as for 600', async () => {
    const a = await statementsFor(small, 'province/synthetic');
    const b = await statementsFor(large, 'province/synthetic');
    expect(a.villages).toBe(4);
    expect(b.villages).toBe(600);
    expect(b.points).toBe(600 * 3);
    expect(b.statements).toBe(a.statements);
    // Units, communes, villages and committees come from the hierarchy in memory; what is left
    // is the catalogue and the series.
    expect(b.statements).toBeLessThanOrEqual(2);
    // With no statement between the levels, the committees' members and the villages' three
    // indicators are asked in the same tick, and go to DuckDB together.
    expect(b.seriesStatements).toBe(1);
  });
});
