import { parsePeriod, PERIOD_FORMATS } from '../domain/period.js';
import type { ValueOptions } from '../analytics/values-sql.js';
import type { Context } from './context.js';
import { BadInputError } from './errors.js';
import { checkIndicator } from './args.js';
import { fromGlobalId, kindOfType } from './ids.js';
import { LocalityKind, SourcePreference } from './types/enums.js';

const FINENESS: Record<string, number> = { YEAR: 1, QUARTER: 2, MONTH: 3, DAY: 4 };

/** An indicator usable in analytics; with `rollup`, one that can be added up across units. */
export async function analyticsIndicator(ctx: Context, code: string, rollup: LocalityKind | null | undefined, argument = 'indicator'): Promise<string> {
  await checkIndicator(ctx, code, argument);
  if (rollup != null) {
    const indicators = await ctx.loaders.indicators();
    const row = indicators.get(code)!;
    if (row.aggregation === 'NONE') {
      const allowed = [...indicators.values()].filter((i) => i.aggregation !== 'NONE').map((i) => i.code);
      throw new BadInputError('rollup', `indicator "${code}" does not aggregate across units (aggregation NONE), so it cannot be rolled up`, allowed);
    }
  }
  return code;
}

export function periodLabel(value: string, argument: string): string {
  if (parsePeriod(value) === null) throw new BadInputError(argument, `"${value.slice(0, 40)}" is not a period; use ${PERIOD_FORMATS}`);
  return value;
}

export function orderedPeriods(from: string, to: string, fromArg = 'from'): void {
  if (parsePeriod(from)!.start > parsePeriod(to)!.start) throw new BadInputError(fromArg, `${from} is after ${to}; the earlier period comes first`);
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
export async function checkGranularity(ctx: Context, indicator: string, granularity: string): Promise<void> {
  const available = await ctx.loaders.granularities.load(indicator);
  const coarsest = available.filter((g) => g in FINENESS);
  if (coarsest.length > 0 && coarsest.every((g) => FINENESS[g]! < FINENESS[granularity]!)) {
    const allowed = Object.keys(FINENESS).filter((g) => g !== 'DAY' && FINENESS[g]! <= Math.max(...coarsest.map((c) => FINENESS[c]!)));
    throw new BadInputError('granularity', `${granularity} is finer than the data for "${indicator}" (${coarsest.join(', ')})`, allowed);
  }
}

export function checkLimit(first: number, argument = 'first'): number {
  if (!Number.isInteger(first) || first < 1 || first > 1000) throw new BadInputError(argument, `must be a whole number from 1 to 1000, got ${first}`);
  return first;
}

/** A locality argument given as a global id, returned as its code. */
export function localityCode(id: string, argument: string): string {
  const { type, code } = fromGlobalId(id, argument);
  if (!kindOfType(type)) throw new BadInputError(argument, `expected the id of a locality, got a ${type}`);
  return code;
}
