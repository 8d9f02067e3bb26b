import type { SubjectSet, ValueOptions, ValueWindow } from '../analytics/values-sql.js';
import { catalogueOf, localityCode } from './analytics-args.js';
import { normalizeTableArgs } from './normalize-args.js';
import { BadInputError } from './errors.js';
import { LocalityKind, type Geography } from './types/enums.js';
import type { Context } from './context.js';

/** A validated table request: what the `table` query and the HTTP exports both run. */
export interface TableRequest {
  set: SubjectSet;
  indicators: string[];
  window: ValueWindow;
  options: ValueOptions;
}

/** The table's arguments as a client gives them (localities and within as global ids). */
export interface TableArgs {
  indicators: string[];
  localities?: string[] | null;
  kind?: LocalityKind | null;
  within?: string | null;
  asOf?: string | null;
  periods?: string[] | null;
  from?: string | null;
  to?: string | null;
  rollup?: LocalityKind | null;
  geography?: Geography | null;
  geographyAsOf?: string | null;
}

/** Either explicit units or "all units of a kind (within a unit)". */
export function subjectSet(
  localities: string[] | null | undefined,
  kind: LocalityKind | null | undefined,
  within: string | null | undefined,
  asOf: string | null | undefined,
): SubjectSet {
  if (localities != null) {
    if (kind != null || within != null)
      throw new BadInputError('localities', 'give either localities or kind (with optional within), not both');
    if (localities.length === 0 || localities.length > 1000)
      throw new BadInputError('localities', `give 1 to 1000 ids, got ${localities.length}`);
    return { ids: localities.map((id, i) => localityCode(id, `localities[${i}]`)) };
  }
  if (kind == null)
    throw new BadInputError(
      'kind',
      'give kind (all units of that kind, optionally within a unit) or localities',
      Object.values(LocalityKind),
    );
  return { kind, within: within == null ? null : localityCode(within, 'within'), asOf: asOf ?? null };
}

/** Validates table arguments once, for GraphQL and HTTP alike (see `normalizeTableArgs`). */
export async function tableRequest(ctx: Context, args: TableArgs): Promise<TableRequest> {
  const request = normalizeTableArgs(args, await catalogueOf(ctx));
  await assertWithinInForce(ctx, request.set);
  return request;
}

/**
 * A `within` unit that was not in force on the set's date (asOf, or the geography's) has no
 * units then: said as such, where the answer was an empty table or a ranking of none. A unit the
 * store does not have is left to the caller (the export names it; GraphQL answers empty).
 */
export async function assertWithinInForce(ctx: Context, set: SubjectSet): Promise<void> {
  if (!('kind' in set) || set.within === null || set.asOf === null) return;
  const unit = await ctx.loaders.unit.load(set.within);
  if (unit == null) return;
  const { validFrom, validTo } = unit;
  if ((validFrom === null || validFrom <= set.asOf) && (validTo === null || validTo > set.asOf)) return;
  throw new BadInputError(
    'within',
    `"${set.within}" was in force ${validFrom === null ? '' : `from ${validFrom} `}${validTo === null ? '' : `until ${validTo}`}`.trimEnd() +
      `, not on ${set.asOf} (the date whose units are asked: asOf, or the geography's), so it has no units then; ask for a unit in force that day, or another date`,
  );
}
