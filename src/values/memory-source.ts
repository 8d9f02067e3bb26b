import type { LayerChoice } from './layer-choice.js';
import type { ValueSource } from './value-source.js';
import type { NamedPoint, ValueRequest } from './value-request.js';
import { namePoints } from './name-points.js';

/**
 * The serving layer's copy in memory (serving/hot-values.ts): answers without a statement where
 * the copy holds the request exactly (the fields it keeps, the units it holds whole), at once, so
 * a loader can skip its batch (see `seriesNow`).
 */
export class MemorySource implements ValueSource {
  readonly name = 'memory';

  constructor(private readonly layer: LayerChoice) {}

  /** The answer now, without a promise; null: the copy cannot answer it. */
  seriesNow(request: ValueRequest): NamedPoint[] | null {
    const units = this.layer.keyed(request.ids, request.options);
    const rows =
      units &&
      this.layer.hot()?.series(units.keys, request.indicators, request.window, request.options, request.fields);
    return rows ? namePoints(units!, rows) : null;
  }

  latestNow(request: ValueRequest): NamedPoint[] | null {
    const units = this.layer.keyed(request.ids, request.options);
    const rows = units && this.layer.hot()?.latest(units.keys, request.indicators, request.options, request.fields);
    return rows ? namePoints(units!, rows) : null;
  }

  series(request: ValueRequest): Promise<NamedPoint[] | null> {
    return Promise.resolve(this.seriesNow(request));
  }

  latest(request: ValueRequest): Promise<NamedPoint[] | null> {
    return Promise.resolve(this.latestNow(request));
  }
}
