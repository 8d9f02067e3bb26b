import { parsePeriod, PERIOD_FORMATS } from '../domain/period.js';
import type { ObservationFilter } from '../sql/observations-sql.js';
import type { Context } from './context.js';
import { BadInputError } from './errors.js';
import { knownIndicator } from './analytics-args.js';

export const MAX_PAGE_SIZE = 1000;
export const DEFAULT_PAGE_SIZE = 100;

export interface Page {
  offset: number;
  limit: number;
}

export function encodeCursor(position: number): string {
  return Buffer.from(`offset:${position}`, 'utf8').toString('base64url');
}

export function toPage(first: number | null | undefined, after: string | null | undefined): Page {
  const limit = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new BadInputError('first', `must be a whole number from 1 to ${MAX_PAGE_SIZE}, got ${limit}`);
  }
  if (after === null || after === undefined) return { offset: 0, limit };
  const match = /^offset:(\d{1,9})$/.exec(Buffer.from(after, 'base64url').toString('utf8'));
  if (!match) throw new BadInputError('after', 'not a cursor returned by this list (use pageInfo.endCursor)');
  return { offset: Number(match[1]) + 1, limit };
}

/** Validates from/to period arguments and turns them into the date window they cover. */
export function toPeriodWindow(
  from: string | null | undefined,
  to: string | null | undefined,
): { from: string | null; to: string | null } {
  const start = from == null ? null : parsePeriod(from);
  if (from != null && start === null)
    throw new BadInputError('from', `"${from.slice(0, 40)}" is not a period; use ${PERIOD_FORMATS}`);
  const end = to == null ? null : parsePeriod(to);
  if (to != null && end === null)
    throw new BadInputError('to', `"${to.slice(0, 40)}" is not a period; use ${PERIOD_FORMATS}`);
  if (start && end && start.start > end.end)
    throw new BadInputError('from', `${from} is after to (${to}); from must not be later than to`);
  return { from: start?.start ?? null, to: end?.end ?? null };
}

export async function checkIndicator(ctx: Context, code: string, argument = 'indicator'): Promise<string> {
  return knownIndicator(await ctx.loaders.indicators(), code, argument);
}

/** Revision arguments: when the store is read (asOf) and what changed since (updatedAfter). */
export interface RevisionArgs {
  asOf?: Date | null;
  updatedAfter?: Date | null;
}

/** A DateTime as the UTC timestamp text DuckDB compares recorded_at with. */
export function toUtcTimestamp(value: Date | null | undefined, argument: string): string | null {
  if (value == null) return null;
  if (Number.isNaN(value.getTime()))
    throw new BadInputError(argument, 'not a date-time; use ISO 8601, e.g. 2026-01-31T12:00:00Z');
  return value.toISOString().replace('T', ' ').replace('Z', '');
}

export async function observationFilter(
  ctx: Context,
  indicator: string | null | undefined,
  from: string | null | undefined,
  to: string | null | undefined,
  revisions: RevisionArgs = {},
): Promise<ObservationFilter> {
  const window = toPeriodWindow(from, to);
  const indicators = indicator == null ? null : [await checkIndicator(ctx, indicator)];
  const asOf = toUtcTimestamp(revisions.asOf, 'asOf');
  const updatedAfter = toUtcTimestamp(revisions.updatedAfter, 'updatedAfter');
  if (asOf !== null && updatedAfter !== null && updatedAfter >= asOf)
    throw new BadInputError('updatedAfter', 'must be earlier than asOf');
  return { indicators, ...window, asOf, updatedAfter };
}
