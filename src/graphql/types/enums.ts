import { DOMAINS, VALUE_TYPES } from '../../domain/indicator-semantics.js';
import { registerEnumType } from 'type-graphql';

export enum LocalityKind {
  PROVINCE = 'PROVINCE',
  DISTRICT = 'DISTRICT',
  COMMUNE = 'COMMUNE',
  VILLAGE = 'VILLAGE',
  PARTY_COMMITTEE = 'PARTY_COMMITTEE',
  PARTY_CELL = 'PARTY_CELL',
}
registerEnumType(LocalityKind, {
  name: 'LocalityKind',
  description: 'The kind of a node in the hierarchy: an administrative unit or a Party organisation.',
  valuesConfig: {
    PROVINCE: { description: 'Province (tỉnh).' },
    DISTRICT: { description: 'District (huyện); the level ended on 2025-07-01 with two-tier local government.' },
    COMMUNE: { description: 'Commune (xã) or ward.' },
    VILLAGE: { description: 'Village or hamlet (bản, thôn).' },
    PARTY_COMMITTEE: { description: 'Party committee at province, district or commune level.' },
    PARTY_CELL: { description: 'Party cell or other grassroots Party organisation.' },
  },
});

export enum Qualifier {
  EXACT = 'EXACT',
  MORE_THAN = 'MORE_THAN',
  NEARLY = 'NEARLY',
  JUST_OVER = 'JUST_OVER',
  ABOUT = 'ABOUT',
  AT_LEAST = 'AT_LEAST',
  LESS_THAN = 'LESS_THAN',
  AT_MOST = 'AT_MOST',
  UNKNOWN = 'UNKNOWN',
}
registerEnumType(Qualifier, {
  name: 'Qualifier',
  description: [
    'How the source words a figure; keeps "more than 49,000" from becoming 49,000.',
    'Each figure also carries the interval it stands for (lower, upper; null = unbounded).',
    'The rule, unless a row gives its own bounds: EXACT [v, v]; MORE_THAN and AT_LEAST [v, ∞);',
    'LESS_THAN and AT_MOST (−∞, v]; NEARLY [0.9·v, v]; JUST_OVER [v, 1.1·v]; ABOUT [0.95·v, 1.05·v].',
    'For a negative v (a reported decline, read on the signed change) the widths are taken on |v|: NEARLY −20 is [−22, −20], JUST_OVER −20 [−20, −18].',
    'Strictness (more than vs at least) is kept in the qualifier, not in the bounds.',
    "A computed value's qualifier follows one rule (docs/analytics.md#uncertainty-is-carried): EXACT when every input was exact;",
    'else MORE_THAN when the interval is open above and starts at the value, LESS_THAN when open below and ends at it,',
    "UNKNOWN when the inputs give no value or the interval spans the indicator's whole domain, otherwise ABOUT;",
    "computed intervals are clipped to the domain (a share's to [0, 1]).",
  ].join(' '),
  valuesConfig: {
    EXACT: { description: 'Stated exactly ("377 Party members").' },
    MORE_THAN: { description: '"more than", "over": a lower bound.' },
    NEARLY: { description: '"nearly", "almost": just below the figure; interval [0.9·v, v].' },
    JUST_OVER: { description: '"just over": just above the figure; interval [v, 1.1·v].' },
    ABOUT: {
      description: '"about", "approximately", or rounded: interval [0.95·v, 1.05·v] unless the row states bounds.',
    },
    AT_LEAST: { description: '"at least": a lower bound, inclusive.' },
    LESS_THAN: { description: '"less than", "under": an upper bound.' },
    AT_MOST: { description: '"at most": an upper bound, inclusive.' },
    UNKNOWN: {
      description:
        'Computed values only: the inputs do not pin the value down (an unknown share of a figure, or "more than 27,000 of more than 49,000", which could be any share). The value is null; lower and upper say where it lies, clipped to the indicator\'s domain.',
    },
  },
});

export enum PeriodGranularity {
  YEAR = 'YEAR',
  QUARTER = 'QUARTER',
  MONTH = 'MONTH',
  DAY = 'DAY',
  RANGE = 'RANGE',
}
registerEnumType(PeriodGranularity, {
  name: 'PeriodGranularity',
  description:
    'The length of the period a figure refers to; RANGE is an explicit start/end, possibly open ("since July 2025").',
});

export enum SourcePreference {
  MOST_RECENT_PUBLICATION = 'MOST_RECENT_PUBLICATION',
  EARLIEST_PUBLICATION = 'EARLIEST_PUBLICATION',
}
registerEnumType(SourcePreference, {
  name: 'SourcePreference',
  description:
    'Which source a series uses when several report the same period. Reported figures always win over derived ones; a named `preferSource` wins next; then this order.',
});

export enum DocumentRole {
  ISSUED_BY = 'ISSUED_BY',
  GOVERNS = 'GOVERNS',
  APPLIED_BY = 'APPLIED_BY',
}
registerEnumType(DocumentRole, {
  name: 'DocumentRole',
  description: 'How a document relates to a unit or organisation.',
  valuesConfig: {
    ISSUED_BY: { description: 'The organisation issued the document.' },
    GOVERNS: { description: 'The document applies to the unit.' },
    APPLIED_BY: { description: 'The source reports the organisation applying the document.' },
  },
});

export enum ValueType {
  COUNT = 'COUNT',
  SHARE = 'SHARE',
  AREA = 'AREA',
  AMOUNT = 'AMOUNT',
}
registerEnumType(ValueType, {
  name: 'ValueType',
  description:
    'What kind of number an indicator is, and so its domain: loads refuse figures outside it and computed intervals are clipped to it (see `Indicator.domain`).',
  valuesConfig: Object.fromEntries(
    VALUE_TYPES.map((t) => [t, { description: `${DOMAINS[t].words[0]!.toUpperCase()}${DOMAINS[t].words.slice(1)}.` }]),
  ),
});

export enum Measure {
  STOCK = 'STOCK',
  FLOW = 'FLOW',
}
registerEnumType(Measure, {
  name: 'Measure',
  description:
    'Whether an indicator is a level at a moment or an amount during a period; it decides how gaps are filled and how a coarser time axis aggregates.',
  valuesConfig: {
    STOCK: {
      description:
        'A level at a moment (Party members at the end of the year): `fill` may carry it across a gap, and a coarser period takes the level at its end.',
    },
    FLOW: {
      description:
        'An amount during the period (members admitted in 2025): a gap stays a gap unless `fillFlows` asks otherwise, and a coarser period sums its sub-periods (all of them, or no value).',
    },
  },
});

export enum Geography {
  AS_RECORDED = 'AS_RECORDED',
  CURRENT = 'CURRENT',
  AS_OF = 'AS_OF',
}
registerEnumType(Geography, {
  name: 'Geography',
  description:
    'Whose units figures are expressed on. Re-expressed values (basis RECONSTRUCTED) come from the units that existed in the period, through the lineage over any number of generations: weighted where a share is known; where it is not, the value is null and lower/upper bound it (qualifier UNKNOWN). reporting/expected say how many of those units reported; a period is re-expressed only when all did. Ratios are recomputed from re-expressed numerators and denominators, never averaged.',
  valuesConfig: {
    AS_RECORDED: { description: 'Only figures recorded for the unit itself (default).' },
    CURRENT: {
      description:
        "Today's units: periods before a unit was formed are rebuilt from its predecessors, flagged `reconstructed`.",
    },
    AS_OF: {
      description:
        'The units in force on `geographyAsOf` (e.g. 2024-12-31, before the 2025 reform): periods before a unit was formed come from its predecessors, periods after it ended from its successors (a successor made from several units gives an unknown share).',
    },
  },
});

export enum LineageKind {
  MERGE = 'MERGE',
  SPLIT = 'SPLIT',
  RENAME = 'RENAME',
  CONTINUED = 'CONTINUED',
  ABOLISH = 'ABOLISH',
}
registerEnumType(LineageKind, {
  name: 'LineageKind',
  description: 'How a unit changed into another.',
  valuesConfig: {
    MERGE: { description: 'Merged with others into the successor.' },
    SPLIT: {
      description:
        'Divided between several successors; each edge carries the share (weight) its successor took, or null where no source gives it.',
    },
    RENAME: { description: 'Same unit under a new name, code or type (a commune reclassified as a ward).' },
    CONTINUED: {
      description:
        'Continued under its code and name, with other units added to it (Chà Tở absorbing Nậm Khăn in 2025).',
    },
    ABOLISH: { description: 'Abolished; the successor, if any, took over its territory.' },
  },
});

export enum Aggregation {
  SUM = 'SUM',
  RATIO = 'RATIO',
  NONE = 'NONE',
}
registerEnumType(Aggregation, {
  name: 'Aggregation',
  description:
    'How an indicator combines across units: SUM adds children; RATIO is recomputed from its numerator and denominator, never averaged; NONE does not aggregate.',
});
