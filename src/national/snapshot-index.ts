import { foldName, spellingKey } from '../units/names.js';
import { UNIT_TYPES, type AdminLevel } from '../units/unit-types.js';
import type { SnapshotUnit } from './snapshot-units.js';

/** One snapshot's units, looked up by code, by province and by name. */
export class SnapshotIndex {
  private readonly byKey = new Map<string, SnapshotUnit>();
  private readonly byProvinceName = new Map<string, SnapshotUnit[]>();
  private readonly byProvinceSpelling = new Map<string, SnapshotUnit[]>();

  constructor(
    readonly date: string,
    readonly units: readonly SnapshotUnit[],
  ) {
    for (const u of units) this.byKey.set(`${u.level}:${u.code}`, u);
    for (const u of units) {
      const province = this.provinceOf(u);
      push(this.byProvinceName, `${province}|${u.level}|${foldName(u.name)}`, u);
      push(this.byProvinceSpelling, `${province}|${u.level}|${spellingKey(u.name)}`, u);
    }
  }

  get(level: AdminLevel, code: string): SnapshotUnit | undefined {
    return this.byKey.get(`${level}:${code}`);
  }

  parentOf(u: SnapshotUnit): SnapshotUnit | undefined {
    if (u.parentCode === null) return undefined;
    return this.get(u.level === 'COMMUNE' && u.parentCode.length === 3 ? 'DISTRICT' : 'PROVINCE', u.parentCode);
  }

  provinceOf(u: SnapshotUnit): string {
    let at: SnapshotUnit | undefined = u;
    while (at && at.level !== 'PROVINCE') at = this.parentOf(at);
    if (!at) throw new Error(`snapshot ${this.date}: ${u.level} ${u.code} has no province`);
    return at.code;
  }

  /** The district a commune sat in (three-level snapshots only). */
  districtOf(u: SnapshotUnit): SnapshotUnit | undefined {
    const parent = this.parentOf(u);
    return parent?.level === 'DISTRICT' ? parent : undefined;
  }

  provinces(): SnapshotUnit[] {
    return this.units.filter((u) => u.level === 'PROVINCE');
  }

  /**
   * Units of a level in the given provinces with this bare name: spelt the same (up to case and
   * tone placement) if any is; otherwise with the same letters ignoring diacritics, flagged
   * `loose` so the caller can say the match was looser.
   */
  named(level: AdminLevel, provinceCodes: readonly string[], name: string): { units: SnapshotUnit[]; loose: boolean } {
    const spelt = spellingKey(name);
    const exact = provinceCodes.flatMap((p) => this.byProvinceSpelling.get(`${p}|${level}|${spelt}`) ?? []);
    if (exact.length > 0) return { units: exact, loose: false };
    const folded = foldName(name);
    return {
      units: provinceCodes.flatMap((p) => this.byProvinceName.get(`${p}|${level}|${folded}`) ?? []),
      loose: true,
    };
  }
}

/** "Tỉnh Hoà Bình" or "Hòa Bình" → the bare name, for comparing province names. */
export function bareProvinceName(name: string): string {
  const folded = foldName(name);
  for (const t of [UNIT_TYPES.PROVINCE.vi, UNIT_TYPES.CENTRAL_CITY.vi, 'Thủ đô']) {
    const word = foldName(t);
    if (folded.startsWith(`${word} `)) return folded.slice(word.length + 1);
  }
  return folded;
}

/** A full name ("Xã Tân Lập") as the snapshot would write it, folded. */
export function foldedFullName(u: SnapshotUnit): string {
  return foldName(`${UNIT_TYPES[u.type].vi} ${u.name}`);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
