import { Store } from '../../src/store/store.js';
import { sql } from '../../src/store/sql.js';

export interface Fingerprint {
  readonly n: number;
  readonly checksum: string;
  readonly imports: number;
}

/** Row count and an order-independent checksum of every observation revision, plus the import count. */
export async function fingerprintOf(store: Store): Promise<Fingerprint> {
  const [row] = await store.all<Fingerprint>(
    'test.fingerprint',
    sql`
    SELECT count(*)::INTEGER AS n,
           coalesce(sum(hash(id, subject_id, indicator, period, value, qualifier, source_id, recorded_at, import_id))::VARCHAR, '0') AS checksum,
           (SELECT count(*)::INTEGER FROM imports) AS imports
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
