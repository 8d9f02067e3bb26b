import { readFileSync } from 'node:fs';
import { cookbookRecipes } from '../../src/docs/cookbook.js';

/** Every operation of test/operations, as one document. */
export const OPERATIONS = ['analytics', 'hierarchy', 'lineage', 'statistics', 'revisions']
  .map((f) => readFileSync(new URL(`../operations/${f}.graphql`, import.meta.url), 'utf8'))
  .join('\n');
const COMMUNE = 'commune/03385-2025-07-01';

/**
 * Requests through the cookbook and the test operations, each answering data, an error or a
 * refusal, including the shapes compiled execution leaves to graphql-js: what two ways of running
 * the server are compared on.
 */
export const REQUESTS: {
  name: string;
  body: { query: string; operationName?: string; variables?: Record<string, unknown> };
}[] = [
  ...cookbookRecipes().map((r) => ({ name: r.title, body: { query: r.query } })),
  {
    name: 'LocalityByCode',
    body: { query: OPERATIONS, operationName: 'LocalityByCode', variables: { code: COMMUNE } },
  },
  {
    name: 'ProvinceTree',
    body: {
      query: OPERATIONS,
      operationName: 'ProvinceTree',
      variables: { code: 'province/11', asOf: '2024-06-30' },
    },
  },
  {
    name: 'NestedSeries',
    body: { query: OPERATIONS, operationName: 'NestedSeries', variables: { code: 'province/11' } },
  },
  {
    name: 'Series',
    body: {
      query: OPERATIONS,
      operationName: 'Series',
      variables: { code: 'village/huoi-song', indicator: 'poor_households' },
    },
  },
  {
    name: 'Latest rolled up',
    body: {
      query: OPERATIONS,
      operationName: 'Latest',
      variables: { code: 'province/11', indicator: 'households', rollup: 'VILLAGE' },
    },
  },
  {
    name: 'Ranking',
    body: {
      query: OPERATIONS,
      operationName: 'Ranking',
      variables: { indicator: 'poor_households', kind: 'VILLAGE', by: 'VALUE', period: '2025' },
    },
  },
  { name: 'Lineage', body: { query: OPERATIONS, operationName: 'Lineage', variables: { code: COMMUNE } } },
  {
    name: 'unknown indicator (resolver error)',
    body: { query: OPERATIONS, operationName: 'Series', variables: { code: COMMUNE, indicator: 'no_such_indicator' } },
  },
  {
    name: 'unknown locality',
    body: { query: OPERATIONS, operationName: 'LocalityByCode', variables: { code: 'commune/nowhere' } },
  },
  {
    name: 'bad enum variable',
    body: {
      query: OPERATIONS,
      operationName: 'Latest',
      variables: { code: COMMUNE, indicator: 'households', rollup: 'HAMLET' },
    },
  },
  { name: 'missing variable', body: { query: OPERATIONS, operationName: 'Change', variables: { code: COMMUNE } } },
  {
    name: 'bad period (argument error in a list)',
    body: {
      query: `{ localities(kind: [COMMUNE]) { nodes { code change(indicator: "households", from: "2025", to: "20x") { absolute { value } } } } }`,
    },
  },
  {
    name: '@include on one of two spreads of a fragment (stays with graphql-js)',
    body: {
      query: `query($x: Boolean!) { a: locality(code: "${COMMUNE}") { ...F @include(if: $x) } b: locality(code: "${COMMUNE}") { ...F } } fragment F on Locality { code name }`,
      variables: { x: false },
    },
  },
  {
    name: 'a non-null variable with a default, not sent (stays with graphql-js)',
    body: { query: `query($code: String! = "${COMMUNE}") { locality(code: $code) { name } }` },
  },
  {
    name: 'a DateTime variable with a default, not sent (stays with graphql-js)',
    body: {
      query: `query($t: DateTime = "2020-01-01T00:00:00Z") { locality(code: "${COMMUNE}") { observations(updatedAfter: $t) { indicator { code } period value } } }`,
    },
  },
  {
    name: "a village's parent chain, 10 deep (over the compile budget)",
    body: { query: `{ locality(code: "village/huoi-song") { ${'parent { '.repeat(10)}code${' }'.repeat(10)} } }` },
  },
];
