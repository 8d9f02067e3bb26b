import type { RequestInfo } from '../graphql/context.js';
import type { Admission } from './admission.js';

/** Takes the request's admission slot, in the heavy lane or not; the time limit starts then. */
export type Admit = (heavy: boolean) => Promise<void>;

/**
 * Runs a request's DuckDB work (a GraphQL operation, an export): through the admission queue,
 * under the time limit, tracked so that shutdown can wait for it and then interrupt it.
 *
 * The time limit counts from when the work gets to run, not while it queues, and it fires the
 * signal every statement of the request runs under: DuckDB interrupts the statement. JavaScript
 * cannot be interrupted, so the work is also given `expired`, a look at the clock: code that builds
 * a large answer checks it between turns (the timer can only fire when the event loop does), and
 * the route checks it once the answer is serialised, so an answer past its limit is never sent.
 *
 * An export is admitted at once (`run`). A GraphQL request is admitted once its cost is known
 * (`runWhenAdmitted`): the limits plugin calls `admit` after measuring it, so a heavy one takes
 * the heavy lane (Admission) and a cheap one is not queued behind it.
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
    return { running: this.inFlight.size - this.admission.queued, queued: this.admission.queued };
  }

  /** Work admitted before it starts, as a cheap request. */
  async run<T>(info: RequestInfo, work: (signal: AbortSignal, expired: () => boolean) => Promise<T>): Promise<T> {
    return this.runWhenAdmitted(info, async (signal, expired, admit) => {
      await admit(false);
      return work(signal, expired);
    });
  }

  /**
   * Work that takes its slot itself, by calling `admit` before its first statement. Until then it
   * holds no slot and runs no time limit (parsing and validating a document are bounded by
   * maxTokens); work that never calls it (a refused document) never queues.
   */
  async runWhenAdmitted<T>(
    info: RequestInfo,
    work: (signal: AbortSignal, expired: () => boolean, admit: Admit) => Promise<T>,
  ): Promise<T> {
    const controller = new AbortController();
    this.inFlight.add(controller);
    let release: (() => void) | null = null;
    let timer: NodeJS.Timeout | undefined;
    let deadline = Infinity;
    const admit: Admit = async (heavy) => {
      if (release) return;
      release = await this.admission.enter(heavy);
      deadline = performance.now() + this.timeoutMs;
      timer = setTimeout(() => controller.abort('timeout'), this.timeoutMs);
      // A request that waited in the queue past the shutdown grace period does not start work.
      if (this.interrupted) controller.abort('shutdown');
    };
    // Past the deadline with the timer not yet run (the loop was busy): the same as the timer firing.
    const expired = () => {
      if (!controller.signal.aborted && performance.now() >= deadline) controller.abort('timeout');
      return controller.signal.aborted && controller.signal.reason === 'timeout';
    };
    try {
      return await work(controller.signal, expired, admit);
    } finally {
      if (controller.signal.aborted) info.timedOut = controller.signal.reason === 'timeout';
      clearTimeout(timer);
      this.inFlight.delete(controller);
      if (this.inFlight.size === 0) this.drained?.();
      (release as (() => void) | null)?.();
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
