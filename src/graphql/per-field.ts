import type { GraphQLResolveInfo } from 'graphql';

/**
 * What a field's resolver computes from its arguments alone, once per request and field.
 *
 * graphql-js resolves a field once per item of a list, every time with the same field nodes (it
 * memoises them per selection) and the same variables object (one per execution): a commune's
 * 35 villages' `latest(indicator: ...)` check the indicator and build their loader arguments 35
 * times, and each new arguments object cost the loader its JSON again. Computed once here, the
 * items share one object, and the loaders' identity-keyed memos hit. A rejected check rejects
 * every item alike, as it did item by item.
 */
export function perField<T>(info: GraphQLResolveInfo, compute: () => T): T {
  let byVariables = memo.get(info.fieldNodes);
  if (!byVariables) memo.set(info.fieldNodes, (byVariables = new WeakMap()));
  if (byVariables.has(info.variableValues)) return byVariables.get(info.variableValues) as T;
  const value = compute();
  byVariables.set(info.variableValues, value);
  return value;
}

const memo = new WeakMap<GraphQLResolveInfo['fieldNodes'], WeakMap<GraphQLResolveInfo['variableValues'], unknown>>();
