import { Field, Float, ObjectType } from 'type-graphql';
import { LineageKind } from './enums.js';

@ObjectType('LineageLink', {
  simpleResolvers: true,
  description: 'One change linking a unit to a predecessor or successor.',
})
export class LineageLink {
  @Field(() => LineageKind, { description: 'Merge, split, rename or abolition.' })
  kind!: LineageKind;

  @Field(() => String, { description: 'First day of the successor in its new form (YYYY-MM-DD).' })
  changedOn!: string;

  @Field(() => Float, {
    nullable: true,
    description:
      'Share of the predecessor that went to the successor: 1 unless split; null for a split whose shares no source gives.',
  })
  weight!: number | null;

  @Field(() => String, { nullable: true, description: 'Scope or caveats.' })
  note!: string | null;
}

@ObjectType('Lineage', { simpleResolvers: true, description: 'Where a unit came from and what it became.' })
export class Lineage {
  @Field(() => [LineageLink], { description: 'Units this one was formed from, with the change.' })
  predecessors!: LineageLink[];

  @Field(() => [LineageLink], { description: 'Units this one became, with the change.' })
  successors!: LineageLink[];
}
