import type { LinkedUnitRow, UnitRow } from '../../domain/rows.js';
import { encodeCursor, type Page } from '../args.js';

/** Builds a Relay page from rows that carry the total count of the full list. */
export function toConnection<R extends object = UnitRow>(
  rows: (R & Partial<Pick<LinkedUnitRow, 'linkValidFrom' | 'linkValidTo'>> & { totalCount: number })[],
  page: Page,
  total?: number,
) {
  const totalCount = total ?? rows[0]?.totalCount ?? 0;
  const cursorAt = (i: number) => encodeCursor(page.offset + i);
  let edges:
    | { cursor: string; node: (typeof rows)[number]; linkValidFrom: string | null; linkValidTo: string | null }[]
    | undefined;
  return {
    totalCount,
    // Built when first asked for (compiled execution reads the property several times): a list
    // read through `nodes` (a commune's villages in a profile) encodes no cursor per row.
    get edges() {
      return (edges ??= rows.map((row, i) => ({
        cursor: cursorAt(i),
        node: row,
        linkValidFrom: row.linkValidFrom ?? null,
        linkValidTo: row.linkValidTo ?? null,
      })));
    },
    nodes: rows,
    pageInfo: {
      hasNextPage: page.offset + rows.length < totalCount,
      hasPreviousPage: page.offset > 0,
      startCursor: rows.length > 0 ? cursorAt(0) : null,
      endCursor: rows.length > 0 ? cursorAt(rows.length - 1) : null,
    },
  };
}
