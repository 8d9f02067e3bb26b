import type { AdminLevel } from '../units/unit-types.js';
import type { Finding } from './findings.js';

/** What one lineage source says about one old unit and one new unit of the 2025 reform. */
export interface Claim {
  readonly sourceId: string;
  readonly oldLevel: AdminLevel;
  readonly oldCode: string;
  readonly newLevel: AdminLevel;
  readonly newCode: string;
  /** The source says only part of the old unit went to the new one. */
  readonly partial: boolean;
  /** The source's own words for this edge (the merger map's text, the package row). */
  readonly evidence: string;
}

/** A source read against the snapshots: its edges, what it covers, and what could not be read. */
export interface SourceReading {
  readonly sourceId: string;
  readonly claims: readonly Claim[];
  /** New units (level:code) the source says something about, even "unchanged". */
  readonly coversNew: ReadonlySet<string>;
  /** New units (level:code) for which part of what the source says could not be read. */
  readonly unread: ReadonlySet<string>;
  /** The levels of old units the source lists (the package lists communes only). */
  readonly oldLevels: readonly AdminLevel[];
  readonly findings: readonly Finding[];
}

export const unitKey = (level: AdminLevel, code: string) => `${level}:${code}`;
