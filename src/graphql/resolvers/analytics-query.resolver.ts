import { Arg, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { LocalDateResolver } from 'graphql-scalars';
import type { RankRow, TableColumnsRow } from '../../domain/analytics-rows.js';
import {
  Availability,
  PackedTable,
  PivotRow,
  PivotTable,
  RankBy,
  RankEntry,
  Ranking,
  SeriesPoint as SeriesPointType,
  SortOrder,
  Table,
  TableColumns,
} from '../types/analytics.type.js';
import { Locality } from '../types/locality.type.js';
import { Indicator } from '../types/indicator.type.js';
import { Geography, LocalityKind } from '../types/enums.js';
import { GEOGRAPHY, GEOGRAPHY_AS_OF } from './analytics.resolver.js';
import { catalogueOf } from '../analytics-args.js';
import { normalizeAvailabilityArgs, normalizeRankingArgs } from '../normalize-args.js';
import { assertRowsWithin, inTurns } from '../answer-budget.js';
import { assertWithinInForce, tableRequest, type TableRequest } from '../table-args.js';
import type { Context } from '../context.js';
import { pointFieldsSelected, selectedFields } from '../selection.js';
import { CHANGE_MEASURES, ESTIMATE_FIELDS, ESTIMATE_MEASURES, type RankColumns } from '../../domain/change-measures.js';

const ROLLUP = 'Where a unit has no value of its own, sum its descendants of this kind; basis ROLLED_UP with coverage.';

/** The entry columns a ranking request reads: the statement computes only those. */
function rankColumnsSelected(info: GraphQLResolveInfo): RankColumns {
  const change = selectedFields(info, ['entries', 'change']);
  const estimate = new Set(ESTIMATE_MEASURES.flatMap((m) => [...selectedFields(info, ['entries', 'change', m])]));
  return {
    point: selectedFields(info, ['entries']).has('point'),
    change: new Set(CHANGE_MEASURES.filter((m) => change.has(m))),
    estimate: new Set(ESTIMATE_FIELDS.filter((f) => estimate.has(f))),
  };
}

@Resolver()
export class AnalyticsQueryResolver {
  @Query(() => Ranking, {
    description:
      'Top (order DESC) or bottom (ASC) N units of a kind, nationwide or within a unit, by value in `period` or by change between `from` and `to`. Ties share a rank.',
  })
  async ranking(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('indicator', () => String, { description: 'Indicator code.' }) indicator: string,
    @Arg('kind', () => LocalityKind, { description: 'Which units compete.' }) kind: LocalityKind,
    @Arg('within', () => ID, {
      nullable: true,
      description: 'Only units below this one (global id); omitted: everywhere.',
    })
    within?: string | null,
    @Arg('by', () => RankBy, { nullable: true, description: 'What to sort by (default VALUE).' }) by?: RankBy | null,
    @Arg('period', () => String, { nullable: true, description: 'For VALUE: the period ranked.' })
    period?: string | null,
    @Arg('from', () => String, { nullable: true, description: 'For changes: the earlier period.' })
    from?: string | null,
    @Arg('to', () => String, { nullable: true, description: 'For changes: the later period.' }) to?: string | null,
    @Arg('order', () => SortOrder, {
      nullable: true,
      description: 'DESC (default): largest first; ASC: smallest first.',
    })
    order?: SortOrder | null,
    @Arg('first', () => Int, { nullable: true, description: 'How many entries, 1 to 1000 (default 20).' })
    first?: number | null,
    @Arg('asOf', () => LocalDateResolver, {
      nullable: true,
      description: 'Hierarchy and units valid on this date (YYYY-MM-DD).',
    })
    asOf?: string | null,
    @Arg('rollup', () => LocalityKind, { nullable: true, description: ROLLUP }) rollup?: LocalityKind | null,
    @Arg('geography', () => Geography, { nullable: true, description: GEOGRAPHY }) geography?: Geography | null,
    @Arg('geographyAsOf', () => LocalDateResolver, { nullable: true, description: GEOGRAPHY_AS_OF })
    geographyAsOf?: string | null,
  ) {
    const request = normalizeRankingArgs(
      { indicator, kind, within, by, period, from, to, order, first, asOf, rollup, geography, geographyAsOf },
      await catalogueOf(ctx),
    );
    await assertWithinInForce(ctx, request.set);
    const rows = await ctx.analytics.rank(request, rankColumnsSelected(info));
    // no entries (none ranked, or none asked): the counts on their own
    const counts = rows[0] ?? (await ctx.analytics.countRanked(request));
    return {
      indicatorCode: indicator,
      peerCount: counts.peerCount,
      unitCount: counts.unitCount,
      entries: rows.map((row) => ({ ...row, change: request.by === RankBy.VALUE ? null : row })),
    };
  }

  @Query(() => Table, {
    description:
      'Units × indicators × periods as a flat typed table (`rows`), pivoted one column per period (`pivot`), column-oriented (`columns`), and packed around shared axes for bulk pulls (`packed`). Give localities, or kind with optional within.',
  })
  async table(
    @Ctx() ctx: Context,
    @Arg('indicators', () => [String], { description: 'Indicator codes (1 to 50).' }) indicators: string[],
    @Arg('localities', () => [ID], { nullable: true, description: 'Units by global id (1 to 1000).' })
    localities?: string[] | null,
    @Arg('kind', () => LocalityKind, { nullable: true, description: 'All units of this kind ...' })
    kind?: LocalityKind | null,
    @Arg('within', () => ID, { nullable: true, description: '... below this unit (global id).' })
    within?: string | null,
    @Arg('asOf', () => LocalDateResolver, {
      nullable: true,
      description: 'Hierarchy and units valid on this date (with kind).',
    })
    asOf?: string | null,
    @Arg('periods', () => [String], { nullable: true, description: 'Exactly these periods (e.g. ["2024","2025"]).' })
    periods?: string[] | null,
    @Arg('from', () => String, { nullable: true, description: 'Earliest period, inclusive.' }) from?: string | null,
    @Arg('to', () => String, { nullable: true, description: 'Latest period, inclusive.' }) to?: string | null,
    @Arg('rollup', () => LocalityKind, { nullable: true, description: ROLLUP }) rollup?: LocalityKind | null,
    @Arg('geography', () => Geography, { nullable: true, description: GEOGRAPHY }) geography?: Geography | null,
    @Arg('geographyAsOf', () => LocalDateResolver, { nullable: true, description: GEOGRAPHY_AS_OF })
    geographyAsOf?: string | null,
  ): Promise<TableRequest> {
    return tableRequest(ctx, {
      indicators,
      localities,
      kind,
      within,
      asOf,
      periods,
      from,
      to,
      rollup,
      geography,
      geographyAsOf,
    });
  }

  @Query(() => [Availability], {
    description:
      'Which levels and periods have data, per indicator: counts and the earliest and latest period, so a dashboard knows what it can draw.',
  })
  async availability(
    @Ctx() ctx: Context,
    @Arg('indicator', () => String, { nullable: true, description: 'One indicator; omitted: all.' })
    indicator?: string | null,
    @Arg('geography', () => Geography, { nullable: true, description: GEOGRAPHY }) geography?: Geography | null,
    @Arg('geographyAsOf', () => LocalDateResolver, { nullable: true, description: GEOGRAPHY_AS_OF })
    geographyAsOf?: string | null,
  ) {
    const args = normalizeAvailabilityArgs({ indicator, geography, geographyAsOf }, await catalogueOf(ctx));
    const rows = await ctx.analytics.readAvailability(args.indicators, args.geography);
    return rows.map((row) => ({ ...row, indicatorCode: row.indicator }));
  }
}

@Resolver(() => Ranking)
export class RankingResolver {
  @FieldResolver(() => Indicator, { description: 'What was ranked.' })
  async indicator(@Root() root: { indicatorCode: string }, @Ctx() ctx: Context) {
    return (await ctx.loaders.indicators()).get(root.indicatorCode);
  }
}

@Resolver(() => RankEntry)
export class RankEntryResolver {
  @FieldResolver(() => Locality, { nullable: true, description: 'The unit.' })
  locality(@Root() root: RankRow, @Ctx() ctx: Context) {
    return ctx.loaders.unit.load(root.subjectId);
  }
}

@Resolver(() => Availability)
export class AvailabilityResolver {
  @FieldResolver(() => Indicator, { description: 'The indicator.' })
  async indicator(@Root() root: { indicatorCode: string }, @Ctx() ctx: Context) {
    return (await ctx.loaders.indicators()).get(root.indicatorCode);
  }
}

/**
 * The column-oriented table, read once per table even when `rowCount` and `columns` are both
 * asked for (a bulk pull would otherwise run its heaviest statement twice).
 */
const tableColumnsRead = new WeakMap<TableRequest, Promise<TableColumnsRow>>();
function columnsOf(root: TableRequest, ctx: Context): Promise<TableColumnsRow> {
  let read = tableColumnsRead.get(root);
  if (!read) {
    read = ctx.analytics.readTableColumns(root.set, root.indicators, root.window, root.options);
    tableColumnsRead.set(root, read);
  }
  return read;
}

@Resolver(() => Table)
export class TableResolver {
  @FieldResolver(() => Int, {
    description:
      'Number of values (flat rows). Read with `columns`; with `packed`, its last `rowOffsets` entry is the same number without a second read.',
  })
  async rowCount(@Root() root: TableRequest, @Ctx() ctx: Context): Promise<number> {
    return (await columnsOf(root, ctx)).values.length;
  }

  @FieldResolver(() => [SeriesPointType], {
    description:
      'One row per unit, indicator and period with a value (unit, indicator, period, value, qualifier, interval, basis, sources).',
  })
  async rows(@Root() root: TableRequest, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    const rows = await ctx.analytics.readTableRows(
      root.set,
      root.indicators,
      root.window,
      root.options,
      pointFieldsSelected(info, []),
    );
    assertRowsWithin(ctx.answer, rows.length);
    return inTurns(rows, ctx.answer);
  }

  @FieldResolver(() => PivotTable, { description: 'One row per unit and indicator, one column per period.' })
  async pivot(@Root() root: TableRequest, @Ctx() ctx: Context) {
    const rows = await ctx.analytics.readTablePivot(root.set, root.indicators, root.window, root.options);
    assertRowsWithin(ctx.answer, rows.length);
    return { periods: rows[0]?.periods ?? [], rows: inTurns(rows, ctx.answer) };
  }

  @FieldResolver(() => PackedTable, {
    description:
      'The table for bulk pulls: axes shared by the points, each column one array (a fraction of the bytes and time of `columns`).',
  })
  packed(@Root() root: TableRequest, @Ctx() ctx: Context) {
    return ctx.analytics.readTablePacked(root.set, root.indicators, root.window, root.options);
  }

  @FieldResolver(() => TableColumns, { description: 'The flat rows as parallel arrays.' })
  async columns(@Root() root: TableRequest, @Ctx() ctx: Context) {
    const c = await columnsOf(root, ctx);
    return { ...c, localityCodes: c.subjectIds, sourceCodes: c.sourceIds };
  }
}

@Resolver(() => PivotRow)
export class PivotRowResolver {
  @FieldResolver(() => Locality, { nullable: true, description: 'The unit.' })
  locality(@Root() root: { subjectId: string }, @Ctx() ctx: Context) {
    return ctx.loaders.unit.load(root.subjectId);
  }
}
