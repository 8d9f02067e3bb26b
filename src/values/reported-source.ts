import type { StatementRunner } from '../store/store.js';
import { canUseReportedPath, ratioIndicators, reportedLatest, reportedSeries } from '../analytics/reported-sql.js';
import type { LayerChoice } from './layer-choice.js';
import type { ValueSource } from './value-source.js';
import type { NamedPoint, ValueRequest } from './value-request.js';

/**
 * Reported points read straight off the observations (analytics/reported-sql.ts), for stores
 * whose serving layer is not fresh (while it is rebuilt after a write, or never built): one scan
 * and one window instead of the computed chain of CTEs.
 */
export class ReportedSource implements ValueSource {
  readonly name = 'reported';

  /** The catalogue's RATIO codes, read once per reader (a request's reader lives for the request). */
  private ratios: Promise<ReadonlySet<string>> | null = null;

  constructor(
    private readonly store: StatementRunner,
    private readonly layer: LayerChoice,
  ) {}

  async series(request: ValueRequest): Promise<NamedPoint[] | null> {
    if (!(await this.answers(request))) return null;
    return this.store.all<NamedPoint>(
      'analytics.series-reported',
      reportedSeries(request.ids, request.indicators, request.window, request.options),
    );
  }

  async latest(request: ValueRequest): Promise<NamedPoint[] | null> {
    if (!(await this.answers(request))) return null;
    return this.store.all<NamedPoint>(
      'analytics.latest-reported',
      reportedLatest(request.ids, request.indicators, request.options),
    );
  }

  /** A fresh serving layer answers faster still; ratios may have to be computed from their parts. */
  private async answers(request: ValueRequest): Promise<boolean> {
    if (this.layer.serves(request.options) || !canUseReportedPath(request.options, false)) return false;
    this.ratios ??= this.store
      .all<{ code: string }>('analytics.ratio-indicators', ratioIndicators())
      .then((rows) => new Set(rows.map((r) => r.code)));
    const ratios = await this.ratios;
    return canUseReportedPath(
      request.options,
      request.indicators.some((code) => ratios.has(code)),
    );
  }
}
