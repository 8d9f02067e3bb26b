/** A request refused at the HTTP layer, before GraphQL sees it: status, code and a message naming the rule. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extensions: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  /** The GraphQL-over-HTTP error body: `{ errors: [{ message, extensions: { code, ... } }] }`. */
  body(): string {
    return JSON.stringify({ errors: [{ message: this.message, extensions: { code: this.code, ...this.extensions } }] });
  }
}
