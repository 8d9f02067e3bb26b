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
import type { ObservationWriter } from '../ingest/observation-writer.js';
import type { WriteAccess } from './write-access.js';

export interface Context {
  readonly loaders: Loaders;
  readonly reader: GrassrootsReader;
  readonly analytics: AnalyticsReader;
  readonly request?: RequestInfo;
  readonly writer: ObservationWriter;
  readonly writeAccess: WriteAccess;
  /** The request's Authorization header, checked only by mutations. */
  readonly authorization: string | null;
  /** Over HTTP: the request's time limit and answer caps, for resolvers that build large answers. */
  readonly answer?: AnswerBudget;
  /** Over HTTP: takes the request's admission slot, in the heavy lane when its cost is over heavyCost (src/http/admission.ts); called by the limits plugin once the cost is known. */
  readonly admit?: (heavy: boolean) => Promise<void>;
}

/** What a resolver building a large answer must respect (src/graphql/answer-budget.ts). */
export interface AnswerBudget {
  /** Fires at the time limit (or shutdown): stop building. */
  readonly signal: AbortSignal;
  /** Rows a `table` answer may hold (maxResponseRows). */
  readonly maxRows: number;
}
