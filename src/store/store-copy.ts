import type { Store } from './store.js';

/** What one in-memory copy reads: a cheap mark of what it depends on, and the copy itself. */
export interface CopySource<T> {
  /** Changes whenever what `load` would read changes (counts and import ids, say). */
  mark(): Promise<string>;
  /**
   * `signal` aborts when the copy is stopped: a long load gives up between its statements.
   * `mark`: what `mark()` said just before (a load kept in a warm file is kept under it).
   */
  load(signal: AbortSignal, mark: string): Promise<T>;
}

/** After a failed load, reads go without the copy this long before the next read tries again. */
const RETRY_AFTER_MS = 5_000;

/**
 * Something read from the store and held in memory as of the commit it was read at: the
 * hierarchy, the serving layer's unit keys. A store file has one writer at a time and this
 * process is it or the store is read-only (as for the result cache), so a copy stays right until
 * this process commits. After a commit the next read checks the mark: unchanged (a write that
 * touched other tables), the copy is kept; changed, it is loaded again. Until a copy is there,
 * `current()` is null and readers take their statement path (slower, same answers). One check or
 * load runs at a time, in the background, not before `after` settles: a server passes its
 * listening, as decoding a copy on the main thread would otherwise delay it.
 */
export class StoreCopy<T> {
  private loaded: { version: number; mark: string; value: T } | null = null;
  private running: Promise<void> | null = null;
  private failedAt = -Infinity;
  private readonly stopping = new AbortController();
  /** Why the last check or load failed, for the server's log (reads meanwhile go without the copy). */
  lastError: string | null = null;

  constructor(
    private readonly store: Pick<Store, 'commits'>,
    private readonly source: CopySource<T>,
    private readonly after: Promise<unknown> = Promise.resolve(),
  ) {}

  /** The copy as of the latest commit; null while it is checked or loaded (which this starts). */
  current(): T | null {
    const version = this.store.commits;
    if (this.loaded?.version === version) return this.loaded.value;
    this.refresh(version);
    return null;
  }

  /** Resolves once the check or load the latest read started has ended (the copy may still be missing if it failed or a commit overtook it). */
  ready(): Promise<void> {
    this.current();
    return this.settled();
  }

  /** Resolves once a check or load in progress ends, starting none: what closing the store must wait for. */
  settled(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  /**
   * No check or load starts from now on, and one in progress gives up at its next statement;
   * resolves once it has. Before closing the store: a load that started after a plain
   * `settled()` would run its statements on a closed store.
   */
  async stop(): Promise<void> {
    this.stopping.abort('stopped');
    await this.settled();
  }

  private refresh(version: number): void {
    if (this.running !== null || this.stopping.signal.aborted || performance.now() - this.failedAt < RETRY_AFTER_MS)
      return;
    this.running = (async () => {
      try {
        await this.after.catch(() => undefined);
        if (this.stopping.signal.aborted) return;
        const mark = await this.source.mark();
        // A copy of an older mark is of no use any more: let it go before the new one is built.
        if (this.loaded !== null && this.loaded.mark !== mark) this.loaded = null;
        const value =
          this.loaded?.mark === mark ? this.loaded.value : await this.source.load(this.stopping.signal, mark);
        // A commit while these ran may have changed what they read: the next read checks again.
        if (version === this.store.commits) this.loaded = { version, mark, value };
        this.lastError = null;
      } catch (error) {
        this.lastError = error instanceof Error ? error.message : String(error);
        this.failedAt = performance.now();
      } finally {
        this.running = null;
      }
    })();
  }
}
