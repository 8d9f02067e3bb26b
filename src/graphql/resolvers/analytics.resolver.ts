import { Arg, Ctx, FieldResolver, Float, ID, Info, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { DateTimeResolver, LocalDateResolver } from 'graphql-scalars';
import type { UnitRow } from '../../domain/rows.js';
import type { ChangeRow, PartsRow, PointRow } from '../../domain/analytics-rows.js';
import { Locality } from '../types/locality.type.js';
import {
  Change,
  Fill,
  PartsPoint,
  PeerContext,
  Series,
  SeriesGranularity,
  SeriesPoint,
} from '../types/analytics.type.js';
import { Geography, LocalityKind, SourcePreference } from '../types/enums.js';
import { Indicator } from '../types/indicator.type.js';
import { Observation } from '../types/observation.type.js';
import { Source } from '../types/source.type.js';
import { RECORDED_AS_OF, UPDATED_AFTER } from './locality.resolver.js';
import { catalogueOf } from '../analytics-args.js';
import {
  normalizeChangeArgs,
  normalizeLatestArgs,
  normalizePartsArgs,
  normalizePeerArgs,
  normalizeSeriesArgs,
  normalizeYoyArgs,
} from '../normalize-args.js';
import type { Context } from '../context.js';
import { pointFieldsSelected } from '../selection.js';
import { perField } from '../per-field.js';

const INDICATOR =
  'Indicator code (see `indicators`); derived RATIO indicators are computed from their numerator and denominator where not reported.';
const ROLLUP =
  'Where the unit has no value of its own, sum its descendants of this kind (a ratio: their numerators over their denominators); basis ROLLED_UP with coverage.';
const FROM = 'Earliest period, inclusive: YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD.';
const TO = 'Latest period, inclusive, same formats.';
export const GEOGRAPHY =
  "Whose units the figures are on: AS_RECORDED (default), CURRENT (today's units) or AS_OF (the units in force on geographyAsOf). Periods when the unit did not exist are rebuilt through the lineage, basis RECONSTRUCTED; see the Geography enum. Does not combine with granularity or rollup.";
export const GEOGRAPHY_AS_OF =
  'With geography AS_OF (implied when given alone): the date whose units are meant, e.g. 2024-12-31.';

/** Time-series analytics every Locality answers; all computed in DuckDB, batched per request. */
@Resolver(() => Locality)
export class LocalityAnalyticsResolver {
  @FieldResolver(() => Series, {
    description:
      'One indicator over time. Without `granularity`: every point as recorded. With it: a regular time axis from the first to the last point (or the window asked), gaps filled as `fill` says.',
  })
  async series(
    @Root() root: UnitRow,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('indicator', () => String, { description: INDICATOR }) indicator: string,
    @Arg('from', () => String, { nullable: true, description: FROM }) from?: string | null,
    @Arg('to', () => String, { nullable: true, description: TO }) to?: string | null,
    @Arg('granularity', () => SeriesGranularity, {
      nullable: true,
      description: 'Step of the time axis; must not be finer than the data.',
    })
    granularity?: SeriesGranularity | null,
    @Arg('fill', () => Fill, {
      nullable: true,
      description: 'How gaps on the time axis are filled (needs granularity; default NONE).',
    })
    fill?: Fill | null,
    @Arg('fillFlows', () => Boolean, {
      nullable: true,
      description:
        'Fill the gaps of a FLOW indicator too (default false: an amount nobody reported stays a gap; stocks are filled). Gaps are only ever filled between two reported points.',
    })
    fillFlows?: boolean | null,
    @Arg('includeParts', () => Boolean, {
      nullable: true,
      description:
        "Include figures about a part of the unit (an observation's `scope`, e.g. one household's conversion), each point naming its scope (default false: only the unit's own figures). Not with granularity, rollup or geography.",
    })
    includeParts?: boolean | null,
    @Arg('rollup', () => LocalityKind, { nullable: true, description: ROLLUP }) rollup?: LocalityKind | null,
    @Arg('sourcePreference', () => SourcePreference, {
      nullable: true,
      description: 'Order of sources when several report a period (default MOST_RECENT_PUBLICATION).',
    })
    sourcePreference?: SourcePreference | null,
    @Arg('preferSource', () => ID, {
      nullable: true,
      description: 'Global id of a source to use wherever it reports a period.',
    })
    preferSource?: string | null,
    @Arg('asOf', () => DateTimeResolver, { nullable: true, description: RECORDED_AS_OF }) asOf?: Date | null,
    @Arg('updatedAfter', () => DateTimeResolver, { nullable: true, description: UPDATED_AFTER })
    updatedAfter?: Date | null,
    @Arg('geography', () => Geography, { nullable: true, description: GEOGRAPHY }) geography?: Geography | null,
    @Arg('geographyAsOf', () => LocalDateResolver, { nullable: true, description: GEOGRAPHY_AS_OF })
    geographyAsOf?: string | null,
  ) {
    const args = await perField(info, async () =>
      normalizeSeriesArgs(
        {
          indicator,
          from,
          to,
          granularity,
          fill,
          fillFlows,
          includeParts,
          rollup,
          sourcePreference,
          preferSource,
          asOf,
          updatedAfter,
          geography,
          geographyAsOf,
        },
        await catalogueOf(ctx, granularity == null ? null : indicator),
        pointFieldsSelected(info, ['points']),
      ),
    );
    return { indicatorCode: indicator, points: await ctx.loaders.series.load({ id: root.id, args }) };
  }

  @FieldResolver(() => Change, {
    description:
      'Change between two periods: absolute, percent, compound annual growth and index, each with its interval. Where a source states the change between these periods, `absolute` is that reported change (basis REPORTED, cited in `reported`); otherwise it is computed from the two values.',
  })
  async change(
    @Root() root: UnitRow,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('indicator', () => String, { description: INDICATOR }) indicator: string,
    @Arg('from', () => String, { description: 'The earlier period, exactly as recorded (e.g. "2024").' }) from: string,
    @Arg('to', () => String, { description: 'The later period, exactly as recorded (e.g. "2026").' }) to: string,
    @Arg('rollup', () => LocalityKind, { nullable: true, description: ROLLUP }) rollup?: LocalityKind | null,
    @Arg('geography', () => Geography, { nullable: true, description: GEOGRAPHY }) geography?: Geography | null,
    @Arg('geographyAsOf', () => LocalDateResolver, { nullable: true, description: GEOGRAPHY_AS_OF })
    geographyAsOf?: string | null,
  ): Promise<ChangeRow | null> {
    const args = await perField(info, async () =>
      normalizeChangeArgs({ indicator, from, to, rollup, geography, geographyAsOf }, await catalogueOf(ctx)),
    );
    return ctx.loaders.change.load({ id: root.id, args });
  }

  @FieldResolver(() => [Change], {
    description:
      "Year over year (quarter over quarter, month over month): each period's change from the period just before it, of the same length, oldest first; a change a source reports between two such periods counts as the step (basis REPORTED). A step over a gap in the figures (2024 → 2026) is not a year over year and is left out unless `includeWiderSteps`.",
  })
  async yoy(
    @Root() root: UnitRow,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('indicator', () => String, { description: INDICATOR }) indicator: string,
    @Arg('from', () => String, { nullable: true, description: FROM }) from?: string | null,
    @Arg('to', () => String, { nullable: true, description: TO }) to?: string | null,
    @Arg('rollup', () => LocalityKind, { nullable: true, description: ROLLUP }) rollup?: LocalityKind | null,
    @Arg('geography', () => Geography, { nullable: true, description: GEOGRAPHY }) geography?: Geography | null,
    @Arg('geographyAsOf', () => LocalDateResolver, { nullable: true, description: GEOGRAPHY_AS_OF })
    geographyAsOf?: string | null,
    @Arg('includeWiderSteps', () => Boolean, {
      defaultValue: false,
      description:
        "Also return the steps over a gap between a unit's periods (2024 → 2026 where 2025 is missing), flagged `consecutive: false` with their `years`; they are changes over several periods, not year over year.",
    })
    includeWiderSteps?: boolean | null,
  ): Promise<ChangeRow[]> {
    const args = await perField(info, async () =>
      normalizeYoyArgs(
        { indicator, from, to, rollup, geography, geographyAsOf, includeWiderSteps },
        await catalogueOf(ctx),
      ),
    );
    return ctx.loaders.consecutiveChanges.load({ id: root.id, args });
  }

  @FieldResolver(() => SeriesPoint, { nullable: true, description: 'The most recent non-empty value.' })
  async latest(
    @Root() root: UnitRow,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('indicator', () => String, { description: INDICATOR }) indicator: string,
    @Arg('rollup', () => LocalityKind, { nullable: true, description: ROLLUP }) rollup?: LocalityKind | null,
    @Arg('geography', () => Geography, { nullable: true, description: GEOGRAPHY }) geography?: Geography | null,
    @Arg('geographyAsOf', () => LocalDateResolver, { nullable: true, description: GEOGRAPHY_AS_OF })
    geographyAsOf?: string | null,
  ): Promise<PointRow | null> {
    const args = await perField(info, async () =>
      normalizeLatestArgs(
        { indicator, rollup, geography, geographyAsOf },
        await catalogueOf(ctx),
        pointFieldsSelected(info, []),
      ),
    );
    return ctx.loaders.latest.load({ id: root.id, args });
  }

  @FieldResolver(() => PeerContext, {
    nullable: true,
    description:
      "The unit beside its parent (share of the parent's value) and its peers (median, min, max, rank) in one period.",
  })
  async peers(
    @Root() root: UnitRow,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('indicator', () => String, { description: INDICATOR }) indicator: string,
    @Arg('period', () => String, { description: 'The period, exactly as recorded (e.g. "2026").' }) period: string,
    @Arg('rollup', () => LocalityKind, { nullable: true, description: ROLLUP }) rollup?: LocalityKind | null,
  ) {
    const args = await perField(info, async () =>
      normalizePeerArgs({ indicator, period, rollup }, await catalogueOf(ctx)),
    );
    return ctx.loaders.peers.load({ id: root.id, args });
  }

  @FieldResolver(() => [PartsPoint], {
    description:
      "Per period, the unit's own total beside the sum of its descendants of `childKind`: both, the gap and the coverage.",
  })
  async totalsAndParts(
    @Root() root: UnitRow,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('indicator', () => String, { description: INDICATOR }) indicator: string,
    @Arg('childKind', () => LocalityKind, { description: 'Which descendants to add up (e.g. VILLAGE).' })
    childKind: LocalityKind,
    @Arg('from', () => String, { nullable: true, description: FROM }) from?: string | null,
    @Arg('to', () => String, { nullable: true, description: TO }) to?: string | null,
    @Arg('geography', () => Geography, { nullable: true, description: GEOGRAPHY }) geography?: Geography | null,
    @Arg('geographyAsOf', () => LocalDateResolver, { nullable: true, description: GEOGRAPHY_AS_OF })
    geographyAsOf?: string | null,
  ): Promise<PartsRow[]> {
    const args = await perField(info, async () =>
      normalizePartsArgs({ indicator, childKind, from, to, geography, geographyAsOf }, await catalogueOf(ctx)),
    );
    return ctx.loaders.totalsAndParts.load({ id: root.id, args });
  }
}

@Resolver(() => Series)
export class SeriesResolver {
  @FieldResolver(() => Indicator, { description: 'The indicator of the series.' })
  async indicator(@Root() root: { indicatorCode: string }, @Ctx() ctx: Context) {
    return (await ctx.loaders.indicators()).get(root.indicatorCode);
  }
}

@Resolver(() => SeriesPoint)
export class SeriesPointResolver {
  @FieldResolver(() => Locality, { nullable: true, description: 'The unit the value is about.' })
  locality(@Root() root: PointRow, @Ctx() ctx: Context) {
    return ctx.loaders.unit.load(root.subjectId);
  }

  @FieldResolver(() => Indicator, { description: 'What was measured.' })
  async indicator(@Root() root: PointRow, @Ctx() ctx: Context) {
    return (await ctx.loaders.indicators()).get(root.indicator);
  }

  @FieldResolver(() => [Source], {
    description: 'Every source behind the value (several for computed, rolled-up and filled values).',
  })
  async sources(@Root() root: PointRow, @Ctx() ctx: Context) {
    return (await ctx.loaders.source.loadMany(root.sourceIds ?? [])).filter((s) => s && !(s instanceof Error));
  }

  @FieldResolver(() => Source, {
    nullable: true,
    description: 'The source of a REPORTED value (the first source otherwise).',
  })
  source(@Root() root: PointRow, @Ctx() ctx: Context) {
    const first = root.sourceIds?.[0];
    return first ? ctx.loaders.source.load(first) : null;
  }

  @FieldResolver(() => Observation, {
    nullable: true,
    description: 'For REPORTED values: the observation, with its quote, formula and revision time.',
  })
  observation(@Root() root: PointRow, @Ctx() ctx: Context) {
    return root.observationId ? ctx.loaders.observation.load(root.observationId) : null;
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description: 'For ROLLED_UP and RECONSTRUCTED values: reporting ÷ expected.',
  })
  coverage(@Root() root: PointRow): number | null {
    return root.reporting != null && root.expected ? root.reporting / root.expected : null;
  }

  @FieldResolver(() => Boolean, {
    description: "True when re-expressed on another date's units through the lineage (basis RECONSTRUCTED).",
  })
  reconstructed(@Root() root: PointRow): boolean {
    return root.basis === 'RECONSTRUCTED';
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      'How the value was obtained, with its inputs: a derived figure\'s formula as loaded; a ratio\'s "em_members / members = 339 / 377"; a rollup\'s "sum of 2 of 2 village figures"; a filled point\'s "carried from 2024"; a re-expressed value\'s terms. Null for a figure reported as it stands.',
  })
  formula(@Root() root: PointRow): string | null {
    return root.formula ?? null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      'The part of the unit a reported figure is about (only with `includeParts`); null: the unit as a whole.',
  })
  scope(@Root() root: PointRow): string | null {
    return root.scope ?? null;
  }
}

@Resolver(() => PartsPoint)
export class PartsPointResolver {
  @FieldResolver(() => Float, { nullable: true, description: 'reporting ÷ expected.' })
  coverage(@Root() root: PartsRow): number | null {
    return root.expected ? root.reporting / root.expected : null;
  }
}
