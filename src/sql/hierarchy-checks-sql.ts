import { sql, type Fragment } from '../store/sql.js';
import { stagedWithRows } from './ingest-sql.js';

/**
 * The parent links as the load would leave them: the stored links of every other origin (this
 * origin's are replaced as a set by the staged ones) and the staged links, dates parsed.
 */
function linksAfterLoad(origin: string): Fragment {
  return sql`SELECT child_id, parent_id, valid_from, valid_to, NULL::VARCHAR AS _file, NULL::BIGINT AS _row, i.origin
      FROM unit_links l JOIN imports i ON i.id = l.import_id WHERE i.origin <> ${origin}
    UNION ALL
    SELECT child_id, parent_id, try_strptime(nullif(trim(valid_from), ''), '%Y-%m-%d')::DATE,
           try_strptime(nullif(trim(valid_to), ''), '%Y-%m-%d')::DATE, _file, _row, NULL::VARCHAR
      FROM ${stagedWithRows('unit_links')}`;
}

/** Deep enough for any real hierarchy (village, commune, district, province; committees nest a few levels). */
const MAX_DEPTH = 16;

/**
 * Rejected staged parent links that break the hierarchy once the load is applied, as (file, row,
 * column, reason): a unit with two parents on the same day (validity intervals overlap, an empty
 * end meaning still valid), and a link that makes a unit its own ancestor. Checked against what
 * the store keeps from other imports, not only the file.
 */
export function hierarchyProblems(origin: string, limit: number): Fragment {
  return sql`WITH RECURSIVE links AS MATERIALIZED (${linksAfterLoad(origin)}),
    staged AS (SELECT * FROM links WHERE _file IS NOT NULL),
    two_parents AS (
      SELECT s._file, s._row, 'parent_id' AS col,
             'the unit already has parent ' || any_value(o.parent_id ORDER BY o.parent_id) ||
             coalesce(' (loaded by ' || any_value(o.origin ORDER BY o.parent_id) || ')', ' (in this load)') ||
             ' on some of the same days; end one link (valid_to) where the other starts' AS reason
      FROM staged s JOIN links o
        ON o.child_id = s.child_id AND o.parent_id <> s.parent_id
       AND (o.valid_to IS NULL OR s.valid_from IS NULL OR o.valid_to > s.valid_from)
       AND (s.valid_to IS NULL OR o.valid_from IS NULL OR s.valid_to > o.valid_from)
      GROUP BY s._file, s._row
    ),
    -- Walk up from each staged link's parent; reaching its child again closes a cycle.
    up AS (
      SELECT s._file, s._row, s.child_id AS unit_id, s.parent_id AS reached, 1 AS depth FROM staged s
      UNION ALL
      SELECT u._file, u._row, u.unit_id, l.parent_id, u.depth + 1
      FROM up u JOIN links l ON l.child_id = u.reached
      WHERE u.reached <> u.unit_id AND u.depth < ${MAX_DEPTH}
    ),
    cycles AS (
      SELECT DISTINCT _file, _row, 'parent_id' AS col, 'the unit would be its own ancestor (' || unit_id || ' is above itself)' AS reason
      FROM up WHERE reached = unit_id
    ),
    problems AS (SELECT * FROM two_parents UNION ALL SELECT * FROM cycles)
    SELECT _file AS file, _row::INTEGER AS "row", col AS "column", reason, (count(*) OVER ())::INTEGER AS total
    FROM problems ORDER BY 1, 2 LIMIT ${limit}`;
}
