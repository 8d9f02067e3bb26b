import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { writeDataDir } from '../support/fixtures.js';
import { ANALYTICS_FIXTURE } from '../support/analytics-fixture.js';

/**
 * A table's rows read only the columns its selection names (src/analytics/point-sql.ts
 * pointColumns): a narrow selection must answer exactly the fields a full one does, and fields
 * answered by resolvers (sources, coverage, reconstructed) must still find their columns.
 */
describe('table rows read the fields asked for', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(await writeDataDir(ANALYTICS_FIXTURE, true));
  });
  afterAll(() => t.close());

  // communes: some report, some are summed from their villages (ROLLED_UP, with coverage)
  const TABLE_ARGS = `indicators: ["poor_households", "em_member_share"], kind: COMMUNE, rollup: VILLAGE`;
  type Row = Record<string, unknown> & { locality: { code: string }; period: string };
  const rowsOf = async (selection: string) =>
    (
      await t.client.request<{ table: { rows: Row[] } }>(
        `{ table(${TABLE_ARGS}) { rows { locality { code } ${selection} } } }`,
      )
    ).table.rows;

  it('a narrow selection gives the same values as the full one, row for row', async () => {
    const full = await rowsOf(
      `indicator { code } period periodStart periodEnd value qualifier lower upper basis derived formula recordedAt
       reporting expected coverage reconstructed sources { code }`,
    );
    expect(full.length).toBeGreaterThan(3);
    const narrow = await rowsOf('period value qualifier');
    expect(narrow).toEqual(
      full.map((r) => ({ locality: r.locality, period: r.period, value: r['value'], qualifier: r['qualifier'] })),
    );
    // every full row carries its provenance: the narrow statement did not drop it for the others
    for (const row of full) {
      expect((row['sources'] as unknown[]).length).toBeGreaterThan(0);
      expect(row['basis']).toMatch(/REPORTED|COMPUTED|ROLLED_UP/);
    }
  });

  it('fields answered by resolvers find their columns when asked alone', async () => {
    const withSources = await rowsOf('period sources { code }');
    expect(withSources.every((r) => (r['sources'] as unknown[]).length > 0)).toBe(true);
    const withCoverage = await rowsOf('period basis coverage');
    expect(withCoverage.some((r) => r['basis'] === 'ROLLED_UP')).toBe(true);
    for (const row of withCoverage) {
      if (row['basis'] === 'ROLLED_UP') expect(row['coverage']).toEqual(expect.any(Number));
    }
  });
});
