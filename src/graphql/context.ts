import type { Loaders } from '../loaders/create-loaders.js';
import type { GrassrootsReader } from '../readers/grassroots-reader.js';
import type { ObservationWriter } from '../ingest/observation-writer.js';
import type { WriteAccess } from './write-access.js';

export interface Context {
  readonly loaders: Loaders;
  readonly reader: GrassrootsReader;
  readonly writer: ObservationWriter;
  readonly writeAccess: WriteAccess;
  /** The request's Authorization header, checked only by mutations. */
  readonly authorization: string | null;
}
