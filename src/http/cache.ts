import { createHash } from 'node:crypto';

/**
 * The ETag of a GET query: the store is read-only while serving, so the answer is fixed by the
 * data version, the schema and the request's query string. That lets a matching If-None-Match
 * be answered 304 without executing anything.
 */
export function etagOf(dataVersion: string, schemaHash: string, search: string): string {
  const digest = createHash('sha256').update(`${dataVersion}\n${schemaHash}\n${search}`).digest('base64url').slice(0, 27);
  return `"${digest}"`;
}

export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t === `W/${etag}`;
  });
}
