import { sql, type Fragment } from '../store/sql.js';

/**
 * What tells one store from another at the same path, and one schema from the next: the first
 * import (every store starts with one; a store generated again gets a new time) and the
 * migrations applied (a migration can redefine a view the warm-up reads through). Part of every
 * warm file's mark, beside the part's own.
 */
export function storeIdentity(): Fragment {
  return sql`SELECT concat_ws('/', (SELECT concat_ws(',', id, started_at) FROM imports ORDER BY id LIMIT 1),
      (SELECT string_agg(version, ',' ORDER BY version) FROM schema_migrations)) AS identity`;
}
