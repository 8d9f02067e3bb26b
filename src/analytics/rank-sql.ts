import { sql, raw, type Fragment } from '../store/sql.js';
import { valuesCtes, type SubjectSet, type ValueOptions } from './values-sql.js';
import { pointStruct } from './point-sql.js';
import { absoluteChangeValue, changeColumns, reportedChangeCte } from './change-sql.js';
import { ALL_RANK_COLUMNS, type RankColumns } from '../domain/change-measures.js';

export type RankBy = 'VALUE' | 'ABSOLUTE_CHANGE' | 'PERCENT_CHANGE';

/** The sort key of each unit, from its two ends' values (`ends`) and a reported change (`r`). */
const SORT_KEY: Record<RankBy, string> = {
  VALUE: 'e.b_value',
  ABSOLUTE_CHANGE: absoluteChangeValue('e.a_value', 'e.b_value'),
  PERCENT_CHANGE: '((e.b_value / nullif(e.a_value, 0)) - 1) * 100',
};

/** What a ranking ranks, as `peersCtes` needs it. */
interface PeerScope {
  readonly set: SubjectSet;
  readonly indicator: string;
  readonly by: RankBy;
  readonly from: string | null;
  readonly to: string;
  readonly options: ValueOptions;
}

/** A ranking's peers and its direction, as `rankedCtes` needs them. */
interface RankedScope extends PeerScope {
  readonly descending: boolean;
}

/**
 * The ranking's CTEs up to `peers`: every unit with a finite sort key. The key is computed from
 * the ends' values alone, one grouped pass over `vals` (`ends`): joining the full value rows of
 * both ends to every unit carried qualifiers, intervals and dates for 117,810 villages to rank 50.
 */
function peersCtes({ set, indicator, by, from, to, options }: PeerScope): Fragment {
  const periods = from === null ? [to] : [from, to];
  return sql`${valuesCtes(set, [indicator], { from: null, to: null, periods }, options)},
    ${reportedChangeCte(indicator, { from, to }, options)},
    ends AS (
      SELECT subject_id, any_value(value) FILTER (WHERE period = ${from}) AS a_value,
             any_value(value) FILTER (WHERE period = ${to}) AS b_value
      FROM vals GROUP BY subject_id
    ),
    sorted AS (
      SELECT s.id AS subject_id, ${raw(SORT_KEY[by])} AS sort_value
      FROM subjects s
      LEFT JOIN ends e ON e.subject_id = s.id
      LEFT JOIN reported_change r ON r.subject_id = s.id
    ),
    peers AS (SELECT subject_id, sort_value FROM sorted WHERE sort_value IS NOT NULL AND isfinite(sort_value))`;
}

/**
 * `ranked`: the peers ranked 1 to `limit` (ties share a rank, so there may be more), with the peer
 * count. Only the peers at least as good as the limit-th best are sorted: a peer's rank counts the
 * better ones, all of which pass the cut, so the ranks are those of sorting every peer (a window
 * over all 94,256 villages' keys was a third of a nationwide ranking).
 */
function rankedCtes(scope: RankedScope, limit: number): Fragment {
  // Spelled out: DuckDB wants the count of max(x, n) as a constant.
  if (!Number.isSafeInteger(limit) || limit < 1) throw new Error(`bad ranking limit ${limit}`);
  const direction = raw(scope.descending ? 'DESC' : 'ASC');
  const cut = scope.descending
    ? sql`list_min(max(sort_value, ${raw(String(limit))}))`
    : sql`list_max(min(sort_value, ${raw(String(limit))}))`;
  const passes = raw(scope.descending ? '>=' : '<=');
  // Named units no more than the limit all pass the cut, so its top-n aggregate (a pipeline of
  // its own, before the ranks can start) decides nothing: only the count is needed.
  const cutNothing = 'ids' in scope.set && scope.set.ids.length <= limit;
  if (cutNothing)
    return sql`${peersCtes(scope)},
    ranked AS (
      SELECT p.subject_id, p.sort_value, rank() OVER (ORDER BY p.sort_value ${direction})::INTEGER AS rank,
             count(*) OVER ()::INTEGER AS peer_count
      FROM peers p
    )`;
  return sql`${peersCtes(scope)},
    cut AS (SELECT count(*)::INTEGER AS peer_count, ${cut} AS threshold FROM peers),
    ranked AS (
      SELECT p.subject_id, p.sort_value, rank() OVER (ORDER BY p.sort_value ${direction})::INTEGER AS rank, c.peer_count
      FROM peers p, cut c WHERE p.sort_value ${passes} c.threshold
    )`;
}

/**
 * Units of a set ranked by a value in one period or by its change between two; ties share a
 * rank (1, 2, 2, 4). Units without the figures are left out of the ranking but counted in
 * `unitCount`; `peerCount` is the number ranked.
 *
 * `entries`: the change measures and point of each unit ranked, computed for the ranks kept only
 * (computed for every peer first, they were a third of a nationwide ranking of villages). null:
 * the ranks alone, for a caller that reads the entries of the few units kept by `changeBetween`
 * or needs none. Read in the same statement, every peer's values are kept for the entries (`vals`
 * read twice is materialised whole), which costs more than reading a few units' values again when
 * the ranking keeps few of many (see `AnalyticsReader.rank`).
 */
export function rankUnits(
  set: SubjectSet,
  indicator: string,
  by: RankBy,
  from: string | null,
  to: string,
  descending: boolean,
  limit: number,
  options: ValueOptions,
  entries: RankColumns | null = ALL_RANK_COLUMNS,
): Fragment {
  const ranked = rankedCtes({ set, indicator, by, from, to, descending, options }, limit);
  const counts = sql`r.subject_id AS "subjectId", r.rank, r.peer_count AS "peerCount", (SELECT count(*)::INTEGER FROM subjects) AS "unitCount",
           r.sort_value AS "sortValue"`;
  if (entries === null) return sql`${ranked} SELECT ${counts} FROM ranked r ORDER BY r.rank, r.subject_id`;
  const pair = { from: sql`${from}::VARCHAR`, to: sql`${to}::VARCHAR` };
  return sql`${ranked},
    kept AS (
      SELECT k.subject_id, k.sort_value, k.rank, k.peer_count, ${changeColumns(pair, entries.change, entries.estimate)}, ${entries.point ? pointStruct('b') : raw('NULL')} AS point
      FROM ranked k
      LEFT JOIN vals a ON a.subject_id = k.subject_id AND a.period = ${from}
      LEFT JOIN vals b ON b.subject_id = k.subject_id AND b.period = ${to}
      LEFT JOIN reported_change r ON r.subject_id = k.subject_id
    )
    SELECT ${counts}, r.point, r."from", r."to", r.years, r.absolute, r.percent, r.cagr, r."index", r."crossesBoundaryChange",
           r.basis, r."consecutive", r.reported
    FROM kept r
    ORDER BY r.rank, r.subject_id`;
}

/**
 * A ranking's counts alone, always one row: asked when it ranks no unit, whose answer still says
 * how many units were in scope (none ranked of 45 communes is not none of 0).
 */
export function rankCounts(
  set: SubjectSet,
  indicator: string,
  by: RankBy,
  from: string | null,
  to: string,
  options: ValueOptions,
): Fragment {
  return sql`${peersCtes({ set, indicator, by, from, to, options })}
    SELECT (SELECT count(*)::INTEGER FROM peers) AS "peerCount", (SELECT count(*)::INTEGER FROM subjects) AS "unitCount"`;
}
