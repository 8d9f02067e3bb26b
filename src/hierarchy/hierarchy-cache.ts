import type { Store } from '../store/store.js';
import type { UnitRow } from '../domain/rows.js';
import { allLinksAsJson, allUnitsAsJson, hierarchyFingerprint } from '../sql/units-sql.js';
import type { Fragment } from '../store/sql.js';
import { Hierarchy, type LinkRow } from './hierarchy.js';

/** Where a reader finds the in-memory hierarchy; null: not loaded yet, read it with SQL. */
export interface HierarchySource {
  current(): Hierarchy | null;
}

/** After a failed load, reads stay on SQL this long before the next read tries again. */
const RETRY_AFTER_MS = 5_000;

/**
 * The store's hierarchy in memory, as of the commit it was read at. A store file has one writer
 * at a time and this process is it or the store is read-only (as for the result cache), so the
 * copy stays right until this process commits. After a commit the next read checks the units'
 * and links' fingerprint (counts and import ids: every load stamps the rows it writes with its
 * import): unchanged, as after recording observations, the copy is kept; changed, it is reloaded.
 * Until then readers take the SQL path (slower, same answers). One check or load runs at a time,
 * in the background: the server listens without waiting. Loading is two statements (185,000
 * units and their links on a national store).
 */
export class HierarchyCache implements HierarchySource {
  private loaded: { version: number; fingerprint: string; hierarchy: Hierarchy } | null = null;
  private running: Promise<void> | null = null;
  private failedAt = -Infinity;
  /** Why the last load failed, for the server's log (reads meanwhile stay on SQL). */
  lastError: string | null = null;

  constructor(private readonly store: Pick<Store, 'all' | 'commits'>) {}

  current(): Hierarchy | null {
    const version = this.store.commits;
    if (this.loaded?.version === version) return this.loaded.hierarchy;
    this.refresh(version);
    return null;
  }

  /** Resolves once the check or load the latest read started has ended (reads may still be on SQL if it failed or a commit overtook it). */
  ready(): Promise<void> {
    this.current();
    return this.settled();
  }

  /** Resolves once a check or load in progress ends, starting none: what closing the store must wait for. */
  settled(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  private refresh(version: number): void {
    if (this.running !== null || performance.now() - this.failedAt < RETRY_AFTER_MS) return;
    this.running = (async () => {
      try {
        const [mark] = await this.store.all<{ fingerprint: string }>('hierarchy.fingerprint', hierarchyFingerprint());
        const fingerprint = mark?.fingerprint ?? '';
        const hierarchy = this.loaded?.fingerprint === fingerprint ? this.loaded.hierarchy : await this.load();
        // A commit while these ran may have changed what they read: the next read checks again.
        if (version === this.store.commits) this.loaded = { version, fingerprint, hierarchy };
        this.lastError = null;
      } catch (error) {
        // Without the copy every hierarchy read is a statement: slower, never wrong.
        this.lastError = error instanceof Error ? error.message : String(error);
        this.failedAt = performance.now();
      } finally {
        this.running = null;
      }
    })();
  }

  private async load(): Promise<Hierarchy> {
    const [units, links] = await Promise.all([
      this.readJsonChunks<UnitRow>('hierarchy.units', allUnitsAsJson()),
      this.readJsonChunks<LinkRow>('hierarchy.links', allLinksAsJson()),
    ]);
    return new Hierarchy(units, links);
  }

  /** Rows from chunks of JSON, parsed one at a time with requests served in between. */
  private async readJsonChunks<T>(id: string, fragment: Fragment): Promise<T[]> {
    const chunks = await this.store.all<{ rows: string }>(id, fragment);
    const rows: T[] = [];
    for (const chunk of chunks) {
      for (const row of JSON.parse(chunk.rows) as T[]) rows.push(row);
      await new Promise((resolve) => setImmediate(resolve));
    }
    return rows;
  }
}
