import type { RequestInfo } from '../graphql/context.js';
import type { Admission } from './admission.js';

/**
 * Runs a request's DuckDB work (a GraphQL operation, an export): through the admission queue,
 * under the time limit, tracked so that shutdown can wait for it and then interrupt it.
 *
 * The time limit counts from when the work gets to run, not while it queues, and it fires the
 * signal every statement of the request runs under: DuckDB interrupts the statement. JavaScript
 * cannot be interrupted, so the work is also given `expired`, a look at the clock: code that builds
 * a large answer checks it between turns (the timer can only fire when the event loop does), and
 * the route checks it once the answer is serialised, so an answer past its limit is never sent.
 * Admission does not weigh requests by cost yet (its lanes belong in Admission.enter).
 */
export class AdmittedWork {
  private readonly inFlight = new Set<AbortController>();
  private drained: (() => void) | null = null;
  private interrupted = false;

  constructor(
    private readonly admission: Admission,
    private readonly timeoutMs: number,
  ) {}

  /** Requests executing and waiting for a slot, for readiness probes and tests. */
  stats(): { running: number; queued: number } {
    return { running: this.inFlight.size, queued: this.admission.queued };
  }

  async run<T>(info: RequestInfo, work: (signal: AbortSignal, expired: () => boolean) => Promise<T>): Promise<T> {
    const release = await this.admission.enter();
    const controller = new AbortController();
    this.inFlight.add(controller);
    const deadline = performance.now() + this.timeoutMs;
    const timer = setTimeout(() => controller.abort('timeout'), this.timeoutMs);
    // Past the deadline with the timer not yet run (the loop was busy): the same as the timer firing.
    const expired = () => {
      if (!controller.signal.aborted && performance.now() >= deadline) controller.abort('timeout');
      return controller.signal.aborted && controller.signal.reason === 'timeout';
    };
    // A request that waited in the queue past the shutdown grace period does not start work.
    if (this.interrupted) controller.abort('shutdown');
    try {
      return await work(controller.signal, expired);
    } finally {
      if (controller.signal.aborted) info.timedOut = controller.signal.reason === 'timeout';
      clearTimeout(timer);
      this.inFlight.delete(controller);
      if (this.inFlight.size === 0) this.drained?.();
      release();
    }
  }

  /** Shutdown past its grace period: what runs is interrupted inside DuckDB, what waits never starts. */
  interruptAll(): void {
    this.interrupted = true;
    for (const controller of this.inFlight) controller.abort('shutdown');
  }

  /** Resolves once no work is running (the caller closes DuckDB next). */
  async idle(): Promise<void> {
    if (this.inFlight.size > 0) await new Promise<void>((resolve) => (this.drained = resolve));
  }
}
