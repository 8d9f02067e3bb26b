import type { CodegenConfig } from '@graphql-codegen/cli';

/** The typed graphql-request SDK, generated from the committed schema and the operations in test/operations. */
const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: ['test/operations/**/*.graphql'],
  generates: {
    'src/client/sdk.ts': {
      plugins: ['typescript-operations', 'typescript-graphql-request'],
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        avoidOptionals: false,
        scalars: {
          LocalDate: 'string',
          DateTime: 'string',
          FloatColumn: '(number | null)[]',
          IntColumn: '(number | null)[]',
          StringColumn: 'string[]',
        },
        rawRequest: false,
        gqlImport: 'graphql-tag#gql',
      },
    },
  },
};

export default config;
