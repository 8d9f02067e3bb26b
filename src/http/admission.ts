import { HttpError } from './http-error.js';

/**
 * Bounds concurrency on purpose: at most `maxActive` requests execute (one per pool connection),
 * at most `maxQueued` wait behind them, and the rest are refused at once with 503 rather than
 * queued without end while their clients time out.
 *
 * Heavy requests (a cost estimate over heavyCost, src/http/limits.ts) have a lane of their own,
 * one request wide, and a freed slot goes to a waiting cheap request before a waiting heavy one.
 * Sixteen heavy requests thus never hold more than one connection, and a cheap one waits behind
 * at most the cheap ones ahead of it, not behind the heavy queue. One, because a heavy answer's
 * JavaScript (rows, nested lists, serialising) shares the one event loop with every cheap
 * request, a turn at a time (src/store/turns.ts): each heavy request building beside it adds a
 * turn to every step of a cheap one; and its DuckDB work already spreads over every core.
 */
export class Admission {
  private active = 0;
  private heavyActive = 0;
  private readonly cheapQueue: (() => void)[] = [];
  private readonly heavyQueue: (() => void)[] = [];
  readonly maxHeavy: number;

  constructor(
    readonly maxActive: number,
    readonly maxQueued: number,
    private readonly retryAfterSeconds = 1,
  ) {
    this.maxHeavy = 1;
  }

  get queued(): number {
    return this.cheapQueue.length + this.heavyQueue.length;
  }

  /** Resolves with a release function once the request may run; throws 503 when the queue is full. */
  async enter(heavy = false): Promise<() => void> {
    if (this.mayStart(heavy)) {
      this.start(heavy);
    } else {
      if (this.queued >= this.maxQueued) {
        throw new HttpError(
          503,
          'OVERLOADED',
          `Server busy: ${this.maxActive} requests running and ${this.maxQueued} waiting (queueLimit = ${this.maxQueued}); retry later.`,
          { limit: 'queueLimit', max: this.maxQueued },
          { 'retry-after': String(this.retryAfterSeconds) },
        );
      }
      // The slot is counted by dispatch() before this resolves.
      await new Promise<void>((resolve) => (heavy ? this.heavyQueue : this.cheapQueue).push(resolve));
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.active--;
      if (heavy) this.heavyActive--;
      this.dispatch();
    };
  }

  private mayStart(heavy: boolean): boolean {
    return this.active < this.maxActive && (!heavy || this.heavyActive < this.maxHeavy);
  }

  private start(heavy: boolean): void {
    this.active++;
    if (heavy) this.heavyActive++;
  }

  /** Hands free slots to waiting requests: cheap ones first, heavy ones while their lane has room. */
  private dispatch(): void {
    for (;;) {
      const heavy = this.cheapQueue.length === 0;
      const queue = heavy ? this.heavyQueue : this.cheapQueue;
      if (queue.length === 0 || !this.mayStart(heavy)) return;
      this.start(heavy);
      queue.shift()!();
    }
  }
}
