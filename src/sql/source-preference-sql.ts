import { sql, raw, type Fragment } from '../store/sql.js';

/**
 * The one order in which a series picks among sources reporting the same period: reported
 * figures before derived ones, then a source the caller names, then publication date (most
 * recent first unless the earliest is asked for), then the source code so ties are stable.
 * Expects the observation as `o` and its source as `s`.
 */
export function sourcePreferenceOrder(preferredSource: string | null, earliestPublication: boolean): Fragment {
  const publication = raw(earliestPublication ? 's.published ASC NULLS LAST' : 's.published DESC NULLS LAST');
  return sql`o.derived, (o.source_id = ${preferredSource}) DESC NULLS LAST, ${publication}, o.source_id`;
}
