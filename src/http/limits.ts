import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError, Kind, SchemaMetaFieldDef, TypeMetaFieldDef, getNamedType, isListType, isNonNullType, isObjectType, isInterfaceType,
  type DocumentNode, type FragmentDefinitionNode, type GraphQLField, type GraphQLNamedType, type GraphQLOutputType,
  type GraphQLSchema, type OperationDefinitionNode, type SelectionSetNode, type ValueNode,
} from 'graphql';

/** The shape limits applied to every operation before it runs. */
export interface QueryLimits {
  readonly maxDepth: number;
  readonly maxAliases: number;
  readonly maxCost: number;
  /** Page size assumed for a paginated field called without `first` (the server's own default). */
  readonly defaultListSize: number;
}

/**
 * A list without pagination arguments (series points, observations, documents) holds a handful
 * of rows per parent in this data; counting it as 10 keeps nested paginated lists dominant in
 * the cost, which is where the real cost is.
 */
export const UNPAGED_LIST_SIZE = 10;

/**
 * Fragments let a 2,000-token document name far more fields than it spells (each level spreading
 * the next through several fields). Measuring stops past this many expanded fields, so the check
 * itself stays cheap; no real operation comes near it (NestedSeries expands to 23).
 */
export const MAX_EXPANDED_FIELDS = 50_000;

export interface OperationShape {
  readonly depth: number;
  readonly aliases: number;
  readonly cost: number;
}

type Variables = Readonly<Record<string, unknown>>;

/**
 * Measures one operation: depth (fields nested, fragments inlined), aliases, and cost. Every field
 * costs 1; the items of a paginated field's page multiply their subtree by `first` (or the default
 * page size), an unpaginated list by UNPAGED_LIST_SIZE, so `first: 1000` nested three times
 * costs over 10^9.
 */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Variables,
  defaultListSize: number,
): OperationShape {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const defaults = new Map<string, ValueNode>();
  for (const v of operation.variableDefinitions ?? []) if (v.defaultValue) defaults.set(v.variable.name.value, v.defaultValue);

  let aliases = 0;
  const intValue = (node: ValueNode | undefined): number | null => {
    if (!node) return null;
    if (node.kind === Kind.INT) return Number(node.value);
    if (node.kind === Kind.VARIABLE) {
      const value = variables[node.name.value];
      if (typeof value === 'number') return value;
      return intValue(defaults.get(node.name.value));
    }
    return null;
  };

  // Walks a selection set; returns [depth, cost] of the subtree. `page` is the page size of the
  // connection whose fields are being walked. Like graphql-js's collectFields, a named fragment
  // is expanded once per level however often it is spread there (execution merges the copies).
  let expanded = 0;
  const walk = (set: SelectionSetNode, parent: GraphQLNamedType | undefined, depth: number, page: number, spread = new Set<string>()): [number, number] => {
    let maxDepth = depth;
    let cost = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (++expanded > MAX_EXPANDED_FIELDS) throw new TooManyFieldsError();
        if (selection.alias) aliases++;
        if (selection.name.value === '__typename') continue;
        const field = fieldOf(parent, selection.name.value);
        const paginated = field?.args.some((a) => a.name === 'first') ?? false;
        const childPage = paginated ? Math.max(1, intValue(selection.arguments?.find((a) => a.name.value === 'first')?.value) ?? defaultListSize) : 1;
        // Introspection spells a type's wrappers (non-null of list of ...) as a chain of ofType,
        // nested 7 deep in every IDE's query; the chain ends at the schema's real wrapping, so
        // it adds no depth. Everything else that nests, lists in particular, still counts.
        const level = depth + (selection.name.value === 'ofType' ? 0 : 1);
        let fieldDepth = level;
        let subtree = 0;
        if (selection.selectionSet) {
          [fieldDepth, subtree] = walk(selection.selectionSet, field ? getNamedType(field.type) : undefined, level, childPage);
        }
        maxDepth = Math.max(maxDepth, fieldDepth);
        cost += 1 + listSize(field, parent, page) * subtree;
      } else {
        if (selection.kind === Kind.FRAGMENT_SPREAD) {
          if (spread.has(selection.name.value)) continue;
          spread.add(selection.name.value);
        }
        const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments.get(selection.name.value);
        if (!fragment) continue;
        const condition = fragment.typeCondition ? schema.getType(fragment.typeCondition.name.value) ?? undefined : parent;
        const [d, c] = walk(fragment.selectionSet, condition, depth, page, spread);
        maxDepth = Math.max(maxDepth, d);
        cost += c;
      }
    }
    return [maxDepth, cost];
  };

  // A connection's list fields (nodes, edges) hold its page; its other fields (totalCount,
  // pageInfo) are one per connection. Other lists are not paginated here.
  const listSize = (field: GraphQLField<unknown, unknown> | undefined, parent: GraphQLNamedType | undefined, page: number): number => {
    if (!field || !isList(field.type)) return 1;
    return parent?.name.endsWith('Connection') ? page : UNPAGED_LIST_SIZE;
  };

  const root = operation.operation === 'query' ? schema.getQueryType() : operation.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
  const [depth, cost] = walk(operation.selectionSet, root ?? undefined, 0, 1);
  return { depth, aliases, cost };
}

/** Raised by measureOperation when fragments expand past MAX_EXPANDED_FIELDS. */
export class TooManyFieldsError extends Error {
  constructor() {
    super(`more than ${MAX_EXPANDED_FIELDS} fields once fragments are expanded`);
  }
}

function fieldOf(parent: GraphQLNamedType | undefined, name: string): GraphQLField<unknown, unknown> | undefined {
  // The introspection entry points are not among the query type's own fields.
  if (name === '__schema') return SchemaMetaFieldDef;
  if (name === '__type') return TypeMetaFieldDef;
  if (parent && (isObjectType(parent) || isInterfaceType(parent))) return parent.getFields()[name];
  return undefined;
}

function isList(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

/** The error for an operation over a limit: names the limit, its value and what was asked. */
export function limitError(limit: string, description: string, max: number, actual: number): GraphQLError {
  return new GraphQLError(`Query ${description} is ${actual}, over the limit ${limit} = ${max}.`, {
    extensions: { code: 'QUERY_LIMIT_EXCEEDED', limit, max, actual, http: { status: 400 } },
  });
}

/** Rejects an operation over any shape limit after it resolved and before it executes. */
export function queryLimitsPlugin(limits: QueryLimits): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          // graphql-js 16 only finds this at execution, where it would surface as an internal error.
          if (!schema.getRootType(operation.operation)) {
            throw new GraphQLError(`This server has no ${operation.operation} type: it serves queries only.`, {
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
            });
          }
          let shape: OperationShape;
          try {
            shape = measureOperation(schema, document, operation, request.variables ?? {}, limits.defaultListSize);
          } catch (error) {
            if (!(error instanceof TooManyFieldsError)) throw error;
            throw limitError('maxExpandedFields', 'field count once fragments are expanded', MAX_EXPANDED_FIELDS, MAX_EXPANDED_FIELDS + 1);
          }
          if (shape.depth > limits.maxDepth) throw limitError('maxDepth', 'depth', limits.maxDepth, shape.depth);
          if (shape.aliases > limits.maxAliases) throw limitError('maxAliases', 'alias count', limits.maxAliases, shape.aliases);
          if (shape.cost > limits.maxCost) throw limitError('maxCost', 'cost', limits.maxCost, shape.cost);
        },
      };
    },
  };
}
