import { HttpError } from './http-error.js';

/**
 * Bounds concurrency on purpose: at most `maxActive` requests execute (one per pool connection),
 * at most `maxQueued` wait behind them, and the rest are refused at once with 503 rather than
 * queued without end while their clients time out.
 */
export class Admission {
  private active = 0;
  private readonly queue: (() => void)[] = [];

  constructor(
    readonly maxActive: number,
    readonly maxQueued: number,
    private readonly retryAfterSeconds = 1,
  ) {}

  get queued(): number {
    return this.queue.length;
  }

  /** Resolves with a release function once the request may run; throws 503 when the queue is full. */
  async enter(): Promise<() => void> {
    if (this.active < this.maxActive) {
      this.active++;
    } else {
      if (this.queue.length >= this.maxQueued) {
        throw new HttpError(
          503,
          'OVERLOADED',
          `Server busy: ${this.maxActive} requests running and ${this.maxQueued} waiting (queueLimit = ${this.maxQueued}); retry later.`,
          { limit: 'queueLimit', max: this.maxQueued },
          { 'retry-after': String(this.retryAfterSeconds) },
        );
      }
      // The slot is handed over by release(), so `active` stays counted for us.
      await new Promise<void>((resolve) => this.queue.push(resolve));
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.queue.shift();
      if (next) next();
      else this.active--;
    };
  }
}
