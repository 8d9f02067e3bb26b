import { describe, expect, it } from 'vitest';
import { statement } from '../../src/store/sql.js';
import { stageRows } from '../../src/sql/ingest-sql.js';
import { observationsOf } from '../../src/sql/observations-sql.js';
import { TABLES } from '../../src/ingest/tables.js';
import { specOf, formatOf } from '../../src/ingest/file-inputs.js';
import { toObservationRecords, describeProblems } from '../../src/graphql/record-input.js';
import { toUtcTimestamp } from '../../src/graphql/args.js';
import { WriteAccess } from '../../src/graphql/write-access.js';
import { LoadError } from '../../src/ingest/load-error.js';

const OBSERVATIONS = TABLES.find((t) => t.table === 'observations')!;

describe('request values never reach SQL text', () => {
  it('rows from a mutation are bound as one list per column', () => {
    const evil = "x'); DROP TABLE observations; --";
    const s = statement(
      't',
      stageRows(
        OBSERVATIONS,
        'input',
        toObservationRecords([{ subject: evil, indicator: 'households', period: '2025', value: 1, source: 's' }]),
      ),
    );
    expect(s.text).not.toContain(evil);
    // The file label, then one list per column (a row's number is its place in the staging table).
    expect(s.text).toContain('unnest($2) AS "subject_id"');
    expect(s.values).toHaveLength(OBSERVATIONS.columns.length + 1);
  });

  it('asOf and updatedAfter are bound parameters', () => {
    const s = statement(
      't',
      observationsOf(['village/a'], {
        indicators: null,
        from: null,
        to: null,
        asOf: '2026-01-01 00:00:00.000',
        updatedAfter: '2025-01-01 00:00:00.000',
      }),
    );
    expect(s.values).toEqual(expect.arrayContaining(['2026-01-01 00:00:00.000', '2025-01-01 00:00:00.000']));
    expect(s.text).not.toContain('2026-01-01');
  });
});

describe('file kinds', () => {
  it.each([
    ['units.parquet', 'units', 'parquet'],
    ['lineage.csv', 'unit_lineage', 'csv'],
    ['figures-2026.jsonl', 'observations', 'jsonl'],
    ['observations.ndjson', 'observations', 'jsonl'],
  ])('%s holds %s as %s', (name, table, format) => {
    expect(specOf(name).table).toBe(table);
    expect(formatOf(name)).toBe(format);
  });
});

describe('mutation helpers', () => {
  it('maps file columns back to input fields, 0-based', () => {
    const error = new LoadError(
      [
        { file: 'input', row: 1, column: 'subject_id', reason: 'unknown unit' },
        { file: 'input', row: 3, column: 'subject_id, indicator, period, source_id', reason: 'duplicate row' },
      ],
      2,
    );
    expect(describeProblems(error)).toEqual([
      { path: 'input[0].subject', reason: 'unknown unit' },
      { path: 'input[2].subject, indicator, period, source', reason: 'duplicate row' },
    ]);
  });

  it('DateTime arguments become UTC timestamps at millisecond precision', () => {
    expect(toUtcTimestamp(new Date('2026-01-31T12:00:00.123+07:00'), 'asOf')).toBe('2026-01-31 05:00:00.123');
    expect(toUtcTimestamp(null, 'asOf')).toBeNull();
  });

  it('write access: read-only without a token, forbidden without the right bearer token', () => {
    const codeOf = (f: () => void) => {
      try {
        f();
        return 'OK';
      } catch (error) {
        return (error as { extensions: { code: string } }).extensions.code;
      }
    };
    expect(codeOf(() => new WriteAccess(null).check('Bearer anything', 'op'))).toBe('READ_ONLY');
    const access = new WriteAccess('0123456789abcdef-token');
    expect(codeOf(() => access.check(null, 'op'))).toBe('FORBIDDEN');
    expect(codeOf(() => access.check('Bearer 0123456789abcdef-toke', 'op'))).toBe('FORBIDDEN');
    expect(codeOf(() => access.check('Basic 0123456789abcdef-token', 'op'))).toBe('FORBIDDEN');
    expect(codeOf(() => access.check('Bearer 0123456789abcdef-token', 'op'))).toBe('OK');
  });
});
