import { sql, raw, stringList, type Fragment } from '../store/sql.js';

const OBSERVATION_COLUMNS = `o.id::VARCHAR AS id, o.subject_id AS "subjectId", o.indicator, o.period, o.period_start AS "periodStart",
  o.period_end AS "periodEnd", o.granularity, o.value, o.qualifier, o.lower, o.upper, o.source_id AS "sourceId",
  o.derived, o.formula, o.quote, o.note, o.scope, strftime(o.recorded_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS "recordedAt"`;

export interface ObservationFilter {
  indicators: readonly string[] | null;
  from: string | null; // first day of the earliest period asked for
  to: string | null; // last day of the latest period asked for
  asOf: string | null; // UTC 'YYYY-MM-DD HH:MM:SS.mmm': read what was recorded by then
  updatedAfter: string | null; // UTC, same form: only points whose revision was recorded later
}

/**
 * recorded_at has microseconds but `recordedAt` shows milliseconds; comparing at millisecond
 * precision makes `asOf: <a recordedAt>` include that revision instead of missing it by a few µs.
 */
const recordedMs = raw(`date_trunc('millisecond', o.recorded_at)`);

/**
 * The latest revision of each (subject, indicator, period, source) recorded by `asOf` (the same
 * rule as the current_observations view, which it equals without asOf), for the given subjects.
 */
const revisionsAsOf = (where: Fragment, f: ObservationFilter) => sql`(SELECT * EXCLUDE (revision_rank) FROM (
    SELECT o.*, row_number() OVER (PARTITION BY o.subject_id, o.indicator, o.period, o.source_id ORDER BY o.recorded_at DESC, o.id DESC) AS revision_rank
    FROM observations o
    WHERE ${where} AND (${f.asOf}::TIMESTAMP IS NULL OR ${recordedMs} <= ${f.asOf}::TIMESTAMP)
  ) WHERE revision_rank = 1 AND ${notRetractedBy(f.asOf)})`;

/**
 * A latest revision counts unless a re-import had retracted it by `asOf` (by now when null): a
 * read as of a moment before the retraction still sees the figure.
 */
export const notRetractedBy = (asOf: string | null) =>
  sql`id NOT IN (SELECT id FROM superseded_observations WHERE retracted_by IS NOT NULL
    AND (${asOf}::TIMESTAMP IS NULL OR date_trunc('millisecond', superseded_at) <= ${asOf}::TIMESTAMP))`;

const updatedAfter = (f: ObservationFilter) =>
  sql`(${f.updatedAfter}::TIMESTAMP IS NULL OR ${recordedMs} > ${f.updatedAfter}::TIMESTAMP)`;

/** A period overlaps [from, to]; an open-ended period runs to today. */
const overlaps = (f: ObservationFilter) => sql`
  (${f.to}::DATE IS NULL OR o.period_start <= ${f.to}::DATE)
  AND (${f.from}::DATE IS NULL OR coalesce(o.period_end, current_date) >= ${f.from}::DATE)`;

const indicatorFilter = (f: ObservationFilter) =>
  f.indicators === null ? sql`true` : sql`o.indicator = ANY(${stringList(f.indicators)})`;

/** Every current observation (all sources) of the subjects, oldest period first. */
export function observationsOf(subjectIds: readonly string[], f: ObservationFilter): Fragment {
  return sql`SELECT ${raw(OBSERVATION_COLUMNS)} FROM ${revisionsAsOf(sql`o.subject_id = ANY(${stringList(subjectIds)}) AND ${indicatorFilter(f)}`, f)} o
    WHERE ${overlaps(f)} AND ${updatedAfter(f)}
    ORDER BY o.subject_id, o.indicator, o.period_start, o.period, o.source_id`;
}

export function observationsByIds(ids: readonly string[]): Fragment {
  return sql`SELECT ${raw(OBSERVATION_COLUMNS)} FROM observations o WHERE o.id::VARCHAR = ANY(${stringList(ids)})`;
}

export function observationsFromSources(sourceIds: readonly string[]): Fragment {
  return sql`SELECT ${raw(OBSERVATION_COLUMNS)} FROM current_observations o
    WHERE o.source_id = ANY(${stringList(sourceIds)}) ORDER BY o.source_id, o.subject_id, o.indicator, o.period_start`;
}

/** Every revision of the points the given observations belong to, oldest first. */
export function revisionsOf(ids: readonly string[]): Fragment {
  return sql`SELECT ${raw(OBSERVATION_COLUMNS)}, a.id::VARCHAR AS "anchorId"
    FROM observations a JOIN observations o
      ON o.subject_id = a.subject_id AND o.indicator = a.indicator AND o.period = a.period AND o.source_id = a.source_id
    WHERE a.id::VARCHAR = ANY(${stringList(ids)})
    ORDER BY a.id, o.recorded_at, o.id`;
}
