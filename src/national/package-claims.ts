import { foldName, spellingKey } from '../units/names.js';
import { splitFullName, UNIT_TYPES } from '../units/unit-types.js';
import type { Finding } from './findings.js';
import { unitKey, type Claim, type SourceReading } from './reform-claims.js';
import { bareProvinceName, foldedFullName, type SnapshotIndex } from './snapshot-index.js';
import type { SnapshotUnit } from './snapshot-units.js';

/** A row of the package's `ward_mappings`: an old commune (by code, or by name only) to a new one. */
export interface WardMapping {
  readonly id: string;
  readonly old_ward_code: string | null;
  readonly old_ward_name: string | null;
  readonly old_district_name: string | null;
  readonly old_province_name: string | null;
  readonly new_ward_code: string;
  readonly new_ward_name: string;
  readonly new_province_name: string;
}

export interface AddressPackage {
  readonly wards: readonly { readonly ward_code: string; readonly name: string; readonly province_code: string }[];
  readonly wardMappings: readonly WardMapping[];
}

/** The package's tables out of its JSON (a list of header, database and table items). */
export function tablesOf(items: readonly { type: string; name?: string; data?: unknown[] }[]): AddressPackage {
  const table = (name: string) => (items.find((i) => i.type === 'table' && i.name === name)?.data ?? []) as never[];
  return { wards: table('wards'), wardMappings: table('ward_mappings') };
}

/** GSO commune codes have five digits; the package drops leading zeros on some ("4000"). */
const padCode = (code: string) => code.padStart(5, '0');

/**
 * Reads the package's mappings against the snapshots: codes are padded, a code the snapshot lacks
 * and a row without an old code are resolved by name where exactly one unit matches; every such
 * repair, and every row that cannot be read, is a finding.
 */
export function readAddressPackage(
  pkg: AddressPackage,
  before: SnapshotIndex,
  after: SnapshotIndex,
  sourceId: string,
  earlier: readonly { release: string; index: SnapshotIndex }[] = [],
): SourceReading {
  const claims: Claim[] = [];
  const findings: Finding[] = [];
  const coversNew = new Set<string>();
  const unread = new Set<string>();
  const ownList = new Set(pkg.wards.map((w) => w.ward_code));
  const reportedCodes = new Set<string>();
  const seen = new Map<string, string>();
  const at = (code: string, date: string) => ({ level: 'COMMUNE' as const, code, at: date });
  const once = (key: string, finding: Finding) => {
    if (reportedCodes.has(key)) return;
    reportedCodes.add(key);
    findings.push(finding);
  };

  for (const row of pkg.wardMappings) {
    const rawNew = row.new_ward_code;
    const newUnit = newUnitOf(row, after);
    if (!ownList.has(rawNew)) {
      once(`own:${rawNew}`, {
        kind: 'CODE_NOT_IN_OWN_LIST',
        severity: 'WARNING',
        unit: newUnit.unit ? at(newUnit.unit.code, after.date) : null,
        other: null,
        message: `rows map to new code "${rawNew}" (${row.new_ward_name}), which the package's own list of new communes does not contain`,
        sourceIds: [sourceId],
      });
    }
    if (!newUnit.unit) {
      once(`new:${rawNew}`, {
        kind: 'CODE_NOT_IN_SNAPSHOT',
        severity: 'ERROR',
        unit: null,
        other: null,
        message: `new code "${rawNew}" (${row.new_ward_name}, ${row.new_province_name}) is not a commune-level unit on ${after.date}, and ${newUnit.candidates} units of that name are in that province; its rows are not used`,
        sourceIds: [sourceId],
      });
      continue;
    }
    const newCode = newUnit.unit.code;
    if (newUnit.byName) {
      once(`new:${rawNew}`, {
        kind: 'CODE_NOT_IN_SNAPSHOT',
        severity: 'WARNING',
        unit: at(newCode, after.date),
        other: null,
        message: `new code "${rawNew}" is not a commune-level unit on ${after.date}; read as ${newCode}, the only "${row.new_ward_name}" in ${row.new_province_name}`,
        sourceIds: [sourceId],
      });
    }
    coversNew.add(unitKey('COMMUNE', newCode));

    const old = oldUnitOf(row, before);
    if (!old.unit) {
      unread.add(unitKey('COMMUNE', newCode));
      findings.push({
        kind: 'ROW_WITHOUT_OLD_UNIT',
        severity: 'ERROR',
        unit: at(newCode, after.date),
        other: null,
        message:
          row.old_province_name === null
            ? `row ${row.id} maps to ${row.new_ward_name} (${newCode}) without an old code, name or province`
            : `row ${row.id} names old "${row.old_ward_name}" (${row.old_district_name}, ${row.old_province_name}) without a code, and ${old.candidates} units in force before the reform match that name${lastListed(row, earlier)}`,
        sourceIds: [sourceId],
      });
      continue;
    }
    if (old.byName) {
      findings.push({
        kind: 'ROW_WITHOUT_OLD_UNIT',
        severity: 'INFO',
        unit: at(newCode, after.date),
        other: at(old.unit.code, before.date),
        message: `row ${row.id} names old "${row.old_ward_name}" (${row.old_district_name}) without a code; read as ${old.unit.code}, the only unit of that name there`,
        sourceIds: [sourceId],
      });
    } else if (row.old_ward_name !== null && spellingKey(row.old_ward_name) !== spellingKey(fullName(old.unit))) {
      findings.push({
        kind: 'NAME_DIFFERS',
        severity: 'INFO',
        unit: at(old.unit.code, before.date),
        other: null,
        message: `the package calls old ${old.unit.code} "${row.old_ward_name}"; the snapshot of ${before.date} calls it "${fullName(old.unit)}"`,
        sourceIds: [sourceId],
      });
    }
    const key = `${old.unit.code}->${newCode}`;
    const firstRow = seen.get(key);
    if (firstRow !== undefined) {
      findings.push({
        kind: 'DUPLICATE_ROW',
        severity: 'INFO',
        unit: at(newCode, after.date),
        other: at(old.unit.code, before.date),
        message: `rows ${firstRow} and ${row.id} both map ${old.unit.code} to ${newCode}`,
        sourceIds: [sourceId],
      });
      continue;
    }
    seen.set(key, row.id);
    claims.push({
      sourceId,
      oldLevel: old.unit.level,
      oldCode: old.unit.code,
      newLevel: 'COMMUNE',
      newCode,
      partial: false,
      evidence: '',
    });
  }
  return { sourceId, claims, coversNew, unread, oldLevels: ['COMMUNE'], findings };
}

function fullName(u: SnapshotUnit): string {
  return `${UNIT_TYPES[u.type].vi} ${u.name}`;
}

function provinceCodes(index: SnapshotIndex, name: string | null): string[] {
  if (name === null) return [];
  const wanted = bareProvinceName(name);
  return index
    .provinces()
    .filter((p) => bareProvinceName(p.name) === wanted)
    .map((p) => p.code);
}

/** Commune-level units of a province with this full name ("Xã Tân Lập": type and name). */
function namedIn(index: SnapshotIndex, provinceName: string | null, full: string): SnapshotUnit[] {
  const split = splitFullName('COMMUNE', full);
  if (!split) return [];
  return index
    .named('COMMUNE', provinceCodes(index, provinceName), split.name)
    .units.filter((u) => u.type === split.type);
}

type Resolved = { unit: SnapshotUnit | null; byName: boolean; candidates: number };

function newUnitOf(row: WardMapping, after: SnapshotIndex): Resolved {
  const byCode = after.get('COMMUNE', padCode(row.new_ward_code));
  if (byCode) return { unit: byCode, byName: false, candidates: 1 };
  const found = namedIn(after, row.new_province_name, row.new_ward_name);
  return { unit: found.length === 1 ? found[0]! : null, byName: true, candidates: found.length };
}

function oldUnitOf(row: WardMapping, before: SnapshotIndex): Resolved {
  if (row.old_ward_code) {
    const byCode = before.get('COMMUNE', padCode(row.old_ward_code));
    if (byCode) return { unit: byCode, byName: false, candidates: 1 };
  }
  if (row.old_ward_name === null) return { unit: null, byName: true, candidates: 0 };
  const district = foldName(row.old_district_name ?? '');
  const found = namedIn(before, row.old_province_name, row.old_ward_name).filter(
    (u) => district === '' || foldedFullName(before.districtOf(u) ?? u) === district,
  );
  return { unit: found.length === 1 ? found[0]! : null, byName: true, candidates: found.length };
}

/** Where a name the package gives was last listed, when it had already ended before the reform. */
function lastListed(row: WardMapping, earlier: readonly { release: string; index: SnapshotIndex }[]): string {
  for (const { release, index } of earlier) {
    if (oldUnitOf(row, index).unit)
      return `; it was last listed in release ${release}, so the row names a unit that had already ended`;
  }
  return '';
}
