import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { argumentListSizes, type ListSizes } from '../graphql/cost/list-sizes.js';
import type { CostCatalogue } from '../graphql/cost/cost-catalogue.js';
import type { Context } from '../graphql/context.js';
import { HttpError } from './http-error.js';
import {
  MAX_EXPANDED_FIELDS,
  TooManyFieldsError,
  measureCost,
  measureShape,
} from '../graphql/cost/measure-operation.js';

/** The shape limits applied to every operation before it runs. */
export interface QueryLimits {
  readonly maxDepth: number;
  readonly maxAliases: number;
  readonly maxCost: number;
  /** Items assumed for a list whose size the arguments leave open (a connection without `first`, a series' points). */
  readonly defaultListSize: number;
  /** Cost above which a request is admitted in the heavy lane (src/http/admission.ts). */
  readonly heavyCost: number;
}

/** The queue was full when the request's cost was known: 503 with Retry-After, as the HTTP layer refuses it. */
function overloaded(error: HttpError): GraphQLError {
  return new GraphQLError(error.message, {
    extensions: {
      code: error.code,
      ...error.extensions,
      http: { status: error.status, headers: new Map(Object.entries(error.headers)) },
    },
  });
}

/** The error for an operation over a limit: names the limit, its value and what was asked. */
export function limitError(limit: string, description: string, max: number, actual: number): GraphQLError {
  return new GraphQLError(`Query ${description} is ${actual}, over the limit ${limit} = ${max}.`, {
    extensions: { code: 'QUERY_LIMIT_EXCEEDED', limit, max, actual, http: { status: 400 } },
  });
}

/**
 * Rejects an operation over any shape limit after it resolved and before it executes: depth and
 * aliases first (cheap, and they bound the cost walk), then the cost, which multiplies by every
 * list's size (see src/graphql/cost). maxTokens is the parser's own (parseOptions in server.ts).
 */
export function queryLimitsPlugin(
  limits: QueryLimits,
  catalogue: () => CostCatalogue | null = () => null,
): ApolloServerPlugin<Context> {
  // Sizes depend only on the schema and the limits: built once per schema the server runs.
  const sizesOf = new WeakMap<GraphQLSchema, ListSizes>();
  // Depth and aliases depend on the operation alone (not its variables), and Apollo hands every
  // request of the same text the same parsed document (its document store): measured once per
  // operation, where measuring them on every request was about 6 % of the server's CPU in a profile
  // of sequential commune profiles (graphql-armor's countDepth).
  const shapes = new WeakMap<OperationDefinitionNode, { schema: GraphQLSchema; depth: number; aliases: number }>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          if (!operation) return;
          // graphql-js 16 only finds this at execution, where it would surface as an internal error.
          if (!schema.getRootType(operation.operation)) {
            throw new GraphQLError(`This server has no ${operation.operation} type: it serves queries only.`, {
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
            });
          }
          let shape = shapes.get(operation);
          if (shape?.schema !== schema)
            shapes.set(operation, (shape = { schema, ...measureShape(schema, document, operation) }));
          const { depth, aliases } = shape;
          if (depth > limits.maxDepth) throw limitError('maxDepth', 'depth', limits.maxDepth, depth);
          if (aliases > limits.maxAliases) throw limitError('maxAliases', 'alias count', limits.maxAliases, aliases);
          let sizes = sizesOf.get(schema);
          if (!sizes)
            sizesOf.set(schema, (sizes = argumentListSizes(schema, limits.defaultListSize, undefined, catalogue)));
          let cost: number | null;
          try {
            cost = measureCost(schema, document, operation, request.variables ?? {}, sizes);
          } catch (error) {
            if (!(error instanceof TooManyFieldsError)) throw error;
            throw limitError(
              'maxExpandedFields',
              'count of fields and fragment spreads once expanded',
              MAX_EXPANDED_FIELDS,
              MAX_EXPANDED_FIELDS + 1,
            );
          }
          if (cost !== null && cost > limits.maxCost) throw limitError('maxCost', 'cost', limits.maxCost, cost);
          // Only now, with its cost known and within the limits, does the request take a slot.
          try {
            await contextValue.admit?.(cost !== null && cost > limits.heavyCost);
          } catch (error) {
            throw error instanceof HttpError ? overloaded(error) : error;
          }
        },
      };
    },
  };
}
