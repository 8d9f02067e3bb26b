import { Field, Float, ObjectType } from 'type-graphql';
import { Qualifier } from './enums.js';

@ObjectType('ReportedChange', {
  simpleResolvers: true,
  description:
    'A change a source states between two periods ("down by more than 20 compared to 2024"), kept as the claim it is rather than recomputed from two levels: the signed change with its qualifier and interval ("down by more than 20" is −20 LESS_THAN, (−∞, −20]), its source and the sentence it comes from.',
})
export class ReportedChange {
  @Field(() => String, { description: 'The earlier period, as the source compares with it ("2024").' })
  fromPeriod!: string;

  @Field(() => String, {
    description: 'The later period, the one the change is reported for ("2026": at publication).',
  })
  toPeriod!: string;

  @Field(() => Float, { description: 'The change as stated, signed: a fall is negative (read it with its qualifier).' })
  value!: number;

  @Field(() => Qualifier, {
    description: 'How the source words the change, on the signed value: "down by more than 20" is LESS_THAN −20.',
  })
  qualifier!: Qualifier;

  @Field(() => Float, { nullable: true, description: 'Lowest change the statement allows; null: unbounded.' })
  lower!: number | null;

  @Field(() => Float, { nullable: true, description: 'Highest change the statement allows; null: unbounded.' })
  upper!: number | null;

  @Field(() => String, { nullable: true, description: 'The sentence of the source that states the change.' })
  quote!: string | null;

  @Field(() => String, { nullable: true, description: 'How the statement was read, or its caveats.' })
  note!: string | null;

  @Field(() => String, { description: 'When this revision was recorded in the store (ISO 8601, UTC).' })
  recordedAt!: string;
}
