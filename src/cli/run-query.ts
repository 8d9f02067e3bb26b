import { graphql, type ExecutionResult } from 'graphql';
import { buildGrassrootsSchema } from '../graphql/build-schema.js';
import { contextFactory } from '../graphql/create-context.js';
import type { Store } from '../store/store.js';
import { ServingStatus } from '../serving/serving-status.js';

/** Runs one GraphQL document in-process: the server's schema and context, without HTTP. */
export async function runQuery(store: Store, query: string, variables?: Record<string, unknown>): Promise<ExecutionResult> {
  const context = contextFactory(store, await ServingStatus.of(store), null);
  return graphql({ schema: await buildGrassrootsSchema(), source: query, contextValue: context(), variableValues: variables ?? null });
}
