import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import {
  Arg,
  buildSchema,
  Field,
  FieldResolver,
  InputType,
  Int,
  ObjectType,
  Query,
  registerEnumType,
  Resolver,
  Root,
} from 'type-graphql';
import { graphql, isObjectType, type GraphQLResolveInfo } from 'graphql';
import { bindParamsDirectly, type ResolverClass } from '../../src/speed/direct-params.js';

enum Shade {
  LIGHT = 'LIGHT',
  DARK = 'DARK',
}
registerEnumType(Shade, { name: 'Shade' });

@ObjectType({ simpleResolvers: true })
class Item {
  @Field(() => Int)
  n!: number;
}

@InputType()
class Range {
  @Field(() => Int)
  from!: number;

  @Field(() => Int)
  to!: number;

  holds(n: number): boolean {
    return n >= this.from && n <= this.to;
  }
}

@Resolver(() => Item)
class ItemResolver {
  @FieldResolver(() => String)
  label(
    @Root() item: Item,
    @Arg('prefix', () => String) prefix: string,
    @Arg('shade', () => Shade, { nullable: true }) shade?: Shade | null,
  ): string {
    return `${prefix}${item.n}${shade ? `-${shade}` : ''}`;
  }

  // An input type reaches the method as an instance of its class: only type-graphql does that.
  @FieldResolver(() => Boolean)
  within(@Root() item: Item, @Arg('range', () => Range) range: Range): boolean {
    return range.holds(item.n);
  }
}

@Resolver()
class ItemsResolver {
  @Query(() => [Item])
  items(@Arg('count', () => Int) count: number): Item[] {
    if (count < 0) throw new Error('count must not be negative');
    return Array.from({ length: count }, (_, n) => ({ n }));
  }
}

// Loaded but not among the schema's resolvers: type-graphql leaves it out, and so must the binding
// (bound to Item.label, its missing arguments would make bindParamsDirectly throw).
@Resolver(() => Item)
export class UnlistedResolver {
  @FieldResolver(() => String)
  label(): string {
    return 'from a resolver the schema was not built from';
  }
}

async function schemaWith(validate: boolean) {
  const options = { resolvers: [ItemResolver, ItemsResolver] as [ResolverClass, ...ResolverClass[]], validate };
  const schema = await buildSchema(options);
  return { schema, bound: bindParamsDirectly(schema, options) };
}

describe('resolver parameters bound directly (no promise per argument)', () => {
  it('binds resolvers of scalar and enum arguments, and leaves input types to type-graphql', async () => {
    const { schema, bound } = await schemaWith(false);
    expect(bound.sort()).toEqual(['Item.label', 'Query.items']);
    const item = schema.getType('Item');
    if (!isObjectType(item)) throw new Error('Item is missing');
    // synchronous: a value, not a promise
    expect(item.getFields()['label']!.resolve!({ n: 3 }, { prefix: 'v' }, {}, {} as GraphQLResolveInfo)).toBe('v3');
    const result = await graphql({
      schema,
      source: '{ items(count: 3) { n label(prefix: "#", shade: DARK) within(range: { from: 1, to: 1 }) } }',
    });
    expect(result).toEqual({
      data: {
        items: [
          { n: 0, label: '#0-DARK', within: false },
          { n: 1, label: '#1-DARK', within: true },
          { n: 2, label: '#2-DARK', within: false },
        ],
      },
    });
  });

  it('a resolver that throws fails its field with its message, as before', async () => {
    const { schema } = await schemaWith(false);
    const result = await graphql({ schema, source: '{ items(count: -1) { n } }' });
    expect(result.data).toBeNull();
    expect(result.errors?.map((e) => [e.message, e.path])).toEqual([['count must not be negative', ['items']]]);
  });

  it('binds nothing in a schema built with validation, global middlewares or an auth checker (type-graphql runs those)', async () => {
    expect((await schemaWith(true)).bound).toEqual([]);
    const options = {
      resolvers: [ItemResolver, ItemsResolver] as [ResolverClass, ...ResolverClass[]],
      validate: false,
    };
    const schema = await buildSchema(options);
    expect(
      bindParamsDirectly(schema, {
        ...options,
        globalMiddlewares: [async (_data: unknown, next: () => Promise<unknown>) => next()],
      }),
    ).toEqual([]);
    expect(bindParamsDirectly(schema, { ...options, authChecker: () => true })).toEqual([]);
    expect(bindParamsDirectly(schema, options)).toHaveLength(2);
  });
});
