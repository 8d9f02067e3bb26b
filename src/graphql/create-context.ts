import type { Store } from '../store/store.js';
import { GrassrootsReader } from '../readers/grassroots-reader.js';
import { AnalyticsReader } from '../readers/analytics-reader.js';
import { createLoaders } from '../loaders/create-loaders.js';
import { ObservationWriter } from '../ingest/observation-writer.js';
import { WriteAccess } from './write-access.js';
import type { Context } from './context.js';
import type { ServingStatus } from '../serving/serving-status.js';
import type { HierarchySource } from '../hierarchy/hierarchy-cache.js';

/** One factory for every entry point (HTTP, exports, CLI): readers once, loaders per request. */
export function contextFactory(
  store: Store,
  serving: ServingStatus | null,
  hierarchy: HierarchySource | null,
  signal?: AbortSignal,
): () => Context {
  // With a signal, every statement of the request can be interrupted (time limit, shutdown).
  const runner = signal ? store.withSignal(signal) : store;
  const reader = new GrassrootsReader(runner, hierarchy);
  const analytics = new AnalyticsReader(runner, serving, hierarchy);
  // Read-only entry points: no write token, so recordObservations answers READ_ONLY.
  const writer = new ObservationWriter(store);
  const writeAccess = new WriteAccess(null);
  return () => ({
    reader,
    analytics,
    loaders: createLoaders(reader, analytics),
    writer,
    writeAccess,
    authorization: null,
  });
}
