import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from './node.type.js';
import { PageInfo } from './locality.type.js';
import { ROLES } from '../../people/roles.js';

/** The roles of src/people/roles.ts as a GraphQL enum: one list for the load and the schema. */
export const Role = Object.fromEntries(Object.keys(ROLES).map((r) => [r, r])) as { [K in keyof typeof ROLES]: K };
registerEnumType(Role, {
  name: 'Role',
  description: 'A post a source names someone in.',
  valuesConfig: Object.fromEntries(
    Object.entries(ROLES).map(([r, { held, description }]) => [
      r,
      { description: `${description} Held in a ${held}.` },
    ]),
  ),
});

@ObjectType('Person', {
  simpleResolvers: true,
  implements: Node,
  description: 'Someone a source names (a village head, a Party secretary), with the roles they held and when.',
})
export class Person extends Node {
  @Field(() => String, { description: 'Stable code used in data files, "person/<slug>".' })
  code!: string;

  @Field(() => String, { description: 'The name as the source writes it.' })
  name!: string;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Whether the person is a Party member; null when the sources do not say.',
  })
  partyMember!: boolean | null;

  @Field(() => String, {
    nullable: true,
    description: 'The year the person was admitted to the Party, when a source states it (YYYY).',
  })
  partyJoined!: string | null;

  @Field(() => String, { nullable: true, description: 'The sentence of the source about the person.' })
  quote!: string | null;

  @Field(() => String, { nullable: true, description: 'What the sources leave open, or how a field was read.' })
  note!: string | null;
}

@ObjectType('RoleHeld', {
  simpleResolvers: true,
  description: 'A role a person held in a unit or Party organisation during a period, as a source states it.',
})
export class RoleHeld {
  @Field(() => Role, { description: 'The post.' })
  role!: string;

  @Field(() => String, { description: 'The title as the source words it ("Secretary of the village Party Cell").' })
  title!: string;

  @Field(() => String, {
    description: 'When the source says the role was held, in the period grammar of figures ("2026": at publication).',
  })
  period!: string;

  @Field(() => String, { description: 'First day of the period (YYYY-MM-DD).' })
  periodStart!: string;

  @Field(() => String, { nullable: true, description: 'Last day of the period; null when open.' })
  periodEnd!: string | null;

  @Field(() => String, { description: 'The sentence of the source that names the person in the role.' })
  quote!: string;

  @Field(() => String, { nullable: true, description: 'How the role was read from the source.' })
  note!: string | null;
}

@ObjectType('PersonEdge', { simpleResolvers: true, description: 'A person in a list, with its cursor.' })
class PersonEdge {
  @Field(() => String, { description: 'Opaque cursor for `after`.' })
  cursor!: string;

  @Field(() => Person, { description: 'The person.' })
  node!: Person;
}

@ObjectType('PersonConnection', { simpleResolvers: true, description: 'A page of people (Relay connection).' })
export class PersonConnection {
  @Field(() => Int, { description: 'How many people match in all pages.' })
  totalCount!: number;

  @Field(() => [PersonEdge], { description: 'The page, with cursors.' })
  edges!: PersonEdge[];

  @Field(() => [Person], { description: 'The page, without cursors.' })
  nodes!: Person[];

  @Field(() => PageInfo, { description: 'Paging state.' })
  pageInfo!: PageInfo;
}
