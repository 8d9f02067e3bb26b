import { sql, raw, stringList, type Fragment } from '../store/sql.js';
import { valuesCtes, type ValueOptions } from './values-sql.js';
import { pointStruct } from './point-sql.js';
import { derivedQualifier, divide, minus, qualifiedText, triple } from './interval-sql.js';

/** Both ends exact: the one condition for an EXACT computed value (interval-sql.ts). */
const BOTH_EXACT = (a: string, b: string) => `(${a}.qualifier = 'EXACT' AND ${b}.qualifier = 'EXACT')`;
const SHARE = divide(triple('me'), triple('par'));
/** own − children, with the interval arithmetic and qualifier rule of every computed value. */
const GAP = minus(triple('p.own_row'), triple('p.rolled_row'));

const linkValidAtPeriod = (alias: string) =>
  `(${alias}.valid_from IS NULL OR ${alias}.valid_from <= (SELECT d FROM period_day)) AND (${alias}.valid_to IS NULL OR ${alias}.valid_to > (SELECT d FROM period_day))`;

/**
 * A unit among its peers in one period: its value, its parent's value and its share of it,
 * and the median, minimum and maximum over the units of the same kind under the same parent
 * (hierarchy as it stood at the start of the period).
 */
export function peerContext(
  subjectIds: readonly string[],
  indicator: string,
  period: string,
  options: ValueOptions,
): Fragment {
  const prelude = sql`asked(id) AS (SELECT unnest(${stringList(subjectIds)})),
    period_day AS (SELECT period_start(${period}) AS d),
    parent_of AS (
      SELECT a.id, l.parent_id FROM asked a JOIN unit_links l ON l.child_id = a.id WHERE ${raw(linkValidAtPeriod('l'))}
    ),
    peer_of AS (
      SELECT po.id AS asked_id, l.child_id AS peer_id FROM parent_of po
      JOIN unit_links l ON l.parent_id = po.parent_id
      JOIN units u ON u.id = l.child_id JOIN units me ON me.id = po.id
      WHERE u.kind = me.kind AND ${raw(linkValidAtPeriod('l'))}
    )`;
  const query = sql`SELECT id FROM asked UNION SELECT parent_id FROM parent_of UNION SELECT peer_id FROM peer_of`;
  return sql`${valuesCtes({ prelude, query }, [indicator], { from: null, to: null, periods: [period] }, options)}
    SELECT a.id AS "subjectId", ${pointStruct('me')} AS point, ${pointStruct('par')} AS "parentPoint",
      (SELECT count(*)::INTEGER FROM peer_of p WHERE p.asked_id = a.id) AS "peerCount",
      (SELECT count(v.value)::INTEGER FROM peer_of p JOIN vals v ON v.subject_id = p.peer_id WHERE p.asked_id = a.id) AS "peersReporting",
      (SELECT median(v.value) FROM peer_of p JOIN vals v ON v.subject_id = p.peer_id WHERE p.asked_id = a.id) AS median,
      (SELECT min(v.value) FROM peer_of p JOIN vals v ON v.subject_id = p.peer_id WHERE p.asked_id = a.id) AS minimum,
      (SELECT max(v.value) FROM peer_of p JOIN vals v ON v.subject_id = p.peer_id WHERE p.asked_id = a.id) AS maximum,
      (SELECT rank FROM (SELECT p.peer_id, rank() OVER (ORDER BY v.value DESC)::INTEGER AS rank FROM peer_of p JOIN vals v ON v.subject_id = p.peer_id WHERE p.asked_id = a.id) r WHERE r.peer_id = a.id) AS rank,
      CASE WHEN me.value IS NULL OR par.value IS NULL OR par.value = 0 THEN NULL ELSE {
        'value': ${raw(SHARE.value)},
        'lower': ${raw(SHARE.lower)},
        -- a part is at most its whole
        'upper': least(1, coalesce(${raw(SHARE.upper)}, 1)),
        'qualifier': ${raw(derivedQualifier(BOTH_EXACT('me', 'par'), { ...SHARE, upper: `least(1, coalesce(${SHARE.upper}, 1))` }))},
        'formula': ${raw(`${qualifiedText('me.qualifier', 'me.value')} || ' / ' || ${qualifiedText('par.qualifier', 'par.value')}`)}
      } END AS "shareOfParent"
    FROM asked a
    LEFT JOIN parent_of po ON po.id = a.id
    LEFT JOIN vals me ON me.subject_id = a.id
    LEFT JOIN vals par ON par.subject_id = po.parent_id
    ORDER BY a.id`;
}

/**
 * A parent's own figure beside the sum of its children's (descendants of one kind): both, the
 * gap (own − children) with its interval, and how many children reported.
 */
export function totalsAgainstParts(
  subjectIds: readonly string[],
  indicator: string,
  childKind: string,
  window: { from: string | null; to: string | null },
  options: ValueOptions,
): Fragment {
  // Computed, not served: it needs the own and rolled values side by side, and the serving
  // layer keeps a rolled value only where the unit has no own one.
  return sql`${valuesCtes({ ids: subjectIds }, [indicator], { ...window, periods: null }, { ...options, rollupFrom: childKind, serving: false })},
    own_points AS (SELECT * FROM own WHERE subject_id IN (SELECT id FROM subjects) AND indicator = ${indicator}),
    rolled AS (SELECT * FROM rolled_sum UNION ALL SELECT * FROM rolled_ratio),
    paired AS (
      SELECT coalesce(o.subject_id, r.subject_id) AS subject_id, coalesce(o.period, r.period) AS period,
             coalesce(o.period_start, r.period_start) AS period_start, o AS own_row, r AS rolled_row,
             coalesce(r.reporting, 0) AS reporting, coalesce(r.expected, e.n, 0) AS expected
      FROM own_points o FULL JOIN rolled r ON r.subject_id = o.subject_id AND r.period = o.period
      LEFT JOIN expected_children e ON e.parent_id = coalesce(o.subject_id, r.subject_id) AND e.period = coalesce(o.period, r.period)
    )
    SELECT p.subject_id AS "subjectId", p.period, p.reporting, p.expected,
      ${pointStruct('p.own_row')} AS own,
      ${pointStruct('p.rolled_row')} AS children,
      CASE WHEN p.own_row.subject_id IS NULL OR p.rolled_row.subject_id IS NULL THEN NULL ELSE {
        'value': ${raw(GAP.value)},
        'lower': ${raw(GAP.lower)},
        'upper': ${raw(GAP.upper)},
        'qualifier': ${raw(derivedQualifier(BOTH_EXACT('p.own_row', 'p.rolled_row'), GAP))},
        'formula': ${raw(`'own − parts = ' || ${qualifiedText('p.own_row.qualifier', 'p.own_row.value')} || ' − ' || ${qualifiedText('p.rolled_row.qualifier', 'p.rolled_row.value')}`)}
      } END AS gap
    FROM paired p ORDER BY p.subject_id, p.period_start`;
}
