import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { LineageRow, SourceRow } from '../../domain/rows.js';
import { LineageLink } from '../types/lineage.type.js';
import { Locality } from '../types/locality.type.js';
import { Source } from '../types/source.type.js';
import type { Context } from '../context.js';

@Resolver(() => LineageLink)
export class LineageLinkResolver {
  @FieldResolver(() => Locality, {
    nullable: true,
    description:
      'The unit on the other end: the predecessor or the successor; null for an abolition without successor.',
  })
  async locality(@Root() root: LineageRow, @Ctx() ctx: Context) {
    return root.otherId ? ctx.loaders.unit.load(root.otherId) : null;
  }

  @FieldResolver(() => Source, { description: 'The source that records the change (the first of `sources`).' })
  async source(@Root() root: LineageRow, @Ctx() ctx: Context): Promise<SourceRow | null> {
    return ctx.loaders.source.load(root.sourceId);
  }

  @FieldResolver(() => [Source], {
    description: 'Every source that states the change: where two independent sources agree, both.',
  })
  async sources(@Root() root: LineageRow, @Ctx() ctx: Context): Promise<SourceRow[]> {
    const rows = await ctx.loaders.source.loadMany([root.sourceId, ...(root.alsoSourceIds ?? [])]);
    return rows.filter((r): r is SourceRow => r !== null && !(r instanceof Error));
  }
}
