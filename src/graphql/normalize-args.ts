import type { PointField } from '../domain/analytics-rows.js';
import type {
  ChangeArgs,
  LatestArgs,
  PartsArgs,
  PeerArgs,
  RankRequest,
  SeriesArgs,
  WindowArgs,
  YoyArgs,
} from '../values/value-request.js';
import { toPeriodWindow, toUtcTimestamp } from './args.js';
import {
  analyticsIndicator,
  checkGranularity,
  checkLimit,
  orderedPeriods,
  periodLabel,
  valueOptions,
  type ArgsCatalogue,
} from './analytics-args.js';
import { subjectSet, type TableArgs, type TableRequest } from './table-args.js';
import { BadInputError } from './errors.js';
import { Fill, RankBy, SeriesGranularity, SortOrder } from './types/analytics.type.js';
import { Geography, type LocalityKind, type SourcePreference } from './types/enums.js';

/*
 * Each analytics field's arguments as a client gives them, turned into what the reader takes:
 * validated (a BadInputError naming the argument), defaults applied, periods turned into date
 * windows. Pure: the catalogue is handed in (`catalogueOf`), so test/unit/normalize-args.test.ts
 * checks every rule without a store or a server.
 */

export interface SeriesInput {
  indicator: string;
  from?: string | null;
  to?: string | null;
  granularity?: SeriesGranularity | null;
  fill?: Fill | null;
  fillFlows?: boolean | null;
  includeParts?: boolean | null;
  rollup?: LocalityKind | null;
  sourcePreference?: SourcePreference | null;
  preferSource?: string | null;
  asOf?: Date | null;
  updatedAfter?: Date | null;
  geography?: Geography | null;
  geographyAsOf?: string | null;
}

/** Every analytics field's `geography` and `geographyAsOf` arguments, as given. */
export interface GeographyInput {
  geography?: Geography | null;
  geographyAsOf?: string | null;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The `geography` value option (see ValueOptions): null as recorded, 'CURRENT', or the date whose
 * units are meant. `geographyAsOf` alone means AS_OF; AS_OF needs it; the others refuse it.
 * Re-expression sums figures over units, so every indicator asked must add up (SUM, or a RATIO
 * of parts), and a rollup or a time axis does not combine with it.
 */
export function geographyOption(
  input: GeographyInput,
  catalogue: ArgsCatalogue,
  indicators: readonly string[],
  combined: { rollup?: LocalityKind | null; granularity?: SeriesGranularity | null } = {},
): string | null {
  const asOf = input.geographyAsOf ?? null;
  const kind = input.geography ?? (asOf === null ? Geography.AS_RECORDED : Geography.AS_OF);
  if (kind === Geography.AS_RECORDED) {
    if (asOf !== null)
      throw new BadInputError('geographyAsOf', 'is for geography AS_OF; leave it out with AS_RECORDED', [
        Geography.AS_OF,
      ]);
    return null;
  }
  if (kind === Geography.CURRENT && asOf !== null)
    throw new BadInputError('geographyAsOf', "is for geography AS_OF; CURRENT is today's units", [Geography.AS_OF]);
  if (kind === Geography.AS_OF && (asOf === null || !ISO_DATE.test(asOf) || Number.isNaN(Date.parse(asOf))))
    throw new BadInputError('geographyAsOf', `geography AS_OF needs a date YYYY-MM-DD, got ${JSON.stringify(asOf)}`);
  if (combined.rollup != null || combined.granularity != null)
    throw new BadInputError('geography', `${kind} cannot be combined with granularity or rollup`, [
      Geography.AS_RECORDED,
    ]);
  for (const code of indicators) reexpressible(catalogue, code);
  return kind === Geography.CURRENT ? 'CURRENT' : asOf;
}

/** Today as a date (UTC), the day whose units geography CURRENT means. */
export const todayUtc = (): string => new Date().toISOString().slice(0, 10);

/**
 * The date whose units a set of a kind holds (`asOf`, the set's validity date). Figures on a
 * geography are about the units in force on its date, so those are the units that compete: without
 * this, today's communes were ranked against the communes they replaced (which keep their own
 * figures) and a ranking on today's units listed units that no longer exist. `asOf` alone (or
 * neither) is unchanged; an `asOf` naming another day's units than the geography's is refused,
 * as the figures would be on other units than those listed.
 */
export function unitsDate(asOf: string | null | undefined, geography: string | null): string | null {
  if (geography === null) return asOf ?? null;
  const day = geography === 'CURRENT' ? todayUtc() : geography;
  if (asOf != null && asOf !== day)
    throw new BadInputError(
      'asOf',
      `${asOf} names other units than the geography's (${geography === 'CURRENT' ? `CURRENT: today, ${day}` : day}); leave asOf out, the geography's units are listed`,
    );
  return day;
}

/** An indicator that adds up across units can be re-expressed on other units; others cannot. */
function reexpressible(catalogue: ArgsCatalogue, code: string): void {
  const indicator = catalogue.indicators.get(code);
  if (!indicator) return; // an unknown code is refused by analyticsIndicator, naming its argument
  if (indicator.aggregation === 'SUM') return;
  if (indicator.aggregation === 'RATIO' && indicator.numerator && indicator.denominator) return;
  throw new BadInputError(
    'geography',
    `indicator "${code}" does not aggregate across units (aggregation ${indicator.aggregation}), so it cannot be rebuilt on another date's units; use AS_RECORDED`,
  );
}

export function normalizeSeriesArgs(
  input: SeriesInput,
  catalogue: ArgsCatalogue,
  fields: readonly PointField[] | null,
): SeriesArgs {
  const { indicator, granularity, fill, rollup } = input;
  analyticsIndicator(catalogue.indicators, indicator, rollup);
  if (fill != null && fill !== Fill.NONE && granularity == null)
    throw new BadInputError(
      'fill',
      'filling needs a time axis: give granularity too',
      Object.values(SeriesGranularity),
    );
  if (granularity != null) checkGranularity(catalogue.granularities ?? [], indicator, granularity);
  const geography = geographyOption(input, catalogue, [indicator], { rollup, granularity });
  const includeParts = input.includeParts === true;
  if (includeParts && (granularity != null || rollup != null || geography !== null))
    throw new BadInputError(
      'includeParts',
      "a part's figure is shown beside the unit's own points, never on a time axis, summed or re-expressed: leave out granularity, rollup and geography",
    );
  const recorded = {
    asOf: toUtcTimestamp(input.asOf, 'asOf'),
    updatedAfter: toUtcTimestamp(input.updatedAfter, 'updatedAfter'),
  };
  if (recorded.asOf !== null && recorded.updatedAfter !== null && recorded.updatedAfter >= recorded.asOf)
    throw new BadInputError('updatedAfter', 'must be earlier than asOf');
  return {
    indicator,
    window: { ...toPeriodWindow(input.from, input.to), periods: null },
    options: {
      ...valueOptions(rollup, input.sourcePreference, input.preferSource, recorded),
      geography,
      ...(includeParts ? { includeParts } : {}),
    },
    grid: granularity == null ? null : { granularity, fill: fill ?? Fill.NONE, fillFlows: input.fillFlows === true },
    fields,
  };
}

export function normalizeChangeArgs(
  input: { indicator: string; from: string; to: string; rollup?: LocalityKind | null } & GeographyInput,
  catalogue: ArgsCatalogue,
): ChangeArgs {
  analyticsIndicator(catalogue.indicators, input.indicator, input.rollup);
  orderedPeriods(periodLabel(input.from, 'from'), periodLabel(input.to, 'to'));
  const geography = geographyOption(input, catalogue, [input.indicator], input);
  return {
    indicator: input.indicator,
    from: input.from,
    to: input.to,
    options: { ...valueOptions(input.rollup), geography },
  };
}

/** An analytics field's indicator and window of periods (`yoy`'s, without its own options). */
export function normalizeWindowArgs(
  input: { indicator: string; from?: string | null; to?: string | null; rollup?: LocalityKind | null } & GeographyInput,
  catalogue: ArgsCatalogue,
): WindowArgs {
  analyticsIndicator(catalogue.indicators, input.indicator, input.rollup);
  const geography = geographyOption(input, catalogue, [input.indicator], input);
  return {
    indicator: input.indicator,
    window: toPeriodWindow(input.from, input.to),
    options: { ...valueOptions(input.rollup), geography },
  };
}

/** `yoy`'s arguments: a window, and wider steps (2024 → 2026) only when asked for. */
export function normalizeYoyArgs(
  input: Parameters<typeof normalizeWindowArgs>[0] & { includeWiderSteps?: boolean | null },
  catalogue: ArgsCatalogue,
): YoyArgs {
  return { ...normalizeWindowArgs(input, catalogue), includeWiderSteps: input.includeWiderSteps ?? false };
}

export function normalizeLatestArgs(
  input: { indicator: string; rollup?: LocalityKind | null } & GeographyInput,
  catalogue: ArgsCatalogue,
  fields: readonly PointField[] | null,
): LatestArgs {
  analyticsIndicator(catalogue.indicators, input.indicator, input.rollup);
  const geography = geographyOption(input, catalogue, [input.indicator], input);
  return { indicator: input.indicator, options: { ...valueOptions(input.rollup), geography }, fields };
}

export function normalizePeerArgs(
  input: { indicator: string; period: string; rollup?: LocalityKind | null },
  catalogue: ArgsCatalogue,
): PeerArgs {
  analyticsIndicator(catalogue.indicators, input.indicator, input.rollup);
  return {
    indicator: input.indicator,
    period: periodLabel(input.period, 'period'),
    // peers compare units of one period as recorded: no geography
    options: { ...valueOptions(input.rollup), geography: null },
  };
}

export function normalizePartsArgs(
  input: { indicator: string; childKind: LocalityKind; from?: string | null; to?: string | null } & GeographyInput,
  catalogue: ArgsCatalogue,
): PartsArgs {
  analyticsIndicator(catalogue.indicators, input.indicator, input.childKind, 'indicator');
  return {
    indicator: input.indicator,
    childKind: input.childKind,
    window: toPeriodWindow(input.from, input.to),
    options: { ...valueOptions(null), geography: geographyOption(input, catalogue, [input.indicator]) },
  };
}

export interface RankingInput {
  indicator: string;
  kind: LocalityKind;
  within?: string | null;
  by?: RankBy | null;
  period?: string | null;
  from?: string | null;
  to?: string | null;
  order?: SortOrder | null;
  first?: number | null;
  asOf?: string | null;
  rollup?: LocalityKind | null;
  geography?: Geography | null;
  geographyAsOf?: string | null;
}

/** A ranking's arguments: by VALUE in one period, or by a change between two. */
export function normalizeRankingArgs(input: RankingInput, catalogue: ArgsCatalogue): RankRequest {
  const { indicator, period, from, to } = input;
  analyticsIndicator(catalogue.indicators, indicator, input.rollup);
  const by = input.by ?? RankBy.VALUE;
  const limit = checkLimit(input.first ?? 20);
  let start: string | null = null;
  let end: string;
  if (by === RankBy.VALUE) {
    if (period == null) throw new BadInputError('period', 'ranking by VALUE needs the period to rank');
    if (from != null || to != null)
      throw new BadInputError(from != null ? 'from' : 'to', 'from/to are for change rankings; use period with VALUE');
    end = periodLabel(period, 'period');
  } else {
    if (from == null || to == null)
      throw new BadInputError(from == null ? 'from' : 'to', `ranking by ${by} needs both from and to`);
    start = periodLabel(from, 'from');
    end = periodLabel(to, 'to');
    orderedPeriods(start, end);
  }
  const geography = geographyOption(input, catalogue, [indicator], input);
  return {
    set: subjectSet(null, input.kind, input.within, unitsDate(input.asOf, geography)),
    indicator,
    by,
    from: start,
    to: end,
    descending: (input.order ?? SortOrder.DESC) === SortOrder.DESC,
    limit,
    options: { ...valueOptions(input.rollup), geography },
  };
}

/**
 * `availability`'s arguments: one indicator or all; with a geography, all means every indicator
 * that can be re-expressed (the values are computed per indicator, so they are named).
 */
export function normalizeAvailabilityArgs(
  input: { indicator?: string | null } & GeographyInput,
  catalogue: ArgsCatalogue,
): { indicators: string[] | null; geography: string | null } {
  if (input.indicator != null) analyticsIndicator(catalogue.indicators, input.indicator, null);
  const asked = input.indicator == null ? null : [input.indicator];
  if (input.geography == null && input.geographyAsOf == null) return { indicators: asked, geography: null };
  const indicators =
    asked ??
    [...catalogue.indicators.values()]
      .filter((i) => i.aggregation === 'SUM' || (i.aggregation === 'RATIO' && i.numerator && i.denominator))
      .map((i) => i.code);
  return { indicators, geography: geographyOption(input, catalogue, indicators) };
}

/** A table's arguments, for the `table` query and the HTTP exports alike, so both return the same rows. */
export function normalizeTableArgs(input: TableArgs, catalogue: ArgsCatalogue): TableRequest {
  const { indicators, rollup } = input;
  if (indicators.length === 0 || indicators.length > 50)
    throw new BadInputError('indicators', `give 1 to 50 indicator codes, got ${indicators.length}`);
  for (const code of indicators) analyticsIndicator(catalogue.indicators, code, rollup, 'indicators');
  const window = {
    ...toPeriodWindow(input.from, input.to),
    periods: input.periods == null ? null : input.periods.map((p, i) => periodLabel(p, `periods[${i}]`)),
  };
  const geography = geographyOption(input, catalogue, indicators, input);
  return {
    // asOf qualifies a kind (localities are named units, whatever the date)
    set: subjectSet(
      input.localities,
      input.kind,
      input.within,
      unitsDate(input.localities == null ? input.asOf : null, geography),
    ),
    indicators,
    window,
    options: { ...valueOptions(rollup), geography },
  };
}
