import { createHash, timingSafeEqual } from 'node:crypto';
import { GraphQLError } from 'graphql';

/**
 * Who may write: nobody when no token is configured (the server is read-only), otherwise a
 * request whose `Authorization: Bearer <token>` matches. Reads never ask.
 */
export class WriteAccess {
  private readonly digest: Buffer | null;

  constructor(token: string | null) {
    this.digest = token ? sha256(token) : null;
  }

  get enabled(): boolean {
    return this.digest !== null;
  }

  /** Throws READ_ONLY or FORBIDDEN unless the request may write. */
  check(authorization: string | null, operation: string): void {
    if (!this.digest) {
      throw new GraphQLError(
        `${operation}: this server is read-only (no write token is configured: set GRASSROOTS_WRITE_TOKEN to accept writes).`,
        { extensions: { code: 'READ_ONLY' } },
      );
    }
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    // Comparing fixed-length digests in constant time: the check leaks neither token length nor prefix.
    if (!match || !timingSafeEqual(sha256(match[1]!), this.digest)) {
      throw new GraphQLError(`${operation}: needs the write token as "Authorization: Bearer <token>".`, {
        extensions: { code: 'FORBIDDEN' },
      });
    }
  }
}

const sha256 = (text: string) => createHash('sha256').update(text).digest();
