import { createHash } from 'node:crypto';
import type { onRequestHookHandler, onSendHookHandler } from 'fastify';

declare module 'fastify' {
  interface FastifyRequest {
    /** The ETag a GET query's answer gets when it succeeds; null for anything else. */
    etag: string | null;
  }
}

/**
 * The ETag of a GET query: the store is read-only while serving, so the answer is fixed by the
 * data version, the schema and the request's query string. That lets a matching If-None-Match
 * be answered 304 without executing anything.
 */
export function etagOf(dataVersion: string, schemaHash: string, search: string): string {
  const digest = createHash('sha256')
    .update(`${dataVersion}\n${schemaHash}\n${search}`)
    .digest('base64url')
    .slice(0, 27);
  return `"${digest}"`;
}

export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t === `W/${etag}`;
  });
}

export interface QueryCaching {
  /** Gives a GET its ETag, and answers 304 when the client holds it already. */
  readonly notModified: onRequestHookHandler;
  /** A successful GET answer is public for `maxAgeSeconds` under its ETag; any other answer of Apollo's is no-store. */
  readonly cacheHeaders: onSendHookHandler<unknown>;
}

/** HTTP caching of GraphQL answers, as hooks of the /graphql route. */
export function queryCaching(options: {
  dataVersion: () => string;
  schemaHash: string;
  maxAgeSeconds: number;
}): QueryCaching {
  const publicFor = `public, max-age=${options.maxAgeSeconds}`;
  return {
    notModified: (request, reply, done) => {
      if (request.method !== 'GET') {
        request.etag = null;
        done();
        return;
      }
      const etag = etagOf(options.dataVersion(), options.schemaHash, new URL(request.url, 'http://localhost').search);
      request.etag = etag;
      if (matchesIfNoneMatch(request.headers['if-none-match'], etag)) {
        reply.code(304).header('etag', etag).header('cache-control', publicFor).send();
        return;
      }
      done();
    },
    cacheHeaders: (request, reply, payload, done) => {
      // Answers that say how to cache them already (the IDE, refusals), and 204s (preflights)
      // and 304s, are left as they are.
      if (reply.statusCode === 304 || reply.statusCode === 204 || reply.hasHeader('cache-control')) {
        done(null, payload);
        return;
      }
      // A top-level "errors" key is the only unescaped `"errors"` in a result (an alias of that
      // name merely makes the answer uncacheable), so the text test avoids re-parsing it.
      if (request.etag && reply.statusCode === 200 && typeof payload === 'string' && !payload.includes('"errors"')) {
        reply.header('etag', request.etag);
        reply.header('cache-control', publicFor);
      } else {
        reply.header('cache-control', 'no-store');
      }
      done(null, payload);
    },
  };
}
