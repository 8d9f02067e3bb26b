import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { sql } from '../../src/store/sql.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

describe('administrative hierarchy, both ways and in time', () => {
  it('a district returns with its end date (the district level ended on 2025-07-01)', async () => {
    const { locality } = await t.sdk.LocalityByCode({ code: 'district/103' });
    expect(locality).toMatchObject({ kind: 'DISTRICT', name: 'Nậm Pồ', validTo: '2025-07-01' });
    expect(locality.parent?.code).toBe('province/11');
    // Nậm Pồ's 15 communes until the reform (GSO release v2.4.1), among them the seed's three.
    const communes = locality.children.nodes.map((n) => n.code);
    expect(communes).toHaveLength(15);
    expect(communes).toEqual(
      expect.arrayContaining(['commune/03175', 'commune/03187', 'commune/03198', 'commune/03199']),
    );
    expect(locality.children.edges.every((e) => e.linkValidTo === '2025-07-01')).toBe(true);
    expect(locality.partyOrganisations.map((p) => p.code)).toEqual(['party-committee/nam-po']);
  });

  it('a province lists its districts before the reform and none after', async () => {
    const before = await t.sdk.ProvinceTree({ code: 'province/11', asOf: '2024-06-01' });
    expect(before.locality.__typename).toBe('Province');
    if (before.locality.__typename !== 'Province') throw new Error('not a province');
    // Điện Biên's 10 districts and 129 communes before the reform, the seed's among them.
    expect(before.locality.districts.nodes.map((d) => d.name).sort()).toEqual(
      [
        'Điện Biên',
        'Điện Biên Đông',
        'Điện Biên Phủ',
        'Mường Ảng',
        'Mường Chà',
        'Mường Lay',
        'Mường Nhé',
        'Nậm Pồ',
        'Tủa Chùa',
        'Tuần Giáo',
      ].sort(),
    );
    expect(before.locality.communes.totalCount).toBe(129);
    expect(before.locality.communes.nodes.map((c) => c.code)).toEqual(
      expect.arrayContaining(['commune/03175', 'commune/03187', 'commune/03198', 'commune/03298', 'commune/03340']),
    );

    const after = await t.sdk.ProvinceTree({ code: 'province/11', asOf: '2026-01-01' });
    if (after.locality.__typename !== 'Province') throw new Error('not a province');
    expect(after.locality.districts.totalCount).toBe(0);
    const communes = after.locality.communes.nodes;
    // 45 communes since 2025-07-01, Tìa Dình and Si Pa Phìn among them.
    expect(after.locality.communes.totalCount).toBe(45);
    expect(communes.map((c) => c.code)).toEqual(
      expect.arrayContaining(['commune/03199-2025-07-01', 'commune/03385-2025-07-01']),
    );
    const tiaDinh = communes.find((c) => c.code === 'commune/03385-2025-07-01')!;
    expect(tiaDinh.villages.nodes).toEqual([
      {
        code: 'village/huoi-song',
        name: 'Huổi Sông',
        partyCell: { code: 'party-cell/huoi-song', name: 'Huổi Sông Village Party Cell' },
      },
    ]);
    expect(tiaDinh.partyCommittee?.code).toBe('party-committee/tia-dinh');
  });

  it('without a date, a province lists every commune it has ever had', async () => {
    const all = await t.sdk.ProvinceTree({ code: 'province/11' });
    if (all.locality.__typename !== 'Province') throw new Error('not a province');
    // 129 before the reform and 45 after.
    expect(all.locality.communes.totalCount).toBe(129 + 45);
    expect(all.locality.districts.nodes.every((d) => d.validTo === '2025-07-01')).toBe(true);
  });

  it('ancestors follow the hierarchy valid at the date asked', async () => {
    const before = await t.sdk.LocalityByCode({ code: 'village/de-tinh-2', asOf: '2024-01-01' });
    expect(before.locality.ancestors.map((a) => a.code)).toEqual(['commune/03198', 'district/103', 'province/11']);
    const after = await t.sdk.LocalityByCode({ code: 'village/huoi-song', asOf: '2026-01-01' });
    expect(after.locality.ancestors.map((a) => a.code)).toEqual(['commune/03385-2025-07-01', 'province/11']);
    const tooEarly = await t.sdk.LocalityByCode({ code: 'commune/03385-2025-07-01', asOf: '2024-01-01' });
    expect(tooEarly.locality.parent).toBeNull();
  });

  it('localities(asOf:) returns only units valid on that date', async () => {
    const before = await t.sdk.SearchLocalities({ kind: ['DISTRICT'], asOf: '2025-06-30' });
    // The country's 696 districts in force on 2025-03-01 (release v2.4.1, the last before the
    // reform); the seed names three of them and adds none.
    expect(before.localities.totalCount).toBe(696);
    const after = await t.sdk.SearchLocalities({ kind: ['DISTRICT'], asOf: '2025-07-01' });
    expect(after.localities.totalCount).toBe(0);
  });
});

describe('Party organisations and the units they sit in', () => {
  it('provincial committee → commune committees → village cells, each linked to its unit', async () => {
    const { locality } = await t.sdk.PartyTree({ code: 'party-committee/dien-bien' });
    if (locality.__typename !== 'PartyCommittee') throw new Error('not a committee');
    expect(locality.level).toBe('PROVINCE');
    expect(locality.adminUnit?.code).toBe('province/11');
    expect(locality.children.nodes.map((n) => n.code).sort()).toEqual([
      'party-committee/nam-po',
      'party-committee/si-pa-phin',
      'party-committee/tia-dinh',
    ]);
    expect(locality.cells.nodes.map((c) => [c.code, c.adminUnit?.code, c.committee?.code])).toEqual([
      ['party-cell/huoi-song', 'village/huoi-song', 'party-committee/tia-dinh'],
      ['party-cell/san-bay', 'village/san-bay', 'party-committee/si-pa-phin'],
    ]);
  });

  it('a village reaches its Party cell and the cell reaches back to its village', async () => {
    const village = await t.sdk.LocalityByCode({ code: 'village/san-bay' });
    expect(village.locality.partyOrganisations.map((p) => p.code)).toEqual(['party-cell/san-bay']);
    const cell = await t.sdk.LocalityByCode({ code: 'party-cell/san-bay' });
    expect(cell.locality.adminUnit?.code).toBe('village/san-bay');
    expect(cell.locality.parent?.code).toBe('party-committee/si-pa-phin');
  });
});

describe('global ids', () => {
  it('every id round-trips through node(id:) and locality(id:)', async () => {
    const { locality } = await t.sdk.LocalityByCode({ code: 'commune/03385-2025-07-01' });
    const node = await t.sdk.NodeById({ id: locality.id });
    expect(node.node).toMatchObject({ __typename: 'Commune', code: 'commune/03385-2025-07-01', name: 'Tìa Dình' });
    const again = await t.sdk.LocalityById({ id: locality.id });
    expect(again.locality.code).toBe('commune/03385-2025-07-01');
    const { sources } = await t.sdk.Sources();
    const source = await t.sdk.NodeById({ id: sources.find((s) => s.code === locality.source!.code)!.id });
    expect(source.node).toMatchObject({ __typename: 'Source', code: 'vn-units-v3-0-2' });
    const obs = await t.sdk.Observations({ code: 'commune/03385-2025-07-01' });
    const observation = await t.sdk.NodeById({ id: obs.locality.observations[0]!.id });
    expect(observation.node).toMatchObject({ __typename: 'Observation', value: 0.5 });
  });
});

// Several hundred requests to each of two servers; on a busy 2-core machine that takes a while.
describe(
  'the hierarchy in memory answers through the API exactly as the SQL statements do',
  { timeout: 120_000 },
  () => {
    let cold: TestServer;
    beforeAll(async () => {
      cold = await startTestServer(undefined, { server: { hierarchyInMemory: false } });
    });
    afterAll(() => cold.close());

    it('every unit at every date that matters: parent, ancestors, children, organisations, trees', async () => {
      // Every unit of the seed, and of the country those of one district (Nậm Pồ, 103) before the
      // reform, the units they became and their province: asking all 15,000 one by one would take minutes.
      const codes = await t.store.all<{ id: string; kind: string }>(
        't',
        sql`
      WITH nam_po AS (SELECT 'district/103' AS id UNION ALL SELECT child_id FROM unit_links WHERE parent_id = 'district/103')
      SELECT id, kind FROM units
      WHERE import_id NOT IN (SELECT id FROM imports WHERE origin = 'national') OR id = 'province/11' OR id IN (SELECT id FROM nam_po)
         OR id IN (SELECT successor_id FROM unit_lineage WHERE predecessor_id IN (SELECT id FROM nam_po))
      ORDER BY id`,
      );
      const dates = [null, '2024-06-01', '2025-06-30', '2025-07-01', '2026-01-01'];
      let compared = 0;
      for (const { id, kind } of codes) {
        for (const asOf of dates) {
          expect(await t.sdk.LocalityByCode({ code: id, asOf }), `${id} at ${asOf}`).toEqual(
            await cold.sdk.LocalityByCode({ code: id, asOf }),
          );
          if (kind === 'PROVINCE')
            expect(await t.sdk.ProvinceTree({ code: id, asOf })).toEqual(
              await cold.sdk.ProvinceTree({ code: id, asOf }),
            );
          compared++;
        }
        if (kind === 'PARTY_COMMITTEE')
          expect(await t.sdk.PartyTree({ code: id })).toEqual(await cold.sdk.PartyTree({ code: id }));
      }
      expect(compared).toBeGreaterThan(100);
      // the warm server really answered from memory: the cold one ran statements for the same reads
      const before = t.store.statementCount;
      await t.sdk.LocalityByCode({ code: 'district/103', asOf: null });
      expect(t.store.statementCount).toBe(before);
    });
  },
);
