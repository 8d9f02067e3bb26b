import { sql, raw, type Fragment } from '../store/sql.js';
import { valuesCtes, type SubjectSet, type ValueOptions } from './values-sql.js';
import { pointStruct } from './point-sql.js';
import { ABSOLUTE_CHANGE_VALUE, changeColumns, reportedChangeCte } from './change-sql.js';
import { ALL_RANK_COLUMNS, type RankColumns } from '../domain/change-measures.js';

export type RankBy = 'VALUE' | 'ABSOLUTE_CHANGE' | 'PERCENT_CHANGE';

const SORT_KEY: Record<RankBy, string> = {
  VALUE: 'b.value',
  ABSOLUTE_CHANGE: ABSOLUTE_CHANGE_VALUE,
  PERCENT_CHANGE: '((b.value / nullif(a.value, 0)) - 1) * 100',
};

/** What a ranking ranks, as `rankedCtes` needs it. */
interface RankedScope {
  readonly set: SubjectSet;
  readonly indicator: string;
  readonly by: RankBy;
  readonly from: string | null;
  readonly to: string;
  readonly descending: boolean;
  readonly options: ValueOptions;
}

/** The ranking's CTEs up to `ranked` (every unit with a finite sort key, its rank and the peer count). */
function rankedCtes({ set, indicator, by, from, to, descending, options }: RankedScope): Fragment {
  const periods = from === null ? [to] : [from, to];
  const direction = raw(descending ? 'DESC' : 'ASC');
  return sql`${valuesCtes(set, [indicator], { from: null, to: null, periods }, options)},
    ${reportedChangeCte(indicator, { from, to }, options)},
    sorted AS (
      SELECT s.id AS subject_id, ${raw(SORT_KEY[by])} AS sort_value
      FROM subjects s
      LEFT JOIN vals a ON a.subject_id = s.id AND a.period = ${from}
      LEFT JOIN vals b ON b.subject_id = s.id AND b.period = ${to}
      LEFT JOIN reported_change r ON r.subject_id = s.id
    ),
    ranked AS (
      SELECT *, rank() OVER (ORDER BY sort_value ${direction})::INTEGER AS rank, count(*) OVER ()::INTEGER AS peer_count
      FROM sorted WHERE sort_value IS NOT NULL AND isfinite(sort_value)
    )`;
}

/**
 * Units of a set ranked by a value in one period or by its change between two; ties share a
 * rank (1, 2, 2, 4). Units without the figures are left out of the ranking but counted in
 * `unitCount`; `peerCount` is the number ranked.
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
  columns: RankColumns = ALL_RANK_COLUMNS,
): Fragment {
  const pair = { from: sql`${from}::VARCHAR`, to: sql`${to}::VARCHAR` };
  // Ranked on the sort key alone, and the change columns (intervals, formulas, the lineage
  // test) computed for the ranks kept only: computed for every peer first, they were a third of
  // a nationwide ranking of villages (94,256 peers for 50 kept).
  return sql`${rankedCtes({ set, indicator, by, from, to, descending, options })},
    kept AS (
      SELECT k.subject_id, k.sort_value, k.rank, k.peer_count, ${changeColumns(pair, columns.change)}, ${columns.point ? pointStruct('b') : raw('NULL')} AS point
      FROM ranked k
      LEFT JOIN vals a ON a.subject_id = k.subject_id AND a.period = ${from}
      LEFT JOIN vals b ON b.subject_id = k.subject_id AND b.period = ${to}
      LEFT JOIN reported_change r ON r.subject_id = k.subject_id
      WHERE k.rank <= ${limit}
    )
    SELECT r.subject_id AS "subjectId", r.rank, r.peer_count AS "peerCount", (SELECT count(*)::INTEGER FROM subjects) AS "unitCount",
           r.sort_value AS "sortValue", r.point, r."from", r."to", r.years, r.absolute, r.percent, r.cagr, r."index", r."crossesBoundaryChange",
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
  return sql`${rankedCtes({ set, indicator, by, from, to, descending: true, options })}
    SELECT (SELECT count(*)::INTEGER FROM ranked) AS "peerCount", (SELECT count(*)::INTEGER FROM subjects) AS "unitCount"`;
}
