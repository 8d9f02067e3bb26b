/** Sizes of the synthetic data sets; national is shaped like Vietnam after the 2025 reform. */
export interface Scale {
  readonly name: string;
  readonly provinces: number;
  readonly communesPerProvince: number;
  readonly villagesPerCommune: number;
  readonly firstYear: number;
  readonly lastYear: number;
}

export const SCALES: Record<string, Scale> = {
  tiny: { name: 'tiny', provinces: 2, communesPerProvince: 3, villagesPerCommune: 4, firstYear: 2020, lastYear: 2026 },
  province: {
    name: 'province',
    provinces: 1,
    communesPerProvince: 99,
    villagesPerCommune: 35,
    firstYear: 2010,
    lastYear: 2026,
  },
  national: {
    name: 'national',
    provinces: 34,
    communesPerProvince: 99,
    villagesPerCommune: 35,
    firstYear: 2010,
    lastYear: 2026,
  },
};

export const SYNTHETIC_SOURCE_ID = 'synthetic-grassroots';

/**
 * Indicators the generator writes per village and year (beyond the seed catalogue's, which it
 * also uses). Base values are per-village levels; each year drifts from them.
 */
export const VILLAGE_INDICATORS: readonly {
  code: string;
  base: number;
  spread: number;
  trend: number;
  share?: boolean;
}[] = [
  { code: 'households', base: 90, spread: 60, trend: 0.01 },
  { code: 'residents', base: 420, spread: 260, trend: 0.012 },
  { code: 'poor_households', base: 30, spread: 25, trend: -0.06 },
  { code: 'near_poor_households', base: 15, spread: 12, trend: -0.03 },
  { code: 'coffee_area', base: 6, spread: 6, trend: 0.08 },
  { code: 'rice_area', base: 25, spread: 15, trend: -0.02 },
  { code: 'cassava_area', base: 12, spread: 10, trend: -0.04 },
  { code: 'forest_area', base: 80, spread: 70, trend: 0.005 },
  { code: 'coffee_area_converted', base: 1.5, spread: 2, trend: 0.05 },
  { code: 'em_residents', base: 380, spread: 240, trend: 0.012 },
  { code: 'village_heads', base: 1, spread: 0, trend: 0 },
  { code: 'village_heads_party_members', base: 0.5, spread: 0.5, trend: 0 },
  { code: 'party_members_resident', base: 20, spread: 15, trend: 0.02 },
  { code: 'school_age_children', base: 90, spread: 50, trend: -0.01 },
  { code: 'children_in_school', base: 85, spread: 45, trend: 0.0 },
  { code: 'households_with_electricity', base: 80, spread: 50, trend: 0.03 },
  { code: 'households_with_clean_water', base: 60, spread: 45, trend: 0.04 },
  { code: 'health_insured_residents', base: 380, spread: 230, trend: 0.015 },
];

export const CELL_INDICATORS: readonly { code: string; base: number; spread: number; trend: number }[] = [
  { code: 'members', base: 22, spread: 14, trend: 0.02 },
  { code: 'em_members', base: 19, spread: 13, trend: 0.025 },
  { code: 'new_members', base: 2, spread: 2, trend: 0.0 },
  { code: 'new_em_members', base: 1.6, spread: 1.6, trend: 0.0 },
];

export const COMMUNE_INDICATORS: readonly { code: string; base: number; spread: number; trend: number }[] = [
  { code: 'members', base: 420, spread: 200, trend: 0.02 },
  { code: 'em_members', base: 360, spread: 180, trend: 0.025 },
  { code: 'new_members', base: 25, spread: 15, trend: 0.0 },
  { code: 'admission_target', base: 25, spread: 12, trend: 0.0 },
  { code: 'subordinate_party_orgs', base: 30, spread: 10, trend: 0.0 },
];

/** Indicators the synthetic catalogue adds to the seed's (same columns as indicators.csv). */
export const EXTRA_INDICATORS: readonly [
  code: string,
  name: string,
  unit: string,
  valueType: string,
  aggregation: string,
  numerator: string | null,
  denominator: string | null,
][] = [
  ['near_poor_households', 'Near-poor households', 'households', 'COUNT', 'SUM', null, null],
  ['coffee_area', 'Coffee area', 'hectares', 'AREA', 'SUM', null, null],
  ['rice_area', 'Rice area', 'hectares', 'AREA', 'SUM', null, null],
  ['cassava_area', 'Cassava area', 'hectares', 'AREA', 'SUM', null, null],
  ['forest_area', 'Forest area', 'hectares', 'AREA', 'SUM', null, null],
  ['em_residents', 'Ethnic-minority residents', 'persons', 'COUNT', 'SUM', null, null],
  ['party_members_resident', 'Party members resident in the village', 'persons', 'COUNT', 'SUM', null, null],
  ['school_age_children', 'School-age children', 'persons', 'COUNT', 'SUM', null, null],
  ['children_in_school', 'Children in school', 'persons', 'COUNT', 'SUM', null, null],
  ['households_with_electricity', 'Households with electricity', 'households', 'COUNT', 'SUM', null, null],
  ['households_with_clean_water', 'Households with clean water', 'households', 'COUNT', 'SUM', null, null],
  ['health_insured_residents', 'Residents with health insurance', 'persons', 'COUNT', 'SUM', null, null],
  [
    'poor_household_share',
    'Share of households that are poor',
    'share (0..1)',
    'SHARE',
    'RATIO',
    'poor_households',
    'households',
  ],
];
