import type { AvailabilityRow } from '../domain/analytics-rows.js';
import type { Store } from '../store/store.js';

/**
 * The availability matrix of every indicator (`availability(null)` in availability-sql.ts) as the
 * cost catalogue last read it, with the store's commit count from before that read: a
 * pre-aggregate the `availability` query answers from while no write has committed since. The
 * matrix takes a grouped pass over every current observation (0.6 s for one indicator on the
 * national store), and a dashboard asks for it on every load. After a write the count moves on,
 * so until the catalogue has read the matrix again the query runs its statement: never an answer
 * from before the write.
 */
export class KeptAvailability {
  private kept: { readonly commits: number; readonly rows: readonly AvailabilityRow[] } | null = null;

  constructor(private readonly store: Pick<Store, 'commits'>) {}

  /** The count to pass to `keep`, taken before the matrix is read. */
  commitsNow(): number {
    return this.store.commits;
  }

  keep(commits: number, rows: readonly AvailabilityRow[]): void {
    if (this.kept === null || commits >= this.kept.commits) this.kept = { commits, rows };
  }

  /** The matrix's rows of these indicators (null: all) in its order, or null when a write may have changed it. */
  rowsOf(indicators: readonly string[] | null): AvailabilityRow[] | null {
    if (this.kept === null || this.kept.commits !== this.store.commits) return null;
    if (indicators === null) return [...this.kept.rows];
    const wanted = new Set(indicators);
    return this.kept.rows.filter((row) => wanted.has(row.indicator));
  }
}
