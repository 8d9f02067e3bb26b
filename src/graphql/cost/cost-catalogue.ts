import type { AvailabilityRow } from '../../domain/analytics-rows.js';
import { fromGlobalId, kindOfType } from '../ids.js';
import type { Args } from './list-sizes.js';

/** A table's size as the catalogue estimates it: flat rows (units × periods, per indicator) and pivot rows (units, per indicator). */
export interface TableSize {
  readonly rows: number;
  readonly pivotRows: number;
}

/**
 * What the cost estimate knows of the data, read once when the server starts and again after each
 * write: units in force per kind, and per indicator and kind the units with values and the periods
 * they have (the `availability` query's rows). With it a `table` of a kind is counted as the units
 * of that kind, not a default page, and an open window as the periods there are, not a guess: the
 * estimate follows what the request will produce, before anything runs.
 */
export class CostCatalogue {
  private readonly unitsByKind = new Map<string, number>();
  /** indicator → kind → units with values and their periods. */
  private readonly byIndicator = new Map<string, Map<string, { units: number; periods: Set<string> }>>();

  constructor(unitCounts: readonly { kind: string; units: number }[], availability: readonly AvailabilityRow[]) {
    for (const { kind, units } of unitCounts) this.unitsByKind.set(kind, units);
    for (const row of availability) {
      let kinds = this.byIndicator.get(row.indicator);
      if (!kinds) this.byIndicator.set(row.indicator, (kinds = new Map()));
      let entry = kinds.get(row.kind);
      if (!entry) kinds.set(row.kind, (entry = { units: 0, periods: new Set() }));
      // Granularities of one kind hold the same units, at most: the largest count stands for them.
      entry.units = Math.max(entry.units, row.unitCount);
      for (const period of row.periods) entry.periods.add(period);
    }
  }

  /** Units of a kind in force today. */
  unitsOf(kind: string): number {
    return this.unitsByKind.get(kind) ?? 0;
  }

  /**
   * The size of `table(...)` for these arguments. Per indicator: the units asked (`localities`, or
   * the units of `kind` with values, all of them with `rollup`, a share of them `within` a unit:
   * the kind's units over the units of the container's kind), times the periods of that indicator
   * in the window (`periods`, `from`/`to`, or all). `asOf` and `geography` do not change it much
   * and are not counted.
   */
  table(args: Args): TableSize {
    const indicators = strings(args['indicators']) ?? [];
    const localities = strings(args['localities']);
    const kind = typeof args['kind'] === 'string' ? args['kind'] : null;
    const rollup = args['rollup'] !== null && args['rollup'] !== undefined;
    const share = typeof args['within'] === 'string' ? this.shareWithin(args['within']) : 1;
    const window = {
      periods: strings(args['periods']),
      from: typeof args['from'] === 'string' ? args['from'] : null,
      to: typeof args['to'] === 'string' ? args['to'] : null,
    };
    let rows = 0;
    let pivotRows = 0;
    for (const indicator of indicators) {
      const kinds = this.byIndicator.get(indicator);
      const units =
        localities?.length ??
        (kind === null ? 0 : Math.ceil((rollup ? this.unitsOf(kind) : (kinds?.get(kind)?.units ?? 0)) * share));
      // Units named one by one may be of any kind, as may a rolled-up value's periods: all of the indicator's count.
      const own = kind !== null && localities === null && !rollup ? kinds?.get(kind)?.periods : undefined;
      const periods = own ?? new Set([...(kinds?.values() ?? [])].flatMap((k) => [...k.periods]));
      rows += units * countInWindow(periods, window);
      pivotRows += units;
    }
    return { rows, pivotRows };
  }

  /** The share of a kind's units below one unit: one over the units of the container's kind. */
  private shareWithin(within: string): number {
    try {
      const kind = kindOfType(fromGlobalId(within, 'within').type);
      return kind ? 1 / Math.max(1, this.unitsOf(kind)) : 1;
    } catch {
      // Not a global id: the resolver refuses it before anything runs.
      return 1;
    }
  }
}

/** Periods in the window: exactly those listed, or those from `from` to `to` (a period counts by its start: "2025-Q3" is within to: "2025"). */
function countInWindow(
  periods: ReadonlySet<string>,
  window: { periods: readonly string[] | null; from: string | null; to: string | null },
): number {
  if (window.periods) return window.periods.filter((p) => periods.has(p)).length;
  let n = 0;
  for (const p of periods) {
    if (window.from !== null && p < window.from) continue;
    if (window.to !== null && p.slice(0, window.to.length) > window.to) continue;
    n++;
  }
  return n;
}

function strings(value: unknown): readonly string[] | null {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : null;
}

/** Reads the catalogue: two statements (units per kind, availability), run after the server listens and after each write. */
export async function readCostCatalogue(
  reader: { readUnitCountsByKind(): Promise<{ kind: string; units: number }[]> },
  analytics: { readAvailability(indicators: null): Promise<AvailabilityRow[]> },
): Promise<CostCatalogue> {
  const [units, availability] = await Promise.all([reader.readUnitCountsByKind(), analytics.readAvailability(null)]);
  return new CostCatalogue(units, availability);
}
