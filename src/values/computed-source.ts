import type { StatementRunner } from '../store/store.js';
import { seriesPoints } from '../analytics/series-sql.js';
import { latestValues } from '../analytics/availability-sql.js';
import type { LayerChoice } from './layer-choice.js';
import type { ValueSource } from './value-source.js';
import type { NamedPoint, ValueRequest } from './value-request.js';

/**
 * The general path, and the definition the other sources are proven against: every value
 * through `valuesCtes` (analytics/values-sql.ts), the serving layer's rows where it is fresh,
 * else computed from the observations (picked among sources, ratios recomputed, rolled up).
 * Answers every request.
 */
export class ComputedSource implements ValueSource {
  readonly name = 'computed';

  constructor(
    private readonly store: StatementRunner,
    private readonly layer: LayerChoice,
  ) {}

  series(request: ValueRequest): Promise<NamedPoint[]> {
    return this.store.all(
      'analytics.series',
      seriesPoints({ ids: request.ids }, request.indicators, request.window, this.layer.layout(request.options)),
    );
  }

  latest(request: ValueRequest): Promise<NamedPoint[]> {
    return this.store.all(
      'analytics.latest',
      latestValues({ ids: request.ids }, request.indicators, this.layer.layout(request.options)),
    );
  }
}
