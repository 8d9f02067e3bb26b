import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { migrate } from '../../src/store/migrate.js';
import { raw, sql } from '../../src/store/sql.js';
import { createServer, type RunningServer } from '../../src/server.js';
import { generateSynthetic } from '../../src/synthetic/generate.js';
import { ensureServingFresh } from '../../src/serving/refresh-serving.js';
import { SCALES, SYNTHETIC_SOURCE_ID } from '../../src/synthetic/scales.js';
import { QUERIES, type Picker } from '../../bench/queries.js';
import { postGraphQL } from '../../bench/measure.js';
import { SEED_DIR } from '../support/test-server.js';

const b64 = (s: string) => Buffer.from(s).toString('base64url');
const picker: Picker = {
  commune: () => ({
    commune: 'commune/p01-c002',
    committee: 'party-committee/p01-c002',
    province: 'province/p01',
    provinceCommittee: 'party-committee/p01',
  }),
  province: () => ({
    province: 'province/p01',
    provinceGlobalId: b64('Province:province/p01'),
    provinceCommittee: 'party-committee/p01',
    provinceCommitteeGlobalId: b64('PartyCommittee:party-committee/p01'),
  }),
};

async function generateTiny(dir: string, name: string): Promise<Store> {
  const store = await Store.open({ path: join(dir, name), poolSize: 2 });
  await migrate(store);
  await generateSynthetic(store, SCALES['tiny']!, SEED_DIR);
  await ensureServingFresh(store);
  return store;
}

describe('synthetic data and the benchmark mix', () => {
  let dir: string;
  let store: Store;
  let server: RunningServer;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'grassroots-synthetic-'));
    store = await generateTiny(dir, 'a.duckdb');
    server = await createServer(store, { host: '127.0.0.1', port: 0, log: () => {} });
  });
  afterAll(async () => {
    await server.close();
    store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('is deterministic and labelled synthetic in every row', async () => {
    const other = await generateTiny(dir, 'b.duckdb');
    const fingerprint = (s: Store) =>
      s.all<{ n: number; h: string }>(
        't',
        sql`SELECT count(*)::INTEGER AS n, sum(hash(subject_id, indicator, period, value, qualifier))::VARCHAR AS h FROM observations`,
      );
    expect(await fingerprint(other)).toEqual(await fingerprint(store));
    other.close();
    const [labels] = await store.all<{ sources: string[]; kind: string }>(
      't',
      sql`
      SELECT list(DISTINCT o.source_id) AS sources, min(s.kind) AS kind FROM observations o JOIN sources s ON s.id = o.source_id`,
    );
    expect(labels).toEqual({ sources: [SYNTHETIC_SOURCE_ID], kind: 'SYNTHETIC' });
    const [shape] = await store.all<{
      provinces: number;
      communes: number;
      villages: number;
      cells: number;
      gaps: number;
    }>(
      't',
      sql`
      SELECT count(*) FILTER (WHERE kind = 'PROVINCE')::INTEGER AS provinces, count(*) FILTER (WHERE kind = 'COMMUNE')::INTEGER AS communes,
             count(*) FILTER (WHERE kind = 'VILLAGE')::INTEGER AS villages, count(*) FILTER (WHERE kind = 'PARTY_CELL')::INTEGER AS cells,
             (SELECT (count(*) < 24 * 18 * 7)::INTEGER FROM observations WHERE subject_id LIKE 'village/%') AS gaps FROM units`,
    );
    expect(shape).toEqual({ provinces: 2, communes: 6, villages: 24, cells: 12, gaps: 1 });
  });

  it.each(QUERIES.map((q) => [q.name, q]))('%s answers over GraphQL and in SQL', async (_name, query) => {
    const vars = query.variables(picker);
    const { bytes } = await postGraphQL(server.url, query.graphql, vars);
    expect(bytes).toBeGreaterThan(50);
    const rows = await store.all('bench.sql', sql`${raw(query.sql(vars))}`);
    expect(Array.isArray(rows)).toBe(true);
    // the same question on the serving layer finds values too
    const served = await store.all('bench.serving-sql', sql`${raw(query.servingSql(vars))}`);
    expect(served.length).toBeGreaterThan(0);
  });
});
