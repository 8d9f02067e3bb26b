import { sql, raw, stringList, type Fragment } from '../store/sql.js';

const OBSERVATION_COLUMNS = `o.id::VARCHAR AS id, o.subject_id AS "subjectId", o.indicator, o.period, o.period_start AS "periodStart",
  o.period_end AS "periodEnd", o.granularity, o.value, o.qualifier, o.lower, o.upper, o.source_id AS "sourceId",
  o.derived, o.formula, o.quote, o.note, strftime(o.recorded_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS "recordedAt"`;

export interface ObservationFilter {
  indicators: readonly string[] | null;
  from: string | null;     // first day of the earliest period asked for
  to: string | null;       // last day of the latest period asked for
}

/** A period overlaps [from, to]; an open-ended period runs to today. */
const overlaps = (f: ObservationFilter) => sql`
  (${f.to}::DATE IS NULL OR o.period_start <= ${f.to}::DATE)
  AND (${f.from}::DATE IS NULL OR coalesce(o.period_end, current_date) >= ${f.from}::DATE)`;

const indicatorFilter = (f: ObservationFilter) =>
  f.indicators === null ? sql`true` : sql`o.indicator = ANY(${stringList(f.indicators)})`;

/** Every current observation (all sources) of the subjects, oldest period first. */
export function observationsOf(subjectIds: readonly string[], f: ObservationFilter): Fragment {
  return sql`SELECT ${raw(OBSERVATION_COLUMNS)} FROM current_observations o
    WHERE o.subject_id = ANY(${stringList(subjectIds)}) AND ${indicatorFilter(f)} AND ${overlaps(f)}
    ORDER BY o.subject_id, o.indicator, o.period_start, o.period, o.source_id`;
}

export function observationsByIds(ids: readonly string[]): Fragment {
  return sql`SELECT ${raw(OBSERVATION_COLUMNS)} FROM observations o WHERE o.id::VARCHAR = ANY(${stringList(ids)})`;
}

export function observationsFromSources(sourceIds: readonly string[]): Fragment {
  return sql`SELECT ${raw(OBSERVATION_COLUMNS)} FROM current_observations o
    WHERE o.source_id = ANY(${stringList(sourceIds)}) ORDER BY o.source_id, o.subject_id, o.indicator, o.period_start`;
}
