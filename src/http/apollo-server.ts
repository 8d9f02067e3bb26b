import { ApolloServer } from '@apollo/server';
import type { OperationExecution } from '../speed/compiled-execution.js';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import type { Context } from '../graphql/context.js';
import type { LimitsConfig } from '../config.js';
import type { Logger } from '../logger.js';
import { queryLimitsPlugin } from './limits.js';
import { stringifyInTurns } from './answer-json.js';
import type { CostCatalogue } from '../graphql/cost/cost-catalogue.js';
import { MAX_VALIDATION_ERRORS, maskError, withoutSuggestions } from './graphql-errors.js';
import { operationNamePlugin } from './request-log.js';

export interface ApolloOptions {
  readonly limits: LimitsConfig;
  readonly production: boolean;
  readonly introspection: boolean;
  readonly logger: Logger;
  /** What the cost estimate knows of the data once loaded (units per kind, periods per indicator). */
  readonly costCatalogue?: () => CostCatalogue | null;
}

/** Apollo Server as this server runs it: our limits, error masking, caching and shutdown instead of Apollo's. */
export async function startApollo(
  execution: OperationExecution,
  options: ApolloOptions,
): Promise<ApolloServer<Context>> {
  const { limits, production, logger } = options;
  const apollo = new ApolloServer<Context>({
    // compiled execution (Apollo's gateway interface) or plain graphql-js (the schema)
    ...execution.apollo,
    includeStacktraceInErrorResponses: false,
    // In production, "Did you mean ...?" suggestions would reveal schema to a probing client.
    hideSchemaDetailsFromClientErrors: production,
    introspection: options.introspection,
    // graphql-js stops parsing past maxTokens with a syntax error (400), before any work.
    parseOptions: { maxTokens: limits.maxTokens },
    // graphql-js's own default, made explicit so the error past it can name it (graphql-errors.ts).
    validationOptions: { maxErrors: MAX_VALIDATION_ERRORS },
    csrfPrevention: true,
    // A turn at a time, so a large answer's serialising does not hold the event loop (answer-json.ts).
    stringifyResult: async (result) => `${await stringifyInTurns(result)}\n`,
    // main.ts owns shutdown (drain, then close DuckDB); Apollo's own signal handlers would stop
    // it underneath and leave the process to exit with the store still open.
    stopOnTerminationSignals: false,
    // Cache headers are ours (an ETag per data version, http/cache.ts); Apollo's cache-control
    // plugin, on by default, would wrap every field's resolver to collect hints nothing sets.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      queryLimitsPlugin(limits, options.costCatalogue),
      operationNamePlugin,
      execution.plugin,
    ],
    formatError: (formatted, error) => {
      const masked = maskError(formatted, error, logger, limits.timeoutMs);
      return production ? withoutSuggestions(masked) : masked;
    },
  });
  await apollo.start();
  return apollo;
}
