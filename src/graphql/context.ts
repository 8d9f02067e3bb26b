import type { Loaders } from '../loaders/create-loaders.js';
import type { GrassrootsReader } from '../readers/grassroots-reader.js';

export interface Context {
  readonly loaders: Loaders;
  readonly reader: GrassrootsReader;
}
