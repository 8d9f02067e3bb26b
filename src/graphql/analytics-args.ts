import { parsePeriod, PERIOD_FORMATS } from '../domain/period.js';
import type { ValueOptions } from '../analytics/values-sql.js';
import type { Context } from './context.js';
import type { IndicatorRow } from '../domain/rows.js';
import { BadInputError } from './errors.js';
import { fromGlobalId, kindOfType } from './ids.js';
import { LocalityKind, SourcePreference } from './types/enums.js';

const FINENESS: Record<string, number> = { YEAR: 1, QUARTER: 2, MONTH: 3, DAY: 4 };

/**
 * What normalising arguments needs from the store: the indicator catalogue and, for a time
 * axis, the granularities the indicator is observed at. Loaded once by `catalogueOf`, so the
 * normalise functions (normalize-args.ts) stay pure and are tested without a store.
 */
export interface ArgsCatalogue {
  readonly indicators: ReadonlyMap<string, IndicatorRow>;
  /** The granularities of the indicator asked, when a time axis is asked for. */
  readonly granularities?: readonly string[];
}

/** The catalogue for normalising; `granularitiesOf`: the indicator whose granularities a time axis checks. */
export async function catalogueOf(ctx: Context, granularitiesOf: string | null = null): Promise<ArgsCatalogue> {
  const indicators = await ctx.loaders.indicators();
  if (granularitiesOf === null || !indicators.has(granularitiesOf)) return { indicators };
  return { indicators, granularities: await ctx.loaders.granularities.load(granularitiesOf) };
}

/** A known indicator's code, or a user error listing the known ones. */
export function knownIndicator(
  indicators: ReadonlyMap<string, IndicatorRow>,
  code: string,
  argument = 'indicator',
): string {
  if (!indicators.has(code))
    throw new BadInputError(argument, `unknown indicator "${code.slice(0, 60)}"`, [...indicators.keys()]);
  return code;
}

/** An indicator usable in analytics; with `rollup`, one that can be added up across units. */
export function analyticsIndicator(
  indicators: ReadonlyMap<string, IndicatorRow>,
  code: string,
  rollup: LocalityKind | null | undefined,
  argument = 'indicator',
): string {
  knownIndicator(indicators, code, argument);
  if (rollup != null && indicators.get(code)!.aggregation === 'NONE') {
    const allowed = [...indicators.values()].filter((i) => i.aggregation !== 'NONE').map((i) => i.code);
    throw new BadInputError(
      'rollup',
      `indicator "${code}" does not aggregate across units (aggregation NONE), so it cannot be rolled up`,
      allowed,
    );
  }
  return code;
}

export function periodLabel(value: string, argument: string): string {
  if (parsePeriod(value) === null)
    throw new BadInputError(argument, `"${value.slice(0, 40)}" is not a period; use ${PERIOD_FORMATS}`);
  return value;
}

export function orderedPeriods(from: string, to: string, fromArg = 'from'): void {
  if (parsePeriod(from)!.start > parsePeriod(to)!.start)
    throw new BadInputError(fromArg, `${from} is after ${to}; the earlier period comes first`);
}

export function valueOptions(
  rollup: LocalityKind | null | undefined,
  sourcePreference?: SourcePreference | null,
  preferSource?: string | null,
  recorded: { asOf: string | null; updatedAfter: string | null } = { asOf: null, updatedAfter: null },
): ValueOptions {
  let preferred: string | null = null;
  if (preferSource != null) {
    const { type, code } = fromGlobalId(preferSource, 'preferSource');
    if (type !== 'Source') throw new BadInputError('preferSource', `expected the id of a Source, got a ${type}`);
    preferred = code;
  }
  return {
    rollupFrom: rollup ?? null,
    preferredSource: preferred,
    earliestPublication: sourcePreference === SourcePreference.EARLIEST_PUBLICATION,
    recordedAsOf: recorded.asOf,
    updatedAfter: recorded.updatedAfter,
  };
}

/** A time axis may not be finer than the data: a yearly indicator has no monthly series. */
export function checkGranularity(available: readonly string[], indicator: string, granularity: string): void {
  const coarsest = available.filter((g) => g in FINENESS);
  if (coarsest.length > 0 && coarsest.every((g) => FINENESS[g]! < FINENESS[granularity]!)) {
    const allowed = Object.keys(FINENESS).filter(
      (g) => g !== 'DAY' && FINENESS[g]! <= Math.max(...coarsest.map((c) => FINENESS[c]!)),
    );
    throw new BadInputError(
      'granularity',
      `${granularity} is finer than the data for "${indicator}" (${coarsest.join(', ')})`,
      allowed,
    );
  }
}

export function checkLimit(first: number, argument = 'first'): number {
  if (!Number.isInteger(first) || first < 1 || first > 1000)
    throw new BadInputError(argument, `must be a whole number from 1 to 1000, got ${first}`);
  return first;
}

/** A locality argument given as a global id, returned as its code. */
export function localityCode(id: string, argument: string): string {
  const { type, code } = fromGlobalId(id, argument);
  if (!kindOfType(type)) throw new BadInputError(argument, `expected the id of a locality, got a ${type}`);
  return code;
}
