import { Field, ObjectType } from 'type-graphql';
import { Node } from './node.type.js';

@ObjectType('Source', {
  simpleResolvers: true,
  implements: Node,
  description: 'A publication, law or dataset that figures come from.',
})
export class Source extends Node {
  @Field(() => String, { description: 'Stable code used in data files, e.g. "dbp-nam-po-village-heads".' })
  code!: string;

  @Field(() => String, { description: 'ARTICLE, LAW, DATASET or SYNTHETIC (generated data, never real figures).' })
  kind!: string;

  @Field(() => String, { description: 'Title as published; bracketed when the seed text carries none.' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Publisher, when the source names it.' })
  publisher!: string | null;

  @Field(() => String, { nullable: true, description: 'Author or byline.' })
  author!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Publication date, ISO 8601, possibly partial ("2025") when only the year is known.',
  })
  published!: string | null;

  @Field(() => String, { nullable: true, description: 'Where to read it, if online.' })
  url!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Path of the seed text this was transcribed from, relative to the workspace.',
  })
  seedFile!: string | null;

  @Field(() => String, { nullable: true, description: 'How the metadata was established (e.g. an inferred date).' })
  note!: string | null;
}
