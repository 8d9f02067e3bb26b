import { foldName, spellingKey } from '../units/names.js';
import { splitFullName, typeOfWord, type AdminLevel } from '../units/unit-types.js';
import type { Finding } from './findings.js';
import { parseMergerText, type NamedPart } from './merger-map-text.js';
import { unitKey, type Claim, type SourceReading } from './reform-claims.js';
import { bareProvinceName, type SnapshotIndex } from './snapshot-index.js';
import type { SnapshotUnit } from './snapshot-units.js';

/** One row of the merger map (`donvi_tinhthanh.json`): a new unit and the text of what it was formed from. */
export interface MergerMapRow {
  readonly ma: string;
  readonly ten: string;
  /** The new province's code for a commune, "0" for a province. */
  readonly magoc: string;
  readonly truocsapnhap: string;
}

const DISTRICT_WORDS = new Set(['huyện', 'quận', 'thị xã', 'thành phố']);
/** Names the text uses for an old province that are not its name. */
const PROVINCE_ALIASES: Record<string, string> = { tphcm: 'ho chi minh' };

/**
 * Reads the merger map against the snapshot before the reform (`before`) and the first one after
 * (`after`): each name in a new unit's text becomes a claim on the one old unit of that name in
 * the provinces the new province was formed from. A name that matches none or several is a
 * finding, never a guess.
 */
export function readMergerMap(
  rows: readonly MergerMapRow[],
  before: SnapshotIndex,
  after: SnapshotIndex,
  sourceId: string,
): SourceReading {
  const claims: Claim[] = [];
  const findings: Finding[] = [];
  const coversNew = new Set<string>();
  const unread = new Set<string>();
  const oldProvincesOf = new Map<string, string[]>();
  const at = (level: AdminLevel, code: string, date: string) => ({ level, code, at: date });

  const provinceRows = rows.filter((r) => r.magoc === '0');
  for (const row of provinceRows) {
    const text = parseMergerText(row.truocsapnhap);
    coversNew.add(unitKey('PROVINCE', row.ma));
    if (text.unchanged) {
      const same = before.get('PROVINCE', row.ma);
      if (same) {
        claims.push({
          sourceId,
          oldLevel: 'PROVINCE',
          oldCode: row.ma,
          newLevel: 'PROVINCE',
          newCode: row.ma,
          partial: false,
          evidence: row.truocsapnhap,
        });
        oldProvincesOf.set(row.ma, [row.ma]);
      } else
        findings.push({
          kind: 'NAME_UNRESOLVED',
          severity: 'ERROR',
          unit: at('PROVINCE', row.ma, after.date),
          other: null,
          message: `"${row.ten}" is "giữ nguyên" (unchanged) but no province had code ${row.ma} before the reform`,
          sourceIds: [sourceId],
        });
      continue;
    }
    const codes: string[] = [];
    for (const part of text.parts) {
      const wanted = PROVINCE_ALIASES[foldName(part.name)] ?? bareProvinceName(part.name);
      const found = before.provinces().filter((p) => bareProvinceName(p.name) === wanted);
      if (found.length !== 1) {
        unread.add(unitKey('PROVINCE', row.ma));
        findings.push({
          kind: found.length === 0 ? 'NAME_UNRESOLVED' : 'NAME_AMBIGUOUS',
          severity: 'ERROR',
          unit: at('PROVINCE', row.ma, after.date),
          other: null,
          message: `"${part.text}" in the text of ${row.ten} matches ${found.length} provinces`,
          sourceIds: [sourceId],
        });
        continue;
      }
      codes.push(found[0]!.code);
      claims.push({
        sourceId,
        oldLevel: 'PROVINCE',
        oldCode: found[0]!.code,
        newLevel: 'PROVINCE',
        newCode: row.ma,
        partial: false,
        evidence: part.text,
      });
    }
    oldProvincesOf.set(row.ma, codes);
  }

  for (const row of rows.filter((r) => r.magoc !== '0')) {
    const newUnit = after.get('COMMUNE', row.ma);
    if (!newUnit) {
      findings.push({
        kind: 'CODE_NOT_IN_SNAPSHOT',
        severity: 'ERROR',
        unit: null,
        other: null,
        message: `the merger map lists ${row.ten} with code ${row.ma}, which no commune-level unit has on ${after.date}; its text ("${row.truocsapnhap}") is not used`,
        sourceIds: [sourceId],
      });
      continue;
    }
    coversNew.add(unitKey('COMMUNE', row.ma));
    const written = splitFullName('COMMUNE', row.ten)?.name ?? row.ten;
    if (spellingKey(written) !== spellingKey(newUnit.name)) {
      findings.push({
        kind: 'NAME_DIFFERS',
        severity: 'INFO',
        unit: at('COMMUNE', row.ma, after.date),
        other: null,
        message: `the merger map calls ${row.ma} "${row.ten}"; the snapshot of ${after.date} calls it "${newUnit.name}"`,
        sourceIds: [sourceId],
      });
    }
    const provinces = oldProvincesOf.get(row.magoc) ?? [];
    const text = parseMergerText(row.truocsapnhap);
    if (text.unchanged) {
      const same = before.get('COMMUNE', row.ma);
      if (same)
        claims.push({
          sourceId,
          oldLevel: 'COMMUNE',
          oldCode: row.ma,
          newLevel: 'COMMUNE',
          newCode: row.ma,
          partial: false,
          evidence: row.truocsapnhap,
        });
      else
        findings.push({
          kind: 'NAME_UNRESOLVED',
          severity: 'ERROR',
          unit: at('COMMUNE', row.ma, after.date),
          other: null,
          message: `${row.ten} is "giữ nguyên" (unchanged) but no commune had code ${row.ma} before the reform`,
          sourceIds: [sourceId],
        });
      continue;
    }
    for (const part of text.parts) {
      const { units: found, loose } = resolvePart(part, provinces, before);
      if (found.length === 1) {
        const old = found[0]!;
        if (loose)
          findings.push({
            kind: 'NAME_DIFFERS',
            severity: 'INFO',
            unit: at('COMMUNE', row.ma, after.date),
            other: at(old.level, old.code, before.date),
            message: `"${part.text}" in the text of ${row.ten} (${row.ma}) is spelt differently from any old unit; read as ${old.code} ${old.name}, the only one with the same letters`,
            sourceIds: [sourceId],
          });
        claims.push({
          sourceId,
          oldLevel: old.level,
          oldCode: old.code,
          newLevel: 'COMMUNE',
          newCode: row.ma,
          partial: part.partial,
          evidence: part.text,
        });
        continue;
      }
      unread.add(unitKey('COMMUNE', row.ma));
      const candidates = found.map((u) => `${u.code} ${u.name} (${before.districtOf(u)?.name ?? '?'})`).join('; ');
      findings.push({
        kind: found.length === 0 ? 'NAME_UNRESOLVED' : 'NAME_AMBIGUOUS',
        severity: 'ERROR',
        unit: at('COMMUNE', row.ma, after.date),
        other: null,
        message:
          found.length === 0
            ? `"${part.text}" in the text of ${row.ten} (${row.ma}) matches no old unit of its predecessor provinces`
            : `"${part.text}" in the text of ${row.ten} (${row.ma}) matches ${found.length} old units: ${candidates}`,
        sourceIds: [sourceId],
      });
    }
  }
  return { sourceId, claims, coversNew, unread, oldLevels: ['PROVINCE', 'DISTRICT', 'COMMUNE'], findings };
}

/** The old units a part names: same name in the predecessor provinces, narrowed by type and district. */
function resolvePart(
  part: NamedPart,
  provinces: readonly string[],
  before: SnapshotIndex,
): { units: SnapshotUnit[]; loose: boolean } {
  const word = (part.typeWord ?? part.listType)?.toLowerCase() ?? null;
  const level: AdminLevel = word && DISTRICT_WORDS.has(word) && part.typeWord !== null ? 'DISTRICT' : 'COMMUNE';
  const named = before.named(level, provinces, part.name);
  let found = named.units;
  const type = word ? typeOfWord(level, word) : null;
  if (type && found.length > 1) found = narrow(found, (u) => u.type === type);
  if (part.district && found.length > 1) {
    const wanted = foldName(part.district.replace(/^(quận|huyện|thị xã|thành phố)\s+/iu, ''));
    found = narrow(found, (u) => foldName(before.districtOf(u)?.name ?? '') === wanted);
  }
  return { units: found, loose: named.loose };
}

/** Keeps the units that pass, unless none does: a wrong hint must not lose the only match. */
function narrow(units: SnapshotUnit[], keep: (u: SnapshotUnit) => boolean): SnapshotUnit[] {
  const kept = units.filter(keep);
  return kept.length > 0 ? kept : units;
}
