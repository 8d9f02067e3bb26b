import type { Loaders } from '../loaders/create-loaders.js';
import type { GrassrootsReader } from '../readers/grassroots-reader.js';
import type { AnalyticsReader } from '../readers/analytics-reader.js';

/** What the request log learns during execution. */
export interface RequestInfo {
  readonly id: string;
  operationName?: string;
  /** Its statements were interrupted at the time limit. */
  timedOut?: boolean;
}

export interface Context {
  readonly loaders: Loaders;
  readonly reader: GrassrootsReader;
  readonly analytics: AnalyticsReader;
  readonly request?: RequestInfo;
}
