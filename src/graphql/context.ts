import type { Loaders } from '../loaders/create-loaders.js';
import type { GrassrootsReader } from '../readers/grassroots-reader.js';
import type { AnalyticsReader } from '../readers/analytics-reader.js';

export interface Context {
  readonly loaders: Loaders;
  readonly reader: GrassrootsReader;
  readonly analytics: AnalyticsReader;
}
