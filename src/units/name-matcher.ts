import { foldName } from './names.js';
import { parseUnitName, type NameQuery } from './name-query.js';
import { UNIT_TYPES, type AdminLevel, type UnitType } from './unit-types.js';

/** An administrative unit version in force on the matching date, with its parent then. */
export interface MatchCandidate {
  readonly id: string;
  readonly kind: AdminLevel;
  readonly unitType: UnitType | null;
  readonly name: string;
  readonly nameEn: string | null;
  readonly gsoCode: string | null;
  readonly parentId: string | null;
}

/** One row to match: the unit's own name or code, and optionally the names of its district and province. */
export interface MatchRequest {
  readonly subject: string;
  readonly district?: string | null;
  readonly province?: string | null;
}

export type MatchResult =
  | { readonly status: 'MATCHED'; readonly unit: MatchCandidate }
  | {
      readonly status: 'UNKNOWN' | 'AMBIGUOUS';
      readonly column: 'subject' | 'district' | 'province';
      readonly reason: string;
      readonly candidates: readonly MatchCandidate[];
    };

/**
 * Matches names as a statistics office prints them to the unit versions in force on one date:
 * by GSO code, or by name (Vietnamese or English, with or without diacritics and type word),
 * narrowed by the type word and by the district and province given beside it. A row matches
 * exactly one unit version or none: an unknown or ambiguous name is an answer that lists the
 * candidates, never a pick.
 */
export class NameMatcher {
  private readonly byId = new Map<string, MatchCandidate>();
  private readonly byName = new Map<string, MatchCandidate[]>();
  private readonly byCode = new Map<string, MatchCandidate[]>();

  constructor(candidates: readonly MatchCandidate[]) {
    for (const c of candidates) {
      this.byId.set(c.id, c);
      const names = new Set([foldName(c.name), ...(c.nameEn ? [foldName(c.nameEn)] : [])]);
      for (const n of names) push(this.byName, n, c);
      if (c.gsoCode) push(this.byCode, c.gsoCode, c);
    }
  }

  match(request: MatchRequest): MatchResult {
    let within: ReadonlySet<string> | null = null;
    for (const column of ['province', 'district'] as const) {
      const text = request[column];
      if (text == null || text.trim() === '') continue;
      const found = this.lookUp(parseUnitName(text), column === 'province' ? 'PROVINCE' : 'DISTRICT', within);
      if (found.length !== 1) return this.failure(column, text, found);
      within = new Set([found[0]!.id]);
    }
    const found = this.lookUp(parseUnitName(request.subject), null, within);
    if (found.length === 1) return { status: 'MATCHED', unit: found[0]! };
    return this.failure('subject', request.subject, found);
  }

  /** "Xã Tìa Dình, Huyện Nậm Pồ, Tỉnh Điện Biên (commune/03384)": a candidate as a person reads it. */
  describe(c: MatchCandidate): string {
    const chain: string[] = [];
    for (let at: MatchCandidate | undefined = c; at; at = at.parentId ? this.byId.get(at.parentId) : undefined)
      chain.push(fullName(at));
    return `${chain.join(', ')} (${c.id})`;
  }

  private lookUp(query: NameQuery, level: AdminLevel | null, within: ReadonlySet<string> | null): MatchCandidate[] {
    const found = new Set<MatchCandidate>();
    const add = (c: MatchCandidate, types: readonly UnitType[] | null) => {
      if (level && c.kind !== level) return;
      if (types && !(c.unitType ? types.includes(c.unitType) : types.some((t) => UNIT_TYPES[t].level === c.kind)))
        return;
      if (within && !this.isWithin(c, within)) return;
      found.add(c);
    };
    if (query.code) for (const c of this.byCode.get(query.code) ?? []) add(c, null);
    for (const r of query.readings) for (const c of this.byName.get(r.folded) ?? []) add(c, r.types);
    return [...found];
  }

  private isWithin(c: MatchCandidate, ancestors: ReadonlySet<string>): boolean {
    for (
      let at = c.parentId ? this.byId.get(c.parentId) : undefined;
      at;
      at = at.parentId ? this.byId.get(at.parentId) : undefined
    ) {
      if (ancestors.has(at.id)) return true;
    }
    return false;
  }

  private failure(column: 'subject' | 'district' | 'province', text: string, found: MatchCandidate[]): MatchResult {
    if (found.length > 1) {
      return {
        status: 'AMBIGUOUS',
        column,
        reason: `"${text}" names ${found.length} units: ${found.map((c) => this.describe(c)).join('; ')}`,
        candidates: found,
      };
    }
    // The same name with the type word or the district and province left aside: why nothing matched.
    const near = this.lookUp(
      { code: null, readings: parseUnitName(text).readings.map((r) => ({ ...r, types: null })) },
      null,
      null,
    );
    const nearText =
      near.length === 0
        ? ''
        : `; units of that name: ${near
            .slice(0, 10)
            .map((c) => this.describe(c))
            .join('; ')}${near.length > 10 ? ` and ${near.length - 10} more` : ''}`;
    return {
      status: 'UNKNOWN',
      column,
      reason: `"${text}" names no unit in force then${column === 'subject' ? ' where the row places it' : ''}${nearText}`,
      candidates: near,
    };
  }
}

function fullName(c: MatchCandidate): string {
  return c.unitType ? `${UNIT_TYPES[c.unitType].vi} ${c.name}` : c.name;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
