import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { StatementInterruptedError } from '../store/store.js';
import type { Logger } from '../logger.js';
import { timeoutMessage } from './answer-limits.js';

const PUBLIC_CODES = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'QUERY_LIMIT_EXCEEDED',
  'OVERLOADED',
  'RESPONSE_TOO_LARGE',
  'FORBIDDEN',
  'READ_ONLY',
]);

/** Validation errors reported for one document before graphql-js stops (its maxErrors, set to this in apollo-server.ts). */
export const MAX_VALIDATION_ERRORS = 100;

/**
 * Apollo's hideSchemaDetailsFromClientErrors covers validation, but graphql-js still suggests
 * enum values when it coerces variables; production strips every suggestion the same way.
 */
export function withoutSuggestions(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const message = formatted.message.replace(/ ?Did you mean [^?]*\?/g, '');
  return message === formatted.message ? formatted : { ...formatted, message };
}

/** Errors we raised on purpose pass through; anything else (a DuckDB error, a bug) is logged and masked. */
export function maskError(
  formatted: GraphQLFormattedError,
  error: unknown,
  logger: Logger,
  timeoutMs?: number,
): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof StatementInterruptedError && original.reason === 'shutdown') {
    return {
      message: 'Query stopped: the server is shutting down.',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'SHUTTING_DOWN' },
    };
  }
  if (original instanceof StatementInterruptedError) {
    return {
      message: timeoutMessage(timeoutMs),
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'TIMEOUT', limit: 'timeoutMs', max: timeoutMs },
    };
  }
  const code = formatted.extensions?.['code'];
  // graphql-js words the maxTokens refusal as a syntax error; name the limit like the others.
  const tokens = code === 'GRAPHQL_PARSE_FAILED' ? /more tha[nt] (\d+) tokens/.exec(formatted.message) : null;
  if (tokens) {
    return {
      message: `Query document has more than ${tokens[1]} tokens, over the limit maxTokens = ${tokens[1]}.`,
      extensions: { code: 'QUERY_LIMIT_EXCEEDED', limit: 'maxTokens', max: Number(tokens[1]) },
    };
  }
  // Apollo's words name its own constructor option; say what turns it on here.
  if (code === 'GRAPHQL_VALIDATION_FAILED' && formatted.message.startsWith('GraphQL introspection is not allowed')) {
    return {
      message:
        'Introspection is off on this server (the default under NODE_ENV=production); it answers __schema and __type when started with --introspection true.',
      locations: formatted.locations,
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', setting: 'introspection' },
    };
  }
  // graphql-js stops validating at its maxErrors and words it as an abort; name the limit.
  if (code === 'GRAPHQL_VALIDATION_FAILED' && formatted.message.endsWith('Validation aborted.')) {
    return {
      message: `Query has more than ${MAX_VALIDATION_ERRORS} validation errors, over the limit maxValidationErrors = ${MAX_VALIDATION_ERRORS}; the first ${MAX_VALIDATION_ERRORS} are listed.`,
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'maxValidationErrors', max: MAX_VALIDATION_ERRORS },
    };
  }
  if (typeof code === 'string' && PUBLIC_CODES.has(code)) {
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  logger.error({ error: error instanceof Error ? error.message : String(error) }, 'internal error');
  return {
    message: 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
