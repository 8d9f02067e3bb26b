import {
  Kind,
  getNamedType,
  isCompositeType,
  type FieldNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { ComplexityEstimator } from 'graphql-query-complexity';
import { isListField, type ListSizes } from './list-sizes.js';

/**
 * The per-field estimator for graphql-query-complexity: every field resolved costs 1 each time
 * it resolves, so a list multiplies its items' cost by its size (ListSizes), and nested lists
 * multiply all the way down. `__typename` is free, a list of scalars costs 1.
 *
 * graphql-query-complexity gives an estimator its own arguments and the cost of its children,
 * not its parent's arguments; a list sized from above (`nodes` below `localities(first:)`)
 * therefore records the cost of one item under its field node, and the sizing field, estimated
 * after its children, adds the other (size - 1) items. One estimator serves one measurement.
 */
export function fieldCostEstimator(
  sizes: ListSizes,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
): ComplexityEstimator {
  const itemCost = new Map<FieldNode, number>();
  return ({ type, field, node, args, childComplexity }) => {
    if (field.name === '__typename') return 0;
    const below = sizes.sizedBelow(type, field, args);
    if (below) {
      let others = 0;
      for (const [path, size] of below) {
        for (const list of fieldsAt(node.selectionSet, path.split('.'), fragments))
          others += (size - 1) * (itemCost.get(list) ?? 0);
      }
      return 1 + childComplexity + others;
    }
    if (!isListField(field) || !isCompositeType(getNamedType(field.type))) return 1 + childComplexity;
    if (sizes.isSizedFromAbove(type, field)) {
      itemCost.set(node, childComplexity);
      return 1 + childComplexity;
    }
    return 1 + sizes.itemsOf(type, field, args) * childComplexity;
  };
}

/** The field nodes a path of field names reaches from a selection set, through inline fragments and fragment spreads. */
function fieldsAt(
  set: SelectionSetNode | undefined,
  path: readonly string[],
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
): FieldNode[] {
  const [name, ...rest] = path;
  if (!set || name === undefined) return [];
  const found: FieldNode[] = [];
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value !== name) continue;
      if (rest.length === 0) found.push(selection);
      else found.push(...fieldsAt(selection.selectionSet, rest, fragments));
    } else {
      const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments.get(selection.name.value);
      found.push(...fieldsAt(fragment?.selectionSet, path, fragments));
    }
  }
  return found;
}
