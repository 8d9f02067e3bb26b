import type { PointRow } from '../domain/analytics-rows.js';
import type { KeyedUnits } from './layer-choice.js';
import type { NamedPoint } from './value-request.js';

/**
 * Rows of the serving layer, found by unit key, named by the ids the keys were asked for. Rows
 * may be shared with the read cache: copied, not changed.
 */
export function namePoints(
  units: KeyedUnits,
  rows: readonly { unitKey: number; point: Partial<Omit<PointRow, 'subjectId'>> }[],
): NamedPoint[] {
  const idOfKey = new Map(units.keys.map((key, i) => [key, units.ids[i]!]));
  return rows.map((row) => {
    const subjectId = idOfKey.get(row.unitKey)!;
    return { subjectId, point: { subjectId, ...row.point } as PointRow };
  });
}
