import { sql, raw, stringList, type Fragment } from '../store/sql.js';
import { sourcePreferenceOrder } from './source-preference-sql.js';

const OBSERVATION_COLUMNS = `o.id::VARCHAR AS id, o.subject_id AS "subjectId", o.indicator, o.period, o.period_start AS "periodStart",
  o.period_end AS "periodEnd", o.granularity, o.value, o.qualifier, o.lower, o.upper, o.source_id AS "sourceId",
  o.derived, o.formula, o.quote, o.note, strftime(o.recorded_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS "recordedAt"`;

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

export type SourcePreference = 'MOST_RECENT_PUBLICATION' | 'EARLIEST_PUBLICATION';

/** The point a series shows for each (subject, indicator, period) of the subjects matched by `where`. */
function pickedSeries(
  where: Fragment,
  f: ObservationFilter,
  preference: SourcePreference,
  preferredSource: string | null,
): Fragment {
  return sql`SELECT * EXCLUDE (pick) FROM (
      SELECT ${raw(OBSERVATION_COLUMNS)}, ${recordedMs} AS "recordedMs", false AS reconstructed,
             row_number() OVER (PARTITION BY o.subject_id, o.indicator, o.period
               ORDER BY ${sourcePreferenceOrder(preferredSource, preference === 'EARLIEST_PUBLICATION')}) AS pick
      FROM ${revisionsAsOf(sql`${where} AND ${indicatorFilter(f)}`, f)} o JOIN sources s ON s.id = o.source_id
      WHERE ${overlaps(f)}
    ) WHERE pick = 1`;
}

/** A DOUBLE as text without a trailing ".0" for whole numbers (formulas are read by people). */
const number = (expr: string) =>
  raw(`CASE WHEN ${expr} = trunc(${expr}) THEN trunc(${expr})::BIGINT::VARCHAR ELSE ${expr}::VARCHAR END`);

/** How an indicator is rebuilt from predecessors: summed, or as a ratio of summed parts. */
export type Reconstruction =
  | { readonly aggregation: 'SUM'; readonly indicator: string }
  | {
      readonly aggregation: 'RATIO';
      readonly indicator: string;
      readonly numerator: string;
      readonly denominator: string;
    };

/**
 * A series on today's geography: a unit's own points, and for periods that ended before it
 * was formed, the weighted sum of its predecessors' points (ratios recomputed from summed
 * numerators and denominators, never averaged). A period is reconstructed only when every
 * predecessor reports it; such points are flagged `reconstructed`, carry their terms in
 * `formula`, and cite the source of the lineage. One generation of lineage is followed.
 */
export function reconstructedSeriesOf(
  subjectIds: readonly string[],
  f: ObservationFilter,
  preference: SourcePreference,
  preferredSource: string | null,
  r: Reconstruction,
): Fragment {
  const parts = r.aggregation === 'RATIO' ? [r.numerator, r.denominator] : [r.indicator];
  const partFilter: ObservationFilter = { ...f, indicators: parts, updatedAfter: null };
  const own = pickedSeries(
    sql`o.subject_id = ANY(${stringList(subjectIds)})`,
    { ...f, updatedAfter: null },
    preference,
    preferredSource,
  );
  const combined =
    r.aggregation === 'RATIO'
      ? sql`SELECT n.target, n.period, n.ps, n.pe, n.g, n.value / d.value AS value, NULL::DOUBLE AS lower, NULL::DOUBLE AS upper,
             n.exact AND d.exact AS exact, greatest(n.rec, d.rec) AS rec, greatest(n.ms, d.ms) AS ms,
             '(' || n.terms || ') / (' || d.terms || ')' AS terms
        FROM complete n JOIN complete d ON d.target = n.target AND d.period = n.period AND d.indicator = ${r.denominator}
        WHERE n.indicator = ${r.numerator} AND d.value > 0`
      : sql`SELECT target, period, ps, pe, g, value, lower, upper, exact, rec, ms, terms FROM complete WHERE indicator = ${r.indicator}`;
  return sql`WITH links AS (
      SELECT successor_id AS target, predecessor_id AS pred, weight, changed_on, source_id AS lineage_source
      FROM unit_lineage WHERE successor_id = ANY(${stringList(subjectIds)}) AND kind IN ('MERGE', 'SPLIT', 'RENAME')
    ), own AS (
      ${own}
    ), targets AS (
      SELECT target, count(*) AS preds, min(lineage_source) AS lineage_source FROM links GROUP BY target
    ), parts AS (
      ${pickedSeries(sql`o.subject_id IN (SELECT pred FROM links)`, partFilter, preference, preferredSource)}
    ), sums AS (
      SELECT l.target, p.indicator, p.period, any_value(p."periodStart") AS ps, any_value(p."periodEnd") AS pe, any_value(p.granularity) AS g,
             sum(l.weight * p.value) AS value,
             CASE WHEN count(p.lower) = count(*) THEN sum(l.weight * p.lower) END AS lower,
             CASE WHEN count(p.upper) = count(*) THEN sum(l.weight * p.upper) END AS upper,
             bool_and(p.qualifier = 'EXACT') AS exact, max(p."recordedAt") AS rec, max(p."recordedMs") AS ms, count(*) AS n,
             string_agg(CASE WHEN l.weight = 1 THEN '' ELSE ${number('l.weight')} || ' × ' END || ${number('p.value')} || ' (' || p."subjectId" || ')', ' + ' ORDER BY p."subjectId") AS terms
      FROM links l JOIN parts p ON p."subjectId" = l.pred
      WHERE p."periodEnd" < l.changed_on
      GROUP BY l.target, p.indicator, p.period
    ), complete AS (
      SELECT s.* FROM sums s JOIN targets t USING (target) WHERE s.n = t.preds
    ), rebuilt AS (
      SELECT 'reconstructed:' || c.target || ':' || ${r.indicator} || ':' || c.period AS id, c.target AS "subjectId", ${r.indicator} AS indicator, c.period,
             c.ps AS "periodStart", c.pe AS "periodEnd", c.g AS granularity, c.value,
             CASE WHEN c.exact THEN 'EXACT' ELSE 'ABOUT' END AS qualifier,
             CASE WHEN c.exact THEN c.value ELSE c.lower END AS lower, CASE WHEN c.exact THEN c.value ELSE c.upper END AS upper,
             t.lineage_source AS "sourceId", true AS derived, 'reconstructed on today''s geography: ' || c.terms AS formula,
             NULL AS quote, NULL AS note, c.rec AS "recordedAt", c.ms AS "recordedMs", true AS reconstructed
      FROM (${combined}) c JOIN targets t USING (target)
    ), merged AS (
      SELECT * FROM own
      UNION ALL BY NAME
      SELECT * FROM rebuilt r WHERE NOT EXISTS (SELECT 1 FROM own WHERE own."subjectId" = r."subjectId" AND own.period = r.period)
    )
    SELECT * EXCLUDE ("recordedMs") FROM merged
    WHERE (${f.updatedAfter}::TIMESTAMP IS NULL OR "recordedMs" > ${f.updatedAfter}::TIMESTAMP)
    ORDER BY "subjectId", indicator, "periodStart", period`;
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
