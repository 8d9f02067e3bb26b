import { describe, expect, it } from 'vitest';
import { lineLog } from '../../src/log-lines.js';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('lineLog', () => {
  it('writes the lines of one turn together, in order, each a JSON object with its time', async () => {
    const writes: string[] = [];
    const { log } = lineLog({ write: (text) => writes.push(text) });
    log({ msg: 'first', n: 1 });
    log({ msg: 'second', n: 2 });
    expect(writes).toEqual([]);
    await nextTurn();
    expect(writes).toHaveLength(1);
    const lines = writes[0]!.split('\n');
    expect(lines.pop()).toBe('');
    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries.map((e) => [e['msg'], e['n']])).toEqual([['first', 1], ['second', 2]]);
    for (const entry of entries) expect(Number.isNaN(Date.parse(String(entry['time'])))).toBe(false);
  });

  it('flush writes what is queued at once, and a later turn writes only what came after', async () => {
    const writes: string[] = [];
    const { log, flush } = lineLog({ write: (text) => writes.push(text) });
    log({ msg: 'before exit' });
    flush();
    expect(writes.map((w) => JSON.parse(w).msg)).toEqual(['before exit']);
    await nextTurn();
    expect(writes).toHaveLength(1);
    log({ msg: 'later' });
    await nextTurn();
    expect(writes.map((w) => JSON.parse(w).msg)).toEqual(['before exit', 'later']);
  });

  it('a line that may not wait is written at once, after the lines queued before it', () => {
    const writes: string[] = [];
    const { log } = lineLog({ write: (text) => writes.push(text) }, (entry) => entry['msg'] === 'request');
    log({ msg: 'request', n: 1 });
    expect(writes).toEqual([]);
    log({ level: 'error', msg: 'internal error' });
    expect(writes).toHaveLength(1);
    expect(writes[0]!.trim().split('\n').map((line) => JSON.parse(line).msg)).toEqual(['request', 'internal error']);
  });
});
