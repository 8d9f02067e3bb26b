import type { StatementRunner } from '../store/store.js';
import { LayerChoice } from './layer-choice.js';
import { MemorySource } from './memory-source.js';
import { ServedSource } from './served-source.js';
import { ReportedSource } from './reported-source.js';
import { ComputedSource } from './computed-source.js';
import type { ValueSource, ValueSourceName } from './value-source.js';
import type { NamedPoint, ValueRequest } from './value-request.js';

/**
 * Who answers a plain value request, decided here and nowhere else: the sources in order, the
 * first that can answer exactly does. Fastest first:
 *   memory   the serving layer's copy in memory: no statement at all;
 *   served   a lookup of the serving layer by unit key;
 *   reported observations read directly (no fresh serving layer, nothing to compute);
 *   computed the general path (`valuesCtes`), which answers everything.
 * Each answers what `computed` would, row for row (the equivalence tests in test/db).
 */
export class ValueChain {
  readonly memory: MemorySource;
  readonly served: ServedSource;
  readonly reported: ReportedSource;
  readonly computed: ComputedSource;
  private readonly order: readonly ValueSource[];
  /** Requests answered per source, for tests and the bench. */
  readonly answered: Record<ValueSourceName, number> = { memory: 0, served: 0, reported: 0, computed: 0 };

  constructor(
    store: StatementRunner,
    readonly layer: LayerChoice,
  ) {
    this.memory = new MemorySource(layer);
    this.served = new ServedSource(store, layer);
    this.reported = new ReportedSource(store, layer);
    this.computed = new ComputedSource(store, layer);
    this.order = [this.memory, this.served, this.reported, this.computed];
  }

  series(request: ValueRequest): Promise<NamedPoint[]> {
    return this.first(request, (source) => source.series(request));
  }

  latest(request: ValueRequest): Promise<NamedPoint[]> {
    return this.first(request, (source) => source.latest(request));
  }

  /** The series from memory at once (no promise, no batch), or null: ask `series`. */
  seriesNow(request: ValueRequest): NamedPoint[] | null {
    return this.counted('memory', this.memory.seriesNow(request));
  }

  /** As `seriesNow`, for latest values. */
  latestNow(request: ValueRequest): NamedPoint[] | null {
    return this.counted('memory', this.memory.latestNow(request));
  }

  private async first(
    request: ValueRequest,
    ask: (source: ValueSource) => Promise<NamedPoint[] | null>,
  ): Promise<NamedPoint[]> {
    for (const source of this.order) {
      const rows = this.counted(source.name, await ask(source));
      if (rows) return rows;
    }
    // `computed` answers everything; reaching here is a defect, not a user error
    throw new Error(`no value source answered ${request.indicators.join(', ')}`);
  }

  private counted(name: ValueSourceName, rows: NamedPoint[] | null): NamedPoint[] | null {
    if (rows) this.answered[name]++;
    return rows;
  }
}
