import { describe, expect, it } from 'vitest';
import { stringifyInTurns } from '../../src/http/answer-json.js';

/** Answers of every shape the server writes, and the corners of JSON.stringify it must keep. */
const SHAPES: Record<string, unknown> = {
  'a small answer': { data: { locality: { code: 'village/huoi-song', name: 'Huổi Sông' } } },
  'errors and null data': { errors: [{ message: 'no "x"', extensions: { code: 'NOT_FOUND' } }], data: null },
  'a table of rows': {
    data: {
      table: { rows: Array.from({ length: 5_000 }, (_, i) => ({ value: i / 3, period: `${2000 + (i % 26)}` })) },
    },
  },
  'packed columns with nulls and strings': {
    data: {
      table: {
        packed: {
          values: Array.from({ length: 20_000 }, (_, i) => (i % 7 === 0 ? null : i * 1.5)),
          codes: Array.from({ length: 9_000 }, (_, i) => `village/x-${i}\u2028"q"`),
          mixed: [1, 'a', null, { b: [2, 3] }, true, [4, [5]], 6],
        },
      },
    },
  },
  'deep nesting below the walked depth': {
    data: { a: { b: { c: { d: { e: { f: [{ g: [1, { h: 'ễ' }] }] } } } } } },
  },
  'values JSON.stringify drops or converts': {
    data: {
      gone: undefined,
      fn: () => 1,
      list: [undefined, () => 1, NaN, Infinity, -0],
      date: new Date(Date.UTC(2025, 6, 1)),
      withToJSON: { toJSON: () => ({ replaced: true }) },
    },
  },
  'empty containers': { data: { a: [], b: {}, c: [[]], d: [{}] } },
};

describe('the answer serialiser', () => {
  for (const [name, value] of Object.entries(SHAPES)) {
    it(`writes ${name} exactly as JSON.stringify does`, async () => {
      expect(await stringifyInTurns(value)).toBe(JSON.stringify(value));
    });
  }

  it('lets other work run while it writes a large answer', async () => {
    const answer = {
      data: { table: { rows: Array.from({ length: 200_000 }, (_, i) => ({ value: i, period: 'p', code: `c${i}` })) } },
    };
    let otherTurns = 0;
    let writing = true;
    const other = (async () => {
      while (writing) {
        otherTurns++;
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const written = await stringifyInTurns(answer);
    writing = false;
    await other;
    expect(written).toBe(JSON.stringify(answer));
    // Writing 200,000 rows takes far longer than one turn's budget: other work got turns meanwhile.
    expect(otherTurns).toBeGreaterThan(1);
  });
});
