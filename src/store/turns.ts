import { setImmediate as nextTurn } from 'node:timers/promises';
import { StatementInterruptedError } from './interrupted.js';

/**
 * How long one stretch of JavaScript may hold the event loop while building an answer (reading
 * DuckDB's result into rows, serialising the response) before it lets other work run: /healthz,
 * cheap requests, the time limit's own timer. Short enough that a cheap request waits a few ms
 * per turn behind a heavy one; long enough that the turns themselves cost little.
 */
export const TURN_BUDGET_MS = 4;

/**
 * A clock for cooperative yielding: `pause()` returns a promise of the next event-loop turn once
 * the current stretch has run for TURN_BUDGET_MS, and null before (so a small answer never waits
 * a turn). Callers check it between units of work (a chunk of rows, a chunk of JSON).
 */
export class TurnClock {
  private stretchStart = performance.now();

  pause(): Promise<void> | null {
    if (performance.now() - this.stretchStart < TURN_BUDGET_MS) return null;
    return nextTurn().then(() => {
      this.stretchStart = performance.now();
    });
  }
}

/** List items (or, weighed, rows) handed on per event-loop turn (by inTurns). */
export const ITEMS_PER_TURN = 500;

/**
 * A long list handed on a turn at a time. graphql-js (and the compiled execution) complete a
 * list's settled items in one synchronous stretch, and so do a DataLoader's callers when a batch
 * settles: a province's villages' series, each completed with its points, held the event loop
 * (health probes, every other request, the time limit's own timer) for seconds. Items past the
 * first turn's are promises settled one batch per event-loop turn; a batch holds `perTurn` items,
 * or items of that much `weight` (by index: a key's rows: a commune's villages weigh more than its name).
 * Between batches the loop runs, and once `signal` fires (time limit, shutdown) the rest fail with
 * the interruption the time limit raises everywhere else.
 */
export function inTurns<T>(
  items: readonly T[],
  signal?: AbortSignal,
  weight?: (index: number) => number,
  perTurn = ITEMS_PER_TURN,
): readonly (T | Promise<T>)[] {
  if (items.length <= 1 || (!weight && items.length <= perTurn)) return items;
  const out: (T | Promise<T>)[] = [];
  let turn: Promise<void> | null = null;
  let load = 0;
  for (const [i, item] of items.entries()) {
    const w = weight ? weight(i) : 1;
    load += w;
    if (load > perTurn) {
      load = w;
      turn = (turn ?? Promise.resolve()).then(async () => {
        await nextTurn();
        if (signal?.aborted) throw new StatementInterruptedError(signal.reason);
      });
    }
    out.push(turn ? turn.then(() => item) : item);
  }
  // Every batch after a failed one fails too; graphql reports the first, the rest must not go unhandled.
  turn?.catch(() => {});
  return out;
}
