/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import { type GraphQLClient, type RequestOptions } from 'graphql-request';
import { gql } from 'graphql-tag';
type GraphQLClientRequestHeaders = RequestOptions['requestHeaders'];
/** How an indicator combines across units: SUM adds children; RATIO is recomputed from its numerator and denominator, never averaged; NONE does not aggregate. */
export type Aggregation =
  | 'NONE'
  | 'RATIO'
  | 'SUM';

/** How the absolute change was obtained. */
export type ChangeBasis =
  /** The later value minus the earlier one, with the interval carried from their intervals. */
  | 'COMPUTED'
  /** A source states the change between these two periods (see `reported`, with its quote and source): `absolute` is that statement, its qualifier and interval, not the difference of the levels. */
  | 'REPORTED';

/** How a document relates to a unit or organisation. */
export type DocumentRole =
  /** The source reports the organisation applying the document. */
  | 'APPLIED_BY'
  /** The document applies to the unit. */
  | 'GOVERNS'
  /** The organisation issued the document. */
  | 'ISSUED_BY';

/** How gaps on a time axis are filled. Filled points have basis FILLED and name the periods they came from. */
export type Fill =
  /** Interpolate between the neighbours (value and interval bounds); the qualifier is theirs when they share one, else ABOUT. Gaps before the first or after the last point stay empty. */
  | 'LINEAR'
  /** Gaps stay empty (basis MISSING, value null). */
  | 'NONE'
  /** Carry the previous point forward, with its qualifier and interval. */
  | 'PREVIOUS';

/** What a data-quality finding is about. */
export type FindingKind =
  /** A unit kept its code under a new name outside the 2025 reform; no lineage source says whether its territory changed. */
  | 'CHANGED_WITHOUT_LINEAGE'
  /** The package maps to a new code that is not in its own list of new communes. */
  | 'CODE_NOT_IN_OWN_LIST'
  /** A source names a code that the snapshot in force does not contain; resolved by name where one unit matches. */
  | 'CODE_NOT_IN_SNAPSHOT'
  /** The package states the same old → new edge more than once. */
  | 'DUPLICATE_ROW'
  /** A unit left the list outside the 2025 reform; no lineage source says what it became. */
  | 'ENDED_WITHOUT_LINEAGE'
  /** A name in the merger map text matches several old units; the text does not say which. */
  | 'NAME_AMBIGUOUS'
  /** A source spells a unit differently from the snapshot with the same code. */
  | 'NAME_DIFFERS'
  /** A name in the merger map text matches no old unit of the predecessor provinces. */
  | 'NAME_UNRESOLVED'
  /** A new unit is missing from a lineage source, or the source gives it no predecessor. */
  | 'NO_PREDECESSOR'
  /** An old unit in force before the reform is missing from a lineage source: that source does not say what it became. */
  | 'NO_SUCCESSOR'
  /** The merger map says only part of an old unit went to a new one, and no source says where the rest went. */
  | 'PART_UNACCOUNTED'
  /** A package row gives no old code (and possibly no old province); resolved by name where one unit matches. */
  | 'ROW_WITHOUT_OLD_UNIT'
  /** One lineage source states an old unit → new unit edge the other does not. */
  | 'SOURCES_DISAGREE'
  /** An old unit went to two or more new units and no source gives the shares. */
  | 'SPLIT_WITHOUT_SHARES'
  /** A unit joined the list outside the 2025 reform; no lineage source says what it was formed from. */
  | 'STARTED_WITHOUT_LINEAGE';

/** Whose units figures are expressed on. Re-expressed values (basis RECONSTRUCTED) come from the units that existed in the period, through the lineage over any number of generations: weighted where a share is known; where it is not, the value is null and lower/upper bound it (qualifier UNKNOWN). reporting/expected say how many of those units reported; a period is re-expressed only when all did. Ratios are recomputed from re-expressed numerators and denominators, never averaged. */
export type Geography =
  /** The units in force on `geographyAsOf` (e.g. 2024-12-31, before the 2025 reform): periods before a unit was formed come from its predecessors, periods after it ended from its successors (a successor made from several units gives an unknown share). */
  | 'AS_OF'
  /** Only figures recorded for the unit itself (default). */
  | 'AS_RECORDED'
  /** Today's units: periods before a unit was formed are rebuilt from its predecessors, flagged `reconstructed`. */
  | 'CURRENT';

/** How a unit changed into another. */
export type LineageKind =
  /** Abolished; the successor, if any, took over its territory. */
  | 'ABOLISH'
  /** Continued under its code and name, with other units added to it (Chà Tở absorbing Nậm Khăn in 2025). */
  | 'CONTINUED'
  /** Merged with others into the successor. */
  | 'MERGE'
  /** Same unit under a new name, code or type (a commune reclassified as a ward). */
  | 'RENAME'
  /** Divided between several successors; each edge carries the share (weight) its successor took, or null where no source gives it. */
  | 'SPLIT';

/** The kind of a node in the hierarchy: an administrative unit or a Party organisation. */
export type LocalityKind =
  /** Commune (xã) or ward. */
  | 'COMMUNE'
  /** District (huyện); the level ended on 2025-07-01 with two-tier local government. */
  | 'DISTRICT'
  /** Party cell or other grassroots Party organisation. */
  | 'PARTY_CELL'
  /** Party committee at province, district or commune level. */
  | 'PARTY_COMMITTEE'
  /** Province (tỉnh). */
  | 'PROVINCE'
  /** Village or hamlet (bản, thôn). */
  | 'VILLAGE';

/** One figure to record. Checked exactly like a row of an observations file. */
export type ObservationInput = {
  /** True when computed from other figures (then formula is required). */
  derived?: boolean | null | undefined;
  /** For a derived figure: how it was computed. */
  formula?: string | null | undefined;
  /** Indicator code (see `indicators`). */
  indicator: string;
  /** Lower bound, when the source states one; otherwise derived from the qualifier. */
  lower?: number | null | undefined;
  /** Caveats. */
  note?: string | null | undefined;
  /** ISO 8601 period: YYYY, YYYY-Qn, YYYY-MM, YYYY-MM-DD or START/END (END may be ..). */
  period: string;
  /** How the source words the figure (default EXACT). */
  qualifier?: Qualifier | null | undefined;
  /** The sentence of the source. */
  quote?: string | null | undefined;
  /** The part of the unit the figure is about, in the source's words ("one household"); null: the unit as a whole. A part's figure stays out of the unit's series, rollups and rankings unless a request includes parts. */
  scope?: string | null | undefined;
  /** Code of the source the figure comes from (see `sources`). */
  source: string;
  /** Code of the unit or organisation, e.g. "village/huoi-song". */
  subject: string;
  /** Upper bound, when the source states one; otherwise derived from the qualifier. */
  upper?: number | null | undefined;
  /** The figure as stated. */
  value: number;
};

/** The length of the period a figure refers to; RANGE is an explicit start/end, possibly open ("since July 2025"). */
export type PeriodGranularity =
  | 'DAY'
  | 'MONTH'
  | 'QUARTER'
  | 'RANGE'
  | 'YEAR';

/** How the source words a figure; keeps "more than 49,000" from becoming 49,000. Each figure also carries the interval it stands for (lower, upper; null = unbounded). The rule, unless a row gives its own bounds: EXACT [v, v]; MORE_THAN and AT_LEAST [v, ∞); LESS_THAN and AT_MOST (−∞, v]; NEARLY [0.9·v, v]; JUST_OVER [v, 1.1·v]; ABOUT [0.95·v, 1.05·v]. For a negative v (a reported decline, read on the signed change) the widths are taken on |v|: NEARLY −20 is [−22, −20], JUST_OVER −20 [−20, −18]. Strictness (more than vs at least) is kept in the qualifier, not in the bounds. A computed value's qualifier follows one rule (docs/analytics.md#uncertainty-is-carried): EXACT when every input was exact; else MORE_THAN when the interval is open above and starts at the value, LESS_THAN when open below and ends at it, UNKNOWN when the inputs give no value or the interval spans the indicator's whole domain, otherwise ABOUT; computed intervals are clipped to the domain (a share's to [0, 1]). */
export type Qualifier =
  /** "about", "approximately", or rounded: interval [0.95·v, 1.05·v] unless the row states bounds. */
  | 'ABOUT'
  /** "at least": a lower bound, inclusive. */
  | 'AT_LEAST'
  /** "at most": an upper bound, inclusive. */
  | 'AT_MOST'
  /** Stated exactly ("377 Party members"). */
  | 'EXACT'
  /** "just over": just above the figure; interval [v, 1.1·v]. */
  | 'JUST_OVER'
  /** "less than", "under": an upper bound. */
  | 'LESS_THAN'
  /** "more than", "over": a lower bound. */
  | 'MORE_THAN'
  /** "nearly", "almost": just below the figure; interval [0.9·v, v]. */
  | 'NEARLY'
  /** Computed values only: the inputs do not pin the value down (an unknown share of a figure, or "more than 27,000 of more than 49,000", which could be any share). The value is null; lower and upper say where it lies, clipped to the indicator's domain. */
  | 'UNKNOWN';

/** What a ranking sorts by: the value in `period`, or its change between `from` and `to`. */
export type RankBy =
  | 'ABSOLUTE_CHANGE'
  | 'PERCENT_CHANGE'
  | 'VALUE';

/** The step of a series' time axis. */
export type SeriesGranularity =
  | 'MONTH'
  | 'QUARTER'
  | 'YEAR';

/** How much a finding matters. */
export type Severity =
  /** The sources contradict each other or could not be read: nothing was derived from the row. */
  | 'ERROR'
  /** The sources were read with a stated rule (a padded code, a name matched ignoring diacritics). */
  | 'INFO'
  /** The sources are incomplete: what was derived is kept, and what is missing is named. */
  | 'WARNING';

/** DESC ranks the largest first (top N); ASC the smallest first (bottom N; e.g. the fastest decline by PERCENT_CHANGE). */
export type SortOrder =
  | 'ASC'
  | 'DESC';

/** Which source a series uses when several report the same period. Reported figures always win over derived ones; a named `preferSource` wins next; then this order. */
export type SourcePreference =
  | 'EARLIEST_PUBLICATION'
  | 'MOST_RECENT_PUBLICATION';

/** The type of an administrative unit, as its full name gives it (Tỉnh, Thành phố, Huyện, Quận, Thị xã, Xã, Phường, Thị trấn, Đặc khu). */
export type UnitType =
  /** Thành phố (city), province level. */
  | 'CENTRAL_CITY'
  /** Xã (commune), commune level. */
  | 'COMMUNE'
  /** Huyện (district), district level. */
  | 'DISTRICT'
  /** Tỉnh (province), province level. */
  | 'PROVINCE'
  /** Thành phố (city), district level. */
  | 'PROVINCIAL_CITY'
  /** Đặc khu (special administrative region), commune level. */
  | 'SPECIAL_ZONE'
  /** Thị xã (town), district level. */
  | 'TOWN'
  /** Thị trấn (township), commune level. */
  | 'TOWNSHIP'
  /** Quận (district), district level. */
  | 'URBAN_DISTRICT'
  /** Phường (ward), commune level. */
  | 'WARD';

/** How a value was obtained. */
export type ValueBasis =
  /** A RATIO indicator recomputed from its numerator and denominator for the same unit and period. */
  | 'COMPUTED'
  /** A gap on the time axis filled from neighbouring points (see `filledFrom`); never an observation. */
  | 'FILLED'
  /** A period on the time axis with no value (fill: NONE). */
  | 'MISSING'
  /** Re-expressed on another date's units (a `geography`) from the units that existed in the period, through the lineage: weighted where shares are known, an interval where not; `reporting`/`expected` give the coverage, `formula` the terms. */
  | 'RECONSTRUCTED'
  /** An observation recorded for the unit itself (see `observation`; it may itself be a derived row, see `derived`). */
  | 'REPORTED'
  /** Summed from the unit's descendants (a ratio: their numerators over their denominators); see reporting/expected. */
  | 'ROLLED_UP';

/** What kind of number an indicator is, and so its domain: loads refuse figures outside it and computed intervals are clipped to it (see `Indicator.domain`). */
export type ValueType =
  /** An amount may take any value. */
  | 'AMOUNT'
  /** An area is at least 0. */
  | 'AREA'
  /** A count is a whole number of at least 0. */
  | 'COUNT'
  /** A share lies between 0 and 1. */
  | 'SHARE';

export type EstimateFieldsFragment = { value: number, lower: number | null, upper: number | null, qualifier: Qualifier };

export type ChangeFieldsFragment = { years: number | null, basis: ChangeBasis, consecutive: boolean, from: { period: string, value: number | null, qualifier: Qualifier | null, lower: number | null, upper: number | null, basis: ValueBasis } | null, to: { period: string, value: number | null, qualifier: Qualifier | null, lower: number | null, upper: number | null, basis: ValueBasis } | null, absolute: { value: number, lower: number | null, upper: number | null, qualifier: Qualifier } | null, percent: { value: number, lower: number | null, upper: number | null, qualifier: Qualifier } | null, cagr: { value: number, lower: number | null, upper: number | null, qualifier: Qualifier } | null, index: { value: number, lower: number | null, upper: number | null, qualifier: Qualifier } | null, reported: { fromPeriod: string, toPeriod: string, value: number, qualifier: Qualifier, lower: number | null, upper: number | null, quote: string | null, note: string | null, source: { code: string } | null } | null };

export type ReportedChangeFieldsFragment = { fromPeriod: string, toPeriod: string, value: number, qualifier: Qualifier, lower: number | null, upper: number | null, quote: string | null, note: string | null, source: { code: string } | null };

export type ChangeQueryVariables = Exact<{
  code: string;
  indicator: string;
  from: string;
  to: string;
  rollup?: LocalityKind | null | undefined;
}>;


export type ChangeQuery = { locality:
    | { code: string, change: { years: number | null, basis: ChangeBasis, consecutive: boolean, from: { period: string, value: number | null, qualifier: Qualifier | null, lower: number | null, upper: number | null, basis: ValueBasis } | null, to: { period: string, value: number | null, qualifier: Qualifier | null, lower: number | null, upper: number | null, basis: ValueBasis } | null, absolute: { value: number, lower: number | null, upper: number | null, qualifier: Qualifier } | null, percent: { value: number, lower: number | null, upper: number | null, qualifier: Qualifier } | null, cagr: { value: number, lower: number | null, upper: number | null, qualifier: Qualifier } | null, index: { value: number, lower: number | null, upper: number | null, qualifier: Qualifier } | null, reported: { fromPeriod: string, toPeriod: string, value: number, qualifier: Qualifier, lower: number | null, upper: number | null, quote: string | null, note: string | null, source: { code: string } | null } | null } }
    | { code: string, change: { years: number | null, basis: ChangeBasis, consecutive: boolean, from: { period: string, value: number | null, qualifier: Qualifier | null, lower: number | null, upper: number | null, basis: ValueBasis } | null, to: { period: string, value: number | null, qualifier: Qualifier | null, lower: number | null, upper: number | null, basis: ValueBasis } | null, absolute: { value: number, lower: number | null, upper: number | null, qualifier: Qualifier } | null, percent: { value: number, lower: number | null, upper: number | null, qualifier: Qualifier } | null, cagr: { value: number, lower: number | null, upper: number | null, qualifier: Qualifier } | null, index: { value: number, lower: number | null, upper: number | null, qualifier: Qualifier } | null, reported: { fromPeriod: string, toPeriod: string, value: number, qualifier: Qualifier, lower: number | null, upper: number | null, quote: string | null, note: string | null, source: { code: string } | null } | null } }
    | { code: string, change: { years: number | null, basis: ChangeBasis, consecutive: boolean, from: { period: string, value: number | null, qualifier: Qualifier | null, lower: number | null, upper: number | null, basis: ValueBasis } | null, to: { period: string, value: number | null, qualifier: Qualifier | null, lower: number | null, upper: number | null, basis: ValueBasis } | null, absolute: { value: number, lower: number | null, upper: number | null, qualifier: Qualifier } | null, percent: { value: number, lower: number | null, upper: number | null, qualifier: Qualifier } | null, cagr: { value: number, lower: number | null, upper: number | null, qualifier: Qualifier } | null, index: { value: number, lower: number | null, upper: number | null, qualifier: Qualifier } | null, reported: { fromPeriod: string, toPeriod: string, value: number, qualifier: Qualifier, lower: number | null, upper: number | null, quote: string | null, note: string | null, source: { code: string } | null } | null } }
    | { code: string, change: { years: number | null, basis: ChangeBasis, consecutive: boolean, from: { period: string, value: number | null, qualifier: Qualifier | null, lower: number | null, upper: number | null, basis: ValueBasis } | null, to: { period: string, value: number | null, qualifier: Qualifier | null, lower: number | null, upper: number | null, basis: ValueBasis } | null, absolute: { value: number, lower: number | null, upper: number | null, qualifier: Qualifier } | null, percent: { value: number, lower: number | null, upper: number | null, qualifier: Qualifier } | null, cagr: { value: number, lower: number | null, upper: number | null, qualifier: Qualifier } | null, index: { value: number, lower: number | null, upper: number | null, qualifier: Qualifier } | null, reported: { fromPeriod: string, toPeriod: string, value: number, qualifier: Qualifier, lower: number | null, upper: number | null, quote: string | null, note: string | null, source: { code: string } | null } | null } }
    | { code: string, change: { years: number | null, basis: ChangeBasis, consecutive: boolean, from: { period: string, value: number | null, qualifier: Qualifier | null, lower: number | null, upper: number | null, basis: ValueBasis } | null, to: { period: string, value: number | null, qualifier: Qualifier | null, lower: number | null, upper: number | null, basis: ValueBasis } | null, absolute: { value: number, lower: number | null, upper: number | null, qualifier: Qualifier } | null, percent: { value: number, lower: number | null, upper: number | null, qualifier: Qualifier } | null, cagr: { value: number, lower: number | null, upper: number | null, qualifier: Qualifier } | null, index: { value: number, lower: number | null, upper: number | null, qualifier: Qualifier } | null, reported: { fromPeriod: string, toPeriod: string, value: number, qualifier: Qualifier, lower: number | null, upper: number | null, quote: string | null, note: string | null, source: { code: string } | null } | null } }
    | { code: string, change: { years: number | null, basis: ChangeBasis, consecutive: boolean, from: { period: string, value: number | null, qualifier: Qualifier | null, lower: number | null, upper: number | null, basis: ValueBasis } | null, to: { period: string, value: number | null, qualifier: Qualifier | null, lower: number | null, upper: number | null, basis: ValueBasis } | null, absolute: { value: number, lower: number | null, upper: number | null, qualifier: Qualifier } | null, percent: { value: number, lower: number | null, upper: number | null, qualifier: Qualifier } | null, cagr: { value: number, lower: number | null, upper: number | null, qualifier: Qualifier } | null, index: { value: number, lower: number | null, upper: number | null, qualifier: Qualifier } | null, reported: { fromPeriod: string, toPeriod: string, value: number, qualifier: Qualifier, lower: number | null, upper: number | null, quote: string | null, note: string | null, source: { code: string } | null } | null } }
   };

export type YearOverYearQueryVariables = Exact<{
  code: string;
  indicator: string;
  from?: string | null | undefined;
  to?: string | null | undefined;
  includeWiderSteps?: boolean | null | undefined;
}>;


export type YearOverYearQuery = { locality:
    | { code: string, yoy: Array<{ years: number | null, basis: ChangeBasis, consecutive: boolean, from: { period: string, value: number | null, qualifier: Qualifier | null, lower: number | null, upper: number | null, basis: ValueBasis } | null, to: { period: string, value: number | null, qualifier: Qualifier | null, lower: number | null, upper: number | null, basis: ValueBasis } | null, absolute: { value: number, lower: number | null, upper: number | null, qualifier: Qualifier } | null, percent: { value: number, lower: number | null, upper: number | null, qualifier: Qualifier } | null, cagr: { value: number, lower: number | null, upper: number | null, qualifier: Qualifier } | null, index: { value: number, lower: number | null, upper: number | null, qualifier: Qualifier } | null, reported: { fromPeriod: string, toPeriod: string, value: number, qualifier: Qualifier, lower: number | null, upper: number | null, quote: string | null, note: string | null, source: { code: string } | null } | null }> }
    | { code: string, yoy: Array<{ years: number | null, basis: ChangeBasis, consecutive: boolean, from: { period: string, value: number | null, qualifier: Qualifier | null, lower: number | null, upper: number | null, basis: ValueBasis } | null, to: { period: string, value: number | null, qualifier: Qualifier | null, lower: number | null, upper: number | null, basis: ValueBasis } | null, absolute: { value: number, lower: number | null, upper: number | null, qualifier: Qualifier } | null, percent: { value: number, lower: number | null, upper: number | null, qualifier: Qualifier } | null, cagr: { value: number, lower: number | null, upper: number | null, qualifier: Qualifier } | null, index: { value: number, lower: number | null, upper: number | null, qualifier: Qualifier } | null, reported: { fromPeriod: string, toPeriod: string, value: number, qualifier: Qualifier, lower: number | null, upper: number | null, quote: string | null, note: string | null, source: { code: string } | null } | null }> }
    | { code: string, yoy: Array<{ years: number | null, basis: ChangeBasis, consecutive: boolean, from: { period: string, value: number | null, qualifier: Qualifier | null, lower: number | null, upper: number | null, basis: ValueBasis } | null, to: { period: string, value: number | null, qualifier: Qualifier | null, lower: number | null, upper: number | null, basis: ValueBasis } | null, absolute: { value: number, lower: number | null, upper: number | null, qualifier: Qualifier } | null, percent: { value: number, lower: number | null, upper: number | null, qualifier: Qualifier } | null, cagr: { value: number, lower: number | null, upper: number | null, qualifier: Qualifier } | null, index: { value: number, lower: number | null, upper: number | null, qualifier: Qualifier } | null, reported: { fromPeriod: string, toPeriod: string, value: number, qualifier: Qualifier, lower: number | null, upper: number | null, quote: string | null, note: string | null, source: { code: string } | null } | null }> }
    | { code: string, yoy: Array<{ years: number | null, basis: ChangeBasis, consecutive: boolean, from: { period: string, value: number | null, qualifier: Qualifier | null, lower: number | null, upper: number | null, basis: ValueBasis } | null, to: { period: string, value: number | null, qualifier: Qualifier | null, lower: number | null, upper: number | null, basis: ValueBasis } | null, absolute: { value: number, lower: number | null, upper: number | null, qualifier: Qualifier } | null, percent: { value: number, lower: number | null, upper: number | null, qualifier: Qualifier } | null, cagr: { value: number, lower: number | null, upper: number | null, qualifier: Qualifier } | null, index: { value: number, lower: number | null, upper: number | null, qualifier: Qualifier } | null, reported: { fromPeriod: string, toPeriod: string, value: number, qualifier: Qualifier, lower: number | null, upper: number | null, quote: string | null, note: string | null, source: { code: string } | null } | null }> }
    | { code: string, yoy: Array<{ years: number | null, basis: ChangeBasis, consecutive: boolean, from: { period: string, value: number | null, qualifier: Qualifier | null, lower: number | null, upper: number | null, basis: ValueBasis } | null, to: { period: string, value: number | null, qualifier: Qualifier | null, lower: number | null, upper: number | null, basis: ValueBasis } | null, absolute: { value: number, lower: number | null, upper: number | null, qualifier: Qualifier } | null, percent: { value: number, lower: number | null, upper: number | null, qualifier: Qualifier } | null, cagr: { value: number, lower: number | null, upper: number | null, qualifier: Qualifier } | null, index: { value: number, lower: number | null, upper: number | null, qualifier: Qualifier } | null, reported: { fromPeriod: string, toPeriod: string, value: number, qualifier: Qualifier, lower: number | null, upper: number | null, quote: string | null, note: string | null, source: { code: string } | null } | null }> }
    | { code: string, yoy: Array<{ years: number | null, basis: ChangeBasis, consecutive: boolean, from: { period: string, value: number | null, qualifier: Qualifier | null, lower: number | null, upper: number | null, basis: ValueBasis } | null, to: { period: string, value: number | null, qualifier: Qualifier | null, lower: number | null, upper: number | null, basis: ValueBasis } | null, absolute: { value: number, lower: number | null, upper: number | null, qualifier: Qualifier } | null, percent: { value: number, lower: number | null, upper: number | null, qualifier: Qualifier } | null, cagr: { value: number, lower: number | null, upper: number | null, qualifier: Qualifier } | null, index: { value: number, lower: number | null, upper: number | null, qualifier: Qualifier } | null, reported: { fromPeriod: string, toPeriod: string, value: number, qualifier: Qualifier, lower: number | null, upper: number | null, quote: string | null, note: string | null, source: { code: string } | null } | null }> }
   };

export type ReportedChangesQueryVariables = Exact<{
  code: string;
  indicator?: string | null | undefined;
}>;


export type ReportedChangesQuery = { locality:
    | { code: string, reportedChanges: Array<{ recordedAt: string, fromPeriod: string, toPeriod: string, value: number, qualifier: Qualifier, lower: number | null, upper: number | null, quote: string | null, note: string | null, indicator: { code: string } | null, locality:
          | { code: string }
          | { code: string }
          | { code: string }
          | { code: string }
          | { code: string }
          | { code: string }
         | null, source: { code: string } | null }> }
    | { code: string, reportedChanges: Array<{ recordedAt: string, fromPeriod: string, toPeriod: string, value: number, qualifier: Qualifier, lower: number | null, upper: number | null, quote: string | null, note: string | null, indicator: { code: string } | null, locality:
          | { code: string }
          | { code: string }
          | { code: string }
          | { code: string }
          | { code: string }
          | { code: string }
         | null, source: { code: string } | null }> }
    | { code: string, reportedChanges: Array<{ recordedAt: string, fromPeriod: string, toPeriod: string, value: number, qualifier: Qualifier, lower: number | null, upper: number | null, quote: string | null, note: string | null, indicator: { code: string } | null, locality:
          | { code: string }
          | { code: string }
          | { code: string }
          | { code: string }
          | { code: string }
          | { code: string }
         | null, source: { code: string } | null }> }
    | { code: string, reportedChanges: Array<{ recordedAt: string, fromPeriod: string, toPeriod: string, value: number, qualifier: Qualifier, lower: number | null, upper: number | null, quote: string | null, note: string | null, indicator: { code: string } | null, locality:
          | { code: string }
          | { code: string }
          | { code: string }
          | { code: string }
          | { code: string }
          | { code: string }
         | null, source: { code: string } | null }> }
    | { code: string, reportedChanges: Array<{ recordedAt: string, fromPeriod: string, toPeriod: string, value: number, qualifier: Qualifier, lower: number | null, upper: number | null, quote: string | null, note: string | null, indicator: { code: string } | null, locality:
          | { code: string }
          | { code: string }
          | { code: string }
          | { code: string }
          | { code: string }
          | { code: string }
         | null, source: { code: string } | null }> }
    | { code: string, reportedChanges: Array<{ recordedAt: string, fromPeriod: string, toPeriod: string, value: number, qualifier: Qualifier, lower: number | null, upper: number | null, quote: string | null, note: string | null, indicator: { code: string } | null, locality:
          | { code: string }
          | { code: string }
          | { code: string }
          | { code: string }
          | { code: string }
          | { code: string }
         | null, source: { code: string } | null }> }
   };

export type LatestQueryVariables = Exact<{
  code: string;
  indicator: string;
  rollup?: LocalityKind | null | undefined;
}>;


export type LatestQuery = { locality:
    | { code: string, latest: { period: string, periodStart: string, periodEnd: string | null, granularity: PeriodGranularity, value: number | null, qualifier: Qualifier | null, lower: number | null, upper: number | null, basis: ValueBasis, derived: boolean, filledFrom: Array<string> | null, reporting: number | null, expected: number | null, coverage: number | null, source: { id: string, code: string, title: string } | null, sources: Array<{ code: string }>, observation: { id: string, formula: string | null, quote: string | null, note: string | null } | null } | null }
    | { code: string, latest: { period: string, periodStart: string, periodEnd: string | null, granularity: PeriodGranularity, value: number | null, qualifier: Qualifier | null, lower: number | null, upper: number | null, basis: ValueBasis, derived: boolean, filledFrom: Array<string> | null, reporting: number | null, expected: number | null, coverage: number | null, source: { id: string, code: string, title: string } | null, sources: Array<{ code: string }>, observation: { id: string, formula: string | null, quote: string | null, note: string | null } | null } | null }
    | { code: string, latest: { period: string, periodStart: string, periodEnd: string | null, granularity: PeriodGranularity, value: number | null, qualifier: Qualifier | null, lower: number | null, upper: number | null, basis: ValueBasis, derived: boolean, filledFrom: Array<string> | null, reporting: number | null, expected: number | null, coverage: number | null, source: { id: string, code: string, title: string } | null, sources: Array<{ code: string }>, observation: { id: string, formula: string | null, quote: string | null, note: string | null } | null } | null }
    | { code: string, latest: { period: string, periodStart: string, periodEnd: string | null, granularity: PeriodGranularity, value: number | null, qualifier: Qualifier | null, lower: number | null, upper: number | null, basis: ValueBasis, derived: boolean, filledFrom: Array<string> | null, reporting: number | null, expected: number | null, coverage: number | null, source: { id: string, code: string, title: string } | null, sources: Array<{ code: string }>, observation: { id: string, formula: string | null, quote: string | null, note: string | null } | null } | null }
    | { code: string, latest: { period: string, periodStart: string, periodEnd: string | null, granularity: PeriodGranularity, value: number | null, qualifier: Qualifier | null, lower: number | null, upper: number | null, basis: ValueBasis, derived: boolean, filledFrom: Array<string> | null, reporting: number | null, expected: number | null, coverage: number | null, source: { id: string, code: string, title: string } | null, sources: Array<{ code: string }>, observation: { id: string, formula: string | null, quote: string | null, note: string | null } | null } | null }
    | { code: string, latest: { period: string, periodStart: string, periodEnd: string | null, granularity: PeriodGranularity, value: number | null, qualifier: Qualifier | null, lower: number | null, upper: number | null, basis: ValueBasis, derived: boolean, filledFrom: Array<string> | null, reporting: number | null, expected: number | null, coverage: number | null, source: { id: string, code: string, title: string } | null, sources: Array<{ code: string }>, observation: { id: string, formula: string | null, quote: string | null, note: string | null } | null } | null }
   };

export type PeersQueryVariables = Exact<{
  code: string;
  indicator: string;
  period: string;
  rollup?: LocalityKind | null | undefined;
}>;


export type PeersQuery = { locality:
    | { code: string, peers: { peerCount: number, peersReporting: number, median: number | null, minimum: number | null, maximum: number | null, rank: number | null, point: { value: number | null, basis: ValueBasis } | null, parentPoint: { value: number | null, basis: ValueBasis, reporting: number | null, expected: number | null, locality:
            | { code: string }
            | { code: string }
            | { code: string }
            | { code: string }
            | { code: string }
            | { code: string }
           | null } | null, shareOfParent: { value: number, lower: number | null, upper: number | null, qualifier: Qualifier } | null } | null }
    | { code: string, peers: { peerCount: number, peersReporting: number, median: number | null, minimum: number | null, maximum: number | null, rank: number | null, point: { value: number | null, basis: ValueBasis } | null, parentPoint: { value: number | null, basis: ValueBasis, reporting: number | null, expected: number | null, locality:
            | { code: string }
            | { code: string }
            | { code: string }
            | { code: string }
            | { code: string }
            | { code: string }
           | null } | null, shareOfParent: { value: number, lower: number | null, upper: number | null, qualifier: Qualifier } | null } | null }
    | { code: string, peers: { peerCount: number, peersReporting: number, median: number | null, minimum: number | null, maximum: number | null, rank: number | null, point: { value: number | null, basis: ValueBasis } | null, parentPoint: { value: number | null, basis: ValueBasis, reporting: number | null, expected: number | null, locality:
            | { code: string }
            | { code: string }
            | { code: string }
            | { code: string }
            | { code: string }
            | { code: string }
           | null } | null, shareOfParent: { value: number, lower: number | null, upper: number | null, qualifier: Qualifier } | null } | null }
    | { code: string, peers: { peerCount: number, peersReporting: number, median: number | null, minimum: number | null, maximum: number | null, rank: number | null, point: { value: number | null, basis: ValueBasis } | null, parentPoint: { value: number | null, basis: ValueBasis, reporting: number | null, expected: number | null, locality:
            | { code: string }
            | { code: string }
            | { code: string }
            | { code: string }
            | { code: string }
            | { code: string }
           | null } | null, shareOfParent: { value: number, lower: number | null, upper: number | null, qualifier: Qualifier } | null } | null }
    | { code: string, peers: { peerCount: number, peersReporting: number, median: number | null, minimum: number | null, maximum: number | null, rank: number | null, point: { value: number | null, basis: ValueBasis } | null, parentPoint: { value: number | null, basis: ValueBasis, reporting: number | null, expected: number | null, locality:
            | { code: string }
            | { code: string }
            | { code: string }
            | { code: string }
            | { code: string }
            | { code: string }
           | null } | null, shareOfParent: { value: number, lower: number | null, upper: number | null, qualifier: Qualifier } | null } | null }
    | { code: string, peers: { peerCount: number, peersReporting: number, median: number | null, minimum: number | null, maximum: number | null, rank: number | null, point: { value: number | null, basis: ValueBasis } | null, parentPoint: { value: number | null, basis: ValueBasis, reporting: number | null, expected: number | null, locality:
            | { code: string }
            | { code: string }
            | { code: string }
            | { code: string }
            | { code: string }
            | { code: string }
           | null } | null, shareOfParent: { value: number, lower: number | null, upper: number | null, qualifier: Qualifier } | null } | null }
   };

export type TotalsAndPartsQueryVariables = Exact<{
  code: string;
  indicator: string;
  childKind: LocalityKind;
  from?: string | null | undefined;
  to?: string | null | undefined;
}>;


export type TotalsAndPartsQuery = { locality:
    | { code: string, totalsAndParts: Array<{ period: string, reporting: number, expected: number, coverage: number | null, own: { value: number | null, qualifier: Qualifier | null, basis: ValueBasis } | null, children: { value: number | null, qualifier: Qualifier | null, lower: number | null, upper: number | null, basis: ValueBasis, reporting: number | null, expected: number | null, sources: Array<{ code: string }> } | null, gap: { value: number, lower: number | null, upper: number | null, qualifier: Qualifier } | null }> }
    | { code: string, totalsAndParts: Array<{ period: string, reporting: number, expected: number, coverage: number | null, own: { value: number | null, qualifier: Qualifier | null, basis: ValueBasis } | null, children: { value: number | null, qualifier: Qualifier | null, lower: number | null, upper: number | null, basis: ValueBasis, reporting: number | null, expected: number | null, sources: Array<{ code: string }> } | null, gap: { value: number, lower: number | null, upper: number | null, qualifier: Qualifier } | null }> }
    | { code: string, totalsAndParts: Array<{ period: string, reporting: number, expected: number, coverage: number | null, own: { value: number | null, qualifier: Qualifier | null, basis: ValueBasis } | null, children: { value: number | null, qualifier: Qualifier | null, lower: number | null, upper: number | null, basis: ValueBasis, reporting: number | null, expected: number | null, sources: Array<{ code: string }> } | null, gap: { value: number, lower: number | null, upper: number | null, qualifier: Qualifier } | null }> }
    | { code: string, totalsAndParts: Array<{ period: string, reporting: number, expected: number, coverage: number | null, own: { value: number | null, qualifier: Qualifier | null, basis: ValueBasis } | null, children: { value: number | null, qualifier: Qualifier | null, lower: number | null, upper: number | null, basis: ValueBasis, reporting: number | null, expected: number | null, sources: Array<{ code: string }> } | null, gap: { value: number, lower: number | null, upper: number | null, qualifier: Qualifier } | null }> }
    | { code: string, totalsAndParts: Array<{ period: string, reporting: number, expected: number, coverage: number | null, own: { value: number | null, qualifier: Qualifier | null, basis: ValueBasis } | null, children: { value: number | null, qualifier: Qualifier | null, lower: number | null, upper: number | null, basis: ValueBasis, reporting: number | null, expected: number | null, sources: Array<{ code: string }> } | null, gap: { value: number, lower: number | null, upper: number | null, qualifier: Qualifier } | null }> }
    | { code: string, totalsAndParts: Array<{ period: string, reporting: number, expected: number, coverage: number | null, own: { value: number | null, qualifier: Qualifier | null, basis: ValueBasis } | null, children: { value: number | null, qualifier: Qualifier | null, lower: number | null, upper: number | null, basis: ValueBasis, reporting: number | null, expected: number | null, sources: Array<{ code: string }> } | null, gap: { value: number, lower: number | null, upper: number | null, qualifier: Qualifier } | null }> }
   };

export type RankingQueryVariables = Exact<{
  indicator: string;
  kind: LocalityKind;
  within?: string | number | null | undefined;
  by?: RankBy | null | undefined;
  period?: string | null | undefined;
  from?: string | null | undefined;
  to?: string | null | undefined;
  order?: SortOrder | null | undefined;
  first?: number | null | undefined;
  rollup?: LocalityKind | null | undefined;
}>;


export type RankingQuery = { ranking: { peerCount: number, unitCount: number, indicator: { code: string }, entries: Array<{ rank: number, sortValue: number, locality:
        | { code: string, name: string }
        | { code: string, name: string }
        | { code: string, name: string }
        | { code: string, name: string }
        | { code: string, name: string }
        | { code: string, name: string }
       | null, point: { period: string, value: number | null, qualifier: Qualifier | null, basis: ValueBasis } | null, change: { years: number | null, basis: ChangeBasis, consecutive: boolean, from: { period: string, value: number | null, qualifier: Qualifier | null, lower: number | null, upper: number | null, basis: ValueBasis } | null, to: { period: string, value: number | null, qualifier: Qualifier | null, lower: number | null, upper: number | null, basis: ValueBasis } | null, absolute: { value: number, lower: number | null, upper: number | null, qualifier: Qualifier } | null, percent: { value: number, lower: number | null, upper: number | null, qualifier: Qualifier } | null, cagr: { value: number, lower: number | null, upper: number | null, qualifier: Qualifier } | null, index: { value: number, lower: number | null, upper: number | null, qualifier: Qualifier } | null, reported: { fromPeriod: string, toPeriod: string, value: number, qualifier: Qualifier, lower: number | null, upper: number | null, quote: string | null, note: string | null, source: { code: string } | null } | null } | null }> } };

export type TableQueryVariables = Exact<{
  indicators: Array<string> | string;
  localities?: Array<string | number> | string | number | null | undefined;
  kind?: LocalityKind | null | undefined;
  within?: string | number | null | undefined;
  periods?: Array<string> | string | null | undefined;
  from?: string | null | undefined;
  to?: string | null | undefined;
  rollup?: LocalityKind | null | undefined;
}>;


export type TableQuery = { table: { rowCount: number, rows: Array<{ period: string, value: number | null, qualifier: Qualifier | null, lower: number | null, upper: number | null, basis: ValueBasis, locality:
        | { code: string }
        | { code: string }
        | { code: string }
        | { code: string }
        | { code: string }
        | { code: string }
       | null, indicator: { code: string }, source: { code: string } | null }>, pivot: { periods: Array<string>, rows: Array<{ indicator: string, values: Array<number | null>, qualifiers: Array<Qualifier | null>, locality:
          | { code: string }
          | { code: string }
          | { code: string }
          | { code: string }
          | { code: string }
          | { code: string }
         | null }> }, columns: { localityCodes: Array<string>, indicators: Array<string>, periods: Array<string>, values: Array<number | null>, qualifiers: Array<Qualifier>, lowers: Array<number | null>, uppers: Array<number | null>, sourceCodes: Array<string | null>, bases: Array<ValueBasis> }, packed: { periods: string[], indicators: string[], qualifiers: Array<Qualifier>, localityCodes: string[], rowIndicators: (number | null)[], rowOffsets: (number | null)[], periodIndexes: (number | null)[], values: (number | null)[], qualifierIndexes: (number | null)[] } } };

export type AvailabilityQueryVariables = Exact<{
  indicator?: string | null | undefined;
}>;


export type AvailabilityQuery = { availability: Array<{ kind: LocalityKind, granularity: PeriodGranularity, unitCount: number, observationCount: number, periodCount: number, periods: Array<string>, earliest: string, latest: string, indicator: { code: string } }> };

export type LocalityByCodeQueryVariables = Exact<{
  code: string;
  asOf?: string | null | undefined;
}>;


export type LocalityByCodeQuery = { locality:
    | { id: string, code: string, name: string, kind: LocalityKind, validFrom: string | null, validTo: string | null, note: string | null, parent:
        | { id: string, code: string, name: string, kind: LocalityKind }
        | { id: string, code: string, name: string, kind: LocalityKind }
        | { id: string, code: string, name: string, kind: LocalityKind }
        | { id: string, code: string, name: string, kind: LocalityKind }
        | { id: string, code: string, name: string, kind: LocalityKind }
        | { id: string, code: string, name: string, kind: LocalityKind }
       | null, ancestors: Array<
        | { code: string, kind: LocalityKind }
        | { code: string, kind: LocalityKind }
        | { code: string, kind: LocalityKind }
        | { code: string, kind: LocalityKind }
        | { code: string, kind: LocalityKind }
        | { code: string, kind: LocalityKind }
      >, children: { totalCount: number, nodes: Array<
          | { code: string, name: string, kind: LocalityKind }
          | { code: string, name: string, kind: LocalityKind }
          | { code: string, name: string, kind: LocalityKind }
          | { code: string, name: string, kind: LocalityKind }
          | { code: string, name: string, kind: LocalityKind }
          | { code: string, name: string, kind: LocalityKind }
        >, edges: Array<{ linkValidFrom: string | null, linkValidTo: string | null, node:
            | { code: string }
            | { code: string }
            | { code: string }
            | { code: string }
            | { code: string }
            | { code: string }
           }> }, partyOrganisations: Array<
        | { code: string, name: string, kind: LocalityKind }
        | { code: string, name: string, kind: LocalityKind }
        | { code: string, name: string, kind: LocalityKind }
        | { code: string, name: string, kind: LocalityKind }
        | { code: string, name: string, kind: LocalityKind }
        | { code: string, name: string, kind: LocalityKind }
      >, adminUnit:
        | { code: string, name: string }
        | { code: string, name: string }
        | { code: string, name: string }
        | { code: string, name: string }
        | { code: string, name: string }
        | { code: string, name: string }
       | null, source: { code: string, title: string } | null }
    | { id: string, code: string, name: string, kind: LocalityKind, validFrom: string | null, validTo: string | null, note: string | null, parent:
        | { id: string, code: string, name: string, kind: LocalityKind }
        | { id: string, code: string, name: string, kind: LocalityKind }
        | { id: string, code: string, name: string, kind: LocalityKind }
        | { id: string, code: string, name: string, kind: LocalityKind }
        | { id: string, code: string, name: string, kind: LocalityKind }
        | { id: string, code: string, name: string, kind: LocalityKind }
       | null, ancestors: Array<
        | { code: string, kind: LocalityKind }
        | { code: string, kind: LocalityKind }
        | { code: string, kind: LocalityKind }
        | { code: string, kind: LocalityKind }
        | { code: string, kind: LocalityKind }
        | { code: string, kind: LocalityKind }
      >, children: { totalCount: number, nodes: Array<
          | { code: string, name: string, kind: LocalityKind }
          | { code: string, name: string, kind: LocalityKind }
          | { code: string, name: string, kind: LocalityKind }
          | { code: string, name: string, kind: LocalityKind }
          | { code: string, name: string, kind: LocalityKind }
          | { code: string, name: string, kind: LocalityKind }
        >, edges: Array<{ linkValidFrom: string | null, linkValidTo: string | null, node:
            | { code: string }
            | { code: string }
            | { code: string }
            | { code: string }
            | { code: string }
            | { code: string }
           }> }, partyOrganisations: Array<
        | { code: string, name: string, kind: LocalityKind }
        | { code: string, name: string, kind: LocalityKind }
        | { code: string, name: string, kind: LocalityKind }
        | { code: string, name: string, kind: LocalityKind }
        | { code: string, name: string, kind: LocalityKind }
        | { code: string, name: string, kind: LocalityKind }
      >, adminUnit:
        | { code: string, name: string }
        | { code: string, name: string }
        | { code: string, name: string }
        | { code: string, name: string }
        | { code: string, name: string }
        | { code: string, name: string }
       | null, source: { code: string, title: string } | null }
    | { id: string, code: string, name: string, kind: LocalityKind, validFrom: string | null, validTo: string | null, note: string | null, parent:
        | { id: string, code: string, name: string, kind: LocalityKind }
        | { id: string, code: string, name: string, kind: LocalityKind }
        | { id: string, code: string, name: string, kind: LocalityKind }
        | { id: string, code: string, name: string, kind: LocalityKind }
        | { id: string, code: string, name: string, kind: LocalityKind }
        | { id: string, code: string, name: string, kind: LocalityKind }
       | null, ancestors: Array<
        | { code: string, kind: LocalityKind }
        | { code: string, kind: LocalityKind }
        | { code: string, kind: LocalityKind }
        | { code: string, kind: LocalityKind }
        | { code: string, kind: LocalityKind }
        | { code: string, kind: LocalityKind }
      >, children: { totalCount: number, nodes: Array<
          | { code: string, name: string, kind: LocalityKind }
          | { code: string, name: string, kind: LocalityKind }
          | { code: string, name: string, kind: LocalityKind }
          | { code: string, name: string, kind: LocalityKind }
          | { code: string, name: string, kind: LocalityKind }
          | { code: string, name: string, kind: LocalityKind }
        >, edges: Array<{ linkValidFrom: string | null, linkValidTo: string | null, node:
            | { code: string }
            | { code: string }
            | { code: string }
            | { code: string }
            | { code: string }
            | { code: string }
           }> }, partyOrganisations: Array<
        | { code: string, name: string, kind: LocalityKind }
        | { code: string, name: string, kind: LocalityKind }
        | { code: string, name: string, kind: LocalityKind }
        | { code: string, name: string, kind: LocalityKind }
        | { code: string, name: string, kind: LocalityKind }
        | { code: string, name: string, kind: LocalityKind }
      >, adminUnit:
        | { code: string, name: string }
        | { code: string, name: string }
        | { code: string, name: string }
        | { code: string, name: string }
        | { code: string, name: string }
        | { code: string, name: string }
       | null, source: { code: string, title: string } | null }
    | { id: string, code: string, name: string, kind: LocalityKind, validFrom: string | null, validTo: string | null, note: string | null, parent:
        | { id: string, code: string, name: string, kind: LocalityKind }
        | { id: string, code: string, name: string, kind: LocalityKind }
        | { id: string, code: string, name: string, kind: LocalityKind }
        | { id: string, code: string, name: string, kind: LocalityKind }
        | { id: string, code: string, name: string, kind: LocalityKind }
        | { id: string, code: string, name: string, kind: LocalityKind }
       | null, ancestors: Array<
        | { code: string, kind: LocalityKind }
        | { code: string, kind: LocalityKind }
        | { code: string, kind: LocalityKind }
        | { code: string, kind: LocalityKind }
        | { code: string, kind: LocalityKind }
        | { code: string, kind: LocalityKind }
      >, children: { totalCount: number, nodes: Array<
          | { code: string, name: string, kind: LocalityKind }
          | { code: string, name: string, kind: LocalityKind }
          | { code: string, name: string, kind: LocalityKind }
          | { code: string, name: string, kind: LocalityKind }
          | { code: string, name: string, kind: LocalityKind }
          | { code: string, name: string, kind: LocalityKind }
        >, edges: Array<{ linkValidFrom: string | null, linkValidTo: string | null, node:
            | { code: string }
            | { code: string }
            | { code: string }
            | { code: string }
            | { code: string }
            | { code: string }
           }> }, partyOrganisations: Array<
        | { code: string, name: string, kind: LocalityKind }
        | { code: string, name: string, kind: LocalityKind }
        | { code: string, name: string, kind: LocalityKind }
        | { code: string, name: string, kind: LocalityKind }
        | { code: string, name: string, kind: LocalityKind }
        | { code: string, name: string, kind: LocalityKind }
      >, adminUnit:
        | { code: string, name: string }
        | { code: string, name: string }
        | { code: string, name: string }
        | { code: string, name: string }
        | { code: string, name: string }
        | { code: string, name: string }
       | null, source: { code: string, title: string } | null }
    | { id: string, code: string, name: string, kind: LocalityKind, validFrom: string | null, validTo: string | null, note: string | null, parent:
        | { id: string, code: string, name: string, kind: LocalityKind }
        | { id: string, code: string, name: string, kind: LocalityKind }
        | { id: string, code: string, name: string, kind: LocalityKind }
        | { id: string, code: string, name: string, kind: LocalityKind }
        | { id: string, code: string, name: string, kind: LocalityKind }
        | { id: string, code: string, name: string, kind: LocalityKind }
       | null, ancestors: Array<
        | { code: string, kind: LocalityKind }
        | { code: string, kind: LocalityKind }
        | { code: string, kind: LocalityKind }
        | { code: string, kind: LocalityKind }
        | { code: string, kind: LocalityKind }
        | { code: string, kind: LocalityKind }
      >, children: { totalCount: number, nodes: Array<
          | { code: string, name: string, kind: LocalityKind }
          | { code: string, name: string, kind: LocalityKind }
          | { code: string, name: string, kind: LocalityKind }
          | { code: string, name: string, kind: LocalityKind }
          | { code: string, name: string, kind: LocalityKind }
          | { code: string, name: string, kind: LocalityKind }
        >, edges: Array<{ linkValidFrom: string | null, linkValidTo: string | null, node:
            | { code: string }
            | { code: string }
            | { code: string }
            | { code: string }
            | { code: string }
            | { code: string }
           }> }, partyOrganisations: Array<
        | { code: string, name: string, kind: LocalityKind }
        | { code: string, name: string, kind: LocalityKind }
        | { code: string, name: string, kind: LocalityKind }
        | { code: string, name: string, kind: LocalityKind }
        | { code: string, name: string, kind: LocalityKind }
        | { code: string, name: string, kind: LocalityKind }
      >, adminUnit:
        | { code: string, name: string }
        | { code: string, name: string }
        | { code: string, name: string }
        | { code: string, name: string }
        | { code: string, name: string }
        | { code: string, name: string }
       | null, source: { code: string, title: string } | null }
    | { id: string, code: string, name: string, kind: LocalityKind, validFrom: string | null, validTo: string | null, note: string | null, parent:
        | { id: string, code: string, name: string, kind: LocalityKind }
        | { id: string, code: string, name: string, kind: LocalityKind }
        | { id: string, code: string, name: string, kind: LocalityKind }
        | { id: string, code: string, name: string, kind: LocalityKind }
        | { id: string, code: string, name: string, kind: LocalityKind }
        | { id: string, code: string, name: string, kind: LocalityKind }
       | null, ancestors: Array<
        | { code: string, kind: LocalityKind }
        | { code: string, kind: LocalityKind }
        | { code: string, kind: LocalityKind }
        | { code: string, kind: LocalityKind }
        | { code: string, kind: LocalityKind }
        | { code: string, kind: LocalityKind }
      >, children: { totalCount: number, nodes: Array<
          | { code: string, name: string, kind: LocalityKind }
          | { code: string, name: string, kind: LocalityKind }
          | { code: string, name: string, kind: LocalityKind }
          | { code: string, name: string, kind: LocalityKind }
          | { code: string, name: string, kind: LocalityKind }
          | { code: string, name: string, kind: LocalityKind }
        >, edges: Array<{ linkValidFrom: string | null, linkValidTo: string | null, node:
            | { code: string }
            | { code: string }
            | { code: string }
            | { code: string }
            | { code: string }
            | { code: string }
           }> }, partyOrganisations: Array<
        | { code: string, name: string, kind: LocalityKind }
        | { code: string, name: string, kind: LocalityKind }
        | { code: string, name: string, kind: LocalityKind }
        | { code: string, name: string, kind: LocalityKind }
        | { code: string, name: string, kind: LocalityKind }
        | { code: string, name: string, kind: LocalityKind }
      >, adminUnit:
        | { code: string, name: string }
        | { code: string, name: string }
        | { code: string, name: string }
        | { code: string, name: string }
        | { code: string, name: string }
        | { code: string, name: string }
       | null, source: { code: string, title: string } | null }
   };

export type LocalityByIdQueryVariables = Exact<{
  id: string | number;
}>;


export type LocalityByIdQuery = { locality:
    | { id: string, code: string, name: string, kind: LocalityKind }
    | { id: string, code: string, name: string, kind: LocalityKind }
    | { id: string, code: string, name: string, kind: LocalityKind }
    | { id: string, code: string, name: string, kind: LocalityKind }
    | { id: string, code: string, name: string, kind: LocalityKind }
    | { id: string, code: string, name: string, kind: LocalityKind }
   };

export type NodeByIdQueryVariables = Exact<{
  id: string | number;
}>;


export type NodeByIdQuery = { node:
    | { __typename: 'Commune', code: string, name: string, id: string }
    | { __typename: 'District', code: string, name: string, id: string }
    | { __typename: 'Document', code: string, number: string, id: string }
    | { __typename: 'Observation', value: number, period: string, id: string }
    | { __typename: 'PartyCell', code: string, name: string, id: string }
    | { __typename: 'PartyCommittee', code: string, name: string, id: string }
    | { __typename: 'Person', id: string }
    | { __typename: 'Province', code: string, name: string, id: string }
    | { __typename: 'Source', code: string, title: string, id: string }
    | { __typename: 'Village', code: string, name: string, id: string }
   };

export type SearchLocalitiesQueryVariables = Exact<{
  search?: string | null | undefined;
  kind?: Array<LocalityKind> | LocalityKind | null | undefined;
  asOf?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type SearchLocalitiesQuery = { localities: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, endCursor: string | null }, nodes: Array<
      | { id: string, code: string, name: string, kind: LocalityKind, validTo: string | null }
      | { id: string, code: string, name: string, kind: LocalityKind, validTo: string | null }
      | { id: string, code: string, name: string, kind: LocalityKind, validTo: string | null }
      | { id: string, code: string, name: string, kind: LocalityKind, validTo: string | null }
      | { id: string, code: string, name: string, kind: LocalityKind, validTo: string | null }
      | { id: string, code: string, name: string, kind: LocalityKind, validTo: string | null }
    > } };

export type ProvinceTreeQueryVariables = Exact<{
  code: string;
  asOf?: string | null | undefined;
}>;


export type ProvinceTreeQuery = { locality:
    | { __typename: 'Commune', code: string }
    | { __typename: 'District', code: string }
    | { __typename: 'PartyCell', code: string }
    | { __typename: 'PartyCommittee', code: string }
    | { __typename: 'Province', code: string, districts: { totalCount: number, nodes: Array<{ code: string, name: string, validTo: string | null }> }, communes: { totalCount: number, nodes: Array<{ code: string, name: string, villages: { nodes: Array<{ code: string, name: string, partyCell: { code: string, name: string } | null }> }, partyCommittee: { code: string, name: string } | null }> } }
    | { __typename: 'Village', code: string }
   };

export type PartyTreeQueryVariables = Exact<{
  code: string;
}>;


export type PartyTreeQuery = { locality:
    | { __typename: 'Commune', code: string }
    | { __typename: 'District', code: string }
    | { __typename: 'PartyCell', code: string }
    | { __typename: 'PartyCommittee', level: LocalityKind | null, code: string, adminUnit:
        | { code: string }
        | { code: string }
        | { code: string }
        | { code: string }
        | { code: string }
        | { code: string }
       | null, cells: { totalCount: number, nodes: Array<{ code: string, name: string, adminUnit:
            | { code: string }
            | { code: string }
            | { code: string }
            | { code: string }
            | { code: string }
            | { code: string }
           | null, committee:
            | { code: string }
            | { code: string }
            | { code: string }
            | { code: string }
            | { code: string }
            | { code: string }
           | null }> }, children: { nodes: Array<
          | { code: string, kind: LocalityKind }
          | { code: string, kind: LocalityKind }
          | { code: string, kind: LocalityKind }
          | { code: string, kind: LocalityKind }
          | { code: string, kind: LocalityKind }
          | { code: string, kind: LocalityKind }
        > } }
    | { __typename: 'Province', code: string }
    | { __typename: 'Village', code: string }
   };

export type NestedSeriesQueryVariables = Exact<{
  code: string;
}>;


export type NestedSeriesQuery = { locality:
    | { __typename: 'Commune' }
    | { __typename: 'District' }
    | { __typename: 'PartyCell' }
    | { __typename: 'PartyCommittee' }
    | { __typename: 'Province', communes: { nodes: Array<{ code: string, villages: { nodes: Array<{ code: string, households: { points: Array<{ value: number | null }> }, poor: { points: Array<{ period: string, value: number | null, qualifier: Qualifier | null }> }, coffee: { points: Array<{ period: string, value: number | null }> } }> }, partyCommittee: { members: { points: Array<{ value: number | null }> } } | null }> } }
    | { __typename: 'Village' }
   };

export type LineageQueryVariables = Exact<{
  code: string;
}>;


export type LineageQuery = { locality:
    | { code: string, lineage: { predecessors: Array<{ kind: LineageKind, changedOn: string, weight: number | null, note: string | null, locality:
            | { code: string, name: string }
            | { code: string, name: string }
            | { code: string, name: string }
            | { code: string, name: string }
            | { code: string, name: string }
            | { code: string, name: string }
           | null, source: { code: string } }>, successors: Array<{ kind: LineageKind, changedOn: string, weight: number | null, note: string | null, locality:
            | { code: string, name: string }
            | { code: string, name: string }
            | { code: string, name: string }
            | { code: string, name: string }
            | { code: string, name: string }
            | { code: string, name: string }
           | null, source: { code: string } }> } }
    | { code: string, lineage: { predecessors: Array<{ kind: LineageKind, changedOn: string, weight: number | null, note: string | null, locality:
            | { code: string, name: string }
            | { code: string, name: string }
            | { code: string, name: string }
            | { code: string, name: string }
            | { code: string, name: string }
            | { code: string, name: string }
           | null, source: { code: string } }>, successors: Array<{ kind: LineageKind, changedOn: string, weight: number | null, note: string | null, locality:
            | { code: string, name: string }
            | { code: string, name: string }
            | { code: string, name: string }
            | { code: string, name: string }
            | { code: string, name: string }
            | { code: string, name: string }
           | null, source: { code: string } }> } }
    | { code: string, lineage: { predecessors: Array<{ kind: LineageKind, changedOn: string, weight: number | null, note: string | null, locality:
            | { code: string, name: string }
            | { code: string, name: string }
            | { code: string, name: string }
            | { code: string, name: string }
            | { code: string, name: string }
            | { code: string, name: string }
           | null, source: { code: string } }>, successors: Array<{ kind: LineageKind, changedOn: string, weight: number | null, note: string | null, locality:
            | { code: string, name: string }
            | { code: string, name: string }
            | { code: string, name: string }
            | { code: string, name: string }
            | { code: string, name: string }
            | { code: string, name: string }
           | null, source: { code: string } }> } }
    | { code: string, lineage: { predecessors: Array<{ kind: LineageKind, changedOn: string, weight: number | null, note: string | null, locality:
            | { code: string, name: string }
            | { code: string, name: string }
            | { code: string, name: string }
            | { code: string, name: string }
            | { code: string, name: string }
            | { code: string, name: string }
           | null, source: { code: string } }>, successors: Array<{ kind: LineageKind, changedOn: string, weight: number | null, note: string | null, locality:
            | { code: string, name: string }
            | { code: string, name: string }
            | { code: string, name: string }
            | { code: string, name: string }
            | { code: string, name: string }
            | { code: string, name: string }
           | null, source: { code: string } }> } }
    | { code: string, lineage: { predecessors: Array<{ kind: LineageKind, changedOn: string, weight: number | null, note: string | null, locality:
            | { code: string, name: string }
            | { code: string, name: string }
            | { code: string, name: string }
            | { code: string, name: string }
            | { code: string, name: string }
            | { code: string, name: string }
           | null, source: { code: string } }>, successors: Array<{ kind: LineageKind, changedOn: string, weight: number | null, note: string | null, locality:
            | { code: string, name: string }
            | { code: string, name: string }
            | { code: string, name: string }
            | { code: string, name: string }
            | { code: string, name: string }
            | { code: string, name: string }
           | null, source: { code: string } }> } }
    | { code: string, lineage: { predecessors: Array<{ kind: LineageKind, changedOn: string, weight: number | null, note: string | null, locality:
            | { code: string, name: string }
            | { code: string, name: string }
            | { code: string, name: string }
            | { code: string, name: string }
            | { code: string, name: string }
            | { code: string, name: string }
           | null, source: { code: string } }>, successors: Array<{ kind: LineageKind, changedOn: string, weight: number | null, note: string | null, locality:
            | { code: string, name: string }
            | { code: string, name: string }
            | { code: string, name: string }
            | { code: string, name: string }
            | { code: string, name: string }
            | { code: string, name: string }
           | null, source: { code: string } }> } }
   };

export type CurrentGeographyQueryVariables = Exact<{
  code: string;
  indicator: string;
  geography?: Geography | null | undefined;
  from?: string | null | undefined;
  to?: string | null | undefined;
}>;


export type CurrentGeographyQuery = { locality:
    | { code: string, series: { points: Array<{ period: string, value: number | null, qualifier: Qualifier | null, lower: number | null, upper: number | null, derived: boolean, reconstructed: boolean, formula: string | null, recordedAt: string | null, basis: ValueBasis, source: { code: string } | null }> } }
    | { code: string, series: { points: Array<{ period: string, value: number | null, qualifier: Qualifier | null, lower: number | null, upper: number | null, derived: boolean, reconstructed: boolean, formula: string | null, recordedAt: string | null, basis: ValueBasis, source: { code: string } | null }> } }
    | { code: string, series: { points: Array<{ period: string, value: number | null, qualifier: Qualifier | null, lower: number | null, upper: number | null, derived: boolean, reconstructed: boolean, formula: string | null, recordedAt: string | null, basis: ValueBasis, source: { code: string } | null }> } }
    | { code: string, series: { points: Array<{ period: string, value: number | null, qualifier: Qualifier | null, lower: number | null, upper: number | null, derived: boolean, reconstructed: boolean, formula: string | null, recordedAt: string | null, basis: ValueBasis, source: { code: string } | null }> } }
    | { code: string, series: { points: Array<{ period: string, value: number | null, qualifier: Qualifier | null, lower: number | null, upper: number | null, derived: boolean, reconstructed: boolean, formula: string | null, recordedAt: string | null, basis: ValueBasis, source: { code: string } | null }> } }
    | { code: string, series: { points: Array<{ period: string, value: number | null, qualifier: Qualifier | null, lower: number | null, upper: number | null, derived: boolean, reconstructed: boolean, formula: string | null, recordedAt: string | null, basis: ValueBasis, source: { code: string } | null }> } }
   };

export type UnitByGsoCodeQueryVariables = Exact<{
  code: string;
  asOf?: string | null | undefined;
}>;


export type UnitByGsoCodeQuery = { locality:
    | { code: string, name: string, kind: LocalityKind, gsoCode: string | null, type: UnitType | null, fullName: string | null, nameEn: string | null, validFrom: string | null, validTo: string | null, source: { code: string } | null, parent:
        | { code: string, name: string, gsoCode: string | null }
        | { code: string, name: string, gsoCode: string | null }
        | { code: string, name: string, gsoCode: string | null }
        | { code: string, name: string, gsoCode: string | null }
        | { code: string, name: string, gsoCode: string | null }
        | { code: string, name: string, gsoCode: string | null }
       | null }
    | { code: string, name: string, kind: LocalityKind, gsoCode: string | null, type: UnitType | null, fullName: string | null, nameEn: string | null, validFrom: string | null, validTo: string | null, source: { code: string } | null, parent:
        | { code: string, name: string, gsoCode: string | null }
        | { code: string, name: string, gsoCode: string | null }
        | { code: string, name: string, gsoCode: string | null }
        | { code: string, name: string, gsoCode: string | null }
        | { code: string, name: string, gsoCode: string | null }
        | { code: string, name: string, gsoCode: string | null }
       | null }
    | { code: string, name: string, kind: LocalityKind, gsoCode: string | null, type: UnitType | null, fullName: string | null, nameEn: string | null, validFrom: string | null, validTo: string | null, source: { code: string } | null, parent:
        | { code: string, name: string, gsoCode: string | null }
        | { code: string, name: string, gsoCode: string | null }
        | { code: string, name: string, gsoCode: string | null }
        | { code: string, name: string, gsoCode: string | null }
        | { code: string, name: string, gsoCode: string | null }
        | { code: string, name: string, gsoCode: string | null }
       | null }
    | { code: string, name: string, kind: LocalityKind, gsoCode: string | null, type: UnitType | null, fullName: string | null, nameEn: string | null, validFrom: string | null, validTo: string | null, source: { code: string } | null, parent:
        | { code: string, name: string, gsoCode: string | null }
        | { code: string, name: string, gsoCode: string | null }
        | { code: string, name: string, gsoCode: string | null }
        | { code: string, name: string, gsoCode: string | null }
        | { code: string, name: string, gsoCode: string | null }
        | { code: string, name: string, gsoCode: string | null }
       | null }
    | { code: string, name: string, kind: LocalityKind, gsoCode: string | null, type: UnitType | null, fullName: string | null, nameEn: string | null, validFrom: string | null, validTo: string | null, source: { code: string } | null, parent:
        | { code: string, name: string, gsoCode: string | null }
        | { code: string, name: string, gsoCode: string | null }
        | { code: string, name: string, gsoCode: string | null }
        | { code: string, name: string, gsoCode: string | null }
        | { code: string, name: string, gsoCode: string | null }
        | { code: string, name: string, gsoCode: string | null }
       | null }
    | { code: string, name: string, kind: LocalityKind, gsoCode: string | null, type: UnitType | null, fullName: string | null, nameEn: string | null, validFrom: string | null, validTo: string | null, source: { code: string } | null, parent:
        | { code: string, name: string, gsoCode: string | null }
        | { code: string, name: string, gsoCode: string | null }
        | { code: string, name: string, gsoCode: string | null }
        | { code: string, name: string, gsoCode: string | null }
        | { code: string, name: string, gsoCode: string | null }
        | { code: string, name: string, gsoCode: string | null }
       | null }
   };

export type NationalLineageQueryVariables = Exact<{
  code: string;
  asOf?: string | null | undefined;
}>;


export type NationalLineageQuery = { locality:
    | { code: string, name: string, lineage: { predecessors: Array<{ kind: LineageKind, changedOn: string, weight: number | null, note: string | null, locality:
            | { code: string, name: string, gsoCode: string | null, validTo: string | null }
            | { code: string, name: string, gsoCode: string | null, validTo: string | null }
            | { code: string, name: string, gsoCode: string | null, validTo: string | null }
            | { code: string, name: string, gsoCode: string | null, validTo: string | null }
            | { code: string, name: string, gsoCode: string | null, validTo: string | null }
            | { code: string, name: string, gsoCode: string | null, validTo: string | null }
           | null, source: { code: string }, sources: Array<{ code: string }> }>, successors: Array<{ kind: LineageKind, changedOn: string, weight: number | null, note: string | null, locality:
            | { code: string, name: string, gsoCode: string | null, validFrom: string | null }
            | { code: string, name: string, gsoCode: string | null, validFrom: string | null }
            | { code: string, name: string, gsoCode: string | null, validFrom: string | null }
            | { code: string, name: string, gsoCode: string | null, validFrom: string | null }
            | { code: string, name: string, gsoCode: string | null, validFrom: string | null }
            | { code: string, name: string, gsoCode: string | null, validFrom: string | null }
           | null, source: { code: string }, sources: Array<{ code: string }> }> } }
    | { code: string, name: string, lineage: { predecessors: Array<{ kind: LineageKind, changedOn: string, weight: number | null, note: string | null, locality:
            | { code: string, name: string, gsoCode: string | null, validTo: string | null }
            | { code: string, name: string, gsoCode: string | null, validTo: string | null }
            | { code: string, name: string, gsoCode: string | null, validTo: string | null }
            | { code: string, name: string, gsoCode: string | null, validTo: string | null }
            | { code: string, name: string, gsoCode: string | null, validTo: string | null }
            | { code: string, name: string, gsoCode: string | null, validTo: string | null }
           | null, source: { code: string }, sources: Array<{ code: string }> }>, successors: Array<{ kind: LineageKind, changedOn: string, weight: number | null, note: string | null, locality:
            | { code: string, name: string, gsoCode: string | null, validFrom: string | null }
            | { code: string, name: string, gsoCode: string | null, validFrom: string | null }
            | { code: string, name: string, gsoCode: string | null, validFrom: string | null }
            | { code: string, name: string, gsoCode: string | null, validFrom: string | null }
            | { code: string, name: string, gsoCode: string | null, validFrom: string | null }
            | { code: string, name: string, gsoCode: string | null, validFrom: string | null }
           | null, source: { code: string }, sources: Array<{ code: string }> }> } }
    | { code: string, name: string, lineage: { predecessors: Array<{ kind: LineageKind, changedOn: string, weight: number | null, note: string | null, locality:
            | { code: string, name: string, gsoCode: string | null, validTo: string | null }
            | { code: string, name: string, gsoCode: string | null, validTo: string | null }
            | { code: string, name: string, gsoCode: string | null, validTo: string | null }
            | { code: string, name: string, gsoCode: string | null, validTo: string | null }
            | { code: string, name: string, gsoCode: string | null, validTo: string | null }
            | { code: string, name: string, gsoCode: string | null, validTo: string | null }
           | null, source: { code: string }, sources: Array<{ code: string }> }>, successors: Array<{ kind: LineageKind, changedOn: string, weight: number | null, note: string | null, locality:
            | { code: string, name: string, gsoCode: string | null, validFrom: string | null }
            | { code: string, name: string, gsoCode: string | null, validFrom: string | null }
            | { code: string, name: string, gsoCode: string | null, validFrom: string | null }
            | { code: string, name: string, gsoCode: string | null, validFrom: string | null }
            | { code: string, name: string, gsoCode: string | null, validFrom: string | null }
            | { code: string, name: string, gsoCode: string | null, validFrom: string | null }
           | null, source: { code: string }, sources: Array<{ code: string }> }> } }
    | { code: string, name: string, lineage: { predecessors: Array<{ kind: LineageKind, changedOn: string, weight: number | null, note: string | null, locality:
            | { code: string, name: string, gsoCode: string | null, validTo: string | null }
            | { code: string, name: string, gsoCode: string | null, validTo: string | null }
            | { code: string, name: string, gsoCode: string | null, validTo: string | null }
            | { code: string, name: string, gsoCode: string | null, validTo: string | null }
            | { code: string, name: string, gsoCode: string | null, validTo: string | null }
            | { code: string, name: string, gsoCode: string | null, validTo: string | null }
           | null, source: { code: string }, sources: Array<{ code: string }> }>, successors: Array<{ kind: LineageKind, changedOn: string, weight: number | null, note: string | null, locality:
            | { code: string, name: string, gsoCode: string | null, validFrom: string | null }
            | { code: string, name: string, gsoCode: string | null, validFrom: string | null }
            | { code: string, name: string, gsoCode: string | null, validFrom: string | null }
            | { code: string, name: string, gsoCode: string | null, validFrom: string | null }
            | { code: string, name: string, gsoCode: string | null, validFrom: string | null }
            | { code: string, name: string, gsoCode: string | null, validFrom: string | null }
           | null, source: { code: string }, sources: Array<{ code: string }> }> } }
    | { code: string, name: string, lineage: { predecessors: Array<{ kind: LineageKind, changedOn: string, weight: number | null, note: string | null, locality:
            | { code: string, name: string, gsoCode: string | null, validTo: string | null }
            | { code: string, name: string, gsoCode: string | null, validTo: string | null }
            | { code: string, name: string, gsoCode: string | null, validTo: string | null }
            | { code: string, name: string, gsoCode: string | null, validTo: string | null }
            | { code: string, name: string, gsoCode: string | null, validTo: string | null }
            | { code: string, name: string, gsoCode: string | null, validTo: string | null }
           | null, source: { code: string }, sources: Array<{ code: string }> }>, successors: Array<{ kind: LineageKind, changedOn: string, weight: number | null, note: string | null, locality:
            | { code: string, name: string, gsoCode: string | null, validFrom: string | null }
            | { code: string, name: string, gsoCode: string | null, validFrom: string | null }
            | { code: string, name: string, gsoCode: string | null, validFrom: string | null }
            | { code: string, name: string, gsoCode: string | null, validFrom: string | null }
            | { code: string, name: string, gsoCode: string | null, validFrom: string | null }
            | { code: string, name: string, gsoCode: string | null, validFrom: string | null }
           | null, source: { code: string }, sources: Array<{ code: string }> }> } }
    | { code: string, name: string, lineage: { predecessors: Array<{ kind: LineageKind, changedOn: string, weight: number | null, note: string | null, locality:
            | { code: string, name: string, gsoCode: string | null, validTo: string | null }
            | { code: string, name: string, gsoCode: string | null, validTo: string | null }
            | { code: string, name: string, gsoCode: string | null, validTo: string | null }
            | { code: string, name: string, gsoCode: string | null, validTo: string | null }
            | { code: string, name: string, gsoCode: string | null, validTo: string | null }
            | { code: string, name: string, gsoCode: string | null, validTo: string | null }
           | null, source: { code: string }, sources: Array<{ code: string }> }>, successors: Array<{ kind: LineageKind, changedOn: string, weight: number | null, note: string | null, locality:
            | { code: string, name: string, gsoCode: string | null, validFrom: string | null }
            | { code: string, name: string, gsoCode: string | null, validFrom: string | null }
            | { code: string, name: string, gsoCode: string | null, validFrom: string | null }
            | { code: string, name: string, gsoCode: string | null, validFrom: string | null }
            | { code: string, name: string, gsoCode: string | null, validFrom: string | null }
            | { code: string, name: string, gsoCode: string | null, validFrom: string | null }
           | null, source: { code: string }, sources: Array<{ code: string }> }> } }
   };

export type DataQualityQueryVariables = Exact<{
  kind?: Array<FindingKind> | FindingKind | null | undefined;
  severity?: Array<Severity> | Severity | null | undefined;
  locality?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type DataQualityQuery = { dataQuality: { totalCount: number, counts: Array<{ kind: FindingKind, severity: Severity, count: number, description: string }>, findings: Array<{ kind: FindingKind, severity: Severity, message: string, locality:
        | { code: string, name: string }
        | { code: string, name: string }
        | { code: string, name: string }
        | { code: string, name: string }
        | { code: string, name: string }
        | { code: string, name: string }
       | null, otherLocality:
        | { code: string, name: string }
        | { code: string, name: string }
        | { code: string, name: string }
        | { code: string, name: string }
        | { code: string, name: string }
        | { code: string, name: string }
       | null, sources: Array<{ code: string }> }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type RecordObservationsMutationVariables = Exact<{
  input: Array<ObservationInput> | ObservationInput;
}>;


export type RecordObservationsMutation = { recordObservations: { received: number, written: number, importId: number | null } };

export type RevisionsQueryVariables = Exact<{
  code: string;
  indicator: string;
  asOf?: string | null | undefined;
  updatedAfter?: string | null | undefined;
}>;


export type RevisionsQuery = { locality:
    | { code: string, observations: Array<{ id: string, period: string, value: number, recordedAt: string, source: { code: string }, history: Array<{ id: string, value: number, recordedAt: string }> }>, series: { points: Array<{ period: string, value: number | null, recordedAt: string | null }> } }
    | { code: string, observations: Array<{ id: string, period: string, value: number, recordedAt: string, source: { code: string }, history: Array<{ id: string, value: number, recordedAt: string }> }>, series: { points: Array<{ period: string, value: number | null, recordedAt: string | null }> } }
    | { code: string, observations: Array<{ id: string, period: string, value: number, recordedAt: string, source: { code: string }, history: Array<{ id: string, value: number, recordedAt: string }> }>, series: { points: Array<{ period: string, value: number | null, recordedAt: string | null }> } }
    | { code: string, observations: Array<{ id: string, period: string, value: number, recordedAt: string, source: { code: string }, history: Array<{ id: string, value: number, recordedAt: string }> }>, series: { points: Array<{ period: string, value: number | null, recordedAt: string | null }> } }
    | { code: string, observations: Array<{ id: string, period: string, value: number, recordedAt: string, source: { code: string }, history: Array<{ id: string, value: number, recordedAt: string }> }>, series: { points: Array<{ period: string, value: number | null, recordedAt: string | null }> } }
    | { code: string, observations: Array<{ id: string, period: string, value: number, recordedAt: string, source: { code: string }, history: Array<{ id: string, value: number, recordedAt: string }> }>, series: { points: Array<{ period: string, value: number | null, recordedAt: string | null }> } }
   };

export type ObservationFieldsFragment = { id: string, period: string, periodStart: string, periodEnd: string | null, granularity: PeriodGranularity, value: number, qualifier: Qualifier, lower: number | null, upper: number | null, derived: boolean, formula: string | null, quote: string | null, note: string | null, scope: string | null, recordedAt: string, indicator: { code: string, unit: string }, source: { id: string, code: string, title: string, publisher: string | null, published: string | null, seedFile: string | null } };

export type ObservationsQueryVariables = Exact<{
  code: string;
  indicator?: string | null | undefined;
  from?: string | null | undefined;
  to?: string | null | undefined;
}>;


export type ObservationsQuery = { locality:
    | { code: string, observations: Array<{ id: string, period: string, periodStart: string, periodEnd: string | null, granularity: PeriodGranularity, value: number, qualifier: Qualifier, lower: number | null, upper: number | null, derived: boolean, formula: string | null, quote: string | null, note: string | null, scope: string | null, recordedAt: string, indicator: { code: string, unit: string }, source: { id: string, code: string, title: string, publisher: string | null, published: string | null, seedFile: string | null } }> }
    | { code: string, observations: Array<{ id: string, period: string, periodStart: string, periodEnd: string | null, granularity: PeriodGranularity, value: number, qualifier: Qualifier, lower: number | null, upper: number | null, derived: boolean, formula: string | null, quote: string | null, note: string | null, scope: string | null, recordedAt: string, indicator: { code: string, unit: string }, source: { id: string, code: string, title: string, publisher: string | null, published: string | null, seedFile: string | null } }> }
    | { code: string, observations: Array<{ id: string, period: string, periodStart: string, periodEnd: string | null, granularity: PeriodGranularity, value: number, qualifier: Qualifier, lower: number | null, upper: number | null, derived: boolean, formula: string | null, quote: string | null, note: string | null, scope: string | null, recordedAt: string, indicator: { code: string, unit: string }, source: { id: string, code: string, title: string, publisher: string | null, published: string | null, seedFile: string | null } }> }
    | { code: string, observations: Array<{ id: string, period: string, periodStart: string, periodEnd: string | null, granularity: PeriodGranularity, value: number, qualifier: Qualifier, lower: number | null, upper: number | null, derived: boolean, formula: string | null, quote: string | null, note: string | null, scope: string | null, recordedAt: string, indicator: { code: string, unit: string }, source: { id: string, code: string, title: string, publisher: string | null, published: string | null, seedFile: string | null } }> }
    | { code: string, observations: Array<{ id: string, period: string, periodStart: string, periodEnd: string | null, granularity: PeriodGranularity, value: number, qualifier: Qualifier, lower: number | null, upper: number | null, derived: boolean, formula: string | null, quote: string | null, note: string | null, scope: string | null, recordedAt: string, indicator: { code: string, unit: string }, source: { id: string, code: string, title: string, publisher: string | null, published: string | null, seedFile: string | null } }> }
    | { code: string, observations: Array<{ id: string, period: string, periodStart: string, periodEnd: string | null, granularity: PeriodGranularity, value: number, qualifier: Qualifier, lower: number | null, upper: number | null, derived: boolean, formula: string | null, quote: string | null, note: string | null, scope: string | null, recordedAt: string, indicator: { code: string, unit: string }, source: { id: string, code: string, title: string, publisher: string | null, published: string | null, seedFile: string | null } }> }
   };

export type PointFieldsFragment = { period: string, periodStart: string, periodEnd: string | null, granularity: PeriodGranularity, value: number | null, qualifier: Qualifier | null, lower: number | null, upper: number | null, basis: ValueBasis, derived: boolean, filledFrom: Array<string> | null, reporting: number | null, expected: number | null, coverage: number | null, source: { id: string, code: string, title: string } | null, sources: Array<{ code: string }>, observation: { id: string, formula: string | null, quote: string | null, note: string | null } | null };

export type SeriesQueryVariables = Exact<{
  code: string;
  indicator: string;
  from?: string | null | undefined;
  to?: string | null | undefined;
  granularity?: SeriesGranularity | null | undefined;
  fill?: Fill | null | undefined;
  rollup?: LocalityKind | null | undefined;
  sourcePreference?: SourcePreference | null | undefined;
  preferSource?: string | number | null | undefined;
}>;


export type SeriesQuery = { locality:
    | { code: string, series: { indicator: { code: string, name: string }, points: Array<{ period: string, periodStart: string, periodEnd: string | null, granularity: PeriodGranularity, value: number | null, qualifier: Qualifier | null, lower: number | null, upper: number | null, basis: ValueBasis, derived: boolean, filledFrom: Array<string> | null, reporting: number | null, expected: number | null, coverage: number | null, source: { id: string, code: string, title: string } | null, sources: Array<{ code: string }>, observation: { id: string, formula: string | null, quote: string | null, note: string | null } | null }> } }
    | { code: string, series: { indicator: { code: string, name: string }, points: Array<{ period: string, periodStart: string, periodEnd: string | null, granularity: PeriodGranularity, value: number | null, qualifier: Qualifier | null, lower: number | null, upper: number | null, basis: ValueBasis, derived: boolean, filledFrom: Array<string> | null, reporting: number | null, expected: number | null, coverage: number | null, source: { id: string, code: string, title: string } | null, sources: Array<{ code: string }>, observation: { id: string, formula: string | null, quote: string | null, note: string | null } | null }> } }
    | { code: string, series: { indicator: { code: string, name: string }, points: Array<{ period: string, periodStart: string, periodEnd: string | null, granularity: PeriodGranularity, value: number | null, qualifier: Qualifier | null, lower: number | null, upper: number | null, basis: ValueBasis, derived: boolean, filledFrom: Array<string> | null, reporting: number | null, expected: number | null, coverage: number | null, source: { id: string, code: string, title: string } | null, sources: Array<{ code: string }>, observation: { id: string, formula: string | null, quote: string | null, note: string | null } | null }> } }
    | { code: string, series: { indicator: { code: string, name: string }, points: Array<{ period: string, periodStart: string, periodEnd: string | null, granularity: PeriodGranularity, value: number | null, qualifier: Qualifier | null, lower: number | null, upper: number | null, basis: ValueBasis, derived: boolean, filledFrom: Array<string> | null, reporting: number | null, expected: number | null, coverage: number | null, source: { id: string, code: string, title: string } | null, sources: Array<{ code: string }>, observation: { id: string, formula: string | null, quote: string | null, note: string | null } | null }> } }
    | { code: string, series: { indicator: { code: string, name: string }, points: Array<{ period: string, periodStart: string, periodEnd: string | null, granularity: PeriodGranularity, value: number | null, qualifier: Qualifier | null, lower: number | null, upper: number | null, basis: ValueBasis, derived: boolean, filledFrom: Array<string> | null, reporting: number | null, expected: number | null, coverage: number | null, source: { id: string, code: string, title: string } | null, sources: Array<{ code: string }>, observation: { id: string, formula: string | null, quote: string | null, note: string | null } | null }> } }
    | { code: string, series: { indicator: { code: string, name: string }, points: Array<{ period: string, periodStart: string, periodEnd: string | null, granularity: PeriodGranularity, value: number | null, qualifier: Qualifier | null, lower: number | null, upper: number | null, basis: ValueBasis, derived: boolean, filledFrom: Array<string> | null, reporting: number | null, expected: number | null, coverage: number | null, source: { id: string, code: string, title: string } | null, sources: Array<{ code: string }>, observation: { id: string, formula: string | null, quote: string | null, note: string | null } | null }> } }
   };

export type IndicatorsQueryVariables = Exact<{ [key: string]: never; }>;


export type IndicatorsQuery = { indicators: Array<{ code: string, name: string, unit: string, valueType: ValueType, aggregation: Aggregation, numerator: string | null, denominator: string | null, description: string }> };

export type SourcesQueryVariables = Exact<{ [key: string]: never; }>;


export type SourcesQuery = { sources: Array<{ id: string, code: string, kind: string, title: string, publisher: string | null, author: string | null, published: string | null, seedFile: string | null, note: string | null, observations: Array<{ id: string }> }> };

export type DocumentsQueryVariables = Exact<{ [key: string]: never; }>;


export type DocumentsQuery = { documents: Array<{ id: string, code: string, number: string, kind: string, title: string, issuer: string, issuedOn: string | null, periodStart: string | null, periodEnd: string | null, periodNote: string | null, source: { code: string }, links: Array<{ role: DocumentRole, locality:
        | { code: string }
        | { code: string }
        | { code: string }
        | { code: string }
        | { code: string }
        | { code: string }
       | null }> }> };

export type LocalityDocumentsQueryVariables = Exact<{
  code: string;
}>;


export type LocalityDocumentsQuery = { locality:
    | { documents: Array<{ role: DocumentRole, document: { number: string, title: string, issuedOn: string | null, periodStart: string | null, periodEnd: string | null } }> }
    | { documents: Array<{ role: DocumentRole, document: { number: string, title: string, issuedOn: string | null, periodStart: string | null, periodEnd: string | null } }> }
    | { documents: Array<{ role: DocumentRole, document: { number: string, title: string, issuedOn: string | null, periodStart: string | null, periodEnd: string | null } }> }
    | { documents: Array<{ role: DocumentRole, document: { number: string, title: string, issuedOn: string | null, periodStart: string | null, periodEnd: string | null } }> }
    | { documents: Array<{ role: DocumentRole, document: { number: string, title: string, issuedOn: string | null, periodStart: string | null, periodEnd: string | null } }> }
    | { documents: Array<{ role: DocumentRole, document: { number: string, title: string, issuedOn: string | null, periodStart: string | null, periodEnd: string | null } }> }
   };

export const EstimateFieldsFragmentDoc = gql`
    fragment EstimateFields on Estimate {
  value
  lower
  upper
  qualifier
}
    `;
export const ReportedChangeFieldsFragmentDoc = gql`
    fragment ReportedChangeFields on ReportedChange {
  fromPeriod
  toPeriod
  value
  qualifier
  lower
  upper
  quote
  note
  source {
    code
  }
}
    `;
export const ChangeFieldsFragmentDoc = gql`
    fragment ChangeFields on Change {
  years
  from {
    period
    value
    qualifier
    lower
    upper
    basis
  }
  to {
    period
    value
    qualifier
    lower
    upper
    basis
  }
  absolute {
    ...EstimateFields
  }
  percent {
    ...EstimateFields
  }
  cagr {
    ...EstimateFields
  }
  index {
    ...EstimateFields
  }
  basis
  consecutive
  reported {
    ...ReportedChangeFields
  }
}
    ${EstimateFieldsFragmentDoc}
${ReportedChangeFieldsFragmentDoc}`;
export const ObservationFieldsFragmentDoc = gql`
    fragment ObservationFields on Observation {
  id
  period
  periodStart
  periodEnd
  granularity
  value
  qualifier
  lower
  upper
  derived
  formula
  quote
  note
  scope
  recordedAt
  indicator {
    code
    unit
  }
  source {
    id
    code
    title
    publisher
    published
    seedFile
  }
}
    `;
export const PointFieldsFragmentDoc = gql`
    fragment PointFields on SeriesPoint {
  period
  periodStart
  periodEnd
  granularity
  value
  qualifier
  lower
  upper
  basis
  derived
  filledFrom
  reporting
  expected
  coverage
  source {
    id
    code
    title
  }
  sources {
    code
  }
  observation {
    id
    formula
    quote
    note
  }
}
    `;
export const ChangeDocument = gql`
    query Change($code: String!, $indicator: String!, $from: String!, $to: String!, $rollup: LocalityKind) {
  locality(code: $code) {
    code
    change(indicator: $indicator, from: $from, to: $to, rollup: $rollup) {
      ...ChangeFields
    }
  }
}
    ${ChangeFieldsFragmentDoc}`;
export const YearOverYearDocument = gql`
    query YearOverYear($code: String!, $indicator: String!, $from: String, $to: String, $includeWiderSteps: Boolean) {
  locality(code: $code) {
    code
    yoy(
      indicator: $indicator
      from: $from
      to: $to
      includeWiderSteps: $includeWiderSteps
    ) {
      ...ChangeFields
    }
  }
}
    ${ChangeFieldsFragmentDoc}`;
export const ReportedChangesDocument = gql`
    query ReportedChanges($code: String!, $indicator: String) {
  locality(code: $code) {
    code
    reportedChanges(indicator: $indicator) {
      ...ReportedChangeFields
      indicator {
        code
      }
      locality {
        code
      }
      recordedAt
    }
  }
}
    ${ReportedChangeFieldsFragmentDoc}`;
export const LatestDocument = gql`
    query Latest($code: String!, $indicator: String!, $rollup: LocalityKind) {
  locality(code: $code) {
    code
    latest(indicator: $indicator, rollup: $rollup) {
      ...PointFields
    }
  }
}
    ${PointFieldsFragmentDoc}`;
export const PeersDocument = gql`
    query Peers($code: String!, $indicator: String!, $period: String!, $rollup: LocalityKind) {
  locality(code: $code) {
    code
    peers(indicator: $indicator, period: $period, rollup: $rollup) {
      point {
        value
        basis
      }
      parentPoint {
        value
        basis
        reporting
        expected
        locality {
          code
        }
      }
      shareOfParent {
        ...EstimateFields
      }
      peerCount
      peersReporting
      median
      minimum
      maximum
      rank
    }
  }
}
    ${EstimateFieldsFragmentDoc}`;
export const TotalsAndPartsDocument = gql`
    query TotalsAndParts($code: String!, $indicator: String!, $childKind: LocalityKind!, $from: String, $to: String) {
  locality(code: $code) {
    code
    totalsAndParts(
      indicator: $indicator
      childKind: $childKind
      from: $from
      to: $to
    ) {
      period
      own {
        value
        qualifier
        basis
      }
      children {
        value
        qualifier
        lower
        upper
        basis
        reporting
        expected
        sources {
          code
        }
      }
      gap {
        ...EstimateFields
      }
      reporting
      expected
      coverage
    }
  }
}
    ${EstimateFieldsFragmentDoc}`;
export const RankingDocument = gql`
    query Ranking($indicator: String!, $kind: LocalityKind!, $within: ID, $by: RankBy, $period: String, $from: String, $to: String, $order: SortOrder, $first: Int, $rollup: LocalityKind) {
  ranking(
    indicator: $indicator
    kind: $kind
    within: $within
    by: $by
    period: $period
    from: $from
    to: $to
    order: $order
    first: $first
    rollup: $rollup
  ) {
    indicator {
      code
    }
    peerCount
    unitCount
    entries {
      rank
      sortValue
      locality {
        code
        name
      }
      point {
        period
        value
        qualifier
        basis
      }
      change {
        ...ChangeFields
      }
    }
  }
}
    ${ChangeFieldsFragmentDoc}`;
export const TableDocument = gql`
    query Table($indicators: [String!]!, $localities: [ID!], $kind: LocalityKind, $within: ID, $periods: [String!], $from: String, $to: String, $rollup: LocalityKind) {
  table(
    indicators: $indicators
    localities: $localities
    kind: $kind
    within: $within
    periods: $periods
    from: $from
    to: $to
    rollup: $rollup
  ) {
    rowCount
    rows {
      locality {
        code
      }
      indicator {
        code
      }
      period
      value
      qualifier
      lower
      upper
      basis
      source {
        code
      }
    }
    pivot {
      periods
      rows {
        locality {
          code
        }
        indicator
        values
        qualifiers
      }
    }
    columns {
      localityCodes
      indicators
      periods
      values
      qualifiers
      lowers
      uppers
      sourceCodes
      bases
    }
    packed {
      periods
      indicators
      qualifiers
      localityCodes
      rowIndicators
      rowOffsets
      periodIndexes
      values
      qualifierIndexes
    }
  }
}
    `;
export const AvailabilityDocument = gql`
    query Availability($indicator: String) {
  availability(indicator: $indicator) {
    indicator {
      code
    }
    kind
    granularity
    unitCount
    observationCount
    periodCount
    periods
    earliest
    latest
  }
}
    `;
export const LocalityByCodeDocument = gql`
    query LocalityByCode($code: String!, $asOf: LocalDate) {
  locality(code: $code) {
    id
    code
    name
    kind
    validFrom
    validTo
    note
    parent(asOf: $asOf) {
      id
      code
      name
      kind
    }
    ancestors(asOf: $asOf) {
      code
      kind
    }
    children(asOf: $asOf) {
      totalCount
      nodes {
        code
        name
        kind
      }
      edges {
        linkValidFrom
        linkValidTo
        node {
          code
        }
      }
    }
    partyOrganisations {
      code
      name
      kind
    }
    adminUnit {
      code
      name
    }
    source {
      code
      title
    }
  }
}
    `;
export const LocalityByIdDocument = gql`
    query LocalityById($id: ID!) {
  locality(id: $id) {
    id
    code
    name
    kind
  }
}
    `;
export const NodeByIdDocument = gql`
    query NodeById($id: ID!) {
  node(id: $id) {
    __typename
    id
    ... on Locality {
      code
      name
    }
    ... on Source {
      code
      title
    }
    ... on Document {
      code
      number
    }
    ... on Observation {
      value
      period
    }
  }
}
    `;
export const SearchLocalitiesDocument = gql`
    query SearchLocalities($search: String, $kind: [LocalityKind!], $asOf: LocalDate, $first: Int, $after: String) {
  localities(
    search: $search
    kind: $kind
    asOf: $asOf
    first: $first
    after: $after
  ) {
    totalCount
    pageInfo {
      hasNextPage
      hasPreviousPage
      endCursor
    }
    nodes {
      id
      code
      name
      kind
      validTo
    }
  }
}
    `;
export const ProvinceTreeDocument = gql`
    query ProvinceTree($code: String!, $asOf: LocalDate) {
  locality(code: $code) {
    __typename
    code
    ... on Province {
      districts(asOf: $asOf) {
        totalCount
        nodes {
          code
          name
          validTo
        }
      }
      communes(asOf: $asOf) {
        totalCount
        nodes {
          code
          name
          villages(asOf: $asOf) {
            nodes {
              code
              name
              partyCell {
                code
                name
              }
            }
          }
          partyCommittee {
            code
            name
          }
        }
      }
    }
  }
}
    `;
export const PartyTreeDocument = gql`
    query PartyTree($code: String!) {
  locality(code: $code) {
    __typename
    code
    ... on PartyCommittee {
      level
      adminUnit {
        code
      }
      cells {
        totalCount
        nodes {
          code
          name
          adminUnit {
            code
          }
          committee {
            code
          }
        }
      }
      children {
        nodes {
          code
          kind
        }
      }
    }
  }
}
    `;
export const NestedSeriesDocument = gql`
    query NestedSeries($code: String!) {
  locality(code: $code) {
    __typename
    ... on Province {
      communes {
        nodes {
          code
          villages {
            nodes {
              code
              households: series(indicator: "households") {
                points {
                  value
                }
              }
              poor: series(indicator: "poor_households") {
                points {
                  period
                  value
                  qualifier
                }
              }
              coffee: series(indicator: "coffee_area_converted") {
                points {
                  period
                  value
                }
              }
            }
          }
          partyCommittee {
            members: series(indicator: "members") {
              points {
                value
              }
            }
          }
        }
      }
    }
  }
}
    `;
export const LineageDocument = gql`
    query Lineage($code: String!) {
  locality(code: $code) {
    code
    lineage {
      predecessors {
        kind
        changedOn
        weight
        note
        locality {
          code
          name
        }
        source {
          code
        }
      }
      successors {
        kind
        changedOn
        weight
        note
        locality {
          code
          name
        }
        source {
          code
        }
      }
    }
  }
}
    `;
export const CurrentGeographyDocument = gql`
    query CurrentGeography($code: String!, $indicator: String!, $geography: Geography, $from: String, $to: String) {
  locality(code: $code) {
    code
    series(indicator: $indicator, geography: $geography, from: $from, to: $to) {
      points {
        period
        value
        qualifier
        lower
        upper
        derived
        reconstructed
        formula
        recordedAt
        basis
        source {
          code
        }
      }
    }
  }
}
    `;
export const UnitByGsoCodeDocument = gql`
    query UnitByGsoCode($code: String!, $asOf: LocalDate) {
  locality(code: $code, asOf: $asOf) {
    code
    name
    kind
    gsoCode
    type
    fullName
    nameEn
    validFrom
    validTo
    source {
      code
    }
    parent(asOf: $asOf) {
      code
      name
      gsoCode
    }
  }
}
    `;
export const NationalLineageDocument = gql`
    query NationalLineage($code: String!, $asOf: LocalDate) {
  locality(code: $code, asOf: $asOf) {
    code
    name
    lineage {
      predecessors {
        kind
        changedOn
        weight
        note
        locality {
          code
          name
          gsoCode
          validTo
        }
        source {
          code
        }
        sources {
          code
        }
      }
      successors {
        kind
        changedOn
        weight
        note
        locality {
          code
          name
          gsoCode
          validFrom
        }
        source {
          code
        }
        sources {
          code
        }
      }
    }
  }
}
    `;
export const DataQualityDocument = gql`
    query DataQuality($kind: [FindingKind!], $severity: [Severity!], $locality: String, $first: Int, $after: String) {
  dataQuality(
    kind: $kind
    severity: $severity
    locality: $locality
    first: $first
    after: $after
  ) {
    totalCount
    counts {
      kind
      severity
      count
      description
    }
    findings {
      kind
      severity
      message
      locality {
        code
        name
      }
      otherLocality {
        code
        name
      }
      sources {
        code
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `;
export const RecordObservationsDocument = gql`
    mutation RecordObservations($input: [ObservationInput!]!) {
  recordObservations(input: $input) {
    received
    written
    importId
  }
}
    `;
export const RevisionsDocument = gql`
    query Revisions($code: String!, $indicator: String!, $asOf: DateTime, $updatedAfter: DateTime) {
  locality(code: $code) {
    code
    observations(indicator: $indicator, asOf: $asOf, updatedAfter: $updatedAfter) {
      id
      period
      value
      recordedAt
      source {
        code
      }
      history {
        id
        value
        recordedAt
      }
    }
    series(indicator: $indicator, asOf: $asOf, updatedAfter: $updatedAfter) {
      points {
        period
        value
        recordedAt
      }
    }
  }
}
    `;
export const ObservationsDocument = gql`
    query Observations($code: String!, $indicator: String, $from: String, $to: String) {
  locality(code: $code) {
    code
    observations(indicator: $indicator, from: $from, to: $to) {
      ...ObservationFields
    }
  }
}
    ${ObservationFieldsFragmentDoc}`;
export const SeriesDocument = gql`
    query Series($code: String!, $indicator: String!, $from: String, $to: String, $granularity: SeriesGranularity, $fill: Fill, $rollup: LocalityKind, $sourcePreference: SourcePreference, $preferSource: ID) {
  locality(code: $code) {
    code
    series(
      indicator: $indicator
      from: $from
      to: $to
      granularity: $granularity
      fill: $fill
      rollup: $rollup
      sourcePreference: $sourcePreference
      preferSource: $preferSource
    ) {
      indicator {
        code
        name
      }
      points {
        ...PointFields
      }
    }
  }
}
    ${PointFieldsFragmentDoc}`;
export const IndicatorsDocument = gql`
    query Indicators {
  indicators {
    code
    name
    unit
    valueType
    aggregation
    numerator
    denominator
    description
  }
}
    `;
export const SourcesDocument = gql`
    query Sources {
  sources {
    id
    code
    kind
    title
    publisher
    author
    published
    seedFile
    note
    observations {
      id
    }
  }
}
    `;
export const DocumentsDocument = gql`
    query Documents {
  documents {
    id
    code
    number
    kind
    title
    issuer
    issuedOn
    periodStart
    periodEnd
    periodNote
    source {
      code
    }
    links {
      role
      locality {
        code
      }
    }
  }
}
    `;
export const LocalityDocumentsDocument = gql`
    query LocalityDocuments($code: String!) {
  locality(code: $code) {
    documents {
      role
      document {
        number
        title
        issuedOn
        periodStart
        periodEnd
      }
    }
  }
}
    `;

export type SdkFunctionWrapper = <T>(action: (requestHeaders?:Record<string, string>) => Promise<T>, operationName: string, operationType?: string, variables?: any) => Promise<T>;


const defaultWrapper: SdkFunctionWrapper = (action, _operationName, _operationType, _variables) => action();

export function getSdk(client: GraphQLClient, withWrapper: SdkFunctionWrapper = defaultWrapper) {
  return {
    Change(variables: ChangeQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<ChangeQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<ChangeQuery>({ document: ChangeDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'Change', 'query', variables);
    },
    YearOverYear(variables: YearOverYearQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<YearOverYearQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<YearOverYearQuery>({ document: YearOverYearDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'YearOverYear', 'query', variables);
    },
    ReportedChanges(variables: ReportedChangesQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<ReportedChangesQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<ReportedChangesQuery>({ document: ReportedChangesDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'ReportedChanges', 'query', variables);
    },
    Latest(variables: LatestQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<LatestQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<LatestQuery>({ document: LatestDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'Latest', 'query', variables);
    },
    Peers(variables: PeersQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<PeersQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<PeersQuery>({ document: PeersDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'Peers', 'query', variables);
    },
    TotalsAndParts(variables: TotalsAndPartsQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<TotalsAndPartsQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<TotalsAndPartsQuery>({ document: TotalsAndPartsDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'TotalsAndParts', 'query', variables);
    },
    Ranking(variables: RankingQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<RankingQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<RankingQuery>({ document: RankingDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'Ranking', 'query', variables);
    },
    Table(variables: TableQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<TableQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<TableQuery>({ document: TableDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'Table', 'query', variables);
    },
    Availability(variables?: AvailabilityQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<AvailabilityQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<AvailabilityQuery>({ document: AvailabilityDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'Availability', 'query', variables);
    },
    LocalityByCode(variables: LocalityByCodeQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<LocalityByCodeQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<LocalityByCodeQuery>({ document: LocalityByCodeDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'LocalityByCode', 'query', variables);
    },
    LocalityById(variables: LocalityByIdQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<LocalityByIdQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<LocalityByIdQuery>({ document: LocalityByIdDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'LocalityById', 'query', variables);
    },
    NodeById(variables: NodeByIdQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<NodeByIdQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<NodeByIdQuery>({ document: NodeByIdDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'NodeById', 'query', variables);
    },
    SearchLocalities(variables?: SearchLocalitiesQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<SearchLocalitiesQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<SearchLocalitiesQuery>({ document: SearchLocalitiesDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'SearchLocalities', 'query', variables);
    },
    ProvinceTree(variables: ProvinceTreeQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<ProvinceTreeQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<ProvinceTreeQuery>({ document: ProvinceTreeDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'ProvinceTree', 'query', variables);
    },
    PartyTree(variables: PartyTreeQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<PartyTreeQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<PartyTreeQuery>({ document: PartyTreeDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'PartyTree', 'query', variables);
    },
    NestedSeries(variables: NestedSeriesQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<NestedSeriesQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<NestedSeriesQuery>({ document: NestedSeriesDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'NestedSeries', 'query', variables);
    },
    Lineage(variables: LineageQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<LineageQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<LineageQuery>({ document: LineageDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'Lineage', 'query', variables);
    },
    CurrentGeography(variables: CurrentGeographyQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<CurrentGeographyQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<CurrentGeographyQuery>({ document: CurrentGeographyDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'CurrentGeography', 'query', variables);
    },
    UnitByGsoCode(variables: UnitByGsoCodeQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<UnitByGsoCodeQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<UnitByGsoCodeQuery>({ document: UnitByGsoCodeDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'UnitByGsoCode', 'query', variables);
    },
    NationalLineage(variables: NationalLineageQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<NationalLineageQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<NationalLineageQuery>({ document: NationalLineageDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'NationalLineage', 'query', variables);
    },
    DataQuality(variables?: DataQualityQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<DataQualityQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<DataQualityQuery>({ document: DataQualityDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'DataQuality', 'query', variables);
    },
    RecordObservations(variables: RecordObservationsMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<RecordObservationsMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<RecordObservationsMutation>({ document: RecordObservationsDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'RecordObservations', 'mutation', variables);
    },
    Revisions(variables: RevisionsQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<RevisionsQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<RevisionsQuery>({ document: RevisionsDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'Revisions', 'query', variables);
    },
    Observations(variables: ObservationsQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<ObservationsQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<ObservationsQuery>({ document: ObservationsDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'Observations', 'query', variables);
    },
    Series(variables: SeriesQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<SeriesQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<SeriesQuery>({ document: SeriesDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'Series', 'query', variables);
    },
    Indicators(variables?: IndicatorsQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<IndicatorsQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<IndicatorsQuery>({ document: IndicatorsDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'Indicators', 'query', variables);
    },
    Sources(variables?: SourcesQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<SourcesQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<SourcesQuery>({ document: SourcesDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'Sources', 'query', variables);
    },
    Documents(variables?: DocumentsQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<DocumentsQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<DocumentsQuery>({ document: DocumentsDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'Documents', 'query', variables);
    },
    LocalityDocuments(variables: LocalityDocumentsQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<LocalityDocumentsQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<LocalityDocumentsQuery>({ document: LocalityDocumentsDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'LocalityDocuments', 'query', variables);
    }
  };
}
export type Sdk = ReturnType<typeof getSdk>;