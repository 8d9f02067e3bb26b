import { TurnClock } from '../store/turns.js';

/** Objects this close to the top are written key by key (`data` is depth 0, a query field 1); deeper ones natively. */
const WALKED_DEPTH = 6;

/** About this many characters per native JSON.stringify call, so that each call takes well under a turn. */
const CHARS_PER_CALL = 64 * 1024;

/**
 * The response as JSON, exactly what JSON.stringify gives, written a turn at a time
 * (src/store/turns.ts): a 50 MB answer serialised in one call held the event loop, and with it
 * /healthz and every cheap request, for the better part of a second. The native serialiser
 * (thirty times a hand-written one's speed) still does the detail: lists are written in slices
 * sized to about CHARS_PER_CALL from the items written so far (a table's rows a thousand at a
 * time, a packed column's values thousands), and an item that is itself large (a commune with
 * its villages) is walked into. Small answers take no turn.
 */
export async function stringifyInTurns(value: unknown): Promise<string> {
  const parts: string[] = [];
  const clock = new TurnClock();

  async function write(v: unknown, depth: number): Promise<void> {
    if (v === null || typeof v !== 'object' || hasToJSON(v) || depth >= WALKED_DEPTH) {
      parts.push(JSON.stringify(v) ?? 'null');
    } else if (Array.isArray(v)) {
      await writeList(v, depth);
    } else {
      parts.push('{');
      let first = true;
      for (const key of Object.keys(v)) {
        const field = (v as Record<string, unknown>)[key];
        if (field === undefined || typeof field === 'function' || typeof field === 'symbol') continue;
        parts.push(first ? `${JSON.stringify(key)}:` : `,${JSON.stringify(key)}:`);
        first = false;
        await write(field, depth + 1);
      }
      parts.push('}');
    }
  }

  async function writeList(items: readonly unknown[], depth: number): Promise<void> {
    parts.push('[');
    // Characters per item so far; the first item is walked into, which also measures it.
    let perItem = Infinity;
    for (let i = 0; i < items.length;) {
      if (i > 0) parts.push(',');
      const pause = clock.pause();
      if (pause) await pause;
      const at = parts.length;
      if (perItem > CHARS_PER_CALL) {
        await write(items[i], depth + 1);
        perItem = lengthSince(parts, at);
        i++;
      } else {
        const end = Math.min(items.length, i + Math.max(1, Math.floor(CHARS_PER_CALL / Math.max(1, perItem))));
        const json = JSON.stringify(items.slice(i, end));
        parts.push(json.slice(1, -1));
        perItem = json.length / (end - i);
        i = end;
      }
    }
    parts.push(']');
  }

  await write(value, 0);
  return parts.join('');
}

function hasToJSON(v: object): boolean {
  return typeof (v as { toJSON?: unknown }).toJSON === 'function';
}

function lengthSince(parts: readonly string[], start: number): number {
  let n = 0;
  for (let i = start; i < parts.length; i++) n += parts[i]!.length;
  return n;
}
