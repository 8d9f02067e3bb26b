import { describe, expect, it } from 'vitest';
import { findRows, flatten, formatTable } from '../../src/cli/format-table.js';

describe('the command line prints lists of objects as tables', () => {
  it('finds the list below single-key objects, and nothing when the answer is not a list of objects', () => {
    expect(findRows({ table: { rows: [{ a: 1 }] } })).toEqual([{ a: 1 }]);
    expect(findRows({ locality: { name: 'x', code: 'y' } })).toBeNull();
    expect(findRows({ a: { rows: [1, 2] } })).toBeNull();
    expect(findRows({ a: [] })).toBeNull();
  });

  it('flattens nested objects into dotted columns and shows lists as JSON', () => {
    expect(flatten({ locality: { name: 'Tìa Dình', parent: { code: 'p' } }, periods: ['2024'], value: null })).toEqual({
      'locality.name': 'Tìa Dình',
      'locality.parent.code': 'p',
      periods: '["2024"]',
      value: '',
    });
  });

  it('pads columns to their widest cell', () => {
    expect(
      formatTable([
        { name: 'Huổi Sông', value: 77 },
        { name: 'Sân Bay', value: null },
      ]),
    ).toBe(['name       value', '---------  -----', 'Huổi Sông  77', 'Sân Bay'].join('\n'));
  });
});
