import { sql, raw, type Fragment } from '../store/sql.js';
import { domainBoundSql } from '../domain/indicator-semantics.js';

const MIN = 'i.domain_min';
const MAX = 'i.domain_max';
/**
 * Each indicator's domain bounds, worked out once per indicator (a few dozen rows) rather than
 * spelled as a CASE at each of the twenty-odd places below that read a bound. DuckDB plans a
 * statement afresh for every set of arguments, and the inline copies were a third of the
 * planning: a refresh's rollup statement took 44 ms to plan with them and 29 ms without
 * (EXPLAIN, median of 15).
 */
const DOMAIN_BOUNDS = `SELECT code, ${domainBoundSql('value_type', 'min')} AS domain_min, ${domainBoundSql('value_type', 'max')} AS domain_max FROM indicators`;
/**
 * An open bound becomes the domain's (still open where the domain is), a bound past the domain its
 * edge. least/greatest skip NULLs, so an open bound is handled first: clamped, it would take the
 * opposite edge.
 */
const LOWER = `CASE WHEN r.lower IS NULL THEN ${MIN} ELSE least(greatest(r.lower, ${MIN}), ${MAX}) END`;
const UPPER = `CASE WHEN r.upper IS NULL THEN ${MAX} ELSE greatest(least(r.upper, ${MAX}), ${MIN}) END`;
/**
 * A value its inputs do not pin down: an unknown share (no value), or an interval that is open on
 * both sides or spans the whole domain ("more than 27,000 of more than 49,000" is any share).
 */
const UNKNOWN = `(r.qualifier <> 'EXACT' AND (r.value IS NULL OR (${LOWER} IS NOT DISTINCT FROM ${MIN} AND ${UPPER} IS NOT DISTINCT FROM ${MAX})))`;

/**
 * The rows of `table` (computed values: ratios, rollups, re-expressed sums) as they are served:
 * the interval clipped to the indicator's domain (src/domain/indicator-semantics.ts: a share's
 * to [0, 1], a count's to [0, ∞)), and a value its inputs do not pin down given as UNKNOWN with
 * no value, its interval saying where it lies. Exact values stay as computed (a share above 1
 * from exact figures is a contradiction in the data, shown rather than hidden). The one place
 * the rule is written: every computed row of the value layer passes through here.
 */
export function settled(table: string): Fragment {
  return sql`SELECT r.* REPLACE (
      CASE WHEN ${raw(UNKNOWN)} THEN NULL ELSE r.value END AS value,
      CASE WHEN ${raw(UNKNOWN)} THEN 'UNKNOWN' ELSE r.qualifier END AS qualifier,
      CASE WHEN r.qualifier = 'EXACT' THEN r.lower ELSE ${raw(LOWER)} END AS lower,
      CASE WHEN r.qualifier = 'EXACT' THEN r.upper ELSE ${raw(UPPER)} END AS upper)
    FROM ${raw(table)} r JOIN (${raw(DOMAIN_BOUNDS)}) i ON i.code = r.indicator`;
}
