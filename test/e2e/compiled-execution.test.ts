import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, type OperationDefinitionNode } from 'graphql';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { postJson } from '../support/http.js';
import { cookbookRecipes } from '../../src/docs/cookbook.js';
import { buildGrassrootsSchema } from '../../src/graphql/build-schema.js';
import { fieldsToCompile, MAX_COMPILED_FIELDS, reasonToInterpret } from '../../src/graphql/compiled-execution.js';

const OPERATIONS = ['analytics', 'hierarchy', 'lineage', 'statistics', 'revisions'].map((f) => readFileSync(new URL(`../operations/${f}.graphql`, import.meta.url), 'utf8')).join('\n');
const COMMUNE = 'commune/tia-dinh';

/** Requests through the test operations: each answers something, an error or a refusal. */
const REQUESTS: { name: string; body: { query: string; operationName?: string; variables?: Record<string, unknown> } }[] = [
  ...cookbookRecipes().map((r) => ({ name: r.title, body: { query: r.query } })),
  { name: 'LocalityByCode', body: { query: OPERATIONS, operationName: 'LocalityByCode', variables: { code: COMMUNE } } },
  { name: 'ProvinceTree', body: { query: OPERATIONS, operationName: 'ProvinceTree', variables: { code: 'province/dien-bien', asOf: '2024-06-30' } } },
  { name: 'NestedSeries', body: { query: OPERATIONS, operationName: 'NestedSeries', variables: { code: 'province/dien-bien' } } },
  { name: 'Series', body: { query: OPERATIONS, operationName: 'Series', variables: { code: 'village/huoi-song', indicator: 'poor_households' } } },
  { name: 'Latest rolled up', body: { query: OPERATIONS, operationName: 'Latest', variables: { code: 'province/dien-bien', indicator: 'households', rollup: 'VILLAGE' } } },
  { name: 'Ranking', body: { query: OPERATIONS, operationName: 'Ranking', variables: { indicator: 'poor_households', kind: 'VILLAGE', by: 'VALUE', period: '2025' } } },
  { name: 'Lineage', body: { query: OPERATIONS, operationName: 'Lineage', variables: { code: COMMUNE } } },
  { name: 'unknown indicator (resolver error)', body: { query: OPERATIONS, operationName: 'Series', variables: { code: COMMUNE, indicator: 'no_such_indicator' } } },
  { name: 'unknown locality', body: { query: OPERATIONS, operationName: 'LocalityByCode', variables: { code: 'commune/nowhere' } } },
  { name: 'bad enum variable', body: { query: OPERATIONS, operationName: 'Latest', variables: { code: COMMUNE, indicator: 'households', rollup: 'HAMLET' } } },
  { name: 'missing variable', body: { query: OPERATIONS, operationName: 'Change', variables: { code: COMMUNE } } },
  { name: 'bad period (argument error in a list)', body: { query: `{ localities(kind: [COMMUNE]) { nodes { code change(indicator: "households", from: "2025", to: "20x") { absolute { value } } } } }` } },
  { name: '@include on one of two spreads of a fragment (stays with graphql-js)', body: { query: `query($x: Boolean!) { a: locality(code: "${COMMUNE}") { ...F @include(if: $x) } b: locality(code: "${COMMUNE}") { ...F } } fragment F on Locality { code name }`, variables: { x: false } } },
  { name: 'a non-null variable with a default, not sent (stays with graphql-js)', body: { query: `query($code: String! = "${COMMUNE}") { locality(code: $code) { name } }` } },
  { name: 'a DateTime variable with a default, not sent (stays with graphql-js)', body: { query: `query($t: DateTime = "2020-01-01T00:00:00Z") { locality(code: "${COMMUNE}") { observations(updatedAfter: $t) { indicator { code } period value } } }` } },
  { name: 'a village\'s parent chain, 10 deep (over the compile budget)', body: { query: `{ locality(code: "village/huoi-song") { ${'parent { '.repeat(10)}code${' }'.repeat(10)} } }` } },
];

let t: TestServer;
beforeAll(async () => {
  // The default: a document runs through graphql-js once, then compiled.
  t = await startTestServer(undefined, { server: { runsBeforeCompiling: 1 } });
});
afterAll(() => t.close());

describe('compiled execution answers exactly what graphql-js answers', () => {
  it.each(REQUESTS.map((r) => [r.name, r.body] as const))('%s', async (_name, body) => {
    const before = t.server.executions();
    const first = await postJson(t.server.url, body);
    const second = await postJson(t.server.url, body);
    const third = await postJson(t.server.url, body);
    expect(second.status).toBe(first.status);
    expect(second.text).toBe(first.text);
    expect(third.text).toBe(first.text);
    expect(first.json!.data !== undefined || first.json!.errors !== undefined).toBe(true);
    const after = t.server.executions();
    // refused before execution (a variable Apollo rejects) runs neither
    if (first.status === 200) expect(after.compiled - before.compiled + after.interpreted - before.interpreted).toBe(3);
  });

  it('the test requests include answers with data, with resolver errors and refusals, and both paths ran', () => {
    expect(REQUESTS.length).toBeGreaterThan(20);
    const { compiled, interpreted } = t.server.executions();
    expect(compiled).toBeGreaterThan(REQUESTS.length);
    expect(interpreted).toBeGreaterThan(REQUESTS.length);
  });
});

describe('requests Apollo refuses before execution', () => {
  it.each([['Nope'], ['']])('an operation name the document lacks (%j) is a 400 naming it, and nothing runs', async (operationName) => {
    const before = t.store.statementCount;
    for (let run = 0; run < 3; run++) {
      const r = await postJson(t.server.url, { query: OPERATIONS, operationName });
      expect(r.status).toBe(400);
      expect(r.json!.errors![0]!.extensions!['code']).toBe('OPERATION_RESOLUTION_FAILURE');
    }
    const single = await postJson(t.server.url, { query: 'mutation M { recordObservations(input: []) { written } }', operationName: 'Nope' });
    expect(single.status).toBe(400);
    expect(single.json!.errors![0]!.message).toContain('Nope');
    expect(t.store.statementCount).toBe(before);
  });
});

describe('what gets compiled', () => {
  it('counts fields per concrete type, and stops past the budget on fan-out and introspection', async () => {
    const schema = await buildGrassrootsSchema();
    const count = (query: string) => fieldsToCompile(schema, parse(query), null);
    // a commune's name on each of the six Locality types, then code on the Commune only
    expect(count(`{ locality(code: "x") { name ... on Commune { code } } }`)).toBe(1 + 6 + 1);
    expect(count(`{ locality(code: "x") { ${'parent { '.repeat(10)}code${' }'.repeat(10)} } }`)).toBe(MAX_COMPILED_FIELDS + 1);
    expect(count('{ __schema { types { name } } }')).toBe(MAX_COMPILED_FIELDS + 1);
    expect(count(`query($x: Boolean!) { locality(code: "x") { name @skip(if: $x) } }`)).toBe(MAX_COMPILED_FIELDS + 1);
    expect(fieldsToCompile(schema, parse(OPERATIONS), 'Series')).toBeLessThan(MAX_COMPILED_FIELDS);
    expect(fieldsToCompile(schema, parse(OPERATIONS), null)).toBe(MAX_COMPILED_FIELDS + 1); // several operations, none named
  });

  it('leaves mutations, variable defaults and variables inside input objects to graphql-js', async () => {
    const schema = await buildGrassrootsSchema();
    const reason = (query: string) => {
      const document = parse(query);
      return reasonToInterpret(schema, document, document.definitions[0] as OperationDefinitionNode);
    };
    expect(reason(`query($code: String!) { locality(code: $code) { name } }`)).toBeNull();
    expect(reason(`mutation { recordObservations(input: []) { written } }`)).toBe('a mutation');
    expect(reason(`query($code: String! = "x") { locality(code: $code) { name } }`)).toBe('a variable default');
    expect(reason(`query($q: Qualifier) { locality(code: "x") { name } } fragment F on Mutation { recordObservations(input: [{ qualifier: $q }]) { written } }`)).toBe('a variable inside an input object');
    expect(reason(`query($x: Boolean!) { locality(code: "x") { name @include(if: $x) } }`)).toContain('@skip/@include');
  });
});
