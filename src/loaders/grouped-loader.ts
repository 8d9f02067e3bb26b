import DataLoader from 'dataloader';
import { inTurns } from '../store/turns.js';

/**
 * A DataLoader for keys that share arguments (asOf, indicator, page ...): keys with the same
 * arguments go to the database as one statement, so a request costs one statement per distinct
 * argument set, whatever the number of nodes.
 */
export function groupedLoader<Args, Row, Result>(options: {
  load: (ids: string[], args: Args) => Promise<Row[]>;
  idOf: (row: Row) => string;
  collect: (rows: Row[]) => Result;
}): DataLoader<{ id: string; args: Args }, Result, string> {
  const json = jsonOnce<Args>((args) => JSON.stringify(args));
  return new DataLoader(
    async (keys) => {
      // Each key's group once: the arguments' JSON is the hot part of a batch of hundreds.
      const groupOfKey = keys.map((key) => json(key.args));
      const groups = new Map<string, { args: Args; ids: Set<string> }>();
      keys.forEach((key, k) => {
        const group = groupOfKey[k]!;
        const entry = groups.get(group) ?? { args: key.args, ids: new Set<string>() };
        entry.ids.add(key.id);
        groups.set(group, entry);
      });
      const byGroupAndId = new Map<string, Map<string, Row[]>>();
      await Promise.all(
        [...groups].map(async ([group, { args, ids }]) => {
          const rows = await options.load([...ids], args);
          const byId = new Map<string, Row[]>();
          for (const row of rows) {
            const id = options.idOf(row);
            const list = byId.get(id) ?? [];
            list.push(row);
            byId.set(id, list);
          }
          byGroupAndId.set(group, byId);
        }),
      );
      return settledInTurns(
        keys.map((key, k) => byGroupAndId.get(groupOfKey[k]!)?.get(key.id) ?? []),
        options.collect,
      );
    },
    // JSON, not separators: an id is any string a client sends.
    { cacheKeyFn: (key) => `${JSON.stringify(key.id)}${json(key.args)}` },
  );
}

/**
 * A grouped loader whose keys also share a statement across indicators: keys whose arguments
 * differ only in `indicator` go to the reader together (a profile of five series is one
 * statement, not five). Keys never split over `fields` (the point fields each reads): a group
 * reads all its keys want.
 */
export function indicatorGroupedLoader<
  Args extends { indicator: string; fields: readonly string[] | null },
  Row,
  Result,
>(options: {
  load: (ids: string[], indicators: string[], args: Args) => Promise<Row[]>;
  idOf: (row: Row) => string;
  indicatorOf: (row: Row) => string;
  collect: (rows: Row[]) => Result;
}): DataLoader<{ id: string; args: Args }, Result, string> {
  // The arguments but indicator and fields: its group's part of a key, and of its cache key.
  const rest = jsonOnce<Args>((args) => JSON.stringify({ ...args, indicator: null, fields: null }));
  const whole = jsonOnce<Args>((args) => `${JSON.stringify([args.indicator, args.fields])}${rest(args)}`);
  const groupOf = rest;
  return new DataLoader(
    async (keys) => {
      const numberOf = new Map<string, number>();
      const groups: { args: Args; ids: Set<string>; indicators: Set<string> }[] = [];
      const groupOfKey = keys.map((key) => {
        const json = groupOf(key.args);
        let group = numberOf.get(json);
        if (group === undefined) {
          group = groups.length;
          numberOf.set(json, group);
          groups.push({ args: key.args, ids: new Set<string>(), indicators: new Set<string>() });
        } else if (groups[group]!.args.fields !== key.args.fields) {
          // (the same selection hands every key the same fields array: nothing to join)
          const entry = groups[group]!;
          entry.args = { ...entry.args, fields: unionOf(entry.args.fields, key.args.fields) };
        }
        groups[group]!.ids.add(key.id);
        groups[group]!.indicators.add(key.args.indicator);
        return group;
      });
      // Rows filed per group by id, then indicator: maps, not a joined string per row (building
      // and hashing those strings was most of a profile's batch cost).
      const filed = groups.map(() => new Map<string, Map<string, Row[]>>());
      await Promise.all(
        groups.map(async ({ args, ids, indicators }, group) => {
          const rows = await options.load([...ids], [...indicators], args);
          // A single-indicator group's rows are all of that indicator.
          const single = indicators.size === 1 ? args.indicator : null;
          const byId = filed[group]!;
          for (const row of rows) {
            const id = options.idOf(row);
            const indicator = single ?? options.indicatorOf(row);
            let byIndicator = byId.get(id);
            if (!byIndicator) byId.set(id, (byIndicator = new Map()));
            const list = byIndicator.get(indicator);
            if (list) list.push(row);
            else byIndicator.set(indicator, [row]);
          }
        }),
      );
      return settledInTurns(
        keys.map((key, k) => filed[groupOfKey[k]!]!.get(key.id)?.get(key.args.indicator) ?? []),
        options.collect,
      );
    },
    // JSON, not separators: an id or indicator is any string a client sends.
    { cacheKeyFn: (key) => `${JSON.stringify(key.id)}${whole(key.args)}` },
  );
}

/**
 * A batch's results, collected from each key's rows and settled about a thousand rows a turn:
 * their callers (a province's communes' villages, each village's series completed with its
 * points) then run in turns, not in one stretch that holds the event loop for seconds. DataLoader
 * settles each key with its value, and a promise value settles the key when it does, hence the
 * cast. Batches stay batches: the loads callers make in one turn go out together.
 */
function settledInTurns<Row, Result>(rowsOfKeys: Row[][], collect: (rows: Row[]) => Result): Result[] {
  return inTurns(rowsOfKeys.map(collect), undefined, (k) => 1 + rowsOfKeys[k]!.length) as Result[];
}

/**
 * A string per arguments object, computed once per object. Resolvers hand every item of a list
 * the same arguments object (perField), so a batch of hundreds of keys builds its JSON once.
 */
function jsonOnce<Args>(toJson: (args: Args) => string): (args: Args) => string {
  const memo = new WeakMap<object, string>();
  return (args) => {
    // (some loaders' arguments are a plain string or null: nothing to keep)
    if (typeof args !== 'object' || args === null) return toJson(args);
    let json = memo.get(args);
    if (json === undefined) memo.set(args, (json = toJson(args)));
    return json;
  };
}

/** Both lists' fields, sorted so a group's statement text does not depend on key order; null (all) wins. */
function unionOf(a: readonly string[] | null, b: readonly string[] | null): readonly string[] | null {
  return a === null || b === null ? null : [...new Set([...a, ...b])].sort();
}

/** A DataLoader over a single id, rows put back in key order and null for a missing key. */
export function byIdLoader<Row>(
  load: (ids: string[]) => Promise<Row[]>,
  idOf: (row: Row) => string,
): DataLoader<string, Row | null> {
  return new DataLoader(async (ids) => {
    const rows = await load([...ids]);
    const byId = new Map(rows.map((row) => [idOf(row), row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}
