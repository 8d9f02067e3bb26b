import type { Store } from '../store/store.js';
import type { UnitRow } from '../domain/rows.js';
import { allLinksAsJson, allUnitsAsJson } from '../sql/units-sql.js';
import type { Fragment } from '../store/sql.js';
import { Hierarchy, type LinkRow } from './hierarchy.js';

/** Where a reader finds the in-memory hierarchy; null: not loaded yet, read it with SQL. */
export interface HierarchySource {
  current(): Hierarchy | null;
}

/**
 * The store's hierarchy in memory, as of the commit it was read at. A store file has one writer
 * at a time and this process is it or the store is read-only (as for the result cache), so the
 * copy stays right until this process commits: the commit count moving on makes the next read
 * start a reload, and until it lands readers take the SQL path (slower, same answers). Loading
 * is two statements (185,000 units and their links on a national store), in the background: the
 * server listens without waiting.
 */
export class HierarchyCache implements HierarchySource {
  private loaded: { version: number; hierarchy: Hierarchy } | null = null;
  private loading: { version: number; done: Promise<void> } | null = null;
  /** Why the last load failed, for the server's log (reads meanwhile stay on SQL). */
  lastError: string | null = null;

  constructor(private readonly store: Pick<Store, 'all' | 'commits'>) {}

  current(): Hierarchy | null {
    const version = this.store.commits;
    if (this.loaded?.version === version) return this.loaded.hierarchy;
    this.load(version);
    return null;
  }

  /** Resolves once the hierarchy of the latest commit is loaded (or failed to: reads then stay on SQL). */
  ready(): Promise<void> {
    this.current();
    return this.loading?.done ?? Promise.resolve();
  }

  /** Resolves once a load in progress ends, starting none: what closing the store must wait for. */
  settled(): Promise<void> {
    return this.loading?.done ?? Promise.resolve();
  }

  private load(version: number): void {
    if (this.loading?.version === version) return;
    const done = (async () => {
      try {
        const [units, links] = await Promise.all([
          this.readJsonChunks<UnitRow>('hierarchy.units', allUnitsAsJson()),
          this.readJsonChunks<LinkRow>('hierarchy.links', allLinksAsJson()),
        ]);
        // A commit while these ran may have changed what they read: the next read loads again.
        if (version === this.store.commits) this.loaded = { version, hierarchy: new Hierarchy(units, links) };
        this.lastError = null;
      } catch (error) {
        // Without the copy every hierarchy read is a statement: slower, never wrong.
        this.lastError = error instanceof Error ? error.message : String(error);
      }
    })();
    this.loading = { version, done };
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
