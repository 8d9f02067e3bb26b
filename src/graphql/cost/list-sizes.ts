import {
  getNamedType,
  getNullableType,
  isInterfaceType,
  isListType,
  isObjectType,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
} from 'graphql';
import { introspectionSizes } from './introspection-sizes.js';
import type { CostCatalogue } from './cost-catalogue.js';
import { kindOfType } from '../ids.js';

export type Args = Readonly<Record<string, unknown>>;
type AnyField = GraphQLField<unknown, unknown>;

/**
 * How many items each list of the schema holds, estimated before execution. The cost of a list
 * is its item cost times this number (see field-cost-estimator.ts). Every list is one of:
 * - sized from above: a field's arguments size a list below it (`localities(first:)` its
 *   `nodes` and `edges`, `ranking(first:)` its `entries`, `table(...)` its `rows`);
 * - sized by its own arguments (`nodes(ids:)`);
 * - unsized: it takes no size argument and its length is a fact of the data (a unit's
 *   ancestors, a series' points), counted as UNSIZED_LIST_SIZE until a catalogue-aware
 *   ListSizes knows better.
 */
export interface ListSizes {
  /** Item counts of the lists below `field` that its arguments size, by path (`nodes`, `pivot.rows`); null when it sizes none. */
  sizedBelow(parent: GraphQLCompositeType, field: AnyField, args: Args): ReadonlyMap<string, number> | null;
  /** True for a list whose size its parent field gives (`LocalityConnection.nodes`): it counts one item, the parent the rest. */
  isSizedFromAbove(parent: GraphQLCompositeType, field: AnyField): boolean;
  /** Items of any other list field. */
  itemsOf(parent: GraphQLCompositeType, field: AnyField, args: Args): number;
}

/**
 * Items assumed for a list that takes no size argument. Such lists hold a handful of rows per
 * parent in this data (ancestors, documents, revisions, sources, a series' yearly points), far
 * fewer than a default page (defaultListSize, 100, the server's page when `first` is omitted):
 * counted as a page, NestedSeries (series points three lists down) would cost 6.1 million
 * instead of 671,603 and be refused by the default maxCost.
 */
export const UNSIZED_LIST_SIZE = 10;

/** What the arguments leave open: a page without `first`, a list that takes no size; and the catalogue, when loaded, which knows better. */
export interface OpenSizes {
  readonly page: number;
  readonly unsized: number;
  readonly catalogue: () => CostCatalogue | null;
}

/** A field whose arguments size lists below it: each path from the field to a list, and the list's item count. */
type Sizing = Readonly<Record<string, (args: Args, open: OpenSizes) => number>>;

/** The lists a Relay connection pages: `first` items, or the default page. */
const PAGE: Sizing = { nodes: pageSize, edges: pageSize };

/**
 * Fields other than connections whose arguments size a list below them, by parent type and
 * field name. A new sized field gets a row here; the test "every list is counted" fails until
 * it does (a list sized from above that no field sizes would count one item).
 */
const SIZED_FIELDS: Readonly<Record<string, Sizing>> = {
  // Without `first` the resolver returns 20 entries; the default size over-counts that, safely.
  'Query.ranking': { entries: pageSize },
  // One row per unit, indicator and period; a pivot row per unit and indicator. With the
  // catalogue, the units of the kind and the periods in the window (cost-catalogue.ts); without it
  // (a server still loading it, the unit tests), all units of a kind count as a default page and
  // an open window as unsized.
  'Query.table': {
    rows: (args, open) =>
      open.catalogue()?.table(args).rows ?? units(args, open) * indicators(args) * periods(args, open),
    'pivot.rows': (args, open) => open.catalogue()?.table(args).pivotRows ?? units(args, open) * indicators(args),
  },
};

/** Typed lists of a unit's descendants (typed-lists.resolver.ts), by field name: the kind they list. */
const CHILD_KIND_OF_LIST: Readonly<Record<string, string>> = {
  districts: 'DISTRICT',
  communes: 'COMMUNE',
  villages: 'VILLAGE',
  cells: 'PARTY_CELL',
};

/**
 * A typed list (`Province.communes`) holds the page or, with the catalogue, the units of its kind
 * under one parent if fewer: a commune's villages are a dozen, not a page of 100, so a profile
 * page of a province's communes and their villages' series is counted at its real size.
 */
function typedListSizing(parentKind: string, childKind: string): Sizing {
  const size = (args: Args, open: OpenSizes) =>
    Math.min(pageSize(args, open), open.catalogue()?.childrenPer(parentKind, childKind) ?? Infinity);
  return { nodes: size, edges: size };
}

/** A series' points: with the catalogue, the indicator's periods in the window asked. */
const SERIES_SIZING: Sizing = {
  points: (args, open) => open.catalogue()?.seriesPoints(args) ?? open.unsized,
};

/** The sizing of a field that is neither in SIZED_FIELDS nor a plain connection, if any. */
function derivedSizing(type: GraphQLCompositeType, field: AnyField): Sizing | null {
  const parentKind = kindOfType(type.name);
  const childKind = CHILD_KIND_OF_LIST[field.name];
  if (parentKind && childKind && isConnection(field)) return typedListSizing(parentKind, childKind);
  const returned = getNamedType(field.type);
  if (field.name === 'series' && isObjectType(returned) && 'points' in returned.getFields()) return SERIES_SIZING;
  return null;
}

/** List fields whose own arguments give their size, by parent type and field name. */
const SELF_SIZED: Readonly<Record<string, (args: Args) => number>> = {
  'Query.nodes': (args) => lengthOf(args['ids']) ?? 1,
};

/**
 * Sizes from the arguments: `first`, id lists, indicator and period lists, and for a table the
 * catalogue's units and periods once `catalogue` gives one; a page without `first` counts as
 * `defaultListSize`, a list without size argument as `unsizedListSize`.
 * Introspection lists are read from the schema itself (see introspectionSizes). Which rule
 * applies to a field is decided once per schema; a measure only reads the tables.
 */
export function argumentListSizes(
  schema: GraphQLSchema,
  defaultListSize: number,
  unsizedListSize = UNSIZED_LIST_SIZE,
  catalogue: () => CostCatalogue | null = () => null,
): ListSizes {
  const open: OpenSizes = { page: defaultListSize, unsized: unsizedListSize, catalogue };
  const sizing = new Map<AnyField, Sizing>();
  const sizedFromAbove = new Set<AnyField>();
  const ownSize = new Map<AnyField, (args: Args) => number>();
  const introspection = introspectionSizes(schema);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) && !isInterfaceType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const key = `${type.name}.${field.name}`;
      const lists = SIZED_FIELDS[key] ?? derivedSizing(type, field) ?? (isConnection(field) ? PAGE : null);
      if (lists) sizing.set(field, lists);
      for (const path of Object.keys(lists ?? {})) {
        const list = fieldAtPath(field, path.split('.'));
        if (list) sizedFromAbove.add(list);
      }
      const own = SELF_SIZED[key];
      const fixed = introspection.get(key);
      if (own) ownSize.set(field, own);
      else if (fixed !== undefined) ownSize.set(field, () => fixed);
    }
  }
  return {
    sizedBelow(_parent, field, args) {
      const lists = sizing.get(field);
      if (!lists) return null;
      return new Map(Object.entries(lists).map(([path, size]) => [path, atLeastOne(size(args, open))]));
    },
    isSizedFromAbove: (_parent, field) => sizedFromAbove.has(field),
    itemsOf(_parent, field, args) {
      const own = ownSize.get(field);
      return own ? atLeastOne(own(args)) : unsizedListSize;
    },
  };
}

function pageSize(args: Args, open: OpenSizes): number {
  return typeof args['first'] === 'number' ? args['first'] : open.page;
}

function units(args: Args, open: OpenSizes): number {
  return lengthOf(args['localities']) ?? open.page;
}

function indicators(args: Args): number {
  return lengthOf(args['indicators']) ?? 1;
}

function periods(args: Args, open: OpenSizes): number {
  return lengthOf(args['periods']) ?? open.unsized;
}

function lengthOf(value: unknown): number | null {
  return Array.isArray(value) ? value.length : null;
}

/** A size argument of 0 or below is refused when the field resolves; counting it as 1 keeps the cost from going negative first. */
function atLeastOne(n: number): number {
  return Number.isFinite(n) ? Math.max(1, n) : Number.MAX_SAFE_INTEGER;
}

/** A Relay connection field: returns a type with `pageInfo` and takes `first`. */
function isConnection(field: AnyField): boolean {
  const type = getNamedType(field.type);
  return isObjectType(type) && 'pageInfo' in type.getFields() && field.args.some((a) => a.name === 'first');
}

/** The field a path of field names reaches from a field's type (`pivot.rows` from `table`). */
function fieldAtPath(from: AnyField, path: readonly string[]): AnyField | null {
  let field = from;
  for (const step of path) {
    const type = getNamedType(field.type);
    const next = isObjectType(type) || isInterfaceType(type) ? type.getFields()[step] : undefined;
    if (!next) return null;
    field = next;
  }
  return field;
}

/** True when a field returns a list (of anything, however wrapped). */
export function isListField(field: AnyField): boolean {
  return isListType(getNullableType(field.type));
}
