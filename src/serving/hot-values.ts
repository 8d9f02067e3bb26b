import type { ScannedColumn, Store } from '../store/store.js';
import type { PivotRow, PointField, PointRow } from '../domain/analytics-rows.js';
import type { ValueOptions, ValueWindow } from '../analytics/values-sql.js';
import { isLater, OPEN_END_DAY } from '../analytics/latest-order.js';
import {
  HOT_ROW_COLUMNS,
  hotDictionaries,
  hotLeafKeys,
  hotLeafLatestRows,
  hotUpperRows,
  type HotDictionaries,
} from './hot-values-sql.js';

/** The point fields the copy holds; a lookup asking for any other goes to DuckDB. */
export const HOT_FIELDS: ReadonlySet<PointField> = new Set<PointField>([
  'indicator',
  'period',
  'periodStart',
  'periodEnd',
  'granularity',
  'value',
  'qualifier',
]);

/** A served lookup's rows: the unit's key and the point with the fields asked for. */
export type HotRow = { unitKey: number; point: Partial<Omit<PointRow, 'subjectId'>> };

/** A served pivot's row (as `servedPivot`), by unit key. */
export type HotPivotRow = Omit<PivotRow, 'subjectId'> & { unitKey: number; periods: string[] };

const NO_CODE = 255;
const NO_DAY = -2147483648;
const DAY_MS = 86_400_000;
/**
 * Key ranges the rows are read in. DuckDB keeps the memory a statement grew to, and the leaves'
 * latest values in one aggregate left the server 550 MB larger than in 32 slices; within each
 * indicator the layer is stored by key (serving-sql.ts LAYER_ORDER), so each slice reads its own
 * part of every indicator's row groups.
 */
const KEY_SLICES = 32;

/**
 * The serving layer's hot part in typed arrays: every row of the units above the leaves
 * (provinces, communes, Party committees: 1.6 M rows at national scale) and each leaf unit's
 * latest values (villages and Party cells: 2.7 M), about 100 MB. A commune profile or a
 * province's dashboard then reads no statement at all: the per-statement cost on the server's
 * thread (submission, conversion, promise plumbing: about 3 ms) is what held a commune profile
 * to some 100 requests/s. Answers are those of `servedSeries`, `servedLatest` and `servedPivot`,
 * row for row (`test/db/hot-values.test.ts`); a lookup the copy cannot answer exactly (another
 * field, a village's series, `updatedAfter`, an open-ended period under a `from` bound) returns
 * null and goes to DuckDB. Each refresh of the layer (every write) loads it anew.
 */
export class HotValues {
  /** Lookups answered, for tests and the bench. */
  answered = 0;
  private readonly indicatorCode: Map<string, number>;
  private readonly periodCode: Map<string, number>;
  private readonly rollupCode: Map<string, number>;
  private readonly dayText = new Map<number, string>();

  private constructor(
    private readonly d: HotDictionaries,
    /** rows of unit key k: [from[k], to[k]) */
    private readonly unitFrom: Int32Array,
    private readonly unitTo: Int32Array,
    /** 1: the unit's rows are all here; 0: a leaf, latest values only */
    private readonly complete: Uint8Array,
    private readonly c: HotColumns,
    /** 1: the unit's rows changed since the copy was read (a write): its lookups go to DuckDB */
    private readonly changed: Uint8Array | null = null,
  ) {
    this.indicatorCode = new Map(d.indicators.map((v, i) => [v, i]));
    this.periodCode = new Map(d.periods.map((v, i) => [v, i]));
    this.rollupCode = new Map(d.rollups.map((v, i) => [v, i]));
  }

  get rowCount(): number {
    return this.c.value.length;
  }

  /**
   * The same copy, but a lookup that touches one of `unitKeys` returns null (DuckDB answers it):
   * after a write, the units it changed, so everything else is still answered from memory while
   * the copy is read again. The arrays are shared, not copied.
   */
  without(unitKeys: Iterable<number>): HotValues {
    const changed = this.changed ? this.changed.slice() : new Uint8Array(this.complete.length);
    for (const k of unitKeys) if (k >= 0 && k < changed.length) changed[k] = 1;
    return new HotValues(this.d, this.unitFrom, this.unitTo, this.complete, this.c, changed);
  }

  /** `signal`: stops the load between statements (the server is shutting down). */
  static async load(store: Pick<Store, 'all' | 'scan'>, signal?: AbortSignal): Promise<HotValues> {
    const [dictionaries] = await store.all<HotDictionaries & { maxKey: number }>(
      'serving.hot-dictionaries',
      hotDictionaries(),
    );
    const d = dictionaries!;
    if (
      d.periods.length >= 65_536 ||
      d.indicators.length >= 65_536 ||
      d.qualifiers.length >= NO_CODE ||
      d.rollups.length >= NO_CODE ||
      d.granularities.length >= NO_CODE
    ) {
      throw new Error('serving layer has too many distinct labels for the hot copy');
    }
    const leafKeys: number[] = [];
    await store.scan('serving.hot-leaf-keys', hotLeafKeys(), ([key], n) => {
      for (let i = 0; i < n; i++) leafKeys.push(key!.getItem(i) as number);
    });
    const columns = new ColumnBuilder();
    // Per slice two runs, each sorted by unit: a unit's rows are contiguous in one of them.
    for (let slice = 0; slice < KEY_SLICES; slice++) {
      signal?.throwIfAborted();
      const keys = {
        from: Math.floor(((d.maxKey + 1) * slice) / KEY_SLICES),
        to: Math.floor(((d.maxKey + 1) * (slice + 1)) / KEY_SLICES) - 1,
      };
      await store.scan('serving.hot-upper-rows', hotUpperRows(d, keys), (vectors, n) => columns.append(vectors, n));
      await store.scan('serving.hot-leaf-latest', hotLeafLatestRows(d, keys), (vectors, n) =>
        columns.append(vectors, n),
      );
    }
    const c = columns.finish();
    let maxKey = 0;
    for (const k of leafKeys) maxKey = Math.max(maxKey, k);
    for (let r = 0; r < c.unitKey.length; r++) maxKey = Math.max(maxKey, c.unitKey[r]!);
    const unitFrom = new Int32Array(maxKey + 1);
    const unitTo = new Int32Array(maxKey + 1);
    for (let r = 0; r < c.unitKey.length; r++) {
      const k = c.unitKey[r]!;
      if (r === 0 || c.unitKey[r - 1] !== k) unitFrom[k] = r;
      unitTo[k] = r + 1;
    }
    const complete = new Uint8Array(maxKey + 1).fill(1);
    for (const k of leafKeys) complete[k] = 0;
    return new HotValues(d, unitFrom, unitTo, complete, c);
  }

  /** Everything the copy is made of (shared, not copied), for its warm file (`hot-values-warm.ts`). */
  parts(): HotValueParts {
    if (this.changed !== null) throw new Error('hot values: a copy without changed units is not kept');
    return {
      dictionaries: this.d,
      unitFrom: this.unitFrom,
      unitTo: this.unitTo,
      complete: this.complete,
      columns: this.c,
    };
  }

  /** The copy `parts()` was taken of; throws if the parts do not fit together (a damaged file). */
  static fromParts(p: HotValueParts): HotValues {
    const units = p.complete.length;
    const rows = p.columns.value.length;
    if (p.unitFrom.length !== units || p.unitTo.length !== units)
      throw new Error('hot values: unit ranges of different lengths');
    for (const column of Object.values(p.columns) as HotColumns[keyof HotColumns][])
      if (column.length !== rows) throw new Error('hot values: columns of different lengths');
    for (let k = 0; k < units; k++)
      if (p.unitFrom[k]! < 0 || p.unitTo[k]! > rows || p.unitFrom[k]! > p.unitTo[k]!)
        throw new Error(`hot values: unit ${k}'s rows out of range`);
    return new HotValues(p.dictionaries, p.unitFrom, p.unitTo, p.complete, p.columns);
  }

  /** `servedSeries` from memory, or null when the copy cannot answer it exactly. */
  series(
    keys: readonly number[],
    indicators: readonly string[],
    window: ValueWindow,
    options: ValueOptions,
    fields: readonly PointField[] | null,
  ): HotRow[] | null {
    if (!this.answers(options, fields)) return null;
    const matches = this.matching(keys, indicators, window, options);
    if (matches === null) return null;
    const rows = matches.map((r) => ({ unitKey: this.c.unitKey[r]!, point: this.point(r, fields!) }));
    this.answered++;
    return rows;
  }

  /** `servedLatest` from memory, or null when the copy cannot answer it exactly. */
  latest(
    keys: readonly number[],
    indicators: readonly string[],
    options: ValueOptions,
    fields: readonly PointField[] | null,
  ): HotRow[] | null {
    if (!this.answers(options, fields)) return null;
    const units = this.unitsOf(keys);
    if (units === null) return null;
    const wanted = this.codes(indicators);
    const rollups = this.rollupsOf(options);
    const { indicator, rollup, period, startDay, endDay, valueMissing } = this.c;
    const rows: HotRow[] = [];
    const best = new Int32Array(this.d.indicators.length);
    for (const k of units) {
      best.fill(-1);
      for (let r = this.unitFrom[k]!, end = this.unitTo[k]!; r < end; r++) {
        const i = indicator[r]!;
        if (!wanted.has(i) || !rollups.has(rollup[r]!) || valueMissing[r] === 1) continue;
        const b = best[i]!;
        if (b < 0 || later(r, b, startDay, endDay, period)) best[i] = r;
      }
      for (let i = 0; i < best.length; i++)
        if (best[i]! >= 0) rows.push({ unitKey: k, point: this.point(best[i]!, fields!) });
    }
    this.answered++;
    return rows;
  }

  /**
   * `servedPivot` from memory (rows in key order, then indicator code order), or null when the
   * copy cannot answer it exactly. Columns are the periods any row has, by start then label; a
   * unit and indicator with a row in the window gets a value (or null) per column.
   */
  pivot(
    keys: readonly number[],
    indicators: readonly string[],
    window: ValueWindow,
    options: ValueOptions,
  ): HotPivotRow[] | null {
    const matches = this.matching(keys, indicators, window, options);
    if (matches === null) return null;
    const { unitKey, indicator, period, startDay, value, valueMissing, qualifier } = this.c;
    // columns: each period's earliest start (as `min(period_start)` per period), ordered by start, then label
    const startOf = new Map<number, number>();
    for (const r of matches) {
      const known = startOf.get(period[r]!);
      if (known === undefined || startDay[r]! < known) startOf.set(period[r]!, startDay[r]!);
    }
    const columns = [...startOf.keys()].sort((a, b) => startOf.get(a)! - startOf.get(b)! || a - b);
    const columnOf = new Map(columns.map((p, i) => [p, i]));
    const periods = columns.map((p) => this.d.periods[p]!);
    const rows: HotPivotRow[] = [];
    let current: HotPivotRow | null = null;
    for (const r of matches) {
      if (
        current === null ||
        current.unitKey !== unitKey[r] ||
        current.indicator !== this.d.indicators[indicator[r]!]
      ) {
        current = {
          unitKey: unitKey[r]!,
          indicator: this.d.indicators[indicator[r]!]!,
          values: columns.map(() => null),
          qualifiers: columns.map(() => null),
          periods,
        };
        rows.push(current);
      }
      const column = columnOf.get(period[r]!)!;
      current.values[column] = valueMissing[r] === 1 ? null : value[r]!;
      current.qualifiers[column] = qualifier[r] === NO_CODE ? null : this.d.qualifiers[qualifier[r]!]!;
    }
    this.answered++;
    return rows;
  }

  /** Rows of `servedRowFilter` (units ascending, each unit's rows in copy order), or null if the copy lacks some. */
  private matching(
    keys: readonly number[],
    indicators: readonly string[],
    window: ValueWindow,
    options: ValueOptions,
  ): number[] | null {
    if (options.updatedAfter !== null) return null;
    const units = this.unitsOf(keys);
    if (units === null || units.some((k) => this.complete[k] === 0)) return null;
    const toDay = window.to === null ? null : dayOf(window.to);
    const fromDay = window.from === null ? null : dayOf(window.from);
    if (toDay === undefined || fromDay === undefined) return null;
    const periods =
      window.periods === null
        ? null
        : new Set(window.periods.map((p) => this.periodCode.get(p)).filter((p) => p !== undefined));
    const wanted = this.codes(indicators);
    const rollups = this.rollupsOf(options);
    const { indicator, rollup, period, startDay, endDay } = this.c;
    const rows: number[] = [];
    for (const k of units) {
      for (let r = this.unitFrom[k]!, end = this.unitTo[k]!; r < end; r++) {
        if (!wanted.has(indicator[r]!) || !rollups.has(rollup[r]!)) continue;
        if (toDay !== null && startDay[r]! > toDay) continue;
        if (fromDay !== null) {
          // An open period ends today in DuckDB's time zone (`coalesce(period_end, current_date)`): left to DuckDB.
          if (endDay[r] === NO_DAY) return null;
          if (endDay[r]! < fromDay) continue;
        }
        if (periods !== null && !periods.has(period[r]!)) continue;
        rows.push(r);
      }
    }
    return rows;
  }

  private answers(options: ValueOptions, fields: readonly PointField[] | null): boolean {
    return fields !== null && options.updatedAfter === null && fields.every((f) => HOT_FIELDS.has(f));
  }

  /** Distinct keys, ascending (the lookups' order), or null if one lies outside the copy or changed since. */
  private unitsOf(keys: readonly number[]): number[] | null {
    const units = [...new Set(keys)].sort((a, b) => a - b);
    const changed = this.changed;
    return units.every(
      (k) => Number.isInteger(k) && k >= 0 && k < this.complete.length && (changed === null || changed[k] === 0),
    )
      ? units
      : null;
  }

  private codes(indicators: readonly string[]): Set<number> {
    const codes = new Set<number>();
    for (const i of indicators) {
      const code = this.indicatorCode.get(i);
      if (code !== undefined) codes.add(code);
    }
    return codes;
  }

  /** A unit's own values and, with a rollup, those rolled up from that kind (as `servedRowFilter`). */
  private rollupsOf(options: ValueOptions): Set<number> {
    const codes = new Set<number>();
    for (const r of ['', options.rollupFrom ?? '']) {
      const code = this.rollupCode.get(r);
      if (code !== undefined) codes.add(code);
    }
    return codes;
  }

  private point(r: number, fields: readonly PointField[]): Partial<Omit<PointRow, 'subjectId'>> {
    const c = this.c;
    const point: Record<string, unknown> = {};
    for (const f of fields) {
      switch (f) {
        case 'indicator':
          point[f] = this.d.indicators[c.indicator[r]!];
          break;
        case 'period':
          point[f] = this.d.periods[c.period[r]!];
          break;
        case 'periodStart':
          point[f] = this.dateText(c.startDay[r]!);
          break;
        case 'periodEnd':
          point[f] = c.endDay[r] === NO_DAY ? null : this.dateText(c.endDay[r]!);
          break;
        case 'granularity':
          point[f] = this.d.granularities[c.granularity[r]!];
          break;
        case 'value':
          point[f] = c.valueMissing[r] === 1 ? null : c.value[r];
          break;
        case 'qualifier':
          point[f] = c.qualifier[r] === NO_CODE ? null : this.d.qualifiers[c.qualifier[r]!];
          break;
        default:
          throw new Error(`hot copy has no field ${f}`);
      }
    }
    return point as Partial<Omit<PointRow, 'subjectId'>>;
  }

  private dateText(day: number): string {
    let text = this.dayText.get(day);
    if (text === undefined) this.dayText.set(day, (text = new Date(day * DAY_MS).toISOString().slice(0, 10)));
    return text;
  }
}

/** Whether row a is later than row b under the latest rule (analytics/latest-order.ts). */
function later(a: number, b: number, startDay: Int32Array, endDay: Int32Array, period: Uint16Array): boolean {
  const ea = endDay[a] === NO_DAY ? OPEN_END_DAY : endDay[a]!;
  const eb = endDay[b] === NO_DAY ? OPEN_END_DAY : endDay[b]!;
  return isLater(startDay[a]!, ea, period[a]!, startDay[b]!, eb, period[b]!);
}

/** Days since 1970-01-01 of an ISO date, undefined for anything else (then DuckDB casts it). */
function dayOf(date: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return undefined;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const back = new Date(ms);
  return back.getUTCMonth() === Number(m[2]) - 1 && back.getUTCDate() === Number(m[3]) ? ms / DAY_MS : undefined;
}

/** The arrays and dictionaries a copy is made of. */
export interface HotValueParts {
  readonly dictionaries: HotDictionaries;
  readonly unitFrom: Int32Array;
  readonly unitTo: Int32Array;
  readonly complete: Uint8Array;
  readonly columns: HotColumns;
}

export interface HotColumns {
  readonly unitKey: Int32Array;
  readonly indicator: Uint16Array;
  readonly rollup: Uint8Array;
  readonly period: Uint16Array;
  readonly startDay: Int32Array;
  readonly endDay: Int32Array;
  readonly granularity: Uint8Array;
  readonly value: Float64Array;
  readonly valueMissing: Uint8Array;
  readonly qualifier: Uint8Array;
}

/** Typed columns filled chunk by chunk (each chunk its own small arrays), joined once at the end. */
class ColumnBuilder {
  private readonly chunks: HotColumns[] = [];

  append(vectors: readonly ScannedColumn[], n: number): void {
    if (vectors.length !== HOT_ROW_COLUMNS.length)
      throw new Error(`hot rows: expected ${HOT_ROW_COLUMNS.length} columns, got ${vectors.length}`);
    const [unitKey, indicator, rollup, period, startDay, endDay, granularity, value, qualifier] = vectors as [
      ScannedColumn,
      ScannedColumn,
      ScannedColumn,
      ScannedColumn,
      ScannedColumn,
      ScannedColumn,
      ScannedColumn,
      ScannedColumn,
      ScannedColumn,
    ];
    const c = allocate(n);
    for (let r = 0; r < n; r++) {
      c.unitKey[r] = unitKey.getItem(r) as number;
      c.indicator[r] = indicator.getItem(r) as number;
      c.rollup[r] = rollup.getItem(r) as number;
      c.period[r] = period.getItem(r) as number;
      c.startDay[r] = startDay.getItem(r) as number;
      const end = endDay.getItem(r) as number | null;
      c.endDay[r] = end === null ? NO_DAY : end;
      c.granularity[r] = granularity.getItem(r) as number;
      const v = value.getItem(r) as number | null;
      c.value[r] = v ?? 0;
      c.valueMissing[r] = v === null ? 1 : 0;
      const q = qualifier.getItem(r) as number | null;
      c.qualifier[r] = q === null ? NO_CODE : q;
    }
    this.chunks.push(c);
  }

  finish(): HotColumns {
    const all = allocate(this.chunks.reduce((n, c) => n + c.value.length, 0));
    let at = 0;
    for (const c of this.chunks) {
      for (const name of Object.keys(all) as (keyof HotColumns)[]) all[name].set(c[name] as never, at);
      at += c.value.length;
    }
    this.chunks.length = 0;
    return all;
  }
}

function allocate(rows: number): HotColumns {
  return {
    unitKey: new Int32Array(rows),
    indicator: new Uint16Array(rows),
    rollup: new Uint8Array(rows),
    period: new Uint16Array(rows),
    startDay: new Int32Array(rows),
    endDay: new Int32Array(rows),
    granularity: new Uint8Array(rows),
    value: new Float64Array(rows),
    valueMissing: new Uint8Array(rows),
    qualifier: new Uint8Array(rows),
  };
}
