import { sql, raw, type Fragment } from '../store/sql.js';
import { sourceIdsOf } from '../sql/source-ids-sql.js';
import { derivedQualifier, numberText, triple } from './interval-sql.js';

/*
 * Figures re-expressed on another date's units (the `geography` value option): for a period when
 * an asked unit did not exist, its value is rebuilt from the units that did, through unit_lineage
 * followed over several generations. Only SUM indicators are re-expressed; ratios are then
 * computed from re-expressed parts by the value layer's own_computed step, never averaged.
 *
 * Forwards (the unit was formed after the period; old units -> the unit): each predecessor
 * path carries the product of its weights (MERGE, RENAME and CONTINUED carry 1; a SPLIT its
 * stated share, or none when the share is not known).
 * Backwards (the unit ended before the period; later units -> the unit): a successor with one
 * predecessor is wholly the unit's; one made from several gives the unit an unknown share.
 *
 * A term with an unknown share is the interval [0, value] (statistics here are non-negative, as
 * in interval-sql.ts); a sum holding one has no point value (value NULL) but both bounds, and
 * qualifier ABOUT. A period is re-expressed only when every unit that existed then on the paths
 * reported it (`reporting` = `expected`): a sum over some of them would be a lower bound only for
 * quantities that cannot fall, and a ratio of two partial sums says nothing, so it is dropped.
 */

/** The date whose units are meant: 'CURRENT' is today, read when the statement runs. */
export function geographyDate(geography: string): Fragment {
  return geography === 'CURRENT' ? sql`current_date` : sql`${geography}::DATE`;
}

/** How a re-expressed value's formula begins, naming the geography. */
export function geographyLabel(geography: string): string {
  return geography === 'CURRENT'
    ? "reconstructed on today's geography: "
    : `reconstructed on the units of ${geography}: `;
}

/** How far lineage is followed (generations). */
const LINEAGE_DEPTH = 8;

/**
 * `geo_paths(target, unit, factor, lo, hi, lineage_sources)`: for every subject in force on the
 * geography's date, the units whose figures stand for it in periods starting in [lo, hi) (NULL:
 * unbounded), with the share of the unit's figure that is the target's (NULL: not known) and the
 * sources of the lineage rows followed. Needs `subjects`.
 */
export function geographyPathCtes(geography: string): Fragment {
  const day = geographyDate(geography);
  return sql`geo_targets AS (
      SELECT u.id FROM units u WHERE u.id IN (SELECT id FROM subjects)
        AND (u.valid_from IS NULL OR u.valid_from <= ${day}) AND (u.valid_to IS NULL OR u.valid_to > ${day})
    ),
    -- A successor made from one predecessor is wholly that predecessor's (going backwards).
    geo_edges AS (
      SELECT predecessor_id, successor_id, changed_on, weight, source_id,
             count(*) OVER (PARTITION BY successor_id, changed_on) = 1 AS sole
      FROM unit_lineage WHERE successor_id IS NOT NULL AND kind <> 'ABOLISH'
    ),
    -- Each step goes strictly earlier (forwards) or later (backwards) in time, so no path loops.
    geo_ancestors(target, unit, factor, known, edge_on, depth, lineage_sources) AS (
      SELECT id, id, 1.0::DOUBLE, true, NULL::DATE, 0, []::VARCHAR[] FROM geo_targets
      UNION ALL
      SELECT w.target, e.predecessor_id, w.factor * coalesce(e.weight, 1), w.known AND e.weight IS NOT NULL, e.changed_on,
             w.depth + 1, list_append(w.lineage_sources, e.source_id)
      FROM geo_ancestors w JOIN geo_edges e ON e.successor_id = w.unit
      WHERE e.changed_on <= ${day} AND (w.edge_on IS NULL OR e.changed_on < w.edge_on) AND w.depth < ${raw(String(LINEAGE_DEPTH))}
    ),
    geo_descendants(target, unit, known, edge_on, depth, lineage_sources) AS (
      SELECT id, id, true, NULL::DATE, 0, []::VARCHAR[] FROM geo_targets
      UNION ALL
      SELECT w.target, e.successor_id, w.known AND e.sole, e.changed_on, w.depth + 1, list_append(w.lineage_sources, e.source_id)
      FROM geo_descendants w JOIN geo_edges e ON e.predecessor_id = w.unit
      WHERE e.changed_on > ${day} AND (w.edge_on IS NULL OR e.changed_on > w.edge_on) AND w.depth < ${raw(String(LINEAGE_DEPTH))}
    ),
    -- An ancestor stands for the target from its own start until its path's first change; a
    -- descendant from its path's last change (or its own start) until its end. least/greatest skip NULLs.
    geo_paths AS MATERIALIZED (
      SELECT w.target, w.unit, CASE WHEN w.known THEN w.factor END AS factor, u.valid_from AS lo,
             least(w.edge_on, u.valid_to) AS hi, w.lineage_sources
      FROM geo_ancestors w JOIN units u ON u.id = w.unit WHERE w.depth > 0
      UNION ALL
      SELECT w.target, w.unit, CASE WHEN w.known THEN 1.0 END, greatest(w.edge_on, u.valid_from), u.valid_to, w.lineage_sources
      FROM geo_descendants w JOIN units u ON u.id = w.unit WHERE w.depth > 0
    )`;
}

/** A path holds at a period starting on `start`. */
const holds = (p: string, start: string) =>
  `(${p}.lo IS NULL OR ${p}.lo <= ${start}) AND (${p}.hi IS NULL OR ${start} < ${p}.hi)`;

const number = numberText;

/**
 * `geo_reported`: the targets' re-expressed values (basis RECONSTRUCTED), shaped as
 * `own_recorded` (the units' reported own values, which must hold the paths' units too), for
 * (target, indicator, period) the target has no figure of its own for. `formula` lists the terms.
 */
export function geographyValueCtes(): Fragment {
  return sql`geo_terms AS (
      SELECT p.target AS subject_id, r.indicator, r.period, r.period_start, r.period_end, r.granularity, r.value, r.lower, r.upper,
             r.qualifier, p.factor, r.subject_id AS unit, p.lineage_sources || r.source_ids AS source_ids, r.recorded_at
      FROM geo_paths p JOIN own_recorded r ON r.subject_id = p.unit
      WHERE ${raw(holds('p', 'r.period_start'))}
        AND r.indicator IN (SELECT code FROM indicators WHERE aggregation = 'SUM')
        AND NOT EXISTS (SELECT 1 FROM own_recorded o WHERE o.subject_id = p.target AND o.indicator = r.indicator AND o.period = r.period)
    ),
    -- How many units stood for the target in each period (whether they reported or not).
    geo_expected AS (
      SELECT k.subject_id, k.period, count(DISTINCT p.unit)::INTEGER AS n
      FROM (SELECT DISTINCT subject_id, period, period_start FROM geo_terms) k
      JOIN geo_paths p ON p.target = k.subject_id AND ${raw(holds('p', 'k.period_start'))}
      GROUP BY k.subject_id, k.period
    ),
    geo_sums AS (
      SELECT t.subject_id, t.indicator, t.period, min(t.period_start) AS period_start, max(t.period_end) AS period_end,
             min(t.granularity) AS granularity,
             CASE WHEN bool_and(t.factor IS NOT NULL AND t.value IS NOT NULL) THEN sum(t.value * t.factor) END AS value,
             CASE WHEN bool_or(t.factor IS NOT NULL AND t.lower IS NULL) THEN NULL ELSE sum(coalesce(t.lower * t.factor, 0)) END AS lower,
             CASE WHEN bool_or(t.upper IS NULL) THEN NULL ELSE sum(t.upper * coalesce(t.factor, 1)) END AS upper,
             bool_and(t.qualifier = 'EXACT' AND t.factor IS NOT NULL) AS all_exact,
             ${sourceIdsOf('t.source_ids')} AS source_ids, count(DISTINCT t.unit)::INTEGER AS reporting,
             max(t.recorded_at) AS recorded_at,
             string_agg(CASE WHEN t.factor IS NULL THEN 'an unknown share of ' WHEN t.factor = 1 THEN '' ELSE ${raw(number('t.factor'))} || ' × ' END
               || coalesce(${raw(number('t.value'))}, '?') || ' (' || t.unit || ')', ' + ' ORDER BY t.unit) AS terms
      FROM geo_terms t GROUP BY t.subject_id, t.indicator, t.period
    ),
    geo_reported AS (
      SELECT s.subject_id, s.indicator, s.period, s.period_start, s.period_end, s.granularity, s.value,
             ${raw(derivedQualifier('s.all_exact', triple('s')))} AS qualifier,
             s.lower, s.upper, s.source_ids, NULL::BIGINT AS observation_id, true AS derived, 'RECONSTRUCTED' AS basis,
             s.reporting, e.n AS expected, s.recorded_at, s.terms AS formula, NULL::VARCHAR AS scope
      FROM geo_sums s JOIN geo_expected e ON e.subject_id = s.subject_id AND e.period = s.period
      WHERE s.reporting = e.n
    )`;
}
