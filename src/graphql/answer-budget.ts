import { setImmediate as nextTurn } from 'node:timers/promises';
import { GraphQLError } from 'graphql';
import { StatementInterruptedError } from '../store/store.js';
import type { AnswerBudget } from './context.js';

/** Where a bulk pull that is too large for one GraphQL answer should go instead. */
export const BULK_HINT =
  'For bulk pulls use the export endpoints (/export.csv, /export.parquet, streamed from DuckDB) or the packed shape (table { packed { … } }).';

/** The message of a too-large answer: names the cap, its value, what was asked and where to go instead. */
export function tooLargeMessage(what: string, limit: string, max: number, actual: number): string {
  return `Response ${what} is ${actual}, over the limit ${limit} = ${max}. ${BULK_HINT}`;
}

/** Items completed per event-loop turn: small enough that /healthz waits a few ms, large enough that the turns cost little. */
export const ITEMS_PER_TURN = 2_000;

/** A `table` answer with more rows than maxResponseRows: refused whole, naming the cap and where bulk pulls go. */
export function assertRowsWithin(budget: AnswerBudget | undefined, rows: number): void {
  if (!budget || rows <= budget.maxRows) return;
  throw new GraphQLError(tooLargeMessage('row count', 'maxResponseRows', budget.maxRows, rows), {
    extensions: {
      code: 'RESPONSE_TOO_LARGE',
      limit: 'maxResponseRows',
      max: budget.maxRows,
      actual: rows,
      http: { status: 400 },
    },
  });
}

/**
 * A long list handed to GraphQL a turn at a time. graphql-js (and the compiled execution) complete
 * a list's plain items in one synchronous stretch, which for 100,000 rows holds the event loop
 * (health probes, every other request, the time limit's own timer) for seconds. Items past the
 * first turn are promises settled one batch per event-loop turn; between batches the loop runs,
 * and a request whose signal fired (time limit, shutdown) stops building with the interruption
 * the time limit raises everywhere else.
 */
export function inTurns<T>(items: readonly T[], budget: AnswerBudget | undefined): readonly (T | Promise<T>)[] {
  if (!budget || items.length <= ITEMS_PER_TURN) return items;
  const { signal } = budget;
  const out: (T | Promise<T>)[] = items.slice(0, ITEMS_PER_TURN);
  let turn: Promise<void> = Promise.resolve();
  for (let start = ITEMS_PER_TURN; start < items.length; start += ITEMS_PER_TURN) {
    turn = turn.then(async () => {
      await nextTurn();
      if (signal.aborted) throw new StatementInterruptedError(signal.reason);
    });
    const end = Math.min(items.length, start + ITEMS_PER_TURN);
    for (let i = start; i < end; i++) out.push(turn.then(() => items[i]!));
  }
  // Every batch after a failed one fails too; graphql reports the first, the rest must not go unhandled.
  turn.catch(() => {});
  return out;
}
