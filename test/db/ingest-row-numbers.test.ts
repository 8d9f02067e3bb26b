import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { join as joinSql, raw, sql, type Fragment } from '../../src/store/sql.js';
import { fileInputs, hashInputs, readCsvHeader } from '../../src/ingest/file-inputs.js';
import { runLoad } from '../../src/ingest/run-load.js';
import { LoadError } from '../../src/ingest/load-error.js';
import { TABLES, type TableSpec } from '../../src/ingest/tables.js';
import * as q from '../../src/sql/ingest-sql.js';
import { syntheticBase, writeBigObservations } from '../support/big-file.js';

const FIXTURES = new URL('../fixtures/ingest/', import.meta.url).pathname;
const OBSERVATIONS = TABLES.find((t) => t.table === 'observations')!;

let dir: string;
let base: string;
let copies = 0;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'grassroots-rows-'));
  base = join(dir, 'base.duckdb');
  await syntheticBase(base);
}, 120_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

/** A copy of the base store, read with more DuckDB threads than cores so a file is read in parallel pieces. */
async function openCopy(): Promise<Store> {
  const path = join(dir, `copy-${++copies}.duckdb`);
  await copyFile(base, path);
  return Store.open({ path, poolSize: 1, threads: 4 });
}

async function load(store: Store, path: string) {
  const inputs = await fileInputs(path);
  return runLoad(store, inputs, { kind: 'file', origin: `file:${path}`, hash: await hashInputs(inputs) });
}

describe('a problem names the row of the file it is on, however deep in a big file', () => {
  it('rows far apart in a 200,000-row file, after a record spanning two lines, keep their numbers', async () => {
    const path = join(dir, 'deep.csv');
    await writeBigObservations(path, 200_000, 'csv');
    const lines = (await readFile(path, 'utf8')).trimEnd().split('\n');
    // lines[0] is the header: data row n is lines[n]. A quoted note with a line break makes row 10
    // one record over two lines: rows are records, counted as DuckDB reads them.
    const fields = (n: number) => lines[n]!.split(',');
    const set = (n: number, column: number, value: string) => {
      const f = fields(n);
      f[column] = value;
      lines[n] = f.join(',');
    };
    set(10, 11, '"a note\nover two lines"');
    set(123_457, 3, 'abc');
    set(199_999, 0, 'village/nowhere');
    await writeFile(path, lines.join('\n') + '\n');

    const store = await openCopy();
    const count = async () =>
      (await store.all<{ n: number }>('test.count', sql`SELECT count(*)::INTEGER AS n FROM observations`))[0]!.n;
    try {
      const before = await count();
      const error = await load(store, path).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(LoadError);
      expect((error as LoadError).problems).toEqual([
        { file: 'deep.csv', row: 123_457, column: 'value', reason: 'not a number' },
        { file: 'deep.csv', row: 199_999, column: 'subject_id', reason: 'unknown unit' },
      ]);
      // Nothing of the file was written.
      expect(await count()).toBe(before);
    } finally {
      store.close();
    }
  }, 120_000);

  it.each(['jsonl', 'parquet'] as const)(
    'in a %s file too: its rows are numbered in file order, read in parallel pieces',
    async (format) => {
      const csv = join(dir, `deep-for-${format}.csv`);
      await writeBigObservations(csv, 200_000, 'csv');
      const lines = (await readFile(csv, 'utf8')).trimEnd().split('\n');
      const set = (n: number, column: number, value: string) => {
        const f = lines[n]!.split(',');
        f[column] = value;
        lines[n] = f.join(',');
      };
      set(123_457, 3, 'abc');
      set(199_999, 0, 'village/nowhere');
      await writeFile(csv, lines.join('\n') + '\n');
      const path = join(dir, `deep.${format}`);
      const store = await openCopy();
      try {
        // DuckDB writes the file as a user's tool would: JSON Lines, or Parquet in two row groups.
        await store.all(
          'test.convert',
          sql`COPY (SELECT * FROM read_csv(${csv}, all_varchar = true)) TO ${raw(`'${path}'`)} (FORMAT ${raw(format === 'parquet' ? 'parquet' : 'json')})`,
        );
        const error = await load(store, path).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(LoadError);
        expect((error as LoadError).problems).toEqual([
          { file: `deep.${format}`, row: 123_457, column: 'value', reason: 'not a number' },
          { file: `deep.${format}`, row: 199_999, column: 'subject_id', reason: 'unknown unit' },
        ]);
      } finally {
        store.close();
      }
    },
    120_000,
  );

  it('two files of one directory number their rows each from 1', async () => {
    const folder = join(dir, 'two-files');
    await mkdir(folder, { recursive: true });
    await writeBigObservations(join(folder, 'a.csv'), 5_000, 'csv');
    await writeBigObservations(join(folder, 'b.csv'), 5_000, 'csv', 1);
    // b repeats a's keys with other values: every row of b.csv is a duplicate of a row of a.csv.
    for (const name of ['a.csv', 'b.csv']) {
      const lines = (await readFile(join(folder, name), 'utf8')).trimEnd().split('\n');
      const f = lines[4_321]!.split(',');
      f[3] = 'x';
      lines[4_321] = f.join(',');
      await writeFile(join(folder, name), lines.join('\n') + '\n');
    }
    const store = await openCopy();
    try {
      const error = (await load(store, folder).catch((e: unknown) => e)) as LoadError;
      expect(error).toBeInstanceOf(LoadError);
      expect(error.problems.slice(0, 1)).toEqual([
        { file: 'a.csv', row: 4_321, column: 'value', reason: 'not a number' },
      ]);
      const ofB = error.problems.filter((p) => p.file === 'b.csv');
      expect(ofB.slice(0, 2).map((p) => [p.row, p.column])).toEqual([
        [1, 'subject_id, indicator, period, source_id'],
        [2, 'subject_id, indicator, period, source_id'],
      ]);
      expect(error.total).toBe(5_000 + 2);
    } finally {
      store.close();
    }
  }, 120_000);
});

/**
 * The checks as they were asked before they were fused into one scan: one query per check over
 * the staged rows, numbered in the file; the subject's validity as an EXISTS over the row's dates.
 */
function checksOneByOne(spec: TableSpec): Fragment {
  const staged = sql`${q.stagedWithRows(spec.table)} s ${raw(spec.lookups?.join ?? '')}`;
  const existsValidity = (start: string, end: string) =>
    `EXISTS (SELECT 1 FROM (SELECT id, valid_from::VARCHAR AS vf, valid_to::VARCHAR AS vt FROM units UNION ALL SELECT id, valid_from, valid_to FROM stage_units) u WHERE u.id = s.subject_id AND ((u.vt IS NOT NULL AND s.${start} >= try_strptime(u.vt, '%Y-%m-%d')::DATE) OR (u.vf IS NOT NULL AND coalesce(s.${end}, current_date) < try_strptime(u.vf, '%Y-%m-%d')::DATE)))`;
  const when = (text: string) =>
    text.replace(
      /\(s\.(\w+) >= _validity\.earliest_end OR coalesce\(s\.(\w+), current_date\) < _validity\.latest_start\)/,
      (_, start: string, end: string) => existsValidity(start, end),
    );
  const checks = [
    ...spec.required.map(
      (c) =>
        sql`SELECT _file, _row, ${c} AS col, 'required value is missing' AS reason FROM ${staged} WHERE ${raw(`"${c}"`)} IS NULL OR trim(${raw(`"${c}"`)}) = ''`,
    ),
    ...spec.checks.map(
      (c) =>
        sql`SELECT _file, _row, ${c.column} AS col, ${c.reason} AS reason FROM ${staged} WHERE coalesce((${raw(when(c.when))}), false)`,
    ),
  ];
  return sql`SELECT _file AS file, _row::INTEGER AS "row", col AS "column", reason FROM (${joinSql(checks, ' UNION ALL ')})`;
}

describe('the checks fused into one scan find what the checks one by one find', () => {
  it('on every observations fixture, each problem and no other', async () => {
    const files = (await readdir(FIXTURES)).filter((f) => f.endsWith('.csv'));
    expect(files.length).toBeGreaterThan(10);
    const store = await openCopy();
    try {
      for (const file of files) {
        const path = join(FIXTURES, file);
        const header = (await readCsvHeader(path))!;
        const sorted = (rows: { file: string; row: number; column: string; reason: string }[]) =>
          rows
            .filter((r) => !r.reason.startsWith('duplicate row'))
            .map((r) => `${r.file}|${r.row}|${r.column}|${r.reason}`)
            .sort();
        await store
          .transaction(async (tx) => {
            for (const spec of TABLES) await tx.run('test.empty', q.stageEmpty(spec));
            await tx.run('test.stage', q.stageFile(OBSERVATIONS, 'csv', path, file, new Set(header), header));
            if (OBSERVATIONS.lookups) await tx.run('test.lookups', OBSERVATIONS.lookups.prepare('file:test'));
            const fused = await tx.all<{ file: string; row: number; column: string; reason: string }>(
              'test.fused',
              q.findProblems(OBSERVATIONS, 100_000),
            );
            const oneByOne = await tx.all<{ file: string; row: number; column: string; reason: string }>(
              'test.one-by-one',
              checksOneByOne(OBSERVATIONS),
            );
            expect(sorted(fused.map((r) => ({ ...r, row: Number(r.row) }))), file).toEqual(
              sorted(oneByOne.map((r) => ({ ...r, row: Number(r.row) }))),
            );
            if (file !== 'valid.csv') expect(fused.length, file).toBeGreaterThan(0);
            throw new Error('rolled back');
          })
          .catch((e: unknown) => {
            if ((e as Error).message !== 'rolled back') throw e;
          });
      }
    } finally {
      store.close();
    }
  }, 120_000);
});
