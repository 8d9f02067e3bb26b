import type { PointRow } from '../domain/analytics-rows.js';
import type { KeyedUnits } from './layer-choice.js';
import type { NamedPoint } from './value-request.js';
import { TurnClock } from '../store/turns.js';

type KeyedRow = { unitKey: number; point: Partial<Omit<PointRow, 'subjectId'>> };

/**
 * Rows of the serving layer, found by unit key, named by the ids the keys were asked for. Rows
 * may be shared with the read cache: copied, not changed.
 */
export function namePoints(units: KeyedUnits, rows: readonly KeyedRow[]): NamedPoint[] {
  const name = namer(units);
  return rows.map(name);
}

/** namePoints for a statement's rows, which may be a province's villages' series (100,000 rows): a turn at a time (src/store/turns.ts). */
export async function namePointsInTurns(units: KeyedUnits, rows: readonly KeyedRow[]): Promise<NamedPoint[]> {
  const name = namer(units);
  const named: NamedPoint[] = new Array<NamedPoint>(rows.length);
  const clock = new TurnClock();
  for (let i = 0; i < rows.length; i++) {
    if (i % 512 === 0) await clock.pause();
    named[i] = name(rows[i]!);
  }
  return named;
}

function namer(units: KeyedUnits): (row: KeyedRow) => NamedPoint {
  const idOfKey = new Map(units.keys.map((key, i) => [key, units.ids[i]!]));
  return (row) => {
    const subjectId = idOfKey.get(row.unitKey)!;
    return { subjectId, point: { subjectId, ...row.point } as PointRow };
  };
}
