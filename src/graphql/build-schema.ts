import 'reflect-metadata';
import { buildSchema, type BuildSchemaOptions } from 'type-graphql';
import { isInterfaceType, type GraphQLSchema } from 'graphql';
import { typeNameOf } from './types/node.type.js';
import { QueryResolver } from './resolvers/query.resolver.js';
import { MutationResolver } from './resolvers/mutation.resolver.js';
import { LineageLinkResolver } from './resolvers/lineage.resolver.js';
import { LocalityResolver } from './resolvers/locality.resolver.js';
import {
  LocalityOfficialsResolver,
  PeopleQueryResolver,
  PersonResolver,
  RoleHeldResolver,
} from './resolvers/people.resolver.js';
import { UnitIdentityResolver } from './resolvers/unit-identity.resolver.js';
import { DataFindingResolver, DataQualityResolver } from './resolvers/data-quality.resolver.js';
import { RowHistoryResolver } from './resolvers/row-history.resolver.js';
import {
  CommuneResolver,
  DistrictResolver,
  PartyCellResolver,
  PartyCommitteeResolver,
  ProvinceResolver,
  VillageResolver,
} from './resolvers/typed-lists.resolver.js';
import {
  DocumentLinkResolver,
  DocumentResolver,
  ObservationResolver,
  SourceResolver,
} from './resolvers/catalog.resolver.js';
import {
  LocalityAnalyticsResolver,
  PartsPointResolver,
  SeriesPointResolver,
  SeriesResolver,
} from './resolvers/analytics.resolver.js';
import {
  AnalyticsQueryResolver,
  AvailabilityResolver,
  PivotRowResolver,
  RankEntryResolver,
  RankingResolver,
  TableResolver,
} from './resolvers/analytics-query.resolver.js';
import { LocalityReportedChangesResolver, ReportedChangeResolver } from './resolvers/reported-change.resolver.js';
import { Commune, District, PartyCell, PartyCommittee, Province, Village } from './types/locality.type.js';
import { projectPath } from '../project-root.js';
import { bindParamsDirectly } from '../speed/direct-params.js';

export const SCHEMA_FILE = projectPath('schema/schema.graphql');

export const SCHEMA_OPTIONS = {
  resolvers: [
    QueryResolver,
    MutationResolver,
    LocalityResolver,
    UnitIdentityResolver,
    DataQualityResolver,
    DataFindingResolver,
    RowHistoryResolver,
    ProvinceResolver,
    DistrictResolver,
    CommuneResolver,
    VillageResolver,
    PartyCommitteeResolver,
    PartyCellResolver,
    ObservationResolver,
    SourceResolver,
    DocumentResolver,
    DocumentLinkResolver,
    LineageLinkResolver,
    LocalityAnalyticsResolver,
    SeriesResolver,
    SeriesPointResolver,
    PartsPointResolver,
    AnalyticsQueryResolver,
    RankingResolver,
    RankEntryResolver,
    AvailabilityResolver,
    TableResolver,
    PivotRowResolver,
    PersonResolver,
    RoleHeldResolver,
    LocalityOfficialsResolver,
    PeopleQueryResolver,
    ReportedChangeResolver,
    LocalityReportedChangesResolver,
  ],
  orphanedTypes: [Province, District, Commune, Village, PartyCommittee, PartyCell],
  // Arguments are checked by the resolvers (BadInputError names the argument), not class-validator.
  validate: false,
} satisfies BuildSchemaOptions;

/** Built once per process and binding: with resolver parameters bound directly, and as type-graphql binds them. */
const built = new Map<boolean, Promise<GraphQLSchema>>();

/**
 * The schema is the same for every server in the process; build it once. `directParams` false:
 * type-graphql's own parameter binding (src/speed/direct-params.ts, switched off), a schema apart.
 */
export function buildGrassrootsSchema(options: { readonly directParams?: boolean } = {}): Promise<GraphQLSchema> {
  const direct = options.directParams ?? true;
  let schema = built.get(direct);
  if (!schema) built.set(direct, (schema = build(direct)));
  return schema;
}

function build(directParams: boolean): Promise<GraphQLSchema> {
  return buildSchema(SCHEMA_OPTIONS).then((schema) => {
    const query = schema.getQueryType();
    if (query)
      query.description =
        'Entry points: localities (administrative units and Party organisations), their statistics, the indicator catalogue, sources and documents.';
    const mutation = schema.getMutationType();
    if (mutation)
      mutation.description = 'Writes, allowed only with the write token; a server started without one is read-only.';
    synchronousResolveType(schema);
    if (directParams) bindParamsDirectly(schema, SCHEMA_OPTIONS);
    return schema;
  });
}

/**
 * type-graphql wraps every interface's resolveType in an async function, so each locality in a
 * result cost graphql-js a promise and a turn of the microtask queue. Ours name the type from the
 * value (`typeNameOf`), synchronously; put that back. (Any other interface keeps type-graphql's
 * own, which matches by class synchronously.)
 */
function synchronousResolveType(schema: GraphQLSchema): void {
  for (const name of ['Node', 'Locality']) {
    const type = schema.getType(name);
    if (!isInterfaceType(type)) throw new Error(`interface ${name} is missing from the schema`);
    type.resolveType = (value) => typeNameOf(value as Record<string, unknown>);
  }
}
