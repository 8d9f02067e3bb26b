import { LRUCache } from 'lru-cache';
import type { LinkedUnitRow, UnitRow } from '../domain/rows.js';
import type { DescendantQuery } from '../sql/units-sql.js';

/** A hierarchy edge as loaded: dates as the store gives them (ISO strings). */
export interface LinkRow {
  childId: string;
  parentId: string;
  validFrom: string | null;
  validTo: string | null;
}

/** Depth limit of an ancestor walk, as in units-sql's `ancestorsOf`. */
const MAX_ANCESTOR_DEPTH = 16;

/**
 * `unitsWithin` answers kept, and the ids they may hold together: every province's sets of a kind
 * or two (a province's communes are about 100 ids, its villages 3,500; 34 provinces, 122,000).
 */
const WITHIN_ANSWERS = { max: 256, ids: 200_000 };

/**
 * One anchor's `descendants` pages kept, of up to so many rows: a commune's villages are asked by
 * every profile of it, and building the page (filter, order, rows) cost more than the walk. Larger
 * pages are built each time.
 */
const DESCENDANT_PAGES = { max: 2048, rows: 262_144, rowsPerPage: 128 };

/** As units-sql's validAt: the date falls in [validFrom, validTo). */
const validAt = (dated: { validFrom: string | null; validTo: string | null }, asOf: string | null) =>
  asOf === null ||
  ((dated.validFrom === null || dated.validFrom <= asOf) && (dated.validTo === null || dated.validTo > asOf));

/**
 * The units and links of a store held in memory, answering the hierarchy reads of units-sql
 * with the same rows: a commune profile walks four levels of the tree, and a statement per level
 * cost more in DuckDB's planning than in its reading. Units arrive in listing order and each
 * child's links in the order its parent is chosen by (both sorted by DuckDB, so the collation is
 * the store's), and every method keeps those orders; `test/db/hierarchy-cache.test.ts` proves
 * the two paths agree.
 */
export class Hierarchy {
  private readonly byId = new Map<string, UnitRow>();
  private readonly position = new Map<string, number>();
  private readonly byAdminUnit = new Map<string, UnitRow[]>();
  private readonly up = new Map<string, LinkRow[]>();
  /**
   * The downward walk works on numbers: every id a link names gets an index, and a link's index
   * is its place in the order parents are chosen by, so ties between equally near paths go by
   * it too. A province's subtree is thousands of units; with string maps the walk took 3-5 ms.
   */
  private readonly links: readonly LinkRow[];
  private readonly walkIndex = new Map<string, number>();
  private readonly walkIds: string[] = [];
  /** The unit of each walk index (undefined: an id links name that is not a known unit). */
  private readonly unitAt: (UnitRow | undefined)[] = [];
  private readonly linkChild: Int32Array;
  private readonly downLinks: number[][] = [];
  /** Per-walk marks, reused: a unit is seen in this walk when its stamp is the walk's number. */
  private readonly stamp: Int32Array;
  private readonly depthOf: Int32Array;
  private readonly chosenLink: Int32Array;
  private walks = 0;
  /**
   * Recent `unitsWithin` answers (least recently used dropped first). A province's communes walk
   * its whole subtree (about 5,000 units, 5 ms of the only thread), and dashboards ask the same few
   * again and again; this copy never changes (a new one is loaded when units or links do), so
   * answers stay right. (Sizes are positive in lru-cache: an empty answer counts as one.)
   */
  private readonly within = new LRUCache<string, readonly string[]>({
    max: WITHIN_ANSWERS.max,
    maxSize: WITHIN_ANSWERS.ids,
    sizeCalculation: (ids) => Math.max(1, ids.length),
  });
  /** Recent anchors' `descendants` pages, as `within` (rows are shared: readers never change them). */
  private readonly pages = new LRUCache<string, readonly LinkedUnitRow[]>({
    max: DESCENDANT_PAGES.max,
    maxSize: DESCENDANT_PAGES.rows,
    maxEntrySize: DESCENDANT_PAGES.rowsPerPage,
    sizeCalculation: (rows) => Math.max(1, rows.length),
  });

  constructor(unitsInOrder: readonly UnitRow[], linksMostRecentFirst: readonly LinkRow[]) {
    unitsInOrder.forEach((unit, i) => {
      this.byId.set(unit.id, unit);
      this.position.set(unit.id, i);
      if (unit.adminUnitId !== null) push(this.byAdminUnit, unit.adminUnitId, unit);
    });
    this.links = linksMostRecentFirst;
    this.linkChild = new Int32Array(linksMostRecentFirst.length);
    linksMostRecentFirst.forEach((link, i) => {
      push(this.up, link.childId, link);
      this.linkChild[i] = this.indexOf(link.childId);
      this.downLinks[this.indexOf(link.parentId)]!.push(i);
    });
    this.walkIds.forEach((id, i) => (this.unitAt[i] = this.byId.get(id)));
    this.stamp = new Int32Array(this.walkIds.length);
    this.depthOf = new Int32Array(this.walkIds.length);
    this.chosenLink = new Int32Array(this.walkIds.length);
  }

  private indexOf(id: string): number {
    let index = this.walkIndex.get(id);
    if (index === undefined) {
      index = this.walkIds.length;
      this.walkIndex.set(id, index);
      this.walkIds.push(id);
      this.downLinks.push([]);
    }
    return index;
  }

  get unitCount(): number {
    return this.byId.size;
  }

  units(ids: readonly string[]): UnitRow[] {
    return [...new Set(ids)].flatMap((id) => this.byId.get(id) ?? []);
  }

  partyOrganisationsIn(adminIds: readonly string[]): UnitRow[] {
    return [...new Set(adminIds)].flatMap((id) => this.byAdminUnit.get(id) ?? []);
  }

  /** The chosen parent of each unit: its first valid link to a known unit. */
  parents(ids: readonly string[], asOf: string | null): LinkedUnitRow[] {
    return [...new Set(ids)].flatMap((id) => {
      for (const link of this.up.get(id) ?? []) {
        const parent = this.byId.get(link.parentId);
        if (parent && validAt(link, asOf)) return [linked(parent, id, link.validFrom, link.validTo, 1, 1)];
      }
      return [];
    });
  }

  /** Each unit's chain of chosen parents, nearest first; unlike `parents`, the choice ignores whether the parent is a known unit. */
  ancestors(ids: readonly string[], asOf: string | null): LinkedUnitRow[] {
    const chosen = (id: string) => (this.up.get(id) ?? []).find((link) => validAt(link, asOf));
    return [...new Set(ids)].flatMap((anchor) => {
      const rows: LinkedUnitRow[] = [];
      let link = chosen(anchor);
      for (let depth = 1; link && depth <= MAX_ANCESTOR_DEPTH; depth++, link = chosen(link.parentId)) {
        const unit = this.byId.get(link.parentId);
        if (unit) rows.push(linked(unit, anchor, null, null, depth, 0));
      }
      return rows;
    });
  }

  /**
   * Units below each anchor by their nearest path (links valid at `asOf`, or any), of the given
   * kinds, one page per anchor in listing order, each row counting all of its anchor's matches.
   */
  descendants(ids: readonly string[], q: DescendantQuery): LinkedUnitRow[] {
    const kinds = q.kinds === null ? null : new Set(q.kinds);
    const query = `${q.kinds?.join(',') ?? '*'}\u0000${q.asOf}\u0000${q.maxDepth}\u0000${q.offset}\u0000${q.limit}`;
    return [...new Set(ids)].flatMap((anchor) => {
      const key = `${anchor}\u0000${query}`;
      const known = this.pages.get(key);
      if (known) return known;
      const found = this.walkDown(anchor, q.asOf, q.maxDepth)
        .filter((f) => kinds === null || kinds.has(this.byId.get(f.link.childId)!.kind))
        .sort((a, b) => this.position.get(a.link.childId)! - this.position.get(b.link.childId)!);
      const page = found
        .slice(q.offset, q.offset + q.limit)
        .map((f) =>
          linked(this.byId.get(f.link.childId)!, anchor, f.link.validFrom, f.link.validTo, f.depth, found.length),
        );
      this.pages.set(key, page); // (a page over rowsPerPage is not kept: maxEntrySize)
      return page;
    });
  }

  /**
   * Units of a kind valid at `asOf` anywhere below `within` (links valid then; any link and any
   * unit without a date): the subject sets of values-sql, in id order.
   */
  unitsWithin(within: string, kind: string, asOf: string | null, maxDepth: number): readonly string[] {
    const key = `${within}\u0000${kind}\u0000${asOf}\u0000${maxDepth}`;
    const known = this.within.get(key);
    if (known) return known;
    const ids: string[] = [];
    for (const index of this.walk(within, asOf, maxDepth)) {
      const unit = this.unitAt[index]!;
      if (unit.kind === kind && validAt(unit, asOf)) ids.push(unit.id);
    }
    ids.sort();
    this.within.set(key, ids);
    return ids;
  }

  private walkDown(anchor: string, asOf: string | null, maxDepth: number): { link: LinkRow; depth: number }[] {
    return this.walk(anchor, asOf, maxDepth).map((index) => ({
      link: this.links[this.chosenLink[index]!]!,
      depth: this.depthOf[index]!,
    }));
  }

  /**
   * Walk indexes of the known units below `anchor`, breadth first, so each is kept at its
   * smallest depth, reached there by the most recent link (in `depthOf` and `chosenLink` until
   * the next walk).
   */
  private walk(anchor: string, asOf: string | null, maxDepth: number): number[] {
    const start = this.walkIndex.get(anchor);
    if (start === undefined) return [];
    if (this.walks === 0x7fffffff) {
      this.stamp.fill(0);
      this.walks = 0;
    }
    const walk = ++this.walks;
    const { stamp, depthOf, chosenLink, linkChild, links } = this;
    const reached: number[] = [];
    let frontier = [start];
    for (let depth = 1; depth <= maxDepth && frontier.length > 0; depth++) {
      const next: number[] = [];
      for (const parent of frontier) {
        for (const link of this.downLinks[parent]!) {
          if (asOf !== null && !validAt(links[link]!, asOf)) continue;
          const child = linkChild[link]!;
          if (stamp[child] !== walk) {
            stamp[child] = walk;
            next.push(child);
            reached.push(child);
          } else if (depthOf[child]! < depth || chosenLink[child]! < link) continue;
          depthOf[child] = depth;
          chosenLink[child] = link;
        }
      }
      frontier = next;
    }
    return reached.filter((index) => this.unitAt[index] !== undefined);
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function linked(
  unit: UnitRow,
  anchorId: string,
  linkValidFrom: string | null,
  linkValidTo: string | null,
  depth: number,
  totalCount: number,
): LinkedUnitRow {
  return { anchorId, linkValidFrom, linkValidTo, depth, totalCount, ...unit };
}
