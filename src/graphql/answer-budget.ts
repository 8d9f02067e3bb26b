import { GraphQLError } from 'graphql';
import { inTurns as inTurnsUnder } from '../store/turns.js';
import type { AnswerBudget } from './context.js';

/** Where a bulk pull that is too large for one GraphQL answer should go instead. */
export const BULK_HINT =
  'For bulk pulls use the export endpoints (/export.csv, /export.parquet, streamed from DuckDB) or the packed shape (table { packed { … } }).';

/** The message of a too-large answer: names the cap, its value, what was asked and where to go instead. */
export function tooLargeMessage(what: string, limit: string, max: number, actual: number): string {
  return `Response ${what} is ${actual}, over the limit ${limit} = ${max}. ${BULK_HINT}`;
}

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

/** A long answer list handed to GraphQL a turn at a time, stopping when the request's time is up (src/store/turns.ts). */
export function inTurns<T>(items: readonly T[], budget: AnswerBudget | undefined): readonly (T | Promise<T>)[] {
  return budget ? inTurnsUnder(items, budget.signal) : items;
}
