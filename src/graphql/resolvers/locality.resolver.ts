import { Arg, Ctx, FieldResolver, ID, Int, Resolver, Root } from 'type-graphql';
import { DateTimeResolver, LocalDateResolver } from 'graphql-scalars';
import type { UnitRow } from '../../domain/rows.js';
import { Lineage } from '../types/lineage.type.js';
import { Locality, LocalityConnection } from '../types/locality.type.js';
import { Observation } from '../types/observation.type.js';
import { Source } from '../types/source.type.js';
import { DocumentLink } from '../types/document.type.js';
import { LocalityKind } from '../types/enums.js';
import { toGlobalId, TYPE_OF_KIND } from '../ids.js';
import { observationFilter, toPage } from '../args.js';
import type { Context } from '../context.js';
import { toConnection } from './connection.js';

/** Follows the hierarchy down from a node; shared by `children` and the typed lists. */
export async function descendantPage(
  ctx: Context,
  root: UnitRow,
  kinds: LocalityKind[] | null,
  asOf: string | null,
  maxDepth: number,
  first?: number | null,
  after?: string | null,
) {
  const page = toPage(first, after);
  const rows = await ctx.loaders.descendants.load({
    id: root.id,
    args: { kinds, asOf, maxDepth, offset: page.offset, limit: page.limit },
  });
  return toConnection(rows, page);
}

export const RECORDED_AS_OF =
  'Read the store as it was at this time (ISO 8601 date-time): the latest revision of each figure recorded by then. Omitted: the latest revision.';
export const UPDATED_AFTER =
  'Only figures recorded or revised after this time (ISO 8601 date-time), for incremental refreshes: pass the largest recordedAt seen so far.';

const AS_OF = 'The date the hierarchy is read at (YYYY-MM-DD). Omitted: every link in the record, whatever its dates.';

/** Fields every Locality answers; the concrete types inherit them. */
@Resolver(() => Locality)
export class LocalityResolver {
  @FieldResolver(() => ID, { description: 'Global, opaque id (base64url of "<Type>:<code>").' })
  id(@Root() root: UnitRow): string {
    return toGlobalId(TYPE_OF_KIND[root.kind], root.id);
  }

  @FieldResolver(() => String, { description: 'Stable code used in data files and arguments.' })
  code(@Root() root: UnitRow): string {
    return root.id;
  }

  @FieldResolver(() => Locality, {
    nullable: true,
    description:
      'The unit or organisation directly above. Without asOf: the most recent link (a commune shows its province after 2025, its district with an earlier asOf).',
  })
  async parent(
    @Root() root: UnitRow,
    @Ctx() ctx: Context,
    @Arg('asOf', () => LocalDateResolver, { nullable: true, description: AS_OF }) asOf?: string | null,
  ): Promise<UnitRow | null> {
    return ctx.loaders.parent.load({ id: root.id, args: asOf ?? null });
  }

  @FieldResolver(() => [Locality], { description: 'All nodes above, nearest first, following `parent` at each step.' })
  async ancestors(
    @Root() root: UnitRow,
    @Ctx() ctx: Context,
    @Arg('asOf', () => LocalDateResolver, { nullable: true, description: AS_OF }) asOf?: string | null,
  ): Promise<UnitRow[]> {
    return ctx.loaders.ancestors.load({ id: root.id, args: asOf ?? null });
  }

  @FieldResolver(() => LocalityConnection, { description: 'Nodes directly below, optionally of given kinds.' })
  async children(
    @Root() root: UnitRow,
    @Ctx() ctx: Context,
    @Arg('kind', () => [LocalityKind], { nullable: true, description: 'Only these kinds.' })
    kind?: LocalityKind[] | null,
    @Arg('asOf', () => LocalDateResolver, { nullable: true, description: AS_OF }) asOf?: string | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1 to 1000 (default 100).' })
    first?: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor from pageInfo.endCursor.' })
    after?: string | null,
  ) {
    return descendantPage(ctx, root, kind ?? null, asOf ?? null, 1, first, after);
  }

  @FieldResolver(() => [Locality], {
    description:
      "Party organisations that sit in this administrative unit (a commune's Party committee, a village's Party cell).",
  })
  async partyOrganisations(@Root() root: UnitRow, @Ctx() ctx: Context): Promise<UnitRow[]> {
    return ctx.loaders.partyOrganisations.load({ id: root.id, args: null });
  }

  @FieldResolver(() => Locality, {
    nullable: true,
    description: 'For a Party organisation: the administrative unit it sits in.',
  })
  async adminUnit(@Root() root: UnitRow, @Ctx() ctx: Context): Promise<UnitRow | null> {
    return root.adminUnitId ? ctx.loaders.unit.load(root.adminUnitId) : null;
  }

  @FieldResolver(() => Source, { nullable: true, description: 'The source that names this unit.' })
  async source(@Root() root: UnitRow, @Ctx() ctx: Context) {
    return root.sourceId ? ctx.loaders.source.load(root.sourceId) : null;
  }

  @FieldResolver(() => [DocumentLink], { description: 'Resolutions, plans, guidance and laws linked to this node.' })
  async documents(@Root() root: UnitRow, @Ctx() ctx: Context) {
    return ctx.loaders.documentLinksOfUnit.load({ id: root.id, args: null });
  }

  @FieldResolver(() => Lineage, { description: 'Merges, splits, renames and abolitions this unit took part in.' })
  async lineage(@Root() root: UnitRow, @Ctx() ctx: Context) {
    const rows = await ctx.loaders.lineage.load({ id: root.id, args: null });
    return {
      predecessors: rows.filter((r) => r.direction === 'PREDECESSOR'),
      successors: rows.filter((r) => r.direction === 'SUCCESSOR'),
    };
  }

  @FieldResolver(() => [Observation], {
    description:
      'Every figure recorded for this node, from every source (latest revision of each), oldest period first.',
  })
  async observations(
    @Root() root: UnitRow,
    @Ctx() ctx: Context,
    @Arg('indicator', () => String, { nullable: true, description: 'Indicator code (see `indicators`); omitted: all.' })
    indicator?: string | null,
    @Arg('from', () => String, {
      nullable: true,
      description: 'Earliest period, inclusive: YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD.',
    })
    from?: string | null,
    @Arg('to', () => String, { nullable: true, description: 'Latest period, inclusive, same formats.' })
    to?: string | null,
    @Arg('asOf', () => DateTimeResolver, { nullable: true, description: RECORDED_AS_OF }) asOf?: Date | null,
    @Arg('updatedAfter', () => DateTimeResolver, { nullable: true, description: UPDATED_AFTER })
    updatedAfter?: Date | null,
  ) {
    const filter = await observationFilter(ctx, indicator, from, to, { asOf, updatedAfter });
    return ctx.loaders.observations.load({ id: root.id, args: filter });
  }
}
