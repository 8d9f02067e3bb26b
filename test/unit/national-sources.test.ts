import { describe, expect, it } from 'vitest';
import { foldName, spellingKey } from '../../src/units/names.js';
import { splitFullName } from '../../src/units/unit-types.js';
import { parseMergerText } from '../../src/national/merger-map-text.js';
import { SnapshotIndex } from '../../src/national/snapshot-index.js';
import { reconcileReform } from '../../src/national/reform-lineage.js';
import { buildVersions } from '../../src/national/unit-versions.js';
import { SNAPSHOTS } from '../../src/national/releases.js';
import type { SnapshotUnit } from '../../src/national/snapshot-units.js';
import type { Claim, SourceReading } from '../../src/national/reform-claims.js';

describe('names compare as Vietnamese is written', () => {
  it.each([
    ['Hòa', 'Hoà', true], // tone mark placed on another vowel: one name
    ['Nông Trường', 'Nông trường', true],
    ["Cư M'gar", 'Cư M’gar', true],
    ['Hòa', 'Hóa', false], // another tone: another name
    ['Phù Đổng', 'Phú Đông', false],
  ])('spelling of "%s" and "%s" is the same: %s', (a, b, same) => {
    expect(spellingKey(a) === spellingKey(b)).toBe(same);
  });

  it('folding drops case, diacritics, đ and punctuation, as the store does', () => {
    expect(foldName('Tìa Dình')).toBe('tia dinh');
    expect(foldName('Điện Biên Đông')).toBe('dien bien dong');
    expect(foldName('Bà Rịa - Vũng Tàu')).toBe('ba ria vung tau');
  });

  it('a full name splits into its type and bare name at its level', () => {
    expect(splitFullName('COMMUNE', 'Thị trấn Mường Chà')).toEqual({ type: 'TOWNSHIP', name: 'Mường Chà' });
    expect(splitFullName('PROVINCE', 'Thành phố Hà Nội')).toEqual({ type: 'CENTRAL_CITY', name: 'Hà Nội' });
    expect(splitFullName('DISTRICT', 'Thành phố Điện Biên Phủ')).toEqual({
      type: 'PROVINCIAL_CITY',
      name: 'Điện Biên Phủ',
    });
    expect(splitFullName('COMMUNE', 'xã Lộc Ninh')).toEqual({ type: 'COMMUNE', name: 'Lộc Ninh' });
  });
});

describe('the merger map text (truocsapnhap) reads into named parts', () => {
  const parts = (text: string) => {
    const parsed = parseMergerText(text);
    if (parsed.unchanged) throw new Error('unchanged');
    return parsed.parts.map((p) => [p.typeWord ?? p.listType, p.name, p.district, p.partial]);
  };

  it('"giữ nguyên" is an unchanged unit', () => {
    expect(parseMergerText('giữ nguyên')).toEqual({ unchanged: true });
  });

  it("a plain list, Điện Biên's Tìa Dình", () => {
    expect(parts('Xã Háng Lìa, Xã Tìa Dình')).toEqual([
      ['Xã', 'Háng Lìa', null, false],
      ['Xã', 'Tìa Dình', null, false],
    ]);
  });

  it('a district named to tell two units apart, and a remainder after another merger', () => {
    expect(parts('Xã Tả Lủng (huyện Đồng Văn), Xã Hòa Trị (phần còn lại sau khi sáp nhập vào xã Phú Hòa 2)')).toEqual([
      ['Xã', 'Tả Lủng', 'huyện Đồng Văn', false],
      ['Xã', 'Hòa Trị', null, true],
    ]);
  });

  it('"một phần ... của các phường A, B" makes A and B partial, typed by the list, until the next "và"', () => {
    expect(
      parts('Phường Quán Thánh, một phần diện tích TN, quy mô dân số của các phường Cửa Nam, Điện Biên, và Xã Phú Sơn'),
    ).toEqual([
      ['Phường', 'Quán Thánh', null, false],
      ['phường', 'Cửa Nam', null, true],
      ['phường', 'Điện Biên', null, true],
      ['Xã', 'Phú Sơn', null, false],
    ]);
  });

  it('a province list, and a note after it that is not part of it', () => {
    expect(
      parts('tỉnh Bình Phước và tỉnh Đồng Nai. Từ ngày 30/04/2026, Tỉnh Đồng Nai mới chuyển thành Thành phố Đồng Nai'),
    ).toEqual([
      ['tỉnh', 'Bình Phước', null, false],
      ['tỉnh', 'Đồng Nai', null, false],
    ]);
  });
});

/** A tiny country: province 11 with one district before the reform. */
const unit = (
  level: SnapshotUnit['level'],
  code: string,
  name: string,
  parentCode: string | null,
  type = level as SnapshotUnit['type'],
): SnapshotUnit => ({ code, level, type, name, nameEn: name, parentCode });
const before = new SnapshotIndex('2025-03-01', [
  unit('PROVINCE', '11', 'Điện Biên', null),
  unit('DISTRICT', '103', 'Nậm Pồ', '11'),
  unit('COMMUNE', '03384', 'Tìa Dình', '103'),
  unit('COMMUNE', '03385', 'Háng Lìa', '103'),
  unit('COMMUNE', '03174', 'Nậm Khăn', '103'),
  unit('COMMUNE', '03175', 'Chà Tở', '103'),
  unit('COMMUNE', '03200', 'Old', '103'),
]);
const after = new SnapshotIndex('2025-07-01', [
  unit('PROVINCE', '11', 'Điện Biên', null),
  unit('COMMUNE', '03385', 'Tìa Dình', '11'),
  unit('COMMUNE', '03175', 'Chà Tở', '11'),
  unit('COMMUNE', '03201', 'North', '11'),
  unit('COMMUNE', '03202', 'South', '11'),
]);
const claim = (
  sourceId: string,
  oldCode: string,
  newCode: string,
  level: SnapshotUnit['level'] = 'COMMUNE',
): Claim => ({ sourceId, oldLevel: level, oldCode, newLevel: level, newCode, partial: false, evidence: '' });
const reading = (
  sourceId: string,
  claims: Claim[],
  oldLevels: SnapshotUnit['level'][] = ['PROVINCE', 'COMMUNE'],
): SourceReading => ({
  sourceId,
  claims,
  coversNew: new Set(claims.map((c) => `${c.newLevel}:${c.newCode}`)),
  unread: new Set(),
  oldLevels,
  findings: [],
});

describe("the reform's lineage from two sources", () => {
  const map = reading('map', [
    claim('map', '11', '11', 'PROVINCE'),
    claim('map', '03384', '03385'),
    claim('map', '03385', '03385'),
    claim('map', '03174', '03175'),
    claim('map', '03175', '03175'),
    claim('map', '03200', '03201'),
    claim('map', '03200', '03202'),
  ]);
  const pkg = reading(
    'pkg',
    [
      claim('pkg', '03384', '03385'),
      claim('pkg', '03385', '03385'),
      claim('pkg', '03175', '03175'),
      claim('pkg', '03200', '03201'),
    ],
    ['COMMUNE'],
  );
  const result = reconcileReform([map, pkg], before, after);
  const kinds = Object.fromEntries(
    result.edges.map((e) => [`${e.old.code}->${e.new.code}`, [e.kind, e.sourceIds.join('+')]]),
  );

  it("names each edge's kind and every source that states it", () => {
    expect(kinds).toEqual({
      '03384->03385': ['MERGE', 'map+pkg'], // new Tìa Dình took Háng Lìa's code
      '03385->03385': ['MERGE', 'map+pkg'],
      '03174->03175': ['MERGE', 'map'],
      '03175->03175': ['CONTINUED', 'map+pkg'], // Chà Tở kept code and name and took in Nậm Khăn
      '03200->03201': ['SPLIT', 'map+pkg'],
      '03200->03202': ['SPLIT', 'map'],
    });
  });

  it('a unit no source says changed continues as the same version', () => {
    expect([...result.unchanged]).toEqual(['PROVINCE:11']);
  });

  it('reports what one source states and the other does not, a split without shares, and what a source leaves out', () => {
    const found = result.findings.map((f) => [f.kind, f.unit?.code, f.other?.code ?? null, f.sourceIds.join('+')]);
    expect(found).toEqual([
      ['SOURCES_DISAGREE', '03175', '03174', 'map+pkg'], // the package lists new Chà Tở without Nậm Khăn
      ['SPLIT_WITHOUT_SHARES', '03200', null, 'map+pkg'],
      ['NO_PREDECESSOR', '03202', null, 'pkg'], // the package does not list South at all: not a disagreement
      ['NO_SUCCESSOR', '03174', null, 'pkg'],
    ]);
  });

  it('a unit whose source names a part that could not be read is not taken as unchanged', () => {
    const village = { ...reading('map', [claim('map', '11', '11', 'PROVINCE')]), unread: new Set(['PROVINCE:11']) };
    const kept = reconcileReform([village], before, after);
    expect(kept.unchanged.size).toBe(0);
    expect(kept.edges.map((e) => [e.old.code, e.new.code, e.kind])).toEqual([['11', '11', 'CONTINUED']]);
  });

  it('versions: a reused code names two units, an unchanged province is one version', () => {
    const releases = SNAPSHOTS.slice(3, 5);
    const set = buildVersions(releases, [before, after], 1, result.unchanged);
    const byId = Object.fromEntries(set.versions.map((v) => [v.id, [v.name, v.validFrom, v.validTo]]));
    expect(byId['commune/03385']).toEqual(['Háng Lìa', null, '2025-07-01']);
    expect(byId['commune/03385-2025-07-01']).toEqual(['Tìa Dình', '2025-07-01', null]);
    expect(byId['province/11']).toEqual(['Điện Biên', null, null]);
    expect(set.links.filter((l) => l.childId === 'commune/03385-2025-07-01')).toEqual([
      {
        childId: 'commune/03385-2025-07-01',
        parentId: 'province/11',
        validFrom: '2025-07-01',
        validTo: null,
        sourceId: releases[1]!.sourceId,
      },
    ]);
  });
});
