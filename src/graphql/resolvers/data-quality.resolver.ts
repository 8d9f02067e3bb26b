import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { FindingRow, SourceRow, UnitRow } from '../../domain/rows.js';
import { FINDING_KINDS, type FindingKind as FindingKindCode } from '../../national/findings.js';
import { DataFinding, DataQualityReport, FindingKind, Severity } from '../types/data-quality.type.js';
import { Locality } from '../types/locality.type.js';
import { Source } from '../types/source.type.js';
import { encodeCursor, toPage } from '../args.js';
import { NotFoundError } from '../errors.js';
import type { Context } from '../context.js';

@Resolver(() => DataQualityReport)
export class DataQualityResolver {
  @Query(() => DataQualityReport, {
    description:
      'The data-quality report: where the sources of the national import disagree or are incomplete (an old commune split without shares, a code missing from a list, a row without a province), each finding with the units and sources it concerns.',
  })
  async dataQuality(
    @Ctx() ctx: Context,
    @Arg('kind', () => [FindingKind], { nullable: true, description: 'Only these kinds.' }) kind?: string[] | null,
    @Arg('severity', () => [Severity], { nullable: true, description: 'Only these severities.' })
    severity?: string[] | null,
    @Arg('locality', () => String, {
      nullable: true,
      description: 'Only findings about this unit (its code, e.g. "commune/03385-2025-07-01").',
    })
    locality?: string | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1 to 1000 (default 100).' })
    first?: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor from pageInfo.endCursor.' })
    after?: string | null,
  ) {
    const page = toPage(first, after);
    if (locality != null && !(await ctx.loaders.unit.load(locality)))
      throw new NotFoundError('locality', `locality with code "${locality.slice(0, 80)}"`);
    const filter = { kinds: kind ?? null, severities: severity ?? null, unitId: locality ?? null };
    const [counts, rows] = await Promise.all([
      ctx.reader.countFindings(filter),
      ctx.reader.readFindings(filter, page.offset, page.limit),
    ]);
    const totalCount = counts.reduce((sum, c) => sum + c.count, 0);
    return {
      totalCount,
      counts: counts.map((c) => ({ ...c, description: FINDING_KINDS[c.kind as FindingKindCode] ?? c.kind })),
      findings: rows,
      pageInfo: {
        hasNextPage: page.offset + rows.length < totalCount,
        hasPreviousPage: page.offset > 0,
        startCursor: rows.length > 0 ? encodeCursor(page.offset) : null,
        endCursor: rows.length > 0 ? encodeCursor(page.offset + rows.length - 1) : null,
      },
    };
  }
}

@Resolver(() => DataFinding)
export class DataFindingResolver {
  @FieldResolver(() => Locality, {
    nullable: true,
    description: 'The unit version the finding is about (a new unit for a lineage finding).',
  })
  locality(@Root() root: FindingRow, @Ctx() ctx: Context): Promise<UnitRow | null> | null {
    return root.unitId ? ctx.loaders.unit.load(root.unitId) : null;
  }

  @FieldResolver(() => Locality, {
    nullable: true,
    description: 'The other end of a lineage edge (the old unit), when there is one.',
  })
  otherLocality(@Root() root: FindingRow, @Ctx() ctx: Context): Promise<UnitRow | null> | null {
    return root.otherUnitId ? ctx.loaders.unit.load(root.otherUnitId) : null;
  }

  @FieldResolver(() => [Source], { description: 'The sources the finding is about.' })
  async sources(@Root() root: FindingRow, @Ctx() ctx: Context): Promise<SourceRow[]> {
    const rows = await ctx.loaders.source.loadMany(root.sourceIds);
    return rows.filter((r): r is SourceRow => r !== null && !(r instanceof Error));
  }
}
