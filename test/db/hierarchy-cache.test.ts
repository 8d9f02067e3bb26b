import { describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { sql } from '../../src/store/sql.js';
import { GrassrootsReader } from '../../src/readers/grassroots-reader.js';
import { HierarchyCache } from '../../src/hierarchy/hierarchy-cache.js';
import type { Hierarchy } from '../../src/hierarchy/hierarchy.js';
import type { LinkedUnitRow } from '../../src/domain/rows.js';
import { SYNTHETIC_SOURCE, writeDataDir, type Files } from '../support/fixtures.js';
import { seedWithOneProvince } from '../support/seed-one-province.js';
import { scratchStores } from '../support/scratch-stores.js';
import { subjectIds, SUBJECT_WALK_DEPTH } from '../../src/analytics/values-sql.js';

const S = 'synthetic-test';

/**
 * A hierarchy with the awkward cases: a commune moved from a district to a province on the
 * reform date, a village linked twice to the same commune (a gap between the links), Party
 * organisations sitting in units, and names that sort differently folded.
 */
const AWKWARD: Files = {
  'sources.csv': SYNTHETIC_SOURCE,
  'units.csv':
    [
      'id,kind,name,level,admin_unit_id,valid_from,valid_to,source_id,note',
      `province/p,PROVINCE,Điện P,PROVINCE,,,,${S},`,
      `district/d,DISTRICT,D,DISTRICT,,,2025-07-01,${S},`,
      `commune/c,COMMUNE,Chiềng,COMMUNE,,,,${S},`,
      `commune/e,COMMUNE,Ẳng,COMMUNE,,,,${S},`,
      `village/v1,VILLAGE,Bản Một,,,,,${S},`,
      `village/v2,VILLAGE,bản hai,,,,,${S},`,
      `village/v3,VILLAGE,Ba,,,2018-01-01,,${S},`,
      `party-committee/c,PARTY_COMMITTEE,Đảng ủy Chiềng,COMMUNE,commune/c,,,${S},`,
      `party-cell/v1,PARTY_CELL,Chi bộ Một,VILLAGE,village/v1,,,${S},`,
      `party-cell/v1b,PARTY_CELL,Chi bộ Ba,VILLAGE,village/v1,,,${S},`,
    ].join('\n') + '\n',
  'unit_links.csv':
    [
      'child_id,parent_id,valid_from,valid_to,source_id,note',
      `district/d,province/p,,2025-07-01,${S},`,
      `commune/c,district/d,,2025-07-01,${S},`,
      `commune/c,province/p,2025-07-01,,${S},`,
      `commune/e,province/p,,,${S},`,
      `village/v1,commune/c,,,${S},`,
      `village/v2,commune/c,2010-01-01,2015-01-01,${S},`,
      `village/v2,commune/c,2016-01-01,,${S},`,
      `village/v3,commune/e,2018-01-01,2025-07-01,${S},`,
      `village/v3,commune/c,2025-07-01,,${S},`,
      `party-cell/v1,party-committee/c,,,${S},`,
    ].join('\n') + '\n',
};

const KINDS = [null, ['COMMUNE'], ['VILLAGE'], ['PARTY_CELL'], ['COMMUNE', 'VILLAGE']] as const;
const PAGES = [
  { offset: 0, limit: 100 },
  { offset: 1, limit: 2 },
] as const;

/** Every link date and the day before it: where a date-aware answer can change. */
async function datesToAsk(store: Store): Promise<(string | null)[]> {
  const rows = await store.all<{ d: string }>(
    't',
    sql`SELECT DISTINCT d::VARCHAR AS d FROM (
      SELECT unnest([valid_from, valid_to, valid_from - 1, valid_to - 1]) AS d FROM unit_links) WHERE d IS NOT NULL ORDER BY d`,
  );
  return [null, ...rows.map((r) => r.d)];
}

/** Rows per anchor in the order given: what the loaders read them as. */
function byAnchor(rows: LinkedUnitRow[]): Record<string, LinkedUnitRow[]> {
  const grouped: Record<string, LinkedUnitRow[]> = {};
  for (const row of rows) (grouped[row.anchorId] ??= []).push(row);
  return grouped;
}

const byId = <T extends { id: string }>(rows: T[]) =>
  [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** Every hierarchy read the reader offers, asked of SQL and of the in-memory copy. */
async function compareAll(store: Store): Promise<number> {
  const cache = new HierarchyCache(store);
  expect(cache.current()).toBeNull();
  await cache.ready();
  const hierarchy: Hierarchy = cache.current()!;
  const sqlReader = new GrassrootsReader(store);
  const memoryReader = new GrassrootsReader(store, cache);
  const ids = (await store.all<{ id: string }>('t', sql`SELECT id FROM units ORDER BY id`)).map((r) => r.id);
  const asked = [...ids, 'village/nowhere'];
  expect(hierarchy.unitCount).toBe(ids.length);
  let compared = 0;
  const same = async (what: string, fromSql: Promise<unknown>, fromMemory: Promise<unknown>) => {
    expect(await fromMemory, what).toEqual(await fromSql);
    compared++;
  };

  // The memory reader must not run a statement once loaded.
  const before = store.statementCount;
  await memoryReader.readUnits(asked);
  expect(store.statementCount).toBe(before);

  await same('units', sqlReader.readUnits(asked).then(byId), memoryReader.readUnits(asked).then(byId));
  await same(
    'party organisations',
    sqlReader
      .readPartyOrganisationsIn(asked)
      .then((r) => byAnchor(r.map((u) => ({ ...u, anchorId: u.adminUnitId! }) as LinkedUnitRow))),
    memoryReader
      .readPartyOrganisationsIn(asked)
      .then((r) => byAnchor(r.map((u) => ({ ...u, anchorId: u.adminUnitId! }) as LinkedUnitRow))),
  );
  const parents = (
    await store.all<{ id: string }>('t', sql`SELECT DISTINCT parent_id AS id FROM unit_links ORDER BY id`)
  ).map((r) => r.id);
  for (const asOf of await datesToAsk(store)) {
    for (const kind of ['DISTRICT', 'COMMUNE', 'VILLAGE', 'PARTY_CELL']) {
      for (const within of parents) {
        const fromSql = store
          .all<{ id: string }>('t', subjectIds({ kind, within, asOf }))
          .then((rows) => rows.map((r) => r.id).sort());
        await same(
          `${kind} within ${within} at ${asOf}`,
          fromSql,
          Promise.resolve(hierarchy.unitsWithin(within, kind, asOf, SUBJECT_WALK_DEPTH)),
        );
      }
    }
    await same(
      `parents at ${asOf}`,
      sqlReader.readParents(asked, asOf).then(byAnchor),
      memoryReader.readParents(asked, asOf).then(byAnchor),
    );
    await same(
      `ancestors at ${asOf}`,
      sqlReader.readAncestors(asked, asOf).then(byAnchor),
      memoryReader.readAncestors(asked, asOf).then(byAnchor),
    );
    for (const kinds of KINDS) {
      for (const maxDepth of [1, 8]) {
        for (const page of PAGES) {
          const q = { kinds, asOf, maxDepth, ...page };
          await same(
            `descendants ${JSON.stringify(q)}`,
            sqlReader.readDescendants(asked, q).then(byAnchor),
            memoryReader.readDescendants(asked, q).then(byAnchor),
          );
        }
      }
    }
  }
  return compared;
}

describe('the in-memory hierarchy answers exactly what the SQL statements do', { timeout: 120_000 }, () => {
  const { withStore, withPreparedStore, withSyntheticStore } = scratchStores('grassroots-hierarchy-', 2);

  it('on the seed (districts abolished and communes moved in 2025)', async () => {
    // The seed with the country's units of its province only: every unit and parent is asked at
    // every link date, which on the whole country would take hours.
    await withPreparedStore('seed.duckdb', await seedWithOneProvince(), async (store) => {
      expect(await compareAll(store)).toBeGreaterThan(200);
    });
  });

  it('on awkward links (a moved commune, a village linked twice, organisations in units)', async () => {
    await withPreparedStore('awkward.duckdb', await writeDataDir(AWKWARD, true), async (store) => {
      expect(await compareAll(store)).toBeGreaterThan(100);
    });
  });

  it('on a small synthetic country', async () => {
    await withSyntheticStore('tiny.duckdb', async (store) => {
      expect(await compareAll(store)).toBeGreaterThan(40);
    });
  });

  it('a commit that leaves units and links alone keeps the copy; one that changes them reloads it', async () => {
    await withStore('seed.duckdb', async (store) => {
      const cache = new HierarchyCache(store);
      await cache.ready();
      const loaded = cache.current();
      expect(loaded).not.toBeNull();
      await store.transaction(async (tx) => {
        await tx.run('t', sql`UPDATE imports SET rows_written = rows_written WHERE id = (SELECT max(id) FROM imports)`);
      });
      // stale until checked: reads go to SQL meanwhile
      expect(cache.current()).toBeNull();
      await cache.ready();
      expect(cache.current()).toBe(loaded);
      // as a load does: rows it writes carry its import id
      await store.transaction(async (tx) => {
        await tx.run(
          't',
          sql`UPDATE units SET name = name || ' (renamed)', import_id = import_id + 1000 WHERE id = 'commune/03198'`,
        );
      });
      expect(cache.current()).toBeNull();
      await cache.ready();
      const [unit] = cache.current()!.units(['commune/03198']);
      expect(unit?.name).toMatch(/\(renamed\)$/);
      expect(cache.current()).not.toBe(loaded);
    });
  });
});
