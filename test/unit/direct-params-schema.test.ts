import 'reflect-metadata';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSchema } from 'type-graphql';
import { isObjectType, type GraphQLFieldResolver, type GraphQLResolveInfo } from 'graphql';
import { SCHEMA_OPTIONS } from '../../src/graphql/build-schema.js';
import { bindParamsDirectly } from '../../src/speed/direct-params.js';

/** What a resolver called: every method of every resolver class records its name and arguments instead of running. */
class Called extends Error {
  constructor(
    readonly method: string,
    readonly args: unknown[],
  ) {
    super(method);
  }
}
// The classes are shared with the other test files of this worker (isolate: false): put back after.
const originals: (() => void)[] = [];
for (const resolver of SCHEMA_OPTIONS.resolvers) {
  const prototype = resolver.prototype as unknown as Record<string, unknown>;
  for (const name of Object.getOwnPropertyNames(prototype)) {
    const original = prototype[name];
    if (name === 'constructor' || typeof original !== 'function') continue;
    prototype[name] = function record(...args: unknown[]) {
      throw new Called(`${resolver.name}.${name}`, args);
    };
    originals.push(() => (prototype[name] = original));
  }
}
afterAll(() => originals.forEach((restore) => restore()));

async function callOf(resolve: GraphQLFieldResolver<unknown, unknown>, args: Record<string, unknown>): Promise<Called> {
  try {
    await resolve({ id: 'root' }, args, { context: true }, { info: true } as unknown as GraphQLResolveInfo);
  } catch (called) {
    if (called instanceof Called) return called;
    throw called;
  }
  throw new Error('the resolver called no method');
}

describe('direct parameter binding on the real schema', () => {
  it('every bound field calls the method type-graphql would call, with the same arguments', async () => {
    const schema = await buildSchema(SCHEMA_OPTIONS);
    const before = new Map<string, GraphQLFieldResolver<unknown, unknown>>();
    const argsOf = new Map<string, Record<string, unknown>>();
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        if (!field.resolve) continue;
        before.set(`${type.name}.${field.name}`, field.resolve);
        // every argument given a value of its own, so a swapped pair would show
        argsOf.set(
          `${type.name}.${field.name}`,
          Object.fromEntries(field.args.map((arg, i) => [arg.name, `value ${i} of ${arg.name}`])),
        );
      }
    }
    const bound = bindParamsDirectly(schema, SCHEMA_OPTIONS);
    expect(bound.length).toBeGreaterThan(100);
    for (const key of [
      'Commune.latest',
      'PartyCommittee.series',
      'Village.latest',
      'Query.locality',
      'SeriesPoint.source',
    ])
      expect(bound).toContain(key);
    for (const key of bound) {
      const [typeName, fieldName] = key.split('.') as [string, string];
      const type = schema.getType(typeName);
      if (!isObjectType(type)) throw new Error(`${typeName} is not an object type`);
      const args = argsOf.get(key)!;
      expect(await callOf(type.getFields()[fieldName]!.resolve!, args), key).toEqual(
        await callOf(before.get(key)!, args),
      );
    }
  });
});
