/** Raised by a statement stopped because its request's signal aborted (the time limit). */
export class StatementInterruptedError extends Error {
  constructor(readonly reason: unknown) {
    super('statement interrupted');
  }
}
