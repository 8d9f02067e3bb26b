import { raw, sql, stringList, type Fragment } from '../store/sql.js';

/** Which findings a report lists: null means any. */
export interface FindingFilter {
  readonly kinds: readonly string[] | null;
  readonly severities: readonly string[] | null;
  /** Findings about this unit, at either end. */
  readonly unitId: string | null;
}

const where = (f: FindingFilter) => sql`(${f.kinds === null} OR kind = ANY(${stringList(f.kinds ?? [])}))
  AND (${f.severities === null} OR severity = ANY(${stringList(f.severities ?? [])}))
  AND (${f.unitId}::VARCHAR IS NULL OR unit_id = ${f.unitId} OR other_unit_id = ${f.unitId})`;

/** Most severe first, then by kind and the unit concerned: the order the report reads in. */
const SEVERITY_FIRST = `CASE severity WHEN 'ERROR' THEN 0 WHEN 'WARNING' THEN 1 ELSE 2 END`;
const ORDER = `${SEVERITY_FIRST}, kind, unit_id NULLS FIRST, message`;

/** How many findings of each kind and severity match. */
export function findingCounts(filter: FindingFilter): Fragment {
  return sql`SELECT kind, severity, count(*)::INTEGER AS count FROM data_findings WHERE ${where(filter)}
    GROUP BY kind, severity ORDER BY ${raw(SEVERITY_FIRST)}, kind`;
}

/** A page of findings with the total that match. */
export function findingsPage(filter: FindingFilter, offset: number, limit: number): Fragment {
  return sql`SELECT kind, severity, unit_id AS "unitId", other_unit_id AS "otherUnitId", message, source_ids AS "sourceIds", count(*) OVER ()::INTEGER AS "totalCount"
    FROM data_findings WHERE ${where(filter)} ORDER BY ${raw(ORDER)} LIMIT ${limit} OFFSET ${offset}`;
}
