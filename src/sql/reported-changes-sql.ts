import { sql, raw, stringList, type Fragment } from '../store/sql.js';
import type { ReportedChangeRow } from '../domain/rows.js';

/**
 * Reported changes (migration 009): a change a source states between two periods, kept as the
 * claim it is. These builders are the store's revision rule for them, the same as for figures:
 * the latest revision of each (subject, indicator, from, to, source), not retracted.
 */

/** How a row of reported_changes (as `alias`) gives each field of a ReportedChangeRow. */
function fieldSql(alias: string): Record<keyof ReportedChangeRow, string> {
  const a = alias;
  return {
    id: `${a}.id::VARCHAR`,
    subjectId: `${a}.subject_id`,
    indicator: `${a}.indicator`,
    fromPeriod: `${a}.from_period`,
    toPeriod: `${a}.to_period`,
    value: `${a}.value`,
    qualifier: `${a}.qualifier`,
    lower: `${a}.lower`,
    upper: `${a}.upper`,
    sourceId: `${a}.source_id`,
    quote: `${a}.quote`,
    note: `${a}.note`,
    recordedAt: `strftime(${a}.recorded_at, '%Y-%m-%dT%H:%M:%S.%gZ')`,
  };
}

/** A reported change as columns: what `reportedChangesOf` returns. */
const columns = (alias: string) =>
  Object.entries(fieldSql(alias))
    .map(([name, expr]) => `${expr} AS "${name}"`)
    .join(', ');

/** A reported change as one STRUCT (NULL when `alias` joined nothing): what a change row carries. */
export function reportedChangeStruct(alias: string): string {
  const fields = Object.entries(fieldSql(alias))
    .map(([name, expr]) => `'${name}': ${expr}`)
    .join(', ');
  return `CASE WHEN ${alias}.id IS NULL THEN NULL ELSE {${fields}} END`;
}

/**
 * The reported changes as known at `asOf` (UTC 'YYYY-MM-DD HH:MM:SS.mmm'; null: now): the latest
 * revision of each key recorded by then, unless a re-import had retracted it by then.
 */
export function reportedChangeRevisions(asOf: string | null): Fragment {
  if (asOf === null) return sql`current_reported_changes`;
  return sql`(SELECT * FROM (
      SELECT * FROM reported_changes c WHERE date_trunc('millisecond', c.recorded_at) <= ${asOf}::TIMESTAMP
      QUALIFY row_number() OVER (PARTITION BY c.subject_id, c.indicator, c.from_period, c.to_period, c.source_id
        ORDER BY c.recorded_at DESC, c.id DESC) = 1
    ) WHERE id NOT IN (SELECT id FROM superseded_reported_changes WHERE retracted_by IS NOT NULL
      AND date_trunc('millisecond', superseded_at) <= ${asOf}::TIMESTAMP))`;
}

/** Every current reported change of these units (of these indicators; null: all), latest period first. */
export function reportedChangesOf(subjectIds: readonly string[], indicators: readonly string[] | null): Fragment {
  return sql`SELECT ${raw(columns('c'))} FROM current_reported_changes c
    WHERE c.subject_id = ANY(${stringList(subjectIds)})
      AND (${indicators === null} OR c.indicator = ANY(${stringList(indicators ?? [])}))
    ORDER BY c.subject_id, c.to_start DESC, c.from_start DESC, c.indicator, c.source_id`;
}
