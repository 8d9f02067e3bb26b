import { describe, expect, it } from 'vitest';
import {
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  graphql,
} from 'graphql';
import { perField } from '../../src/graphql/per-field.js';

/** A list of items whose `label(prefix:)` builds its arguments through perField, counting the builds. */
function schemaCounting(): { schema: GraphQLSchema; builds: () => number } {
  let builds = 0;
  const Item = new GraphQLObjectType({
    name: 'Item',
    fields: {
      label: {
        type: GraphQLString,
        args: { prefix: { type: new GraphQLNonNull(GraphQLString) } },
        resolve: async (item: { n: number }, args: { prefix: string }, _ctx: unknown, info) => {
          const built = await perField(info, async () => {
            builds++;
            if (args.prefix === 'bad') throw new Error('prefix "bad" is not allowed');
            return { prefix: args.prefix.toUpperCase() };
          });
          return `${built.prefix}-${item.n}`;
        },
      },
    },
  });
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({
      name: 'Query',
      fields: {
        items: {
          type: new GraphQLList(Item),
          args: { count: { type: GraphQLInt } },
          resolve: (_root, args: { count: number }) => Array.from({ length: args.count }, (_, n) => ({ n })),
        },
      },
    }),
  });
  return { schema, builds: () => builds };
}

describe('perField', () => {
  it("builds a field's arguments once for every item of a list, and again for each alias and each request", async () => {
    const { schema, builds } = schemaCounting();
    const first = await graphql({
      schema,
      source: 'query($p: String!) { items(count: 35) { label(prefix: $p) other: label(prefix: "b") } }',
      variableValues: { p: 'a' },
    });
    expect(first.errors).toBeUndefined();
    const items = (first.data as { items: { label: string; other: string }[] }).items;
    expect(items.map((i) => i.label)).toEqual(Array.from({ length: 35 }, (_, n) => `A-${n}`));
    expect(items[34]!.other).toBe('B-34');
    expect(builds()).toBe(2);

    const second = await graphql({
      schema,
      source: 'query($p: String!) { items(count: 2) { label(prefix: $p) } }',
      variableValues: { p: 'c' },
    });
    expect((second.data as { items: { label: string }[] }).items.map((i) => i.label)).toEqual(['C-0', 'C-1']);
    expect(builds()).toBe(3);
  });

  it('a failed build fails every item with the same error, as each item failing on its own did', async () => {
    const { schema, builds } = schemaCounting();
    const result = await graphql({ schema, source: '{ items(count: 3) { label(prefix: "bad") } }' });
    expect(result.errors?.map((e) => [e.message, e.path?.join('.')])).toEqual([
      ['prefix "bad" is not allowed', 'items.0.label'],
      ['prefix "bad" is not allowed', 'items.1.label'],
      ['prefix "bad" is not allowed', 'items.2.label'],
    ]);
    expect(builds()).toBe(1);
  });
});
