import { UNIT_KINDS, type UnitKind } from '../domain/rows.js';
import { BadInputError } from './errors.js';

export const TYPE_OF_KIND: Record<UnitKind, string> = {
  PROVINCE: 'Province',
  DISTRICT: 'District',
  COMMUNE: 'Commune',
  VILLAGE: 'Village',
  PARTY_COMMITTEE: 'PartyCommittee',
  PARTY_CELL: 'PartyCell',
};

export const NODE_TYPES = [...Object.values(TYPE_OF_KIND), 'Source', 'Document', 'Observation', 'Person'] as const;

/** Relay global id: base64url of '<Type>:<code>'. Opaque to clients, stable across stores. */
export function toGlobalId(type: string, code: string): string {
  return Buffer.from(`${type}:${code}`, 'utf8').toString('base64url');
}

export function fromGlobalId(id: string, argument: string): { type: string; code: string } {
  const decoded = /^[A-Za-z0-9_-]+={0,2}$/.test(id) ? Buffer.from(id, 'base64url').toString('utf8') : '';
  const colon = decoded.indexOf(':');
  const type = decoded.slice(0, colon);
  const code = decoded.slice(colon + 1);
  if (colon <= 0 || code === '' || !(NODE_TYPES as readonly string[]).includes(type)) {
    throw new BadInputError(
      argument,
      `"${id.slice(0, 80)}" is not a global id issued by this server (base64url of "<Type>:<code>")`,
      NODE_TYPES,
    );
  }
  return { type, code };
}

export function kindOfType(type: string): UnitKind | null {
  return UNIT_KINDS.find((k) => TYPE_OF_KIND[k] === type) ?? null;
}
