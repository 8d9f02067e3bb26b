import { registerEnumType } from 'type-graphql';
import { UNIT_TYPES } from '../../units/unit-types.js';

/** The GSO's types of administrative unit, one vocabulary with src/units/unit-types.ts. */
export enum UnitType {
  PROVINCE = 'PROVINCE',
  CENTRAL_CITY = 'CENTRAL_CITY',
  DISTRICT = 'DISTRICT',
  URBAN_DISTRICT = 'URBAN_DISTRICT',
  TOWN = 'TOWN',
  PROVINCIAL_CITY = 'PROVINCIAL_CITY',
  COMMUNE = 'COMMUNE',
  WARD = 'WARD',
  TOWNSHIP = 'TOWNSHIP',
  SPECIAL_ZONE = 'SPECIAL_ZONE',
}

registerEnumType(UnitType, {
  name: 'UnitType',
  description:
    'The type of an administrative unit, as its full name gives it (Tỉnh, Thành phố, Huyện, Quận, Thị xã, Xã, Phường, Thị trấn, Đặc khu).',
  valuesConfig: Object.fromEntries(
    Object.entries(UNIT_TYPES).map(([code, t]) => [
      code,
      { description: `${t.vi} (${t.en.toLowerCase()}), ${t.level.toLowerCase()} level.` },
    ]),
  ),
});
