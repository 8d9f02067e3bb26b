import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Indicator } from './indicator.type.js';
import { LocalityKind, PeriodGranularity, Qualifier } from './enums.js';
import { FloatColumn, IntColumn, StringColumn } from './column-scalars.js';
import { ReportedChange } from './reported-change.type.js';

export enum ValueBasis {
  REPORTED = 'REPORTED',
  COMPUTED = 'COMPUTED',
  ROLLED_UP = 'ROLLED_UP',
  FILLED = 'FILLED',
  RECONSTRUCTED = 'RECONSTRUCTED',
  MISSING = 'MISSING',
}
registerEnumType(ValueBasis, {
  name: 'ValueBasis',
  description: 'How a value was obtained.',
  valuesConfig: {
    REPORTED: {
      description:
        'An observation recorded for the unit itself (see `observation`; it may itself be a derived row, see `derived`).',
    },
    COMPUTED: {
      description: 'A RATIO indicator recomputed from its numerator and denominator for the same unit and period.',
    },
    ROLLED_UP: {
      description:
        "Summed from the unit's descendants (a ratio: their numerators over their denominators); see reporting/expected.",
    },
    FILLED: {
      description: 'A gap on the time axis filled from neighbouring points (see `filledFrom`); never an observation.',
    },
    RECONSTRUCTED: {
      description:
        "Re-expressed on another date's units (a `geography`) from the units that existed in the period, through the lineage: weighted where shares are known, an interval where not; `reporting`/`expected` give the coverage, `formula` the terms.",
    },
    MISSING: { description: 'A period on the time axis with no value (fill: NONE).' },
  },
});

export enum SeriesGranularity {
  YEAR = 'YEAR',
  QUARTER = 'QUARTER',
  MONTH = 'MONTH',
}
registerEnumType(SeriesGranularity, { name: 'SeriesGranularity', description: "The step of a series' time axis." });

export enum Fill {
  NONE = 'NONE',
  PREVIOUS = 'PREVIOUS',
  LINEAR = 'LINEAR',
}
registerEnumType(Fill, {
  name: 'Fill',
  description:
    'How gaps on a time axis are filled. Filled points have basis FILLED and name the periods they came from.',
  valuesConfig: {
    NONE: { description: 'Gaps stay empty (basis MISSING, value null).' },
    PREVIOUS: { description: 'Carry the previous point forward, with its qualifier and interval.' },
    LINEAR: {
      description:
        'Interpolate between the neighbours (value and interval bounds); the qualifier is theirs when they share one, else ABOUT. Gaps before the first or after the last point stay empty.',
    },
  },
});

export enum RankBy {
  VALUE = 'VALUE',
  ABSOLUTE_CHANGE = 'ABSOLUTE_CHANGE',
  PERCENT_CHANGE = 'PERCENT_CHANGE',
}
registerEnumType(RankBy, {
  name: 'RankBy',
  description: 'What a ranking sorts by: the value in `period`, or its change between `from` and `to`.',
});

export enum SortOrder {
  DESC = 'DESC',
  ASC = 'ASC',
}
registerEnumType(SortOrder, {
  name: 'SortOrder',
  description:
    'DESC ranks the largest first (top N); ASC the smallest first (bottom N; e.g. the fastest decline by PERCENT_CHANGE).',
});

@ObjectType('Estimate', {
  simpleResolvers: true,
  description:
    'A computed number with the interval it stands for, carried from approximate inputs (sums add bounds, differences subtract opposite bounds, ratios divide them). Qualifier: the rule on the Qualifier enum.',
})
export class Estimate {
  @Field(() => Float, { description: 'The point value, computed from the stated figures.' })
  value!: number;

  @Field(() => Float, {
    nullable: true,
    description: "Lowest value consistent with the inputs' intervals; null: unbounded.",
  })
  lower!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "Highest value consistent with the inputs' intervals; null: unbounded.",
  })
  upper!: number | null;

  @Field(() => Qualifier, { description: 'How exact the value is (rule in the type description).' })
  qualifier!: Qualifier;

  @Field(() => String, {
    nullable: true,
    description:
      'How it was computed, with its inputs as stated: "2026 − 2024 = just over 20 − more than 40"; for a reported change, the claim itself.',
  })
  formula!: string | null;
}

@ObjectType('SeriesPoint', {
  simpleResolvers: true,
  description:
    'One value of an indicator for one unit and period, with its interval, how it was obtained and its sources.',
})
export class SeriesPoint {
  @Field(() => String, { description: 'The period, ISO 8601 ("2024", "2024-Q3", "2024-07", "2025-07/..").' })
  period!: string;

  @Field(() => String, { description: 'First day of the period.' })
  periodStart!: string;

  @Field(() => String, { nullable: true, description: 'Last day of the period; null when open-ended.' })
  periodEnd!: string | null;

  @Field(() => PeriodGranularity, { description: 'Length of the period.' })
  granularity!: PeriodGranularity;

  @Field(() => Float, { nullable: true, description: 'The value; null only for a MISSING grid period.' })
  value!: number | null;

  @Field(() => Qualifier, { nullable: true, description: 'How exact the value is.' })
  qualifier!: Qualifier | null;

  @Field(() => Float, { nullable: true, description: 'Lower end of its interval; null: unbounded.' })
  lower!: number | null;

  @Field(() => Float, { nullable: true, description: 'Upper end of its interval; null: unbounded.' })
  upper!: number | null;

  @Field(() => ValueBasis, { description: 'How the value was obtained.' })
  basis!: ValueBasis;

  @Field(() => Boolean, { description: 'True unless the value is a figure as reported by a source.' })
  derived!: boolean;

  @Field(() => [String], { nullable: true, description: 'For FILLED points: the periods the value was filled from.' })
  filledFrom!: string[] | null;

  @Field(() => Int, { nullable: true, description: 'For ROLLED_UP values: how many descendants reported.' })
  reporting!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'For ROLLED_UP values: how many descendants of that kind there are.',
  })
  expected!: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      'When the latest figure behind the value was recorded (ISO 8601, UTC); pass the largest seen as `updatedAfter` to refresh incrementally.',
  })
  recordedAt!: string | null;
}

@ObjectType('Series', {
  simpleResolvers: true,
  description:
    'One indicator over time for one unit. Where several sources report a period: reported figures before derived rows, then `preferSource`, then `sourcePreference`.',
})
export class Series {
  @Field(() => [SeriesPoint], { description: 'The points, oldest first.' })
  points!: SeriesPoint[];
}

export enum ChangeBasis {
  REPORTED = 'REPORTED',
  COMPUTED = 'COMPUTED',
}
registerEnumType(ChangeBasis, {
  name: 'ChangeBasis',
  description: 'How the absolute change was obtained.',
  valuesConfig: {
    REPORTED: {
      description:
        'A source states the change between these two periods (see `reported`, with its quote and source): `absolute` is that statement, its qualifier and interval, not the difference of the levels.',
    },
    COMPUTED: {
      description: 'The later value minus the earlier one, with the interval carried from their intervals.',
    },
  },
});

@ObjectType('Change', {
  simpleResolvers: true,
  description:
    'The change of an indicator between two periods, each measure with its interval. Where a source states the change itself ("down by more than 20 compared to 2024"), `absolute` is that reported change (basis REPORTED) and `reported` cites it; otherwise it is computed from the two values (COMPUTED). `percent`, `cagr` and `index` are always of the two values, `from` and `to`, which may themselves be derived from the reported change (see their `derived`).',
})
export class Change {
  @Field(() => SeriesPoint, { nullable: true, description: 'The earlier value; null when the unit has none.' })
  from!: SeriesPoint | null;

  @Field(() => SeriesPoint, { nullable: true, description: 'The later value; null when the unit has none.' })
  to!: SeriesPoint | null;

  @Field(() => Float, { nullable: true, description: 'Years between the starts of the two periods.' })
  years!: number | null;

  @Field(() => Boolean, {
    description:
      'True when the later period directly follows the earlier one at the same length (2025 after 2024, Q3 after Q2, July after June): a year-over-year step. False for a wider step (2024 → 2026; see `years`) and for periods of different lengths.',
  })
  consecutive!: boolean;

  @Field(() => ChangeBasis, {
    description: 'REPORTED when a source states this change (then `absolute` is the statement), else COMPUTED.',
  })
  basis!: ChangeBasis;

  @Field(() => Estimate, {
    nullable: true,
    description:
      'The change: with basis REPORTED the reported change as stated (value, qualifier and interval of `reported`), even where the two values are missing; with COMPUTED, to − from.',
  })
  absolute!: Estimate | null;

  @Field(() => Estimate, {
    nullable: true,
    description: '(to ÷ from − 1) × 100, of the two values whatever the basis; null when from is 0 or missing.',
  })
  percent!: Estimate | null;

  @Field(() => Estimate, {
    nullable: true,
    description:
      'Compound annual growth rate in percent, of the two values whatever the basis: ((to ÷ from)^(1/years) − 1) × 100.',
  })
  cagr!: Estimate | null;

  @Field(() => Estimate, {
    nullable: true,
    description: 'to as an index of from (from = 100), of the two values whatever the basis.',
  })
  index!: Estimate | null;

  @Field(() => ReportedChange, {
    nullable: true,
    description:
      'With basis REPORTED: the change the source states, with its quote and source (picked among sources as a series picks among figures); null otherwise.',
  })
  reported!: ReportedChange | null;

  @Field(() => Boolean, {
    description:
      "True when the two ends lie on two sides of a boundary change of the unit: either was rebuilt through the lineage (basis RECONSTRUCTED, with a geography), or the unit's lineage records a change between the two periods. Such a change mixes territory; read it with the points' coverage and formula.",
  })
  crossesBoundaryChange!: boolean;
}

@ObjectType('RankEntry', { simpleResolvers: true, description: "One unit's place in a ranking." })
export class RankEntry {
  @Field(() => Int, { description: 'Rank, 1 first; ties share a rank and the next rank skips (1, 2, 2, 4).' })
  rank!: number;

  @Field(() => Float, { description: 'The number ranked by (value, absolute change or percent change).' })
  sortValue!: number;

  @Field(() => SeriesPoint, {
    nullable: true,
    description: 'The value in the ranked period (`period`, or `to` for changes).',
  })
  point!: SeriesPoint | null;

  @Field(() => Change, { nullable: true, description: 'For change rankings: the change, with its interval.' })
  change!: Change | null;
}

@ObjectType('Ranking', { simpleResolvers: true, description: 'Top or bottom units of a kind by an indicator.' })
export class Ranking {
  @Field(() => Indicator, { description: 'What was ranked.' })
  indicator!: Indicator;

  @Field(() => Int, { description: 'Units with the figures needed, i.e. the size of the ranked peer group.' })
  peerCount!: number;

  @Field(() => Int, { description: 'All units of the kind in scope, with or without figures.' })
  unitCount!: number;

  @Field(() => [RankEntry], { description: 'The first N entries.' })
  entries!: RankEntry[];
}

@ObjectType('PeerContext', {
  simpleResolvers: true,
  description: "A unit's value beside its parent and its peers (same kind, same parent) in one period.",
})
export class PeerContext {
  @Field(() => SeriesPoint, { nullable: true, description: "The unit's own value." })
  point!: SeriesPoint | null;

  @Field(() => SeriesPoint, { nullable: true, description: "The parent's value." })
  parentPoint!: SeriesPoint | null;

  @Field(() => Estimate, { nullable: true, description: "The unit's value divided by its parent's." })
  shareOfParent!: Estimate | null;

  @Field(() => Int, { description: 'Units of the same kind under the same parent, the unit included.' })
  peerCount!: number;

  @Field(() => Int, { description: 'Peers with a value.' })
  peersReporting!: number;

  @Field(() => Float, { nullable: true, description: "Median of the peers' values." })
  median!: number | null;

  @Field(() => Float, { nullable: true, description: 'Smallest peer value.' })
  minimum!: number | null;

  @Field(() => Float, { nullable: true, description: 'Largest peer value.' })
  maximum!: number | null;

  @Field(() => Int, { nullable: true, description: "The unit's rank among its peers, largest first." })
  rank!: number | null;
}

@ObjectType('PartsPoint', {
  simpleResolvers: true,
  description: "A unit's own figure for a period beside the sum of its descendants' figures.",
})
export class PartsPoint {
  @Field(() => String, { description: 'The period.' })
  period!: string;

  @Field(() => SeriesPoint, { nullable: true, description: 'The figure reported for the unit itself.' })
  own!: SeriesPoint | null;

  @Field(() => SeriesPoint, { nullable: true, description: "The descendants' figures rolled up." })
  children!: SeriesPoint | null;

  @Field(() => Estimate, { nullable: true, description: 'own − children, with its interval.' })
  gap!: Estimate | null;

  @Field(() => Int, { description: 'Descendants that reported.' })
  reporting!: number;

  @Field(() => Int, { description: 'Descendants of that kind.' })
  expected!: number;

  @Field(() => Float, { nullable: true, description: 'reporting ÷ expected.' })
  coverage!: number | null;
}

@ObjectType('Availability', {
  simpleResolvers: true,
  description: 'Where an indicator has data: per level (kind of unit) and period length.',
})
export class Availability {
  @Field(() => Indicator, { description: 'The indicator.' })
  indicator!: Indicator;

  @Field(() => LocalityKind, { description: 'The level.' })
  kind!: LocalityKind;

  @Field(() => PeriodGranularity, { description: 'The period length.' })
  granularity!: PeriodGranularity;

  @Field(() => Int, { description: 'Units with at least one figure.' })
  unitCount!: number;

  @Field(() => Int, { description: 'Figures (latest revisions, all sources).' })
  observationCount!: number;

  @Field(() => Int, { description: 'Distinct periods.' })
  periodCount!: number;

  @Field(() => [String], { description: 'The periods, sorted.' })
  periods!: string[];

  @Field(() => String, { description: 'First day of the earliest period.' })
  earliest!: string;

  @Field(() => String, { description: 'Last day of the latest period.' })
  latest!: string;
}

@ObjectType('PivotRow', {
  simpleResolvers: true,
  description: 'One unit and indicator, one value per period of `Table.pivot.periods` (null where empty).',
})
export class PivotRow {
  @Field(() => String, { description: 'The indicator code.' })
  indicator!: string;

  @Field(() => [Float], { nullable: 'items', description: 'Values aligned with the periods.' })
  values!: (number | null)[];

  @Field(() => [Qualifier], { nullable: 'items', description: 'Qualifiers aligned with the periods.' })
  qualifiers!: (Qualifier | null)[];
}

@ObjectType('PivotTable', {
  simpleResolvers: true,
  description: 'The table with one column per period, ready for a dashboard grid.',
})
export class PivotTable {
  @Field(() => [String], { description: 'The column periods, oldest first.' })
  periods!: string[];

  @Field(() => [PivotRow], { description: 'One row per unit and indicator.' })
  rows!: PivotRow[];
}

@ObjectType('TableColumns', {
  simpleResolvers: true,
  description: 'The flat table as parallel arrays (column-oriented): compact for large pulls.',
})
export class TableColumns {
  @Field(() => [String], { description: 'Locality codes.' })
  localityCodes!: string[];

  @Field(() => [String], { description: 'Indicator codes.' })
  indicators!: string[];

  @Field(() => [String], { description: 'Periods.' })
  periods!: string[];

  @Field(() => [Float], { nullable: 'items', description: 'Values.' })
  values!: (number | null)[];

  @Field(() => [Qualifier], { description: 'Qualifiers.' })
  qualifiers!: Qualifier[];

  @Field(() => [Float], { nullable: 'items', description: 'Lower bounds (null: unbounded).' })
  lowers!: (number | null)[];

  @Field(() => [Float], { nullable: 'items', description: 'Upper bounds (null: unbounded).' })
  uppers!: (number | null)[];

  @Field(() => [String], { nullable: 'items', description: 'Code of the (first) source of each value.' })
  sourceCodes!: (string | null)[];

  @Field(() => [ValueBasis], { description: 'How each value was obtained.' })
  bases!: ValueBasis[];
}

@ObjectType('PackedTable', {
  simpleResolvers: true,
  description: [
    'The table for bulk pulls: shared axes instead of a string per value, and each column as one array.',
    'Rows are (unit, indicator) pairs in table order; row r owns points rowOffsets[r] to rowOffsets[r + 1] - 1,',
    'and point k is values[k] in period periods[periodIndexes[k]] with qualifier qualifiers[qualifierIndexes[k]].',
    'Holds the same values as `columns`, in the same order.',
  ].join(' '),
})
export class PackedTable {
  @Field(() => StringColumn, { description: 'The period axis: every period with a value, oldest first.' })
  periods!: string[];

  @Field(() => StringColumn, { description: 'The indicator axis: every indicator with a value, by code.' })
  indicators!: string[];

  @Field(() => [Qualifier], {
    description: 'The qualifier dictionary `qualifierIndexes` points into (always every qualifier, in a fixed order).',
  })
  qualifiers!: readonly Qualifier[];

  @Field(() => StringColumn, { description: 'Per row: the locality code.' })
  localityCodes!: string[];

  @Field(() => IntColumn, { description: 'Per row: index into `indicators`.' })
  rowIndicators!: number[];

  @Field(() => IntColumn, {
    description:
      'Row boundaries, one more than the rows: row r owns points rowOffsets[r] up to (not including) rowOffsets[r + 1]; the last is the number of points.',
  })
  rowOffsets!: number[];

  @Field(() => IntColumn, { description: 'Per point: index into `periods`.' })
  periodIndexes!: number[];

  @Field(() => FloatColumn, { description: 'Per point: the value (null only where the value itself is null).' })
  values!: (number | null)[];

  @Field(() => IntColumn, { description: 'Per point: index into `qualifiers`; null where the value has no qualifier.' })
  qualifierIndexes!: (number | null)[];
}

@ObjectType('Table', {
  simpleResolvers: true,
  description: 'Units × indicators × periods, as rows, pivoted, as columns, and packed for bulk pulls.',
})
export class Table {
  @Field(() => Int, {
    description:
      'Number of values (flat rows). Read with `columns`; with `packed`, its last `rowOffsets` entry is the same number without a second read.',
  })
  rowCount!: number;
}
