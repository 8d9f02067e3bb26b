import { Field, ObjectType } from 'type-graphql';
import { Node } from './node.type.js';
import { DocumentRole } from './enums.js';

@ObjectType('Document', {
  simpleResolvers: true,
  implements: Node,
  description: 'A resolution, plan, guidance or law named by a source, with the period it covers.',
})
export class PolicyDocument extends Node {
  @Field(() => String, { description: 'Stable code used in data files.' })
  code!: string;

  @Field(() => String, { description: 'Official number, e.g. "04-NQ/TU".' })
  number!: string;

  @Field(() => String, { description: 'RESOLUTION, PLAN, GUIDANCE, LAW ...' })
  kind!: string;

  @Field(() => String, { description: 'Title or subject as the source gives it.' })
  title!: string;

  @Field(() => String, { description: 'The body that issued it.' })
  issuer!: string;

  @Field(() => String, { nullable: true, description: 'Date issued (YYYY-MM-DD).' })
  issuedOn!: string | null;

  @Field(() => String, { nullable: true, description: 'First day of the period the document covers.' })
  periodStart!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Last day of the period it covers; null when open ("and beyond").',
  })
  periodEnd!: string | null;

  @Field(() => String, { nullable: true, description: 'The period as worded, e.g. "2023-2025 and beyond".' })
  periodNote!: string | null;

  @Field(() => String, { nullable: true, description: 'The sentence of the source that names the document.' })
  quote!: string | null;
}

@ObjectType('DocumentLink', {
  simpleResolvers: true,
  description: 'A document and a unit or organisation it relates to.',
})
export class DocumentLink {
  @Field(() => DocumentRole, { description: 'How the document relates to the unit.' })
  role!: DocumentRole;
}
