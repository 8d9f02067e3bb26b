import type { AvailabilityRow } from '../../domain/analytics-rows.js';
import { fromGlobalId, kindOfType } from '../ids.js';
import type { Args } from './list-sizes.js';

/** The most units of `childKind` below any one unit of `parentKind` (catalog-sql.ts mostDescendantsByKind). */
export interface DescendantCount {
  readonly parentKind: string;
  readonly childKind: string;
  readonly most: number;
}

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

  /** "parent child" → the most descendants of that kind below one unit. */
  private readonly mostBelow = new Map<string, number>();

  constructor(
    unitCounts: readonly { kind: string; units: number }[],
    availability: readonly AvailabilityRow[],
    descendants: readonly DescendantCount[] = [],
  ) {
    for (const { kind, units } of unitCounts) this.unitsByKind.set(kind, units);
    for (const d of descendants) this.mostBelow.set(`${d.parentKind} ${d.childKind}`, d.most);
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
    const window = windowOf(args);
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

  /**
   * The most units of `child` kind below any one unit of `parent` kind (a province's communes, a
   * commune's villages): what a typed list (`communes`, `villages`) holds at most before its page
   * cuts it. An average would undercount: villages are recorded under a few communes only.
   */
  childrenPer(parent: string, child: string): number {
    return this.mostBelow.get(`${parent} ${child}`) ?? 0;
  }

  /**
   * The points of `series(indicator:, from:, to:)`: the indicator's periods in the window, of any
   * kind (a series may roll up or re-express another kind's figures). With `fill`, the gaps
   * between them count too: at most the years the periods span, times their periods per year.
   */
  seriesPoints(args: Args): number {
    const indicator = typeof args['indicator'] === 'string' ? args['indicator'] : null;
    const kinds = indicator === null ? undefined : this.byIndicator.get(indicator);
    const periods = new Set([...(kinds?.values() ?? [])].flatMap((k) => [...k.periods]));
    const window = windowOf(args);
    const inWindow = [...periods].filter((p) => inside(p, window));
    const filled = args['fill'] !== null && args['fill'] !== undefined && args['fill'] !== 'NONE';
    if (!filled || inWindow.length < 2) return inWindow.length;
    const years = inWindow.map((p) => Number(p.slice(0, 4))).filter(Number.isFinite);
    const span = Math.max(...years) - Math.min(...years) + 1;
    return Math.max(inWindow.length, Math.ceil((span * inWindow.length) / new Set(years).size));
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
  for (const p of periods) if (inside(p, window)) n++;
  return n;
}

/** The window a field's arguments ask: `periods` listed, or `from`/`to` (a series takes only these). */
function windowOf(args: Args): { periods: readonly string[] | null; from: string | null; to: string | null } {
  return {
    periods: strings(args['periods']),
    from: typeof args['from'] === 'string' ? args['from'] : null,
    to: typeof args['to'] === 'string' ? args['to'] : null,
  };
}

function inside(period: string, window: { from: string | null; to: string | null }): boolean {
  return (
    (window.from === null || period >= window.from) &&
    (window.to === null || period.slice(0, window.to.length) <= window.to)
  );
}

function strings(value: unknown): readonly string[] | null {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : null;
}
