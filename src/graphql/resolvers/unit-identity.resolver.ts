import { FieldResolver, Resolver, Root } from 'type-graphql';
import type { UnitRow } from '../../domain/rows.js';
import { UNIT_TYPES, type UnitType as UnitTypeCode } from '../../units/unit-types.js';
import { Locality } from '../types/locality.type.js';
import { UnitType } from '../types/unit-type.type.js';

const typeOf = (root: UnitRow) =>
  root.unitType && root.unitType in UNIT_TYPES ? UNIT_TYPES[root.unitType as UnitTypeCode] : null;

/** What identifies an administrative unit version nationally: its GSO code, type and names. */
@Resolver(() => Locality)
export class UnitIdentityResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description:
      'GSO code ("03385"). A code names one unit at a time, not forever: the 2025 reform gave Háng Lìa\'s 03385 to the new Tìa Dình; `locality(code: "03385", asOf:)` finds the one in force on a date. Null for villages, Party organisations and units the sources give no code.',
  })
  gsoCode(@Root() root: UnitRow): string | null {
    return root.gsoCode;
  }

  @FieldResolver(() => UnitType, {
    nullable: true,
    description:
      'Province or centrally-run city; district, urban district, town or provincial city; commune, ward, township or special zone. Null when not known.',
  })
  type(@Root() root: UnitRow): string | null {
    return typeOf(root) ? root.unitType : null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'The name with its type, as the GSO writes it ("Xã Tìa Dình"). Null when the type is not known.',
  })
  fullName(@Root() root: UnitRow): string | null {
    const type = typeOf(root);
    return type ? `${type.vi} ${root.name}` : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'English name as the GSO writes it ("Tia Dinh").' })
  nameEn(@Root() root: UnitRow): string | null {
    return root.nameEn;
  }
}
