import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareStore } from '../../src/store/build-store.js';
import { Store } from '../../src/store/store.js';
import { sql } from '../../src/store/sql.js';
import { AnalyticsReader } from '../../src/readers/analytics-reader.js';
import { GrassrootsReader } from '../../src/readers/grassroots-reader.js';
import { NO_ROLLUP } from '../../src/analytics/values-sql.js';
import { seedWithOneProvince } from '../support/seed-one-province.js';

const HEADER = 'subject_id,indicator,from_period,to_period,value,qualifier,lower,upper,source_id,quote,note\n';
const QUOTE = '"To date, Huổi Sông village has just over 20 poor households, down by more than 20 compared to 2024."';

/** The store's clock now, as `recordedAsOf` takes it (UTC, milliseconds). */
async function now(store: Store): Promise<string> {
  const [row] = await store.all<{ t: string }>(
    't',
    sql`SELECT strftime(now() AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M:%S.%g') AS t`,
  );
  return row!.t;
}

/**
 * Reported changes follow the store's revision rule, as figures do: a later statement is a new
 * revision, a seed that no longer states one retracts it, and a read as of an earlier moment
 * still sees what was stated then.
 */
describe('reported changes: revisions, retraction and time travel', { timeout: 240_000 }, () => {
  let dir: string;
  let path: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'grassroots-changes-'));
    path = join(dir, 'store.duckdb');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  /** The seed of one province with changes.csv replaced, imported into the store (the seed origin). */
  async function importSeedWith(name: string, changes: string): Promise<void> {
    const data = join(dir, name);
    await cp(await seedWithOneProvince(), data, { recursive: true });
    await writeFile(join(data, 'changes.csv'), changes);
    await prepareStore(path, data);
  }

  async function huoiSong(store: Store, recordedAsOf: string | null = null) {
    const [row] = await new AnalyticsReader(store).readChanges(
      ['village/huoi-song'],
      'poor_households',
      '2024',
      '2026',
      { ...NO_ROLLUP, recordedAsOf },
    );
    return { basis: row!.basis, absolute: row!.absolute, quote: row!.reported?.quote ?? null };
  }

  it('a revised statement supersedes the old one; a dropped one is retracted; asOf reads what was stated then', async () => {
    await importSeedWith(
      'stated',
      `${HEADER}village/huoi-song,poor_households,2024,2026,-20,LESS_THAN,,-20,dbp-em-party-members,${QUOTE},\n`,
    );
    let store = await Store.open({ path, poolSize: 1 });
    const stated = await huoiSong(store);
    expect(stated).toEqual({
      basis: 'REPORTED',
      absolute: { value: -20, lower: null, upper: -20, qualifier: 'LESS_THAN', formula: 'reported: less than -20' },
      quote: QUOTE.slice(1, -1),
    });
    const afterStated = await now(store);
    store.close();

    // A corrected reading of the same sentence: a new revision of the same key.
    await importSeedWith(
      'revised',
      `${HEADER}village/huoi-song,poor_households,2024,2026,-21,LESS_THAN,,-21,dbp-em-party-members,${QUOTE},\n`,
    );
    store = await Store.open({ path, poolSize: 1 });
    expect((await huoiSong(store)).absolute).toEqual({
      value: -21,
      lower: null,
      upper: -21,
      qualifier: 'LESS_THAN',
      formula: 'reported: less than -21',
    });
    expect((await huoiSong(store, afterStated)).absolute).toMatchObject({ value: -20, upper: -20 });
    const revisions = await store.all<{ value: number; supersededBy: string | null }>(
      't',
      sql`SELECT c.value, s.superseded_by::VARCHAR AS "supersededBy" FROM reported_changes c
        LEFT JOIN superseded_reported_changes s ON s.id = c.id ORDER BY c.id`,
    );
    expect(revisions.map((r) => [r.value, r.supersededBy !== null])).toEqual([
      [-20, true],
      [-21, false],
    ]);
    const afterRevised = await now(store);
    store.close();

    // The seed no longer states it: retracted, so the change is computed from the levels again.
    await importSeedWith('dropped', HEADER);
    store = await Store.open({ path, poolSize: 1 });
    expect(await huoiSong(store)).toEqual({
      basis: 'COMPUTED',
      // [20, 22] − [40, ∞)
      absolute: {
        value: -20,
        lower: null,
        upper: -18,
        qualifier: 'ABOUT',
        formula: '2026 − 2024 = just over 20 − more than 40',
      },
      quote: null,
    });
    expect(await new GrassrootsReader(store).readReportedChanges(['village/huoi-song'], null)).toEqual([]);
    // ... and a read as of before the retraction still sees the statement of then.
    expect(await huoiSong(store, afterRevised)).toMatchObject({ basis: 'REPORTED', absolute: { value: -21 } });
    const [retracted] = await store.all<{ n: number }>(
      't',
      sql`SELECT count(*)::INTEGER AS n FROM superseded_reported_changes WHERE retracted_by IS NOT NULL AND superseded_by IS NULL`,
    );
    expect(retracted!.n).toBe(1);
    store.close();
  });
});
