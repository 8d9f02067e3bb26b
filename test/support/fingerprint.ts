import { Store } from '../../src/store/store.js';
import { sql } from '../../src/store/sql.js';

export interface Fingerprint {
  readonly n: number;
  readonly checksum: string;
  readonly imports: number;
  /** The same over every revision of a reported change. */
  readonly changes: string;
}

/**
 * Row count and an order-independent checksum of every observation revision, the import count,
 * and a count and checksum of every reported change revision.
 */
export async function fingerprintOf(store: Store): Promise<Fingerprint> {
  const [row] = await store.all<Fingerprint>(
    'test.fingerprint',
    sql`
    SELECT count(*)::INTEGER AS n,
           coalesce(sum(hash(id, subject_id, indicator, period, value, qualifier, source_id, recorded_at, import_id))::VARCHAR, '0') AS checksum,
           (SELECT count(*)::INTEGER FROM imports) AS imports,
           (SELECT count(*) || ':' || coalesce(sum(hash(id, subject_id, indicator, from_period, to_period, value, qualifier, lower, upper, source_id, recorded_at, import_id)), 0)
              FROM reported_changes) AS changes
    FROM observations`,
  );
  return row!;
}

/** The fingerprint of a store file, opened only for the check. */
export async function fingerprint(path: string): Promise<Fingerprint> {
  const store = await Store.open({ path, poolSize: 1 });
  try {
    return await fingerprintOf(store);
  } finally {
    store.close();
  }
}
