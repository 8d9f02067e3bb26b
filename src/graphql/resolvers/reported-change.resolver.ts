import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ReportedChangeRow, UnitRow } from '../../domain/rows.js';
import { ReportedChange } from '../types/reported-change.type.js';
import { Locality } from '../types/locality.type.js';
import { Indicator } from '../types/indicator.type.js';
import { Source } from '../types/source.type.js';
import type { Context } from '../context.js';

@Resolver(() => ReportedChange)
export class ReportedChangeResolver {
  @FieldResolver(() => Locality, { nullable: true, description: 'The unit the change is about.' })
  locality(@Root() root: ReportedChangeRow, @Ctx() ctx: Context) {
    return ctx.loaders.unit.load(root.subjectId);
  }

  @FieldResolver(() => Indicator, { nullable: true, description: 'What changed.' })
  async indicator(@Root() root: ReportedChangeRow, @Ctx() ctx: Context) {
    return (await ctx.loaders.indicators()).get(root.indicator) ?? null;
  }

  @FieldResolver(() => Source, { nullable: true, description: 'The source that states the change.' })
  source(@Root() root: ReportedChangeRow, @Ctx() ctx: Context) {
    return ctx.loaders.source.load(root.sourceId);
  }
}

/** The changes the sources state about a unit, to cite as they are: a field of every locality. */
@Resolver(() => Locality)
export class LocalityReportedChangesResolver {
  @FieldResolver(() => [ReportedChange], {
    description:
      'Changes the sources state for this unit between two periods ("down by more than 20 compared to 2024"), the latest first, each with its quote and source. `change` and `yoy` use them where they exist.',
  })
  reportedChanges(
    @Root() root: UnitRow,
    @Ctx() ctx: Context,
    @Arg('indicator', () => String, { nullable: true, description: 'Only changes of this indicator (code).' })
    indicator?: string | null,
  ): Promise<ReportedChangeRow[]> {
    return ctx.loaders.reportedChanges.load({ id: root.id, args: indicator ?? null });
  }
}
