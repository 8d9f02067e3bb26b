import {
  GraphQLError,
  Kind,
  TypeInfo,
  ValidationContext,
  getVariableValues,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { createComplexityRule } from 'graphql-query-complexity';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { fieldCostEstimator } from './field-cost-estimator.js';
import type { ListSizes } from './list-sizes.js';

/**
 * Fragments let a 2,000-token document name far more fields than it spells (each level spreading
 * the next through several fields). Measuring the cost stops past this many fields and fragments
 * once expanded, so the measure itself stays cheap; NestedSeries expands to about 30.
 */
export const MAX_EXPANDED_FIELDS = 50_000;

/** Raised by measureCost when fragments expand past MAX_EXPANDED_FIELDS. */
export class TooManyFieldsError extends Error {
  constructor() {
    super(`more than ${MAX_EXPANDED_FIELDS} fields and fragments once expanded`);
  }
}

/*
 * The libraries' rules are validation visitors that would walk the whole document with type
 * information (graphql's validate, ten times the work of the measure itself); their work is all
 * in their public onOperationDefinitionEnter, so each measure calls it for the one operation that
 * runs, with a validation context that collects what they report.
 */

/**
 * Depth (fields nested, fragments flattened; introspection under `__schema` not counted, its
 * cost is) and alias count (every occurrence, fragments included; `__typename` aliases free),
 * measured by graphql-armor's rules. Their own limit is left open so that the caller gets the
 * figures and refuses with its own error.
 */
export function measureShape(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): { depth: number; aliases: number } {
  const shape = { depth: 0, aliases: 0 };
  const context = new ValidationContext(schema, document, new TypeInfo(schema), () => {});
  maxDepthRule({
    n: Infinity,
    flattenFragments: true,
    ignoreIntrospection: true,
    onAccept: [(_, { n }) => (shape.depth = n)],
  })(context).onOperationDefinitionEnter(operation);
  maxAliasesRule({ n: Infinity, onAccept: [(_, { n }) => (shape.aliases = n)] })(context).onOperationDefinitionEnter(
    operation,
  );
  return shape;
}

/**
 * The cost of an operation for these variables: graphql-query-complexity with
 * fieldCostEstimator. Null when the variables do not fit their definitions: execution refuses
 * them with its own error before any field resolves. A field whose arguments fail (an explicit
 * null where a value is needed) counts nothing: it resolves to an error without running.
 */
export function measureCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>>,
  sizes: ListSizes,
): number | null {
  if (getVariableValues(schema, operation.variableDefinitions ?? [], variables).errors) return null;
  const context = new ValidationContext(schema, document, new TypeInfo(schema), () => {});
  const estimators = [fieldCostEstimator(sizes, fragmentsOf(document))];
  const measure = createComplexityRule({
    maximumComplexity: Infinity,
    variables,
    estimators,
    maxQueryNodes: MAX_EXPANDED_FIELDS,
  })(context);
  try {
    measure.onOperationDefinitionEnter(operation);
  } catch (error) {
    if (error instanceof GraphQLError && error.message.includes('maximum allowed number of nodes'))
      throw new TooManyFieldsError();
    throw error;
  }
  return measure.complexity;
}

function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  return fragments;
}
