import type { NamedPoint, ValueRequest } from './value-request.js';

/**
 * One way of answering a plain value request. Sources are asked in order (value-chain.ts); each
 * answers exactly what the computed source would, or says it cannot (null) and the next is
 * asked. Equivalence tests prove each equal to the computed source: test/db/hot-values.test.ts
 * (memory), test/db/serving-layer.test.ts (served), test/db/reported-path.test.ts (reported).
 */
export interface ValueSource {
  /** Named in counters, tests and docs. */
  readonly name: ValueSourceName;
  /** The points in the window, per unit and indicator oldest first; null: cannot answer exactly. */
  series(request: ValueRequest): Promise<NamedPoint[] | null>;
  /** Each unit and indicator's latest point with a value (latest-order.ts); null as for series. */
  latest(request: ValueRequest): Promise<NamedPoint[] | null>;
}

export type ValueSourceName = 'memory' | 'served' | 'reported' | 'computed';
