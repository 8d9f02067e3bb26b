import { sql, type Fragment } from '../store/sql.js';

/**
 * The earlier versions of one row, oldest first: each with the import that wrote it, the one that
 * replaced or retired it, and when (row_history, migration 006). Origins are left out: a user's
 * is a path on the machine that loaded it; the import's kind says whose load it was.
 */
export function rowHistory(table: string, key: string): Fragment {
  return sql`SELECT h.table_name AS "table", h.row_key AS "key", h.old_row::VARCHAR AS "row", h.change,
      h.written_by AS "writtenBy", w.kind AS "writtenByKind", h.replaced_by AS "replacedBy", r.kind AS "replacedByKind",
      strftime(h.replaced_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS "replacedAt"
    FROM row_history h JOIN imports w ON w.id = h.written_by JOIN imports r ON r.id = h.replaced_by
    WHERE h.table_name = ${table} AND h.row_key = ${key}
    ORDER BY h.replaced_by, h.replaced_at`;
}
