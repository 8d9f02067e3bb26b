import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { RowVersionRow } from '../../domain/rows.js';
import { HistoryTable, RowVersion } from '../types/row-history.type.js';
import type { Context } from '../context.js';

@Resolver(() => RowVersion)
export class RowHistoryResolver {
  @Query(() => [RowVersion], {
    description:
      'The earlier versions of one row (a unit, source, indicator, document or link), oldest first: what later loads replaced (last load wins) or a re-import of the seed or national files retired. The current version is the row itself.',
  })
  rowHistory(
    @Ctx() ctx: Context,
    @Arg('table', () => HistoryTable, { description: 'The table.' }) table: string,
    @Arg('key', () => String, { description: 'The row\'s key, e.g. "commune/03385-2025-07-01".' }) key: string,
  ): Promise<RowVersionRow[]> {
    return ctx.reader.readRowHistory(table, key);
  }
}
