import { Field, Float, ObjectType } from 'type-graphql';
import { Node } from './node.type.js';
import { PeriodGranularity, Qualifier } from './enums.js';

@ObjectType('Observation', {
  simpleResolvers: true,
  implements: Node,
  description: 'One sourced figure: value, qualifier, period and source, with the interval it stands for.',
})
export class Observation extends Node {
  @Field(() => String, {
    description:
      'The period as ISO 8601: "2024", "2024-Q3", "2024-07", "2024-07-15", or an interval "2025-07/.." (open end: up to publication).',
  })
  period!: string;

  @Field(() => String, { description: 'First day of the period (YYYY-MM-DD).' })
  periodStart!: string;

  @Field(() => String, { nullable: true, description: 'Last day of the period (YYYY-MM-DD); null when open-ended.' })
  periodEnd!: string | null;

  @Field(() => PeriodGranularity, { description: 'Length of the period.' })
  granularity!: PeriodGranularity;

  @Field(() => Float, { description: 'The figure as stated (read it with its qualifier).' })
  value!: number;

  @Field(() => Qualifier, { description: 'How the source words the figure.' })
  qualifier!: Qualifier;

  @Field(() => Float, {
    nullable: true,
    description: 'Lower end of the interval the figure stands for; null when unbounded.',
  })
  lower!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Upper end of the interval the figure stands for; null when unbounded.',
  })
  upper!: number | null;

  @Field(() => Boolean, {
    description: 'True when computed from other reported figures rather than reported; see formula.',
  })
  derived!: boolean;

  @Field(() => String, { nullable: true, description: 'For a derived figure: how it was computed.' })
  formula!: string | null;

  @Field(() => String, { nullable: true, description: 'The sentence of the source the figure came from.' })
  quote!: string | null;

  @Field(() => String, { nullable: true, description: 'Caveats about the figure.' })
  note!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The part of the unit the figure is about, in the source's words (\"one household: Vàng A Dia's\"); null: the unit as a whole. Such a figure stays out of the unit's series, rollups, rankings and charts unless a request sets `includeParts`.",
  })
  scope!: string | null;

  @Field(() => String, { description: 'When this revision was recorded in the store (ISO 8601, UTC).' })
  recordedAt!: string;
}
