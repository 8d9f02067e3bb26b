import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  Kind,
  getIntrospectionQuery,
  getNamedType,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  parse,
  typeFromAST,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLInterfaceType,
  type GraphQLObjectType,
  type OperationDefinitionNode,
} from 'graphql';
import { buildGrassrootsSchema } from '../../src/graphql/build-schema.js';
import {
  MAX_EXPANDED_FIELDS,
  TooManyFieldsError,
  measureCost,
  measureShape,
} from '../../src/graphql/cost/measure-operation.js';
import { UNSIZED_LIST_SIZE, argumentListSizes } from '../../src/graphql/cost/list-sizes.js';
import { DEFAULT_LIMITS } from '../../src/config.js';

const schema = await buildGrassrootsSchema();
const sizes = argumentListSizes(schema, 100);

function operationOf(source: string, name?: string) {
  const document = parse(source);
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && (!name || d.name?.value === name),
  )!;
  return { document, operation };
}

function cost(source: string, variables: Record<string, unknown> = {}, name?: string): number | null {
  const { document, operation } = operationOf(source, name);
  return measureCost(schema, document, operation, variables, sizes);
}

function measure(source: string, variables: Record<string, unknown> = {}, name?: string) {
  const { document, operation } = operationOf(source, name);
  return {
    ...measureShape(schema, document, operation),
    cost: measureCost(schema, document, operation, variables, sizes),
  };
}

/** A value for every required variable without default, so an operation can be measured as a client would send it. */
function placeholders(operation: OperationDefinitionNode): Record<string, unknown> {
  const valueOf = (type: GraphQLInputType): unknown => {
    if (isNonNullType(type)) return valueOf(type.ofType);
    if (isListType(type)) return [valueOf(type.ofType)];
    const named = getNamedType(type);
    if ('getValues' in named) return named.getValues()[0]!.value;
    return named.name === 'Int' || named.name === 'Float' ? 1 : 'x';
  };
  const variables: Record<string, unknown> = {};
  for (const v of operation.variableDefinitions ?? []) {
    const type = typeFromAST(schema, v.type as never) as GraphQLInputType;
    if (isNonNullType(type) && !v.defaultValue) variables[v.variable.name.value] = valueOf(type);
  }
  return variables;
}

const FANOUT_RANKING = (first: number) =>
  `{ ranking(indicator: "members", kind: COMMUNE, period: "2024", first: ${first}) { entries { locality { children(first: 1000) { nodes { code name kind } } } } } }`;

/**
 * Every field resolved costs 1 each time it resolves; a list multiplies its items by its size:
 * `first` (or the default page of 100), the length of a list argument, or UNSIZED_LIST_SIZE (10)
 * for a list that takes no size. A page's totalCount and pageInfo are one per page.
 */
describe('the cost of a document counts every field as often as it resolves', () => {
  it.each([
    [
      'first multiplies only the page (nodes, edges), not totalCount or pageInfo',
      '{ localities(first: 10) { totalCount pageInfo { hasNextPage } nodes { code name } } }',
      {},
      1 + 1 + 2 + 1 + 10 * 2,
    ],
    ['first comes from a variable', 'query($n: Int = 7) { localities(first: $n) { nodes { code } } }', { n: 3 }, 2 + 3],
    ['then from the variable default', 'query($n: Int = 7) { localities(first: $n) { nodes { code } } }', {}, 2 + 7],
    ['then the default page size', '{ localities { nodes { code } } }', {}, 2 + 100],
    ['edges are the page too', '{ localities(first: 10) { edges { cursor node { code } } } }', {}, 2 + 10 * 3],
    [
      `a list without size argument counts ${UNSIZED_LIST_SIZE} items; __typename is free`,
      '{ indicators { __typename code name } }',
      {},
      1 + UNSIZED_LIST_SIZE * 2,
    ],
    [
      'lists without size nest: 10 ancestors of 10 organisations',
      '{ locality(code: "x") { ancestors { partyOrganisations { code } } } }',
      {},
      1 + 1 + 10 * (1 + 10 * 1),
    ],
    [
      'a list of scalars costs 1',
      '{ table(kind: VILLAGE, indicators: ["a"]) { columns { values periods } } }',
      {},
      1 + 1 + 2,
    ],
    ['nodes(ids:) counts its ids', '{ nodes(ids: ["a", "b", "c"]) { id } }', {}, 1 + 3 * 1],
    // ranking(first:) sizes entries: 1,000 entries × (locality + children of 1,000 × 3 fields).
    [
      "ranking entries multiply by first, down to each entry's children",
      FANOUT_RANKING(1000),
      {},
      1 + (1 + 3003) + 999 * 3003,
    ],
    ['the same ranking with first: 1', FANOUT_RANKING(1), {}, 1 + (1 + 3003)],
    [
      'the same fan-out through localities',
      '{ localities(first: 1000) { nodes { children(first: 1000) { nodes { code name kind } } } } }',
      {},
      1 + 3003 + 999 * 3002,
    ],
    [
      'table rows: units × indicators × periods; pivot rows: units × indicators',
      '{ table(localities: ["a", "b"], indicators: ["x", "y"], periods: ["2024", "2025", "2026"]) { rowCount rows { period value } pivot { periods rows { indicator values } } } }',
      {},
      1 + (1 + 3 + 5) + (12 - 1) * 2 + (4 - 1) * 2,
    ],
    [
      'table of a kind: a default page of units, an open window as unsized',
      '{ table(kind: VILLAGE, indicators: ["x"]) { rows { value } } }',
      {},
      1 + 2 + (100 * 1 * UNSIZED_LIST_SIZE - 1) * 1,
    ],
    [
      'aliases multiply: two pages cost twice one',
      '{ a: localities(first: 10) { nodes { code } } b: localities(first: 10) { nodes { code } } }',
      {},
      2 * (2 + 10),
    ],
    [
      'named fragments are counted where they are spread',
      'query { localities(first: 10) { ...Page } } fragment Page on LocalityConnection { nodes { ...Unit } } fragment Unit on Locality { code name }',
      {},
      1 + 3 + 9 * 2,
    ],
    [
      'inline fragments are counted',
      '{ localities(first: 10) { ... on LocalityConnection { nodes { ... on Locality { code name } } } } }',
      {},
      1 + 3 + 9 * 2,
    ],
    [
      'on an interface, the costliest type counts',
      '{ locality(code: "x") { code ... on Province { districts(first: 5) { nodes { code } } } ... on Commune { villages(first: 50) { nodes { code } } } } }',
      {},
      1 + 1 + (2 + 50),
    ],
    // Execution merges the two spreads; counting both over-counts, never under-counts.
    [
      'a fragment spread twice at one level counts twice',
      'query { indicators { ...F ...F } } fragment F on Indicator { code }',
      {},
      1 + UNSIZED_LIST_SIZE * 2,
    ],
    [
      '@skip leaves out what it skips',
      'query($s: Boolean!) { indicators { code } localities(first: 1000) @skip(if: $s) { nodes { code } } }',
      { s: true },
      1 + UNSIZED_LIST_SIZE,
    ],
    [
      '@include(if: false) too',
      'query($s: Boolean!) { indicators { code } localities(first: 1000) @include(if: $s) { nodes { code } } }',
      { s: false },
      1 + UNSIZED_LIST_SIZE,
    ],
    [
      'a size of 0 or below counts as 1 (the resolver refuses it)',
      '{ localities(first: -1000000) { nodes { code } } }',
      {},
      2 + 1,
    ],
  ])('%s', (_title, source, variables, expected) => {
    expect(cost(source, variables)).toBe(expected);
  });

  it('variables that do not fit their definitions are left to execution to refuse', () => {
    expect(cost('query($n: Int) { localities(first: $n) { nodes { code } } }', { n: 'many' })).toBeNull();
    expect(cost('query($n: Int!) { localities(first: $n) { nodes { code } } }')).toBeNull();
  });

  it('the ranking fan-out is over the default maxCost with first: 1000 and far under it with first: 1', () => {
    expect(cost(FANOUT_RANKING(1000))).toBeGreaterThan(DEFAULT_LIMITS.maxCost);
    expect(cost(FANOUT_RANKING(1))).toBeLessThan(DEFAULT_LIMITS.maxCost / 100);
  });

  it(`fragments that fan out stop the measure past ${MAX_EXPANDED_FIELDS} fields, quickly`, () => {
    // Each level reaches the next through three differently named fields: 3^n fields from a short document.
    const levels = 30;
    const fragments = Array.from(
      { length: levels },
      (_, i) =>
        `fragment F${i} on Locality { parent { ...F${i + 1} } adminUnit { ...F${i + 1} } ancestors { ...F${i + 1} } }`,
    );
    fragments.push(`fragment F${levels} on Locality { code }`);
    const t0 = performance.now();
    expect(() => cost(`{ locality(code: "x") { ...F0 } } ${fragments.join(' ')}`)).toThrow(TooManyFieldsError);
    expect(performance.now() - t0).toBeLessThan(1_000);
  });
});

describe('depth and aliases (graphql-armor)', () => {
  it('every operation in test/operations is well under the default limits (NestedSeries is the heaviest)', () => {
    const source = ['hierarchy', 'statistics', 'analytics', 'lineage', 'revisions']
      .map((f) => readFileSync(new URL(`../operations/${f}.graphql`, import.meta.url), 'utf8'))
      .join('\n');
    const document = parse(source);
    for (const operation of document.definitions) {
      if (operation.kind !== Kind.OPERATION_DEFINITION) continue;
      const shape = {
        ...measureShape(schema, document, operation),
        cost: measureCost(schema, document, operation, placeholders(operation), sizes),
      };
      expect(shape.depth).toBeLessThanOrEqual(DEFAULT_LIMITS.maxDepth - 4);
      expect(shape.aliases).toBeLessThanOrEqual(DEFAULT_LIMITS.maxAliases / 5);
      expect(shape.cost).toBeLessThanOrEqual(DEFAULT_LIMITS.maxCost / 2.5);
    }
    expect(measure(source, { code: 'x' }, 'NestedSeries')).toEqual({ depth: 8, aliases: 4, cost: 671_603 });
  });

  it('depth counts fields nested, fragments flattened', () => {
    expect(measure('{ locality(code: "x") { parent { parent { code } } } }').depth).toBe(4);
    expect(
      measure(
        '{ locality(code: "x") { ...P } } fragment P on Locality { parent { ... on Locality { parent { code } } } }',
      ).depth,
    ).toBe(4);
  });

  it('aliases count every occurrence, including inside fragments', () => {
    expect(measure('{ a: indicators { x: code } b: indicators { x: code } }').aliases).toBe(4);
    expect(
      measure('{ a: indicators { ...F } b: indicators { ...F } } fragment F on Indicator { x: code }').aliases,
    ).toBe(4);
  });

  it('the IDE introspection query fits the defaults: introspection adds no depth, and costs about what it returns', () => {
    const shape = measure(
      getIntrospectionQuery({
        descriptions: true,
        specifiedByUrl: true,
        directiveIsRepeatable: true,
        schemaDescription: true,
        inputValueDeprecation: true,
      }),
    );
    expect(shape.depth).toBeLessThanOrEqual(DEFAULT_LIMITS.maxDepth - 4);
    expect(shape.cost).toBeLessThan(DEFAULT_LIMITS.maxCost / 20);
  });

  it('a schema walk that nests lists still grows in cost', () => {
    // Each `fields` level multiplies by the schema's fields per type (6 here): four levels more, over 1,000 times more.
    const walk = (n: number): string => (n === 0 ? 'name' : `fields { type { ${walk(n - 1)} } }`);
    const shallow = cost(`{ __schema { types { ${walk(1)} } } }`)!;
    const deep = cost(`{ __schema { types { ${walk(5)} } } }`)!;
    expect(deep).toBeGreaterThan(shallow * 1000);
  });
});

describe('every list of the schema is counted', () => {
  const fields: { parent: GraphQLObjectType | GraphQLInterfaceType; field: GraphQLField<unknown, unknown> }[] =
    Object.values(schema.getTypeMap())
      .filter(
        (t): t is GraphQLObjectType | GraphQLInterfaceType =>
          !t.name.startsWith('__') && (isObjectType(t) || isInterfaceType(t)),
      )
      .flatMap((parent) => Object.values(parent.getFields()).map((field) => ({ parent, field })));

  it('a field that takes a page size sizes a list (a new paginated field is recognised)', () => {
    const paged = fields.filter(({ field }) => field.args.some((a) => ['first', 'last', 'limit'].includes(a.name)));
    expect(paged.length).toBeGreaterThan(5);
    for (const { parent, field } of paged) expect(sizes.sizedBelow(parent, field, {}), `${field.name}`).not.toBeNull();
  });

  it('a list sized from above is reached only through fields that size it', () => {
    const sizedFromAbove = fields.filter(({ parent, field }) => sizes.isSizedFromAbove(parent, field));
    expect(sizedFromAbove.length).toBeGreaterThan(5);
    // The types holding such lists (a connection, Ranking, Table's pivot): every field returning one must be a sizing field or lead to one.
    const holders = new Set(sizedFromAbove.map(({ parent }) => parent.name));
    for (const { parent, field } of fields) {
      const returns = getNamedType(field.type).name;
      if (!holders.has(returns) || returns === 'PivotTable') continue;
      expect(sizes.sizedBelow(parent, field, {}), `${parent.name}.${field.name}`).not.toBeNull();
    }
    const pivot = fields
      .filter(({ field }) => getNamedType(field.type).name === 'PivotTable')
      .map(({ parent, field }) => `${parent.name}.${field.name}`);
    expect(pivot).toEqual(['Table.pivot']);
  });

  it('every other list of objects multiplies by a size of at least 1', () => {
    for (const { parent, field } of fields) {
      const type = getNullableType(field.type);
      if (!isListType(type) || !isCompositeType(getNamedType(type)) || sizes.isSizedFromAbove(parent, field)) continue;
      expect(sizes.itemsOf(parent, field, {})).toBeGreaterThanOrEqual(1);
    }
  });
});
