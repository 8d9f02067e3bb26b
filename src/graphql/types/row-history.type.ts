import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';

/** The tables whose rows keep their earlier versions (row_history), by their SQL names. */
export enum HistoryTable {
  SOURCES = 'sources',
  INDICATORS = 'indicators',
  UNITS = 'units',
  DOCUMENTS = 'documents',
  UNIT_LINKS = 'unit_links',
  UNIT_LINEAGE = 'unit_lineage',
  DOCUMENT_LINKS = 'document_links',
}
registerEnumType(HistoryTable, {
  name: 'HistoryTable',
  description: 'A table whose replaced or retired rows are kept (docs/loading.md, "Corrections").',
});

export enum RowChange {
  REPLACED = 'REPLACED',
  RETIRED = 'RETIRED',
}
registerEnumType(RowChange, {
  name: 'RowChange',
  description: 'What happened to an earlier version of a row.',
  valuesConfig: {
    REPLACED: { description: 'A later load stated the same key with other values (last load wins).' },
    RETIRED: {
      description:
        'A re-import no longer stated the row: of the seed or national files (any row), or of the same origin (a link).',
    },
  },
});

@ObjectType('RowVersion', {
  simpleResolvers: true,
  description: 'An earlier version of a row, as it was before a later load replaced or retired it.',
})
export class RowVersion {
  @Field(() => HistoryTable, { description: 'The table.' })
  table!: string;

  @Field(() => String, {
    description: "The row's key: its id (an indicator's code); a link's key columns joined by ' | '.",
  })
  key!: string;

  @Field(() => String, { description: 'The whole row as it was, as a JSON object of its columns.' })
  row!: string;

  @Field(() => RowChange, { description: 'Replaced by a later load, or retired by a re-import.' })
  change!: string;

  @Field(() => Int, { description: 'The import that wrote this version.' })
  writtenBy!: number;

  @Field(() => String, { description: "That import's kind: seed, national, file or mutation." })
  writtenByKind!: string;

  @Field(() => Int, { description: 'The import that replaced or retired it.' })
  replacedBy!: number;

  @Field(() => String, { description: "That import's kind: seed, national, file or mutation." })
  replacedByKind!: string;

  @Field(() => String, { description: 'When it was replaced (UTC, ISO 8601).' })
  replacedAt!: string;
}
