import type { PointRow } from '../domain/analytics-rows.js';
import type { StatementRunner } from '../store/store.js';
import type { Fragment } from '../store/sql.js';
import { servedLatest, servedSeries } from '../analytics/served-sql.js';
import type { LayerChoice, KeyedUnits } from './layer-choice.js';
import type { ValueSource } from './value-source.js';
import type { NamedPoint, ValueRequest } from './value-request.js';
import { namePointsInTurns } from './name-points.js';

type KeyedPoint = { unitKey: number; point: Omit<PointRow, 'subjectId'> };

/**
 * Lookups of the serving layer by unit key (analytics/served-sql.ts): no CTEs, no join back to
 * unit ids, just the fields asked for. Answers whenever the layer is fresh, holds the options
 * asked and its keys are loaded.
 */
export class ServedSource implements ValueSource {
  readonly name = 'served';

  constructor(
    private readonly store: StatementRunner,
    private readonly layer: LayerChoice,
  ) {}

  async series(request: ValueRequest): Promise<NamedPoint[] | null> {
    const units = this.layer.keyed(request.ids, request.options);
    if (!units) return null;
    return this.read('analytics.series-served', units, (keys) =>
      servedSeries(keys, request.indicators, request.window, request.options, request.fields),
    );
  }

  async latest(request: ValueRequest): Promise<NamedPoint[] | null> {
    const units = this.layer.keyed(request.ids, request.options);
    if (!units) return null;
    return this.read('analytics.latest-served', units, (keys) =>
      servedLatest(keys, request.indicators, request.options, request.fields),
    );
  }

  private async read(
    id: string,
    units: KeyedUnits,
    statement: (keys: readonly number[]) => Fragment,
  ): Promise<NamedPoint[]> {
    return namePointsInTurns(units, await this.store.all<KeyedPoint>(id, statement(units.keys)));
  }
}
