import { Field, ObjectType } from 'type-graphql';
import { Aggregation, ValueType } from './enums.js';

@ObjectType('Indicator', {
  simpleResolvers: true,
  description: 'A statistic in the catalogue: what it measures, in what unit, and how it aggregates.',
})
export class Indicator {
  @Field(() => String, { description: 'Stable code used in arguments and data files, e.g. "members".' })
  code!: string;

  @Field(() => String, { description: 'Human-readable name.' })
  name!: string;

  @Field(() => String, { description: 'Unit of measure, e.g. "persons", "hectares", "share (0..1)".' })
  unit!: string;

  @Field(() => ValueType, { description: 'What kind of number it is.' })
  valueType!: ValueType;

  @Field(() => Aggregation, { description: 'How it combines across units.' })
  aggregation!: Aggregation;

  @Field(() => String, { nullable: true, description: 'For a RATIO indicator: the indicator code of the numerator.' })
  numerator!: string | null;

  @Field(() => String, { nullable: true, description: 'For a RATIO indicator: the indicator code of the denominator.' })
  denominator!: string | null;

  @Field(() => String, { description: 'What the indicator measures, precisely.' })
  description!: string;
}
