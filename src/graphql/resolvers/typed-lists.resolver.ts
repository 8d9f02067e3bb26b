import { Args, ArgsType, Ctx, Field, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import type { UnitRow } from '../../domain/rows.js';
import {
  Commune,
  CommuneConnection,
  District,
  DistrictConnection,
  Locality,
  PartyCell,
  PartyCellConnection,
  PartyCommittee,
  Province,
  Village,
  VillageConnection,
} from '../types/locality.type.js';
import { LocalityKind } from '../types/enums.js';
import type { Context } from '../context.js';
import { descendantPage } from './locality.resolver.js';

const AS_OF = 'The date the hierarchy is read at (YYYY-MM-DD). Omitted: every link in the record.';
const FIRST = 'Page size, 1 to 1000 (default 100).';
const AFTER = 'Cursor from pageInfo.endCursor.';
/** Deep enough for province → district → commune → village and committee → cell chains. */
const ANY_DEPTH = 8;

/** Typed lists: descendants of one kind at any depth (a province's communes with or without districts between). */
const CONNECTION_OF = {
  [LocalityKind.DISTRICT]: DistrictConnection,
  [LocalityKind.COMMUNE]: CommuneConnection,
  [LocalityKind.VILLAGE]: VillageConnection,
  [LocalityKind.PARTY_CELL]: PartyCellConnection,
} as const;

function listOf(kind: keyof typeof CONNECTION_OF, description: string) {
  return function decorate(target: object, key: string, descriptor: PropertyDescriptor) {
    FieldResolver(() => CONNECTION_OF[kind], { description })(target, key, descriptor);
    return descriptor;
  };
}

/** The arguments every typed list takes: the date the hierarchy is read at, and the page. */
@ArgsType()
class HierarchyPageArgs {
  @Field(() => LocalDateResolver, { nullable: true, description: AS_OF })
  asOf?: string | null;

  @Field(() => Int, { nullable: true, description: FIRST })
  first?: number | null;

  @Field(() => String, { nullable: true, description: AFTER })
  after?: string | null;
}

async function typedList(ctx: Context, root: UnitRow, kind: LocalityKind, page: HierarchyPageArgs) {
  return descendantPage(ctx, root, [kind], page.asOf ?? null, ANY_DEPTH, page.first, page.after);
}

@Resolver(() => Province)
export class ProvinceResolver {
  @listOf(LocalityKind.DISTRICT, 'Districts of the province (the level ended on 2025-07-01; use asOf to read a date).')
  districts(@Root() root: UnitRow, @Ctx() ctx: Context, @Args(() => HierarchyPageArgs) page: HierarchyPageArgs) {
    return typedList(ctx, root, LocalityKind.DISTRICT, page);
  }

  @listOf(LocalityKind.COMMUNE, 'Communes of the province, directly or through a district.')
  communes(@Root() root: UnitRow, @Ctx() ctx: Context, @Args(() => HierarchyPageArgs) page: HierarchyPageArgs) {
    return typedList(ctx, root, LocalityKind.COMMUNE, page);
  }

  @listOf(LocalityKind.VILLAGE, 'Villages of the province at any depth.')
  villages(@Root() root: UnitRow, @Ctx() ctx: Context, @Args(() => HierarchyPageArgs) page: HierarchyPageArgs) {
    return typedList(ctx, root, LocalityKind.VILLAGE, page);
  }
}

@Resolver(() => District)
export class DistrictResolver {
  @listOf(LocalityKind.COMMUNE, 'Communes of the district while it existed.')
  communes(@Root() root: UnitRow, @Ctx() ctx: Context, @Args(() => HierarchyPageArgs) page: HierarchyPageArgs) {
    return typedList(ctx, root, LocalityKind.COMMUNE, page);
  }

  @listOf(LocalityKind.VILLAGE, 'Villages of the district at any depth.')
  villages(@Root() root: UnitRow, @Ctx() ctx: Context, @Args(() => HierarchyPageArgs) page: HierarchyPageArgs) {
    return typedList(ctx, root, LocalityKind.VILLAGE, page);
  }
}

@Resolver(() => Commune)
export class CommuneResolver {
  @listOf(LocalityKind.VILLAGE, 'Villages and hamlets of the commune.')
  villages(@Root() root: UnitRow, @Ctx() ctx: Context, @Args(() => HierarchyPageArgs) page: HierarchyPageArgs) {
    return typedList(ctx, root, LocalityKind.VILLAGE, page);
  }

  @FieldResolver(() => PartyCommittee, {
    nullable: true,
    description: 'The commune-level Party committee, when recorded.',
  })
  async partyCommittee(@Root() root: UnitRow, @Ctx() ctx: Context): Promise<UnitRow | null> {
    const orgs = await ctx.loaders.partyOrganisations.load({ id: root.id, args: null });
    return orgs.find((o) => o.kind === 'PARTY_COMMITTEE') ?? null;
  }
}

@Resolver(() => Village)
export class VillageResolver {
  @FieldResolver(() => PartyCell, { nullable: true, description: 'The village Party cell, when recorded.' })
  async partyCell(@Root() root: UnitRow, @Ctx() ctx: Context): Promise<UnitRow | null> {
    const orgs = await ctx.loaders.partyOrganisations.load({ id: root.id, args: null });
    return orgs.find((o) => o.kind === 'PARTY_CELL') ?? null;
  }
}

@Resolver(() => PartyCommittee)
export class PartyCommitteeResolver {
  @listOf(LocalityKind.PARTY_CELL, 'Party cells under the committee at any depth.')
  cells(@Root() root: UnitRow, @Ctx() ctx: Context, @Args(() => HierarchyPageArgs) page: HierarchyPageArgs) {
    return typedList(ctx, root, LocalityKind.PARTY_CELL, page);
  }
}

@Resolver(() => PartyCell)
export class PartyCellResolver {
  @FieldResolver(() => Locality, {
    nullable: true,
    description: 'The Party committee the cell reports to, when recorded.',
  })
  async committee(@Root() root: UnitRow, @Ctx() ctx: Context): Promise<UnitRow | null> {
    return ctx.loaders.parent.load({ id: root.id, args: null });
  }
}
