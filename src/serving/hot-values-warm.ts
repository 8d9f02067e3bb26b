import type { WarmContent, WarmArray } from '../warm/warm-file.js';
import { warmCode, type WarmCodec } from '../warm/warm-parts.js';
import { HotValues, type HotColumns } from './hot-values.js';
import {
  hotDictionaries,
  hotLeafKeys,
  hotLeafLatestRows,
  hotUpperRows,
  type HotDictionaries,
} from './hot-values-sql.js';
import { unitKeys } from './serving-sql.js';

/** The statements' text with a made-up dictionary: what changes when the way rows are read does. */
const SAMPLE: HotDictionaries = {
  indicators: ['i'],
  periods: ['p'],
  rollups: [''],
  qualifiers: ['q'],
  granularities: ['g'],
};

/** Each column's array type (as `allocate` in hot-values.ts makes them). */
const COLUMN_TYPES: Record<keyof HotColumns, new (n: number) => WarmArray> = {
  unitKey: Int32Array,
  indicator: Uint16Array,
  rollup: Uint8Array,
  period: Uint16Array,
  startDay: Int32Array,
  endDay: Int32Array,
  granularity: Uint8Array,
  value: Float64Array,
  valueMissing: Uint8Array,
  qualifier: Uint8Array,
};

function array<A extends WarmArray>(content: WarmContent, name: string, type: new (n: number) => A): A {
  const found = content.arrays[name];
  if (!(found instanceof type)) throw new Error(`warm file: ${name} missing or not a ${type.name}`);
  return found;
}

/** The hot values as their typed arrays and dictionaries: read back without decoding a row. */
export const HOT_VALUES_WARM: WarmCodec<HotValues> = {
  part: 'hot-values',
  code: warmCode(
    1,
    hotDictionaries(),
    hotLeafKeys(),
    hotUpperRows(SAMPLE, { from: 0, to: 1 }),
    hotLeafLatestRows(SAMPLE, { from: 0, to: 1 }),
  ),
  encode(hot) {
    const p = hot.parts();
    return {
      arrays: { unitFrom: p.unitFrom, unitTo: p.unitTo, complete: p.complete, ...p.columns },
      texts: {},
      json: p.dictionaries,
    };
  },
  decode(content) {
    const columns = Object.fromEntries(
      Object.entries(COLUMN_TYPES).map(([name, type]) => [name, array(content, name, type)]),
    ) as unknown as HotColumns;
    const d = content.json as HotDictionaries;
    for (const list of ['indicators', 'periods', 'rollups', 'qualifiers', 'granularities'] as const)
      if (!Array.isArray(d?.[list])) throw new Error(`warm file: dictionary ${list} missing`);
    return HotValues.fromParts({
      dictionaries: d,
      unitFrom: array(content, 'unitFrom', Int32Array),
      unitTo: array(content, 'unitTo', Int32Array),
      complete: array(content, 'complete', Uint8Array),
      columns,
    });
  },
};

/** The serving layer's unit keys: ids in key order as JSON, keys as an array. */
export const UNIT_KEYS_WARM: WarmCodec<Map<string, number>> = {
  part: 'unit-keys',
  code: warmCode(1, unitKeys()),
  encode(keys) {
    return { arrays: { keys: Int32Array.from(keys.values()) }, texts: {}, json: [...keys.keys()] };
  },
  decode(content) {
    const ids = content.json;
    const keys = array(content, 'keys', Int32Array);
    if (!Array.isArray(ids) || ids.length !== keys.length)
      throw new Error('warm file: unit ids and keys differ in number');
    const map = new Map<string, number>();
    for (let i = 0; i < keys.length; i++) map.set(ids[i] as string, keys[i]!);
    return map;
  },
};
