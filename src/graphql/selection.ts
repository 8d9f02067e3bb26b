import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import { POINT_FIELDS, type PointField } from '../domain/analytics-rows.js';

/**
 * The names of the fields a request selects at `path` below the field being resolved, through
 * fragments and inline fragments, aliases ignored. @skip/@include are not evaluated: a field
 * they drop still counts, so a statement may compute a column nobody reads, never miss one.
 */
export function selectedFields(info: GraphQLResolveInfo, path: readonly string[]): Set<string> {
  let sets: SelectionSetNode[] = info.fieldNodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
  for (const name of path) {
    sets = fieldsIn(sets, info).flatMap((field) =>
      field.name.value === name && field.selectionSet ? [field.selectionSet] : [],
    );
  }
  return new Set(fieldsIn(sets, info).map((field) => field.name.value));
}

function fieldsIn(sets: readonly SelectionSetNode[], info: GraphQLResolveInfo) {
  return sets.flatMap((set) =>
    set.selections.flatMap((selection): import('graphql').FieldNode[] => {
      if (selection.kind === 'Field') return [selection];
      if (selection.kind === 'InlineFragment') return fieldsIn([selection.selectionSet], info);
      const fragment = info.fragments[selection.name.value];
      return fragment ? fieldsIn([fragment.selectionSet], info) : [];
    }),
  );
}

/**
 * The point columns a SeriesPoint selection reads (at `path` below the field being resolved):
 * scalar fields by name, field resolvers by the columns they use. Null (every column) when a
 * field is not known here, so a field added to SeriesPoint later is never left without its data.
 * `indicator` is always read: loaders file points by it.
 */
export function pointFieldsSelected(info: GraphQLResolveInfo, path: readonly string[]): PointField[] | null {
  // graphql-js hands every item of a list the same field nodes: 35 villages' latest values walk
  // one selection once, not 35 times.
  const key = path.join('.');
  const known = pointFieldsSeen.get(info.fieldNodes)?.get(key);
  if (known !== undefined) return known;
  const fields = pointFieldsOf(info, path);
  const byPath = pointFieldsSeen.get(info.fieldNodes) ?? new Map<string, PointField[] | null>();
  byPath.set(key, fields);
  pointFieldsSeen.set(info.fieldNodes, byPath);
  return fields;
}

const pointFieldsSeen = new WeakMap<GraphQLResolveInfo['fieldNodes'], Map<string, PointField[] | null>>();

function pointFieldsOf(info: GraphQLResolveInfo, path: readonly string[]): PointField[] | null {
  const fields = new Set<PointField>(['indicator']);
  for (const name of selectedFields(info, path)) {
    const columns = POINT_COLUMNS_OF[name];
    if (columns === undefined) return null;
    for (const column of columns) fields.add(column);
  }
  // Sorted as the loaders sort a batch's union, so one field set is always one statement text.
  return [...fields].sort();
}

const POINT_COLUMNS_OF: Record<string, readonly PointField[]> = {
  ...Object.fromEntries(POINT_FIELDS.map((f) => [f, [f]])),
  __typename: [],
  locality: [],
  sources: ['sourceIds'],
  source: ['sourceIds'],
  observation: ['observationId'],
  coverage: ['reporting', 'expected'],
  reconstructed: ['basis'],
};
