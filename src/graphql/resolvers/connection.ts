import type { LinkedUnitRow, UnitRow } from '../../domain/rows.js';
import { encodeCursor, type Page } from '../args.js';

/** Builds a Relay page from rows that carry the total count of the full list. */
export function toConnection(rows: (UnitRow & Partial<Pick<LinkedUnitRow, 'linkValidFrom' | 'linkValidTo'>> & { totalCount: number })[], page: Page, total?: number) {
  const totalCount = total ?? rows[0]?.totalCount ?? 0;
  const edges = rows.map((row, i) => ({
    cursor: encodeCursor(page.offset + i),
    node: row,
    linkValidFrom: row.linkValidFrom ?? null,
    linkValidTo: row.linkValidTo ?? null,
  }));
  return {
    totalCount,
    edges,
    nodes: rows,
    pageInfo: {
      hasNextPage: page.offset + rows.length < totalCount,
      hasPreviousPage: page.offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
