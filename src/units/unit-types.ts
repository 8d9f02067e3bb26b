/**
 * The types of Vietnam's administrative units, as the GSO names them in a unit's full name
 * ("Xã Tìa Dình", "Huyện Nậm Pồ", "Tỉnh Điện Biên"): one vocabulary for the national import,
 * the Locality `type` field and name matching.
 */
export type AdminLevel = 'PROVINCE' | 'DISTRICT' | 'COMMUNE';

export interface UnitTypeSpec {
  readonly level: AdminLevel;
  /** The word the GSO writes before the name. */
  readonly vi: string;
  /** The word the English full names use (after the name: "Tia Dinh Commune"). */
  readonly en: string;
  /** Abbreviations statistical tables print ("H. Điện Biên Đông", "TP. Điện Biên Phủ"). */
  readonly abbreviations: readonly string[];
}

export const UNIT_TYPES = {
  PROVINCE: { level: 'PROVINCE', vi: 'Tỉnh', en: 'Province', abbreviations: ['T.'] },
  CENTRAL_CITY: { level: 'PROVINCE', vi: 'Thành phố', en: 'City', abbreviations: ['TP.', 'TP', 'Tp.'] },
  DISTRICT: { level: 'DISTRICT', vi: 'Huyện', en: 'District', abbreviations: ['H.'] },
  URBAN_DISTRICT: { level: 'DISTRICT', vi: 'Quận', en: 'District', abbreviations: ['Q.'] },
  TOWN: { level: 'DISTRICT', vi: 'Thị xã', en: 'Town', abbreviations: ['TX.', 'TX', 'Tx.'] },
  PROVINCIAL_CITY: { level: 'DISTRICT', vi: 'Thành phố', en: 'City', abbreviations: ['TP.', 'TP', 'Tp.'] },
  COMMUNE: { level: 'COMMUNE', vi: 'Xã', en: 'Commune', abbreviations: ['X.'] },
  WARD: { level: 'COMMUNE', vi: 'Phường', en: 'Ward', abbreviations: ['P.'] },
  TOWNSHIP: { level: 'COMMUNE', vi: 'Thị trấn', en: 'Township', abbreviations: ['TT.', 'TT', 'Tt.'] },
  SPECIAL_ZONE: { level: 'COMMUNE', vi: 'Đặc khu', en: 'Special administrative region', abbreviations: ['ĐK.'] },
} as const satisfies Record<string, UnitTypeSpec>;

export type UnitType = keyof typeof UNIT_TYPES;
export const UNIT_TYPE_CODES = Object.keys(UNIT_TYPES) as UnitType[];

/** The type a full name's leading word gives at a level ("Thành phố" is a province or a district). */
export function typeOfWord(level: AdminLevel, word: string): UnitType | null {
  const lower = word.toLowerCase();
  return UNIT_TYPE_CODES.find((t) => UNIT_TYPES[t].level === level && UNIT_TYPES[t].vi.toLowerCase() === lower) ?? null;
}

/** Splits a full name into its type word and bare name: "Thị trấn Mường Chà" → ["Thị trấn", "Mường Chà"]. */
export function splitFullName(level: AdminLevel, fullName: string): { type: UnitType; name: string } | null {
  for (const t of UNIT_TYPE_CODES) {
    const spec = UNIT_TYPES[t];
    if (spec.level !== level) continue;
    if (fullName.toLowerCase().startsWith(`${spec.vi.toLowerCase()} `))
      return { type: t, name: fullName.slice(spec.vi.length + 1).trim() };
  }
  return null;
}
