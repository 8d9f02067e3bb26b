import type { SqlStatement } from '../../src/store/sql.js';

/** The search text that makes the store run a statement with no practical end. */
export const SLOW_SEARCH = 'slow-statement-for-tests';

/**
 * A store rewrite (test seam) that joins the search statement for SLOW_SEARCH to a sum over
 * 10^12 rows: genuine DuckDB work that only an interrupt stops. `started` is called each time
 * such a statement is handed to DuckDB.
 */
export function slowSearchRewrite(started: () => void = () => {}): (s: SqlStatement) => SqlStatement {
  return (s) => {
    if (s.id !== 'units.search' || !s.values.includes(SLOW_SEARCH)) return s;
    started();
    return {
      ...s,
      text: `SELECT q.* FROM (${s.text}) q, (SELECT sum(hash(range)) AS s FROM range(1000000000000)) slow WHERE slow.s IS NOT NULL`,
    };
  };
}

export const SLOW_QUERY = { query: `{ localities(search: "${SLOW_SEARCH}") { totalCount nodes { code } } }` };
export const FAST_QUERY = { query: '{ locality(code: "commune/03385-2025-07-01") { name } }' };

export async function until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
