type UnitKind = 'PROVINCE' | 'DISTRICT' | 'COMMUNE' | 'VILLAGE' | 'PARTY_COMMITTEE' | 'PARTY_CELL';

/**
 * The roles a source may name, what each is, and the kind of unit or organisation it is held in.
 * One list: the load checks against it and the GraphQL enum is made from it.
 */
export const ROLES = {
  VILLAGE_HEAD: { held: 'VILLAGE', description: 'Head of a village or hamlet (trưởng thôn, trưởng bản).' },
  PARTY_CELL_SECRETARY: { held: 'PARTY_CELL', description: 'Secretary of a Party cell (bí thư chi bộ).' },
  PARTY_COMMITTEE_SECRETARY: { held: 'PARTY_COMMITTEE', description: 'Secretary of a Party committee (bí thư).' },
  PARTY_COMMITTEE_STANDING_DEPUTY_SECRETARY: {
    held: 'PARTY_COMMITTEE',
    description: 'Standing Deputy Secretary of a Party committee (phó bí thư thường trực).',
  },
  PARTY_COMMITTEE_DEPUTY_SECRETARY: {
    held: 'PARTY_COMMITTEE',
    description: 'Deputy Secretary of a Party committee (phó bí thư).',
  },
  ORGANIZATION_COMMISSION_DEPUTY_HEAD: {
    held: 'PARTY_COMMITTEE',
    description: "Deputy Head of a Party committee's Organization Commission (phó trưởng ban tổ chức).",
  },
} as const satisfies Record<string, { held: UnitKind; description: string }>;

export type RoleCode = keyof typeof ROLES;
