import type { Store } from '../store/store.js';
import type { UnitRow } from '../domain/rows.js';
import { allLinksAsJson, allUnitsAsJson, hierarchyFingerprint } from '../sql/units-sql.js';
import type { Fragment } from '../store/sql.js';
import { StoreCopy } from '../store/store-copy.js';
import { Hierarchy, type LinkRow } from './hierarchy.js';

/** Where a reader finds the in-memory hierarchy; null: not loaded yet, read it with SQL. */
export interface HierarchySource {
  current(): Hierarchy | null;
}

/**
 * The store's units and links in memory (a `StoreCopy`). Its mark is the units' and links'
 * counts and import ids (every load stamps the rows it writes with its import), so recording
 * observations keeps the copy and loading units reloads it. Loading is two statements (185,000
 * units and their links on a national store).
 */
export class HierarchyCache extends StoreCopy<Hierarchy> implements HierarchySource {
  constructor(store: Pick<Store, 'all' | 'commits'>, after?: Promise<unknown>) {
    super(
      store,
      {
        mark: async () =>
          (await store.all<{ fingerprint: string }>('hierarchy.fingerprint', hierarchyFingerprint()))[0]?.fingerprint ??
          '',
        load: () => loadHierarchy(store),
      },
      after,
    );
  }
}

async function loadHierarchy(store: Pick<Store, 'all'>): Promise<Hierarchy> {
  const [units, links] = await Promise.all([
    readJsonChunks<UnitRow>(store, 'hierarchy.units', allUnitsAsJson()),
    readJsonChunks<LinkRow>(store, 'hierarchy.links', allLinksAsJson()),
  ]);
  return new Hierarchy(units, links);
}

/**
 * Rows from chunks of JSON, parsed one at a time with requests served in between: converting
 * 185,000 rows value by value in the DuckDB client took 2.3 s of the only thread.
 */
async function readJsonChunks<T>(store: Pick<Store, 'all'>, id: string, fragment: Fragment): Promise<T[]> {
  const chunks = await store.all<{ rows: string }>(id, fragment);
  const rows: T[] = [];
  for (const chunk of chunks) {
    for (const row of JSON.parse(chunk.rows) as T[]) rows.push(row);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return rows;
}
