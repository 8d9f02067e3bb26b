import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareStore } from '../../src/store/build-store.js';
import { Store } from '../../src/store/store.js';
import { sql } from '../../src/store/sql.js';
import { AnalyticsReader } from '../../src/readers/analytics-reader.js';
import { ServingStatus } from '../../src/serving/serving-status.js';
import { NO_ROLLUP } from '../../src/analytics/values-sql.js';
import type { ValueSourceName } from '../../src/values/value-source.js';
import { SEED_DIR } from '../support/test-server.js';

/** Who answered each of a reader's requests, in order. */
function answeredBy(reader: AnalyticsReader, before: Record<ValueSourceName, number>): ValueSourceName[] {
  return (Object.keys(before) as ValueSourceName[]).filter((name) => reader.values.answered[name] > before[name]);
}

describe('the value chain asks its sources in order, and the first that can answer does', () => {
  let dir: string;
  let store: Store;
  let communes: string[];
  let villages: string[];
  let ratio: string;
  let count: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'grassroots-chain-'));
    await prepareStore(join(dir, 's.duckdb'), SEED_DIR);
    store = await Store.open({ path: join(dir, 's.duckdb'), poolSize: 1 });
    communes = (await store.all<{ id: string }>('t', sql`SELECT id FROM units WHERE kind = 'COMMUNE' ORDER BY id`)).map(
      (r) => r.id,
    );
    villages = (await store.all<{ id: string }>('t', sql`SELECT id FROM units WHERE kind = 'VILLAGE' ORDER BY id`)).map(
      (r) => r.id,
    );
    ratio = (
      await store.all<{ code: string }>(
        't',
        sql`SELECT code FROM indicators WHERE aggregation = 'RATIO' ORDER BY code LIMIT 1`,
      )
    )[0]!.code;
    count = (
      await store.all<{ code: string }>(
        't',
        sql`SELECT code FROM indicators WHERE aggregation = 'SUM' ORDER BY code LIMIT 1`,
      )
    )[0]!.code;
  });
  afterAll(async () => {
    store.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function ask(reader: AnalyticsReader, run: () => Promise<unknown>): Promise<ValueSourceName[]> {
    const before = { ...reader.values.answered };
    await run();
    return answeredBy(reader, before);
  }

  it('without a serving layer: reported where nothing is computed, computed for ratios, rollups and time travel', async () => {
    const reader = new AnalyticsReader(store, null);
    const window = { from: null, to: null, periods: null };
    expect(await ask(reader, () => reader.readSeries(communes, [count], window, NO_ROLLUP))).toEqual(['reported']);
    expect(await ask(reader, () => reader.readLatest(communes, [count], NO_ROLLUP))).toEqual(['reported']);
    expect(await ask(reader, () => reader.readSeries(communes, [count, ratio], window, NO_ROLLUP))).toEqual([
      'computed',
    ]);
    expect(
      await ask(reader, () => reader.readSeries(communes, [count], window, { ...NO_ROLLUP, rollupFrom: 'VILLAGE' })),
    ).toEqual(['computed']);
    expect(
      await ask(reader, () =>
        reader.readSeries(communes, [count], window, { ...NO_ROLLUP, recordedAsOf: '2030-01-01 00:00:00.000' }),
      ),
    ).toEqual(['computed']);
    // and the answers are the computed source's
    const request = { ids: communes, indicators: [count], window, options: NO_ROLLUP, fields: null };
    expect(await reader.readSeries(communes, [count], window, NO_ROLLUP)).toEqual(
      await reader.values.computed.series(request),
    );
  });

  it('with a fresh serving layer: memory where the copy holds the request, else a served lookup; what the layer does not hold is read or computed off the observations', async () => {
    const status = await ServingStatus.of(store, { hotValues: true });
    await status.ready();
    const reader = new AnalyticsReader(store, status);
    const window = { from: null, to: null, periods: null };
    expect(
      await ask(reader, () => reader.readLatest(communes, [count, ratio], NO_ROLLUP, ['value', 'period'])),
    ).toEqual(['memory']);
    // every field: more than the copy keeps
    expect(await ask(reader, () => reader.readLatest(communes, [count], NO_ROLLUP, null))).toEqual(['served']);
    // a leaf's series: the copy keeps only leaves' latest values
    expect(
      await ask(reader, () => reader.readSeries(villages, [count], window, NO_ROLLUP, ['value', 'period'])),
    ).toEqual(['served']);
    // another source preference is not in the layer: read off the observations
    expect(
      await ask(reader, () =>
        reader.readSeries(communes, [count], window, { ...NO_ROLLUP, earliestPublication: true }),
      ),
    ).toEqual(['reported']);
    expect(
      await ask(reader, () =>
        reader.readSeries(communes, [count], window, { ...NO_ROLLUP, recordedAsOf: '2030-01-01 00:00:00.000' }),
      ),
    ).toEqual(['computed']);
    await status.stop();
  });
});
