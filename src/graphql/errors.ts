import { GraphQLError } from 'graphql';

/** A wrong argument: names the argument and, where there is a closed set, what is allowed. */
export class BadInputError extends GraphQLError {
  constructor(argument: string, problem: string, allowed?: readonly string[]) {
    const allowedText = allowed ? ` Allowed: ${allowed.join(', ')}.` : '';
    super(`Argument "${argument}": ${problem}.${allowedText}`, {
      extensions: { code: 'BAD_USER_INPUT', argument, ...(allowed ? { allowed } : {}) },
    });
  }
}

export class NotFoundError extends GraphQLError {
  constructor(argument: string, what: string) {
    super(`Argument "${argument}": no ${what}.`, { extensions: { code: 'NOT_FOUND', argument } });
  }
}
