import { spellingKey } from '../units/names.js';
import type { AdminLevel, UnitType } from '../units/unit-types.js';
import type { Finding, UnitAt } from './findings.js';
import type { SnapshotRelease } from './releases.js';
import type { SnapshotIndex } from './snapshot-index.js';
import type { SnapshotUnit } from './snapshot-units.js';

/**
 * A unit version: one code over the consecutive snapshots in which it stayed the same unit (same
 * level, type and name up to spelling, and not remade by the reform). Its id is
 * `<level>/<code>` for the version in force when the record starts (its start is not in the
 * sources) and `<level>/<code>-<valid_from>` for later ones, so a reused code names two units.
 */
export interface UnitVersion {
  readonly id: string;
  readonly level: AdminLevel;
  readonly code: string;
  readonly type: UnitType;
  /** The latest release's spelling of the name. */
  readonly name: string;
  readonly nameEn: string;
  readonly validFrom: string | null;
  readonly validTo: string | null;
  /** The release it first appears in. */
  readonly sourceId: string;
  readonly note: string | null;
  readonly first: number;
  readonly last: number;
}

export interface VersionLink {
  readonly childId: string;
  readonly parentId: string;
  readonly validFrom: string | null;
  readonly validTo: string | null;
  readonly sourceId: string;
}

/** A reclassification the snapshots show: same code and name, another type (Xã → Phường). */
export interface Reclassification {
  readonly from: UnitVersion;
  readonly to: UnitVersion;
  readonly sourceId: string;
}

export interface VersionSet {
  readonly versions: readonly UnitVersion[];
  readonly links: readonly VersionLink[];
  readonly reclassifications: readonly Reclassification[];
  readonly findings: readonly Finding[];
  /** The version of a code in force at a snapshot, for lineage and findings. */
  versionAt(unit: UnitAt): UnitVersion | undefined;
}

const SLUG: Record<AdminLevel, string> = { PROVINCE: 'province', DISTRICT: 'district', COMMUNE: 'commune' };

/**
 * Builds versions and their parent links from the snapshots, oldest first. `reformIndex` is the
 * first snapshot after the 2025 reform; across it a unit continues only if `unchangedByReform`
 * holds it (level:code). Changes at other snapshots have no lineage source: a code that keeps its
 * name and changes only its type is a reclassification; any other change is a finding.
 */
export function buildVersions(
  releases: readonly SnapshotRelease[],
  snapshots: readonly SnapshotIndex[],
  reformIndex: number,
  unchangedByReform: ReadonlySet<string>,
): VersionSet {
  const keys = new Map<string, { level: AdminLevel; code: string }>();
  for (const s of snapshots)
    for (const u of s.units) keys.set(`${u.level}:${u.code}`, { level: u.level, code: u.code });
  const versions: UnitVersion[] = [];
  const reclassifications: Reclassification[] = [];
  const findings: Finding[] = [];
  const byKeyAndIndex = new Map<string, UnitVersion>();
  const date = (i: number) => releases[i]!.inForceFrom;

  for (const [key, { level, code }] of keys) {
    let run: { start: number; units: SnapshotUnit[] } | null = null;
    const close = (end: number) => {
      if (!run) return;
      const last = run.units[run.units.length - 1]!;
      const v: UnitVersion = {
        id: run.start === 0 ? `${SLUG[level]}/${code}` : `${SLUG[level]}/${code}-${date(run.start)}`,
        level,
        code,
        type: last.type,
        name: last.name,
        nameEn: last.nameEn,
        validFrom: run.start === 0 ? null : date(run.start),
        validTo: end < snapshots.length ? date(end) : null,
        sourceId: releases[run.start]!.sourceId,
        note: noteOf(run.units),
        first: run.start,
        last: end - 1,
      };
      versions.push(v);
      for (let i = v.first; i <= v.last; i++) byKeyAndIndex.set(`${key}@${i}`, v);
      run = null;
    };
    for (let i = 0; i < snapshots.length; i++) {
      const u = snapshots[i]!.get(level, code);
      if (!u) {
        if (run && i !== reformIndex)
          findings.push(ended(run.units[run.units.length - 1]!, snapshots[i - 1]!, releases[i]!));
        close(i);
        continue;
      }
      if (run) {
        const prev = run.units[run.units.length - 1]!;
        const sameName = spellingKey(prev.name) === spellingKey(u.name);
        const continues = prev.type === u.type && sameName && (i !== reformIndex || unchangedByReform.has(key));
        if (continues) {
          run.units.push(u);
          continue;
        }
        close(i);
        if (i !== reformIndex && !sameName) findings.push(renamed(prev, u, snapshots[i]!, releases[i]!));
      } else if (i > 0 && i !== reformIndex) findings.push(started(u, snapshots[i]!, releases[i]!));
      run = { start: i, units: [u] };
    }
    close(snapshots.length);
  }

  // Consecutive versions of one code with one name differ in type only: a reclassification.
  for (const v of versions) {
    if (v.first === 0 || v.first === reformIndex) continue;
    const before = byKeyAndIndex.get(`${v.level}:${v.code}@${v.first - 1}`);
    if (before && spellingKey(before.name) === spellingKey(v.name))
      reclassifications.push({ from: before, to: v, sourceId: releases[v.first]!.sourceId });
  }

  const versionAt = (unit: UnitAt) => {
    const index = releases.findIndex((r) => r.inForceFrom === unit.at);
    return byKeyAndIndex.get(`${unit.level}:${unit.code}@${index}`);
  };
  return {
    versions,
    links: linksOf(versions, snapshots, releases, byKeyAndIndex),
    reclassifications,
    findings,
    versionAt,
  };
}

function noteOf(units: readonly SnapshotUnit[]): string | null {
  const latest = units[units.length - 1]!.name;
  const others = [...new Set(units.map((u) => u.name))].filter((n) => n !== latest);
  return others.length > 0 ? `Also spelt ${others.map((n) => `"${n}"`).join(', ')} in earlier releases.` : null;
}

function at(u: SnapshotUnit, s: SnapshotIndex): UnitAt {
  return { level: u.level, code: u.code, at: s.date };
}

function ended(u: SnapshotUnit, last: SnapshotIndex, next: SnapshotRelease): Finding {
  return {
    kind: 'ENDED_WITHOUT_LINEAGE',
    severity: 'WARNING',
    unit: at(u, last),
    other: null,
    message: `${u.code} ${u.name} is absent from release ${next.release} (in force ${next.inForceFrom}); no lineage source says what it became`,
    sourceIds: [next.sourceId],
  };
}

function started(u: SnapshotUnit, s: SnapshotIndex, release: SnapshotRelease): Finding {
  return {
    kind: 'STARTED_WITHOUT_LINEAGE',
    severity: 'WARNING',
    unit: at(u, s),
    other: null,
    message: `${u.code} ${u.name} first appears in release ${release.release} (in force ${release.inForceFrom}); no lineage source says what it was formed from`,
    sourceIds: [release.sourceId],
  };
}

function renamed(prev: SnapshotUnit, u: SnapshotUnit, s: SnapshotIndex, release: SnapshotRelease): Finding {
  return {
    kind: 'CHANGED_WITHOUT_LINEAGE',
    severity: 'WARNING',
    unit: at(u, s),
    other: null,
    message: `${u.code} "${prev.name}" is "${u.name}" from release ${release.release} (in force ${release.inForceFrom}); no lineage source says whether its territory changed`,
    sourceIds: [release.sourceId],
  };
}

/** Parent links per snapshot, merged over consecutive snapshots with the same parent version. */
function linksOf(
  versions: readonly UnitVersion[],
  snapshots: readonly SnapshotIndex[],
  releases: readonly SnapshotRelease[],
  byKeyAndIndex: ReadonlyMap<string, UnitVersion>,
): VersionLink[] {
  const links: VersionLink[] = [];
  for (const v of versions) {
    let open: { parentId: string; from: number } | null = null;
    const flush = (end: number) => {
      if (!open) return;
      links.push({
        childId: v.id,
        parentId: open.parentId,
        validFrom: open.from === v.first ? v.validFrom : releases[open.from]!.inForceFrom,
        validTo: end > v.last ? v.validTo : releases[end]!.inForceFrom,
        sourceId: releases[open.from]!.sourceId,
      });
      open = null;
    };
    for (let i = v.first; i <= v.last; i++) {
      const u = snapshots[i]!.get(v.level, v.code)!;
      const parent =
        u.parentCode === null
          ? undefined
          : byKeyAndIndex.get(`${u.parentCode.length === 3 ? 'DISTRICT' : 'PROVINCE'}:${u.parentCode}@${i}`);
      if (u.parentCode !== null && !parent)
        throw new Error(`${v.id}: parent ${u.parentCode} missing from release ${releases[i]!.release}`);
      const current = open as { parentId: string; from: number } | null;
      if (current && current.parentId === parent?.id) continue;
      flush(i);
      if (parent) open = { parentId: parent.id, from: i };
    }
    flush(v.last + 1);
  }
  return links;
}
