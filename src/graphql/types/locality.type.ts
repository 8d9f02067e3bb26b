import { Field, Int, InterfaceType, ObjectType } from 'type-graphql';
import { Node, typeNameOf } from './node.type.js';
import { LocalityKind } from './enums.js';

@InterfaceType('Locality', {
  implements: Node,
  description:
    'Any node of the hierarchy, administrative or Party: ask the same questions of a province, a commune, a village, a Party committee or a Party cell.',
  resolveType: (value) => typeNameOf(value as Record<string, unknown>),
})
export abstract class Locality extends Node {
  @Field(() => String, {
    description:
      'Stable code, "<kind>/<slug>" (e.g. "village/huoi-song", "commune/03385-2025-07-01"); used in data files and `locality(code:)`.',
  })
  code!: string;

  @Field(() => String, { description: 'Name with Vietnamese diacritics, as the source writes it.' })
  name!: string;

  @Field(() => LocalityKind, { description: 'What kind of node this is.' })
  kind!: LocalityKind;

  @Field(() => String, {
    nullable: true,
    description: 'Validity start (YYYY-MM-DD); null when not known from the sources.',
  })
  validFrom!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Validity end, exclusive (YYYY-MM-DD); null while still valid. Districts end on 2025-07-01.',
  })
  validTo!: string | null;

  @Field(() => String, { nullable: true, description: 'Caveats about the unit and how it is known.' })
  note!: string | null;
}

@ObjectType('Province', { simpleResolvers: true, implements: [Node, Locality], description: 'A province (tỉnh).' })
export class Province extends Locality {}

@ObjectType('District', {
  simpleResolvers: true,
  implements: [Node, Locality],
  description:
    'A district (huyện). The district level was abolished on 2025-07-01; districts keep their history and end date.',
})
export class District extends Locality {}

@ObjectType('Commune', {
  simpleResolvers: true,
  implements: [Node, Locality],
  description: 'A commune (xã) or ward; after 2025-07-01 communes sit directly under the province.',
})
export class Commune extends Locality {}

@ObjectType('Village', {
  simpleResolvers: true,
  implements: [Node, Locality],
  description: 'A village or hamlet (bản, thôn).',
})
export class Village extends Locality {}

@ObjectType('PartyCommittee', {
  simpleResolvers: true,
  implements: [Node, Locality],
  description: 'A Party committee at province, district or commune level, linked to the unit it sits in.',
})
export class PartyCommittee extends Locality {
  @Field(() => LocalityKind, { nullable: true, description: 'The administrative level it sits at.' })
  level!: LocalityKind | null;
}

@ObjectType('PartyCell', {
  simpleResolvers: true,
  implements: [Node, Locality],
  description:
    'A Party cell or other grassroots Party organisation, linked to the unit it sits in (a village cell to its village).',
})
export class PartyCell extends Locality {
  @Field(() => LocalityKind, { nullable: true, description: 'The administrative level it sits at.' })
  level!: LocalityKind | null;
}

@ObjectType('PageInfo', { simpleResolvers: true, description: 'Where a page sits in a list (Relay).' })
export class PageInfo {
  @Field(() => Boolean, { description: 'More items follow this page.' })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: 'Items precede this page.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first item of the page.' })
  startCursor!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the last item; pass it as `after` for the next page.',
  })
  endCursor!: string | null;
}

/** A Relay connection over one node type, so typed lists (`villages`) need no fragments. */
function connectionOf<T extends object>(nodeType: abstract new () => T, name: string, what: string) {
  @ObjectType(`${name}Edge`, {
    simpleResolvers: true,
    description: `${what} in a list, with its cursor and the validity of the link that reached it.`,
  })
  class Edge {
    @Field(() => String, { description: 'Opaque cursor for `after`.' })
    cursor!: string;

    @Field(() => nodeType, { description: 'The item.' })
    node!: T;

    @Field(() => String, {
      nullable: true,
      description: 'For hierarchy lists: when the link to the parent started (null: not known).',
    })
    linkValidFrom!: string | null;

    @Field(() => String, {
      nullable: true,
      description: 'For hierarchy lists: when the link to the parent ended, exclusive (null: still valid).',
    })
    linkValidTo!: string | null;
  }

  @ObjectType(`${name}Connection`, {
    simpleResolvers: true,
    description: `A page of ${what.toLowerCase()} (Relay connection).`,
  })
  class Connection {
    @Field(() => Int, { description: 'How many items match in all pages.' })
    totalCount!: number;

    @Field(() => [Edge], { description: 'The page, with cursors.' })
    edges!: Edge[];

    @Field(() => [nodeType], { description: 'The page, without cursors.' })
    nodes!: T[];

    @Field(() => PageInfo, { description: 'Paging state.' })
    pageInfo!: PageInfo;
  }
  return Connection;
}

export const LocalityConnection = connectionOf(Locality, 'Locality', 'Localities');
export const DistrictConnection = connectionOf(District, 'District', 'Districts');
export const CommuneConnection = connectionOf(Commune, 'Commune', 'Communes');
export const VillageConnection = connectionOf(Village, 'Village', 'Villages');
export const PartyCellConnection = connectionOf(PartyCell, 'PartyCell', 'Party cells');
