import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';

/**
 * The names of the fields a request selects at `path` below the field being resolved, through
 * fragments and inline fragments, aliases ignored. @skip/@include are not evaluated: a field
 * they drop still counts, so a statement may compute a column nobody reads, never miss one.
 */
export function selectedFields(info: GraphQLResolveInfo, path: readonly string[]): Set<string> {
  let sets: SelectionSetNode[] = info.fieldNodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
  for (const name of path) {
    sets = fieldsIn(sets, info).flatMap((field) => (field.name.value === name && field.selectionSet ? [field.selectionSet] : []));
  }
  return new Set(fieldsIn(sets, info).map((field) => field.name.value));
}

function fieldsIn(sets: readonly SelectionSetNode[], info: GraphQLResolveInfo) {
  return sets.flatMap((set) => set.selections.flatMap((selection): import('graphql').FieldNode[] => {
    if (selection.kind === 'Field') return [selection];
    if (selection.kind === 'InlineFragment') return fieldsIn([selection.selectionSet], info);
    const fragment = info.fragments[selection.name.value];
    return fragment ? fieldsIn([fragment.selectionSet], info) : [];
  }));
}
