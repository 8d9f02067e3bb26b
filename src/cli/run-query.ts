import { graphql, type ExecutionResult } from 'graphql';
import { buildGrassrootsSchema } from '../graphql/build-schema.js';
import { contextFactory } from '../graphql/create-context.js';
import type { Store } from '../store/store.js';
import { ServingStatus } from '../serving/serving-status.js';

/** Runs one GraphQL document in-process: the server's schema and context, without HTTP. */
export async function runQuery(
  store: Store,
  query: string,
  variables?: Record<string, unknown>,
): Promise<ExecutionResult> {
  const serving = await ServingStatus.of(store);
  const context = contextFactory(store, serving, null);
  const result = await graphql({
    schema: await buildGrassrootsSchema(),
    source: query,
    contextValue: context(),
    variableValues: variables ?? null,
  });
  // A served read starts loading the unit keys in the background; the caller closes the store next.
  await serving.stop();
  return result;
}
