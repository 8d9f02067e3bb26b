import { Field, Float, ObjectType } from 'type-graphql';
import { Aggregation, Measure, ValueType } from './enums.js';

@ObjectType('Domain', { simpleResolvers: true, description: 'The values an indicator can take.' })
export class Domain {
  @Field(() => Float, { nullable: true, description: 'Smallest possible value; null: unbounded below.' })
  min!: number | null;

  @Field(() => Float, { nullable: true, description: 'Largest possible value; null: unbounded above.' })
  max!: number | null;

  @Field(() => Boolean, { description: 'Whether values are whole numbers (counts).' })
  whole!: boolean;
}

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

  @Field(() => Measure, { description: 'A level at a moment (STOCK) or an amount during a period (FLOW).' })
  measure!: Measure;

  @Field(() => Domain, { description: 'The values the indicator can take, from its value type.' })
  domain!: Domain;
}
