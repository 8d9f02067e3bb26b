import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Kind, getIntrospectionQuery, parse, type OperationDefinitionNode } from 'graphql';
import { buildGrassrootsSchema } from '../../src/graphql/build-schema.js';
import { MAX_EXPANDED_FIELDS, measureOperation, TooManyFieldsError, UNPAGED_LIST_SIZE } from '../../src/http/limits.js';
import { DEFAULT_LIMITS } from '../../src/config.js';

const schema = await buildGrassrootsSchema();

function measure(source: string, variables: Record<string, unknown> = {}, name?: string) {
  const document = parse(source);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && (!name || d.name?.value === name))!;
  return measureOperation(schema, document, operation, variables, 100);
}

describe('the shape of an operation: depth, aliases, list-size-weighted cost', () => {
  it('every operation in test/operations is well under the default limits (NestedSeries is the heaviest)', () => {
    const source = ['hierarchy', 'statistics'].map((f) => readFileSync(new URL(`../operations/${f}.graphql`, import.meta.url), 'utf8')).join('\n');
    const document = parse(source);
    for (const definition of document.definitions) {
      if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
      const shape = measureOperation(schema, document, definition, {}, 100);
      expect(shape.depth).toBeLessThanOrEqual(DEFAULT_LIMITS.maxDepth - 4);
      expect(shape.aliases).toBeLessThanOrEqual(DEFAULT_LIMITS.maxAliases / 5);
      expect(shape.cost).toBeLessThanOrEqual(DEFAULT_LIMITS.maxCost / 2.5);
    }
    expect(measure(source, {}, 'NestedSeries')).toEqual({ depth: 8, aliases: 4, cost: 671_603 });
  });

  it('first multiplies only the page (nodes, edges), not totalCount or pageInfo', () => {
    expect(measure('{ localities(first: 10) { totalCount pageInfo { hasNextPage } nodes { code name } } }').cost).toBe(1 + 1 + 2 + 1 + 10 * 2);
  });

  it('first comes from a variable, then the variable default, then the default page size', () => {
    const q = 'query($n: Int = 7) { localities(first: $n) { nodes { code } } }';
    expect(measure(q, { n: 3 }).cost).toBe(2 + 3);
    expect(measure(q).cost).toBe(2 + 7);
    expect(measure('{ localities { nodes { code } } }').cost).toBe(2 + 100);
  });

  it(`an unpaginated list counts ${UNPAGED_LIST_SIZE} items; fragments are inlined; __typename is free`, () => {
    const q = 'query { indicators { ...F } } fragment F on Indicator { __typename code name }';
    expect(measure(q)).toEqual({ depth: 2, aliases: 0, cost: 1 + UNPAGED_LIST_SIZE * 2 });
  });

  it('aliases count every occurrence, including inside fragments', () => {
    expect(measure('{ a: indicators { x: code } b: indicators { x: code } }').aliases).toBe(4);
  });

  it('the IDE introspection query fits the defaults: ofType chains add no depth', () => {
    const shape = measure(getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true }));
    expect(shape.depth).toBeLessThanOrEqual(DEFAULT_LIMITS.maxDepth - 4);
    expect(shape.cost).toBeLessThan(DEFAULT_LIMITS.maxCost / 20);
  });

  it('a schema walk that nests lists still grows in cost', () => {
    const walk = (n: number): string => (n === 0 ? 'name' : `fields { type { ${walk(n - 1)} } }`);
    const shallow = measure(`{ __schema { types { ${walk(1)} } } }`).cost;
    const deep = measure(`{ __schema { types { ${walk(4)} } } }`).cost;
    expect(deep).toBeGreaterThan(shallow * 1000);
  });

  it('a fragment spread twice at one level counts once, as graphql-js executes it', () => {
    const q = 'query { indicators { ...F ...F } } fragment F on Indicator { code }';
    expect(measure(q).cost).toBe(1 + UNPAGED_LIST_SIZE * 1);
  });

  it(`fragments that fan out stop the measure past ${MAX_EXPANDED_FIELDS} fields, quickly`, () => {
    // Each level reaches the next through three differently named fields: 3^n fields from a short document.
    const levels = 30;
    const fragments = Array.from({ length: levels }, (_, i) => `fragment F${i} on Locality { parent { ...F${i + 1} } adminUnit { ...F${i + 1} } ancestors { ...F${i + 1} } }`);
    fragments.push(`fragment F${levels} on Locality { code }`);
    const t0 = performance.now();
    expect(() => measure(`{ locality(code: "x") { ...F0 } } ${fragments.join(' ')}`)).toThrow(TooManyFieldsError);
    expect(performance.now() - t0).toBeLessThan(1_000);
  });
});
