import { describe, expect, it } from 'vitest';
import { parseUnitName } from '../../src/units/name-query.js';
import { NameMatcher, type MatchCandidate } from '../../src/units/name-matcher.js';

describe('a name as a statistics office prints it', () => {
  it.each([
    ['Xã Tìa Dình', [[['COMMUNE'], 'tia dinh']]],
    ['Tia Dinh Commune', [[['COMMUNE'], 'tia dinh']]],
    ['H. Điện Biên Đông', [[['DISTRICT'], 'dien bien dong']]],
    ['H.Điện Biên Đông', [[['DISTRICT'], 'dien bien dong']]],
    ['TP. Điện Biên Phủ', [[['CENTRAL_CITY', 'PROVINCIAL_CITY'], 'dien bien phu']]],
    ['Tỉnh Điện Biên', [[['PROVINCE'], 'dien bien']]],
    ['Thị trấn Mường Chà', [[['TOWNSHIP'], 'muong cha']]],
    // With diacritics, "Xà" and "Quan" are names, not "Xã" and "Quận".
    ['Xà Phìn', [[null, 'xa phin']]],
    ['Quan Hóa', [[null, 'quan hoa']]],
    // Without any, both readings stay open.
    [
      'xa tia dinh',
      [
        [['COMMUNE'], 'tia dinh'],
        [null, 'xa tia dinh'],
      ],
    ],
  ] as const)('"%s" reads as %j', (text, readings) => {
    expect(parseUnitName(text).readings.map((r) => [r.types, r.folded])).toEqual(readings);
  });

  it('a GSO code of 2, 3 or 5 digits', () => {
    expect(parseUnitName('03385')).toEqual({ code: '03385', readings: [] });
    expect(parseUnitName('1234').code).toBeNull();
  });
});

const unit = (
  id: string,
  kind: MatchCandidate['kind'],
  unitType: MatchCandidate['unitType'],
  name: string,
  nameEn: string,
  gsoCode: string,
  parentId: string | null,
): MatchCandidate => ({ id, kind, unitType, name, nameEn, gsoCode, parentId });
/** Real units in force on 2024-12-31: three Xã Tân Lập, two of them in Long An. */
const matcher = new NameMatcher([
  unit('province/14', 'PROVINCE', 'PROVINCE', 'Sơn La', 'Son La', '14', null),
  unit('province/80', 'PROVINCE', 'PROVINCE', 'Long An', 'Long An', '80', null),
  unit('province/11', 'PROVINCE', 'PROVINCE', 'Điện Biên', 'Dien Bien', '11', null),
  unit('district/123', 'DISTRICT', 'TOWN', 'Mộc Châu', 'Moc Chau', '123', 'province/14'),
  unit('district/798', 'DISTRICT', 'DISTRICT', 'Mộc Hóa', 'Moc Hoa', '798', 'province/80'),
  unit('district/799', 'DISTRICT', 'DISTRICT', 'Tân Thạnh', 'Tan Thanh', '799', 'province/80'),
  unit('district/100', 'DISTRICT', 'DISTRICT', 'Điện Biên', 'Dien Bien', '100', 'province/11'),
  unit('district/101', 'DISTRICT', 'DISTRICT', 'Điện Biên Đông', 'Dien Bien Dong', '101', 'province/11'),
  unit('commune/03997', 'COMMUNE', 'COMMUNE', 'Tân Lập', 'Tan Lap', '03997', 'district/123'),
  unit('commune/27820', 'COMMUNE', 'COMMUNE', 'Tân Lập', 'Tan Lap', '27820', 'district/798'),
  unit('commune/27838', 'COMMUNE', 'COMMUNE', 'Tân Lập', 'Tan Lap', '27838', 'district/799'),
  unit('commune/03384', 'COMMUNE', 'COMMUNE', 'Tìa Dình', 'Tia Dinh', '03384', 'district/101'),
]);
const matched = (subject: string, province?: string, district?: string) => {
  const r = matcher.match({ subject, province, district });
  return r.status === 'MATCHED' ? r.unit.id : `${r.status} ${r.column} ${r.candidates.map((c) => c.id).join(' ')}`;
};

describe('matching a row to one unit version', () => {
  it.each([
    ['Xã Tìa Dình', undefined, undefined, 'commune/03384'],
    ['Tia Dinh', undefined, undefined, 'commune/03384'],
    ['03384', undefined, undefined, 'commune/03384'],
    ['Tỉnh Điện Biên', undefined, undefined, 'province/11'],
    ['H. Điện Biên Đông', 'Tỉnh Điện Biên', undefined, 'district/101'],
    // "Điện Biên" alone is a province and a district: the type word or the level decides.
    ['Điện Biên', undefined, undefined, 'AMBIGUOUS subject province/11 district/100'],
    ['Huyện Điện Biên', undefined, undefined, 'district/100'],
    // Many provinces have a Xã Tân Lập: the province and then the district narrow it.
    ['Xã Tân Lập', undefined, undefined, 'AMBIGUOUS subject commune/03997 commune/27820 commune/27838'],
    ['Xã Tân Lập', 'Tỉnh Sơn La', undefined, 'commune/03997'],
    ['Xã Tân Lập', 'Long An', undefined, 'AMBIGUOUS subject commune/27820 commune/27838'],
    ['Xã Tân Lập', 'Long An', 'H. Tân Thạnh', 'commune/27838'],
    // A ward of that name does not exist; the communes of that name are listed as near misses.
    ['Phường Tân Lập', undefined, undefined, 'UNKNOWN subject commune/03997 commune/27820 commune/27838'],
    ['Xã Tân Lập', 'Tỉnh Điện Biên', undefined, 'UNKNOWN subject commune/03997 commune/27820 commune/27838'],
    ['Xã Tìa Dình', 'Tỉnh Không Có', undefined, 'UNKNOWN province '],
  ])('%s (province %s, district %s) → %s', (subject, province, district, expected) => {
    expect(matched(subject, province, district)).toBe(expected);
  });

  it('describes a candidate with its district and province', () => {
    expect(
      matcher.describe({
        id: 'commune/27838',
        kind: 'COMMUNE',
        unitType: 'COMMUNE',
        name: 'Tân Lập',
        nameEn: 'Tan Lap',
        gsoCode: '27838',
        parentId: 'district/799',
      }),
    ).toBe('Xã Tân Lập, Huyện Tân Thạnh, Tỉnh Long An (commune/27838)');
  });
});
