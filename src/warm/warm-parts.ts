import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../logger.js';
import { statement, type Fragment } from '../store/sql.js';
import type { Store } from '../store/store.js';
import { readWarmFile, writeWarmFile, type WarmContent } from './warm-file.js';
import { storeIdentity } from './warm-sql.js';

/** How one in-memory copy is kept in a warm file. */
export interface WarmCodec<T> {
  /** The file's name in the warm directory, and the part in its header. */
  readonly part: string;
  /**
   * What computes and encodes the copy (`warmCode`): part of the mark, so a server whose
   * statements or encoding differ from the one that wrote the file computes the copy afresh.
   */
  readonly code: string;
  encode(value: T): WarmContent;
  /** Throws if the content is not what `encode` writes (the file is then ignored as corrupt). */
  decode(content: WarmContent): T;
}

/** A codec's `code`: its own version and the text of the statements its copy is computed with. */
export function warmCode(version: number, ...fragments: Fragment[]): string {
  const hash = createHash('sha256').update(String(version));
  for (const fragment of fragments) hash.update('\u0000').update(statement('warm-code', fragment).text);
  return hash.digest('hex').slice(0, 16);
}

/** Errors of a directory this process may not write to: a read-only store's, say. Logged at info. */
const NOT_WRITABLE = new Set(['EACCES', 'EPERM', 'EROFS']);

/**
 * The warm directory beside a store (`<store>.warm/`): what a warm-up decoded from DuckDB (the
 * serving layer's hot values and unit keys, the hierarchy, the cost catalogue's counts), one file
 * per copy, each under the mark of what it was read from. A start whose marks match reads the
 * files instead of running the statements: seconds instead of a minute at national scale. Never a
 * source of truth: a missing, stale or damaged file only means the copy is computed again (and
 * the file rewritten), so deleting the directory costs time, nothing else.
 */
export class WarmParts {
  private identity: Promise<string | null> | null = null;
  private readonly writes = new Set<Promise<void>>();
  private readonly unwritable = new Set<string>();

  /**
   * `dir` null: no files, every copy computed (a store in memory, tests of the statement path).
   * The store is read for its identity; `commits` tells a copy read across a commit (not written).
   */
  constructor(
    readonly dir: string | null,
    private readonly store: Pick<Store, 'all' | 'commits'>,
    private readonly logger: Pick<Logger, 'info' | 'warn'>,
  ) {}

  /** Where a store's warm directory goes: beside its file; none for a store in memory. */
  static besideStore(path: string): string | null {
    return path === '' || path === ':memory:' || path.startsWith(':memory:') ? null : `${path}.warm`;
  }

  /**
   * The copy of `codec.part` at `mark`: from its file when the file is of this mark (and of this
   * store and code), else from `compute`, whose result is then written to the file in the
   * background (`settled` waits for that).
   */
  async through<T>(codec: WarmCodec<T>, mark: string, compute: () => Promise<T>): Promise<T> {
    const identity = this.dir === null ? null : await this.storeIdentity();
    if (identity === null) return compute();
    const fullMark = `${identity}|${codec.code}|${mark}`;
    const path = join(this.dir!, `${codec.part}.bin`);
    const started = performance.now();
    const found = await readWarmFile(path, codec.part, fullMark).catch((error: unknown) => ({
      miss: `corrupt: ${String(error)}` as const,
    }));
    if ('content' in found) {
      try {
        const value = codec.decode(found.content);
        this.logger.info({ part: codec.part, ms: Math.round(performance.now() - started) }, 'warm file read');
        return value;
      } catch (error) {
        this.logger.warn({ part: codec.part, path, problem: String(error) }, 'warm file ignored: corrupt');
      }
    } else if (found.miss.startsWith('corrupt'))
      this.logger.warn({ part: codec.part, path, problem: found.miss }, 'warm file ignored: corrupt');
    else this.logger.info({ part: codec.part, path, reason: found.miss }, 'warm file not used');
    const commits = this.store.commits;
    const value = await compute();
    // Read across a commit, the copy may be of the new data under the old mark: not kept.
    if (commits === this.store.commits) this.write(path, codec, fullMark, value);
    return value;
  }

  /** Resolves once every file write under way has ended (each logs its own failure). */
  async settled(): Promise<void> {
    while (this.writes.size > 0) await Promise.all([...this.writes]);
  }

  private write<T>(path: string, codec: WarmCodec<T>, mark: string, value: T): void {
    const started = performance.now();
    const writing = (async () => {
      try {
        await mkdir(this.dir!, { recursive: true });
        await writeWarmFile(path, codec.part, mark, codec.encode(value));
        this.logger.info({ part: codec.part, path, ms: Math.round(performance.now() - started) }, 'warm file written');
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? '';
        if (!NOT_WRITABLE.has(code))
          this.logger.warn({ part: codec.part, path, problem: String(error) }, 'warm file not written');
        else if (!this.unwritable.has(codec.part)) {
          this.unwritable.add(codec.part);
          this.logger.info({ part: codec.part, path, problem: code }, 'warm file not written: directory not writable');
        }
      }
    })();
    this.writes.add(writing);
    void writing.finally(() => this.writes.delete(writing));
  }

  private storeIdentity(): Promise<string | null> {
    this.identity ??= this.store
      .all<{ identity: string | null }>('warm.store-identity', storeIdentity())
      .then((rows) => rows[0]?.identity ?? '')
      .catch((error: unknown) => {
        this.logger.warn({ problem: String(error) }, 'warm files off: store identity not read');
        return null;
      });
    return this.identity;
  }
}
