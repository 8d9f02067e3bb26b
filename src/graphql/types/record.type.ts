import { Field, Float, InputType, Int, ObjectType } from 'type-graphql';
import { Qualifier } from './enums.js';

@InputType('ObservationInput', {
  description: 'One figure to record. Checked exactly like a row of an observations file.',
})
export class ObservationInput {
  @Field(() => String, { description: 'Code of the unit or organisation, e.g. "village/huoi-song".' })
  subject!: string;

  @Field(() => String, { description: 'Indicator code (see `indicators`).' })
  indicator!: string;

  @Field(() => String, {
    description: 'ISO 8601 period: YYYY, YYYY-Qn, YYYY-MM, YYYY-MM-DD or START/END (END may be ..).',
  })
  period!: string;

  @Field(() => Float, { description: 'The figure as stated.' })
  value!: number;

  @Field(() => Qualifier, { nullable: true, description: 'How the source words the figure (default EXACT).' })
  qualifier?: Qualifier | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Lower bound, when the source states one; otherwise derived from the qualifier.',
  })
  lower?: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Upper bound, when the source states one; otherwise derived from the qualifier.',
  })
  upper?: number | null;

  @Field(() => String, { description: 'Code of the source the figure comes from (see `sources`).' })
  source!: string;

  @Field(() => Boolean, {
    nullable: true,
    description: 'True when computed from other figures (then formula is required).',
  })
  derived?: boolean | null;

  @Field(() => String, { nullable: true, description: 'For a derived figure: how it was computed.' })
  formula?: string | null;

  @Field(() => String, { nullable: true, description: 'The sentence of the source.' })
  quote?: string | null;

  @Field(() => String, { nullable: true, description: 'Caveats.' })
  note?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The part of the unit the figure is about, in the source's words (\"one household\"); null: the unit as a whole. A part's figure stays out of the unit's series, rollups and rankings unless a request includes parts.",
  })
  scope?: string | null;
}

@ObjectType('RecordResult', { simpleResolvers: true, description: 'What a recordObservations call wrote.' })
export class RecordResult {
  @Field(() => Int, { description: 'Figures received.' })
  received!: number;

  @Field(() => Int, {
    description: 'New revisions written; figures identical to the current revision are not written again.',
  })
  written!: number;

  @Field(() => Int, { nullable: true, description: 'The import that recorded them; null when nothing was new.' })
  importId!: number | null;
}
