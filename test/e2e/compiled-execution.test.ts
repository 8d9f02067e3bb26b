import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, type OperationDefinitionNode } from 'graphql';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { postJson } from '../support/http.js';
import { OPERATIONS, REQUESTS } from '../support/operation-requests.js';
import { buildGrassrootsSchema } from '../../src/graphql/build-schema.js';
import { fieldsToCompile, MAX_COMPILED_FIELDS, reasonToInterpret } from '../../src/speed/compiled-execution.js';

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
  it.each([['Nope'], ['']])(
    'an operation name the document lacks (%j) is a 400 naming it, and nothing runs',
    async (operationName) => {
      const before = t.store.statementCount;
      for (let run = 0; run < 3; run++) {
        const r = await postJson(t.server.url, { query: OPERATIONS, operationName });
        expect(r.status).toBe(400);
        expect(r.json!.errors![0]!.extensions!['code']).toBe('OPERATION_RESOLUTION_FAILURE');
      }
      const single = await postJson(t.server.url, {
        query: 'mutation M { recordObservations(input: []) { written } }',
        operationName: 'Nope',
      });
      expect(single.status).toBe(400);
      expect(single.json!.errors![0]!.message).toContain('Nope');
      expect(t.store.statementCount).toBe(before);
    },
  );
});

describe('what gets compiled', () => {
  it('counts fields per concrete type, and stops past the budget on fan-out and introspection', async () => {
    const schema = await buildGrassrootsSchema();
    const count = (query: string) => fieldsToCompile(schema, parse(query), null);
    // a commune's name on each of the six Locality types, then code on the Commune only
    expect(count(`{ locality(code: "x") { name ... on Commune { code } } }`)).toBe(1 + 6 + 1);
    expect(count(`{ locality(code: "x") { ${'parent { '.repeat(10)}code${' }'.repeat(10)} } }`)).toBe(
      MAX_COMPILED_FIELDS + 1,
    );
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
    expect(
      reason(
        `query($q: Qualifier) { locality(code: "x") { name } } fragment F on Mutation { recordObservations(input: [{ qualifier: $q }]) { written } }`,
      ),
    ).toBe('a variable inside an input object');
    expect(reason(`query($x: Boolean!) { locality(code: "x") { name @include(if: $x) } }`)).toContain('@skip/@include');
  });
});
