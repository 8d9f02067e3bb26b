import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { FINDING_KINDS } from '../../national/findings.js';
import { PageInfo } from './locality.type.js';

/** The kinds a finding can be, from src/national/findings.ts (one list, documented there). */
export const FindingKind = Object.fromEntries(Object.keys(FINDING_KINDS).map((k) => [k, k])) as {
  [K in keyof typeof FINDING_KINDS]: K;
};
registerEnumType(FindingKind, {
  name: 'FindingKind',
  description: 'What a data-quality finding is about.',
  valuesConfig: Object.fromEntries(Object.entries(FINDING_KINDS).map(([k, description]) => [k, { description }])),
});

export enum Severity {
  ERROR = 'ERROR',
  WARNING = 'WARNING',
  INFO = 'INFO',
}
registerEnumType(Severity, {
  name: 'Severity',
  description: 'How much a finding matters.',
  valuesConfig: {
    ERROR: { description: 'The sources contradict each other or could not be read: nothing was derived from the row.' },
    WARNING: { description: 'The sources are incomplete: what was derived is kept, and what is missing is named.' },
    INFO: {
      description: 'The sources were read with a stated rule (a padded code, a name matched ignoring diacritics).',
    },
  },
});

@ObjectType('DataFinding', {
  simpleResolvers: true,
  description:
    'One thing the data-quality report says: where lineage sources disagree or fall short, never resolved by a silent pick.',
})
export class DataFinding {
  @Field(() => FindingKind, { description: 'What the finding is about.' })
  kind!: string;

  @Field(() => Severity, { description: 'How much it matters.' })
  severity!: string;

  @Field(() => String, { description: 'What the sources say, in words, with codes and names.' })
  message!: string;
}

@ObjectType('FindingCount', { simpleResolvers: true, description: 'How many findings of one kind and severity.' })
export class FindingCount {
  @Field(() => FindingKind, { description: 'The kind.' })
  kind!: string;

  @Field(() => Severity, { description: 'The severity.' })
  severity!: string;

  @Field(() => Int, { description: 'How many.' })
  count!: number;

  @Field(() => String, { description: 'What findings of this kind mean.' })
  description!: string;
}

@ObjectType('DataQualityReport', {
  simpleResolvers: true,
  description: 'What the imports found wrong or incomplete in their sources (`npm run check-data` prints the same).',
})
export class DataQualityReport {
  @Field(() => Int, { description: 'Findings matching the filter, in all pages.' })
  totalCount!: number;

  @Field(() => [FindingCount], {
    description: 'Counts per kind and severity of the findings matching the filter, most severe first.',
  })
  counts!: FindingCount[];

  @Field(() => [DataFinding], { description: 'A page of findings, most severe first.' })
  findings!: DataFinding[];

  @Field(() => PageInfo, { description: 'Paging state of `findings`.' })
  pageInfo!: PageInfo;
}
