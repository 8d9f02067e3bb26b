import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareStore } from '../../src/store/build-store.js';
import { Store } from '../../src/store/store.js';
import { sql } from '../../src/store/sql.js';
import { AnalyticsReader } from '../../src/readers/analytics-reader.js';
import { NO_ROLLUP, type ValueOptions } from '../../src/analytics/values-sql.js';
import { seedWithOneProvince } from '../support/seed-one-province.js';

/** The lean reported path must answer exactly what the general value chain answers. */
describe('reported-only series and latest: lean path = general path', () => {
  let dir: string;
  let store: Store;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'grassroots-lean-'));
    // The seed with the country's units of its province only: every unit is asked.
    await prepareStore(join(dir, 's.duckdb'), await seedWithOneProvince());
    store = await Store.open({ path: join(dir, 's.duckdb'), poolSize: 1 });
  });
  afterAll(async () => {
    store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('for every unit and every non-ratio indicator, with either source preference', async () => {
    const { reported, computed } = new AnalyticsReader(store).values;
    const units = (await store.all<{ id: string }>('t', sql`SELECT id FROM units ORDER BY id`)).map((u) => u.id);
    const indicators = (
      await store.all<{ code: string }>(
        't',
        sql`SELECT code FROM indicators WHERE aggregation <> 'RATIO' ORDER BY code`,
      )
    ).map((i) => i.code);
    const window = { from: null, to: null, periods: null };
    let compared = 0;
    for (const options of [NO_ROLLUP, { ...NO_ROLLUP, earliestPublication: true } satisfies ValueOptions]) {
      for (const indicator of indicators) {
        const request = { ids: units, indicators: [indicator], window, options, fields: null };
        expect(await reported.series(request)).toEqual(await computed.series(request));
        const bySubject = (rows: { subjectId: string }[] | null) =>
          [...rows!].sort((a, b) => a.subjectId.localeCompare(b.subjectId));
        expect(bySubject(await reported.latest(request))).toEqual(bySubject(await computed.latest(request)));
        compared += (await computed.series(request)).length;
      }
    }
    expect(compared).toBeGreaterThanOrEqual(40);
    // several indicators in one statement, as the loaders batch a profile
    const all = { ids: units, indicators, window, options: NO_ROLLUP, fields: null };
    expect(await reported.series(all)).toEqual(await computed.series(all));
    expect(await reported.latest(all)).toEqual(await computed.latest(all));
  });
});
