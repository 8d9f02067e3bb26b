import { sql, stringList, type Fragment } from '../store/sql.js';

/** Lineage edges touching the units, seen from each: its predecessors and its successors. */
export function lineageOf(unitIds: readonly string[]): Fragment {
  return sql`SELECT * FROM (
      SELECT successor_id AS "anchorId", 'PREDECESSOR' AS direction, predecessor_id AS "otherId", kind, strftime(changed_on, '%Y-%m-%d') AS "changedOn", weight, source_id AS "sourceId", also_source_ids AS "alsoSourceIds", note
      FROM unit_lineage WHERE successor_id = ANY(${stringList(unitIds)})
      UNION ALL
      SELECT predecessor_id, 'SUCCESSOR', successor_id, kind, strftime(changed_on, '%Y-%m-%d'), weight, source_id, also_source_ids, note
      FROM unit_lineage WHERE predecessor_id = ANY(${stringList(unitIds)})
    ) ORDER BY "anchorId", direction, "changedOn", "otherId" NULLS LAST`;
}
