import type { Store } from '../store/store.js';
import type { ResultCache } from '../speed/result-cache.js';
import type { ServingStatus } from '../serving/serving-status.js';
import type { HierarchySource } from '../hierarchy/hierarchy-cache.js';
import type { KeptAvailability } from '../readers/kept-availability.js';
import { GrassrootsReader } from '../readers/grassroots-reader.js';
import { AnalyticsReader } from '../readers/analytics-reader.js';
import { createLoaders } from '../loaders/create-loaders.js';
import type { ObservationWriter } from '../ingest/observation-writer.js';
import type { WriteAccess } from '../graphql/write-access.js';
import type { ContextOf } from './graphql-route.js';

export interface GraphQLContextDeps {
  readonly store: Store;
  readonly results: ResultCache;
  readonly serving: ServingStatus;
  readonly hierarchy: HierarchySource | null;
  /** The availability matrix kept in memory (null: the speed switch is off). */
  readonly availability: KeptAvailability | null;
  readonly writer: ObservationWriter;
  /** Mutations check the request's Authorization header against it (write token). */
  readonly writeAccess: WriteAccess;
  /** Rows a `table` answer may hold (maxResponseRows). */
  readonly maxResponseRows: number;
}

/**
 * The context of a GraphQL request over HTTP: readers whose statements run under the request's
 * signal (time limit, shutdown) and through the result cache, loaders of its own, and what a
 * mutation needs to check its write token.
 */
export function graphqlContexts(deps: GraphQLContextDeps): ContextOf {
  return (signal, info, authorization, admit) => {
    const scoped = deps.results.wrap(deps.store.withSignal(signal));
    const reader = new GrassrootsReader(scoped, deps.hierarchy);
    const analytics = new AnalyticsReader(scoped, deps.serving, deps.hierarchy, deps.availability);
    return {
      reader,
      analytics,
      loaders: createLoaders(reader, analytics),
      request: info,
      writer: deps.writer,
      writeAccess: deps.writeAccess,
      authorization,
      answer: { signal, maxRows: deps.maxResponseRows },
      admit,
    };
  };
}
