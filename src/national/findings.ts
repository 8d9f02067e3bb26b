import type { AdminLevel } from '../units/unit-types.js';

/**
 * What the data-quality report says: where the sources disagree, are incomplete, or were read
 * with a rule the report names. Every finding is one row a user can query; none is resolved by a
 * silent pick.
 */
export const FINDING_KINDS = {
  SOURCES_DISAGREE: 'One lineage source states an old unit → new unit edge the other does not.',
  SPLIT_WITHOUT_SHARES: 'An old unit went to two or more new units and no source gives the shares.',
  PART_UNACCOUNTED:
    'The merger map says only part of an old unit went to a new one, and no source says where the rest went.',
  NO_SUCCESSOR:
    'An old unit in force before the reform is missing from a lineage source: that source does not say what it became.',
  NO_PREDECESSOR: 'A new unit is missing from a lineage source, or the source gives it no predecessor.',
  CODE_NOT_IN_OWN_LIST: 'The package maps to a new code that is not in its own list of new communes.',
  CODE_NOT_IN_SNAPSHOT:
    'A source names a code that the snapshot in force does not contain; resolved by name where one unit matches.',
  ROW_WITHOUT_OLD_UNIT:
    'A package row gives no old code (and possibly no old province); resolved by name where one unit matches.',
  NAME_UNRESOLVED: 'A name in the merger map text matches no old unit of the predecessor provinces.',
  NAME_AMBIGUOUS: 'A name in the merger map text matches several old units; the text does not say which.',
  NAME_DIFFERS: 'A source spells a unit differently from the snapshot with the same code.',
  DUPLICATE_ROW: 'The package states the same old → new edge more than once.',
  CHANGED_WITHOUT_LINEAGE:
    'A unit kept its code under a new name outside the 2025 reform; no lineage source says whether its territory changed.',
  ENDED_WITHOUT_LINEAGE: 'A unit left the list outside the 2025 reform; no lineage source says what it became.',
  STARTED_WITHOUT_LINEAGE:
    'A unit joined the list outside the 2025 reform; no lineage source says what it was formed from.',
} as const;

export type FindingKind = keyof typeof FINDING_KINDS;

/** ERROR: the sources contradict or cannot be read; WARNING: incomplete; INFO: read with a stated rule. */
export type Severity = 'ERROR' | 'WARNING' | 'INFO';

/** A unit the finding is about, by GSO code and a date it was in force (resolved to a unit version). */
export interface UnitAt {
  readonly level: AdminLevel;
  readonly code: string;
  readonly at: string;
}

export interface Finding {
  readonly kind: FindingKind;
  readonly severity: Severity;
  readonly unit: UnitAt | null;
  readonly other: UnitAt | null;
  readonly message: string;
  readonly sourceIds: readonly string[];
}
