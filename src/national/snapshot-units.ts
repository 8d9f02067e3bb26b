import { splitFullName, type AdminLevel, type UnitType } from '../units/unit-types.js';

/** One unit as a snapshot lists it, flattened out of the province → district → commune tree. */
export interface SnapshotUnit {
  readonly code: string;
  readonly level: AdminLevel;
  readonly type: UnitType;
  readonly name: string;
  readonly nameEn: string;
  readonly parentCode: string | null;
}

interface RawUnit {
  Code: string;
  Name: string;
  NameEn: string;
  FullName: string;
  District?: RawUnit[] | null;
  Ward?: RawUnit[] | null;
  Wards?: RawUnit[] | null;
}

function unitOf(raw: RawUnit, level: AdminLevel, parentCode: string | null): SnapshotUnit {
  const split = splitFullName(level, raw.FullName);
  if (!split) throw new Error(`snapshot: ${raw.Code} "${raw.FullName}" has no ${level.toLowerCase()} type word`);
  return { code: raw.Code, level, type: split.type, name: raw.Name, nameEn: raw.NameEn, parentCode };
}

/**
 * Every unit of a snapshot file: up to v2.4.1 provinces → `District` → `Ward` (three levels),
 * from v3.0.2 provinces → `Wards` (two levels).
 */
export function flattenSnapshot(provinces: readonly RawUnit[]): SnapshotUnit[] {
  const units: SnapshotUnit[] = [];
  for (const p of provinces) {
    units.push(unitOf(p, 'PROVINCE', null));
    for (const d of p.District ?? []) {
      units.push(unitOf(d, 'DISTRICT', p.Code));
      for (const c of d.Ward ?? []) units.push(unitOf(c, 'COMMUNE', d.Code));
    }
    for (const c of p.Wards ?? []) units.push(unitOf(c, 'COMMUNE', p.Code));
  }
  return units;
}
