import { spellingKey } from '../units/names.js';
import type { Finding } from './findings.js';
import { unitKey, type Claim, type SourceReading } from './reform-claims.js';
import type { SnapshotIndex } from './snapshot-index.js';
import type { SnapshotUnit } from './snapshot-units.js';

/**
 * Kinds of change, one per edge: MERGE (a whole old unit went into a new one with others), SPLIT
 * (an old unit went, in part, to several new ones), RENAME (a new unit is exactly one old unit
 * under another name, code or type), CONTINUED (the old unit continued under its code and name
 * with other units added: Chà Tở absorbing Nậm Khăn).
 */
export type ChangeKind = 'MERGE' | 'SPLIT' | 'RENAME' | 'CONTINUED';

export interface ReformEdge {
  readonly old: SnapshotUnit;
  readonly new: SnapshotUnit;
  readonly kind: ChangeKind;
  /** Every source that states the edge, the merger map first. */
  readonly sourceIds: readonly string[];
  readonly note: string;
}

export interface ReformLineage {
  readonly edges: readonly ReformEdge[];
  /** New units (level:code) that are their old unit unchanged: the same unit version continues. */
  readonly unchanged: ReadonlySet<string>;
  readonly findings: readonly Finding[];
}

interface Edge {
  readonly old: SnapshotUnit;
  readonly new: SnapshotUnit;
  readonly claims: Claim[];
}

const sameUnit = (a: SnapshotUnit, b: SnapshotUnit) =>
  a.code === b.code && a.type === b.type && spellingKey(a.name) === spellingKey(b.name);

/**
 * Joins what the sources say into one edge per (old unit, new unit), each citing every source that
 * states it, and reports where they disagree or fall short. The union is kept: an edge one source
 * states is evidence of a change, so a unit is "unchanged" only if no source says otherwise.
 */
export function reconcileReform(
  readings: readonly SourceReading[],
  before: SnapshotIndex,
  after: SnapshotIndex,
): ReformLineage {
  const findings: Finding[] = readings.flatMap((r) => r.findings);
  const edges = new Map<string, Edge>();
  for (const reading of readings) {
    for (const claim of reading.claims) {
      const old = before.get(claim.oldLevel, claim.oldCode);
      const neu = after.get(claim.newLevel, claim.newCode);
      if (!old || !neu) throw new Error(`claim on a unit the snapshots lack: ${claim.oldCode} → ${claim.newCode}`);
      const key = `${unitKey(old.level, old.code)}->${unitKey(neu.level, neu.code)}`;
      const edge = edges.get(key) ?? { old, new: neu, claims: [] };
      edge.claims.push(claim);
      edges.set(key, edge);
    }
  }
  const successors = groupBy([...edges.values()], (e) => unitKey(e.old.level, e.old.code));
  const predecessors = groupBy([...edges.values()], (e) => unitKey(e.new.level, e.new.code));
  const at = (u: SnapshotUnit, index: SnapshotIndex) => ({ level: u.level, code: u.code, at: index.date });
  const describe = (units: readonly SnapshotUnit[]) => units.map((u) => `${u.code} ${u.name}`).join(', ') || 'nothing';

  for (const edge of edges.values()) {
    for (const reading of readings) {
      if (edge.claims.some((c) => c.sourceId === reading.sourceId)) continue;
      if (!reading.oldLevels.includes(edge.old.level) || !reading.coversNew.has(unitKey(edge.new.level, edge.new.code)))
        continue;
      const says = (predecessors.get(unitKey(edge.new.level, edge.new.code)) ?? [])
        .filter((e) => e.claims.some((c) => c.sourceId === reading.sourceId))
        .map((e) => e.old);
      findings.push({
        kind: 'SOURCES_DISAGREE',
        severity: 'WARNING',
        unit: at(edge.new, after),
        other: at(edge.old, before),
        message: `${edge.claims.map((c) => c.sourceId).join(' and ')} say${edge.claims.length === 1 ? 's' : ''} ${edge.old.code} ${edge.old.name} went into ${edge.new.code} ${edge.new.name}; ${reading.sourceId} names ${describe(says)}`,
        sourceIds: [...edge.claims.map((c) => c.sourceId), reading.sourceId],
      });
    }
  }

  const unchanged = new Set<string>();
  const result: ReformEdge[] = [];
  for (const edge of edges.values()) {
    const outgoing = successors.get(unitKey(edge.old.level, edge.old.code))!;
    const incoming = predecessors.get(unitKey(edge.new.level, edge.new.code))!;
    const partial = edge.claims.some((c) => c.partial);
    let kind: ChangeKind;
    if (outgoing.length > 1 || partial) kind = 'SPLIT';
    else if (incoming.length === 1) {
      // Itself alone, unless a source names more that could not be read ("Thôn Mịch A"): then it
      // continued with additions no one can say.
      const unread = readings.some((r) => r.unread.has(unitKey(edge.new.level, edge.new.code)));
      if (sameUnit(edge.old, edge.new) && !unread) {
        unchanged.add(unitKey(edge.new.level, edge.new.code));
        continue;
      }
      kind = sameUnit(edge.old, edge.new) ? 'CONTINUED' : 'RENAME';
    } else
      kind =
        edge.old.code === edge.new.code && spellingKey(edge.old.name) === spellingKey(edge.new.name)
          ? 'CONTINUED'
          : 'MERGE';
    const sourceIds = [...new Set(edge.claims.map((c) => c.sourceId))];
    const note = edge.claims
      .map((c) => c.evidence)
      .filter((e, i, all) => e !== '' && all.indexOf(e) === i)
      .join(' | ');
    result.push({ old: edge.old, new: edge.new, kind, sourceIds, note });
  }

  for (const [, outgoing] of successors) {
    const old = outgoing[0]!.old;
    if (outgoing.length > 1) {
      findings.push({
        kind: 'SPLIT_WITHOUT_SHARES',
        severity: 'WARNING',
        unit: at(old, before),
        other: null,
        message: `${old.code} ${old.name} went to ${outgoing.length} new units (${describe(outgoing.map((e) => e.new))}); no source gives the share each took`,
        sourceIds: [...new Set(outgoing.flatMap((e) => e.claims.map((c) => c.sourceId)))],
      });
    } else if (outgoing[0]!.claims.some((c) => c.partial)) {
      const edge = outgoing[0]!;
      findings.push({
        kind: 'PART_UNACCOUNTED',
        severity: 'WARNING',
        unit: at(old, before),
        other: at(edge.new, after),
        message: `the merger map says only part of ${old.code} ${old.name} went into ${edge.new.code} ${edge.new.name} ("${edge.claims.find((c) => c.partial)!.evidence}"); no source says where the rest went`,
        sourceIds: [...new Set(edge.claims.map((c) => c.sourceId))],
      });
    }
  }

  for (const reading of readings) {
    for (const u of after.units) {
      if (u.level === 'DISTRICT' || (u.level === 'PROVINCE' && !reading.oldLevels.includes('PROVINCE'))) continue;
      const key = unitKey(u.level, u.code);
      const stated = reading.coversNew.has(key);
      if (stated && (predecessors.get(key) ?? []).some((e) => e.claims.some((c) => c.sourceId === reading.sourceId)))
        continue;
      findings.push({
        kind: 'NO_PREDECESSOR',
        severity: 'WARNING',
        unit: at(u, after),
        other: null,
        message: stated
          ? `${reading.sourceId} lists ${u.code} ${u.name} but none of its predecessors could be read`
          : `${reading.sourceId} does not list ${u.code} ${u.name}`,
        sourceIds: [reading.sourceId],
      });
    }
    for (const u of before.units) {
      if (!reading.oldLevels.includes(u.level) || u.level === 'DISTRICT') continue;
      if (
        (successors.get(unitKey(u.level, u.code)) ?? []).some((e) =>
          e.claims.some((c) => c.sourceId === reading.sourceId),
        )
      )
        continue;
      findings.push({
        kind: 'NO_SUCCESSOR',
        severity: 'WARNING',
        unit: at(u, before),
        other: null,
        message: `${reading.sourceId} does not say what ${u.code} ${u.name} became`,
        sourceIds: [reading.sourceId],
      });
    }
  }
  return { edges: result, unchanged, findings };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k) ?? [];
    list.push(item);
    groups.set(k, list);
  }
  return groups;
}
