import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { prepareStore } from '../../src/store/build-store.js';
import { Store } from '../../src/store/store.js';
import { sql } from '../../src/store/sql.js';
import { fileInputs, hashInputs } from '../../src/ingest/file-inputs.js';
import { runLoad, MAX_REPORTED } from '../../src/ingest/run-load.js';
import { LoadError } from '../../src/ingest/load-error.js';
import { SEED_DIR } from '../support/test-server.js';
import { fingerprintOf } from '../support/fingerprint.js';
import { writeBigObservations } from '../support/big-file.js';

const FIXTURES = new URL('../fixtures/ingest/', import.meta.url).pathname;

let dir: string;
let seeded: string;
let store: Store;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'grassroots-load-'));
  seeded = join(dir, 'seeded.duckdb');
  await prepareStore(seeded, SEED_DIR);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

// Each test gets its own copy of the seeded store file.
let copies = 0;
beforeEach(async () => {
  const path = join(dir, `copy-${++copies}.duckdb`);
  await copyFile(seeded, path);
  store = await Store.open({ path, poolSize: 1 });
});
afterEach(() => store.close());

async function loadFile(path: string, dryRun = false) {
  const inputs = await fileInputs(path);
  return runLoad(store, inputs, { kind: 'file', origin: `file:${path}`, hash: await hashInputs(inputs), dryRun });
}

async function rejection(path: string): Promise<LoadError> {
  const error = await loadFile(path).catch((e: unknown) => e);
  if (!(error instanceof LoadError)) throw new Error(`expected ${path} to be rejected, got ${String(error)}`);
  return error;
}

describe('every rejection reason has a fixture, and a rejected load changes nothing', () => {
  const cases: [string, number, string, string][] = [
    ['unknown-unit.csv', 1, 'subject_id', 'unknown unit'],
    ['unknown-indicator.csv', 1, 'indicator', 'unknown indicator'],
    ['non-numeric-value.csv', 1, 'value', 'not a number'],
    ['negative-count.csv', 1, 'value', "outside the indicator's domain: a count is a whole number of at least 0"],
    ['share-outside-0-1.csv', 1, 'value', "outside the indicator's domain: a share lies between 0 and 1"],
    ['future-period.csv', 1, 'period', 'starts in the future'],
    ['missing-source.csv', 1, 'source_id', 'required value is missing'],
    [
      'duplicate-row.csv',
      2,
      'subject_id, indicator, period, source_id',
      'duplicate row: the same key appears earlier in the file',
    ],
    ['unit-not-valid.csv', 1, 'subject_id', 'unit is not valid in this period'],
    ['value-outside-bounds.csv', 1, 'lower', 'the value lies below its lower bound'],
    ['upper-below-value.csv', 1, 'upper', 'the value lies above its upper bound'],
    [
      'bounds-contradict-qualifier.csv',
      1,
      'lower',
      'contradicts the qualifier: with EXACT, MORE_THAN, AT_LEAST, JUST_OVER the value is the lower bound (leave lower blank or equal to it)',
    ],
    ['count-not-whole.csv', 1, 'value', "outside the indicator's domain: a count is a whole number of at least 0"],
    ['share-bound-outside.csv', 1, 'lower', "a bound outside the indicator's domain: a share lies between 0 and 1"],
  ];
  it.each(cases)('%s is rejected at row %i, column %s: %s', async (file, row, column, reason) => {
    const before = await fingerprintOf(store);
    const error = await rejection(join(FIXTURES, file));
    expect(error.problems).toContainEqual({ file, row, column, reason });
    expect(error.message).toContain(`${file} row ${row}, column ${column}: ${reason}`);
    expect(await fingerprintOf(store)).toEqual(before);
  });
});

describe('a parent link that would break the hierarchy is rejected, against what the store already holds', () => {
  const cases: [string, string][] = [
    [
      'links-wrong-kind',
      'a unit of this kind cannot sit under a unit of that kind (district under province; commune under district or province; village under commune; Party committee or cell under a Party committee)',
    ],
    [
      'links-two-parents',
      'the unit already has parent commune/03385-2025-07-01 (loaded by seed) on some of the same days; end one link (valid_to) where the other starts',
    ],
    ['links-cycle', 'the unit would be its own ancestor (party-committee/dien-bien is above itself)'],
  ];
  it.each(cases)('%s: %s', async (dirName, reason) => {
    const before = await fingerprintOf(store);
    const error = await rejection(join(FIXTURES, dirName));
    expect(error.problems).toContainEqual({ file: 'unit_links.csv', row: 1, column: 'parent_id', reason });
    expect(await fingerprintOf(store)).toEqual(before);
  });

  it('a province under a village is also a cycle there, and both are reported', async () => {
    const error = await rejection(join(FIXTURES, 'links-wrong-kind'));
    expect(error.problems.map((p) => p.reason)).toContainEqual(
      'the unit would be its own ancestor (province/11 is above itself)',
    );
  });

  const linksDir = async (name: string, rows: string) => {
    const path = join(dir, name);
    await rm(path, { recursive: true, force: true });
    await mkdir(path);
    await writeFile(join(path, 'unit_links.csv'), `child_id,parent_id,valid_from,valid_to,source_id,note\n${rows}\n`);
    return path;
  };

  it('a link that ends where the stored one starts is a move, not a second parent', async () => {
    // Huổi Sông's commune before 2025-07-01 is not in the seed; a user who knows it can say so.
    const path = await linksDir('earlier-parent', 'village/huoi-song,commune/03384,,2025-07-01,dbp-em-party-members,');
    await expect(loadFile(path)).resolves.toMatchObject({ skipped: false });
  });

  it('a stored link without an end date is a parent on every later day', async () => {
    const path = await linksDir(
      'second-cell-parent',
      'party-cell/huoi-song,party-committee/dien-bien,2030-01-01,,dbp-em-party-members,',
    );
    expect((await rejection(path)).problems[0]!.reason).toMatch(
      /^the unit already has parent party-committee\/tia-dinh /,
    );
  });
});

describe("a figure's unit is checked with the dates the same load gives it", () => {
  const UNIT_HEADER = 'id,kind,name,level,admin_unit_id,valid_from,valid_to,source_id,note,gso_code,unit_type,name_en';
  const FIGURE_HEADER = 'subject_id,indicator,period,value,qualifier,lower,upper,source_id,derived,formula,quote,note';
  const unitAndFigure = async (name: string, unit: string, figure: string) => {
    const path = join(dir, name);
    await rm(path, { recursive: true, force: true });
    await mkdir(path);
    await writeFile(join(path, 'units.csv'), `${UNIT_HEADER}\n${unit}\n`);
    await writeFile(join(path, 'observations.csv'), `${FIGURE_HEADER}\n${figure}\n`);
    return path;
  };

  it('a unit the load keeps open past its stored end takes figures after it (unit-not-valid.csv, the figure alone, is refused above)', async () => {
    // Nậm Pồ district ended on 2025-07-01 (the national units); a user re-states it as open.
    const stored = await store.all<{ validTo: string | null }>(
      't',
      sql`SELECT valid_to::VARCHAR AS "validTo" FROM units WHERE id = 'district/103'`,
    );
    expect(stored).toEqual([{ validTo: '2025-07-01' }]);
    const path = await unitAndFigure(
      'widened',
      'district/103,DISTRICT,Nậm Pồ,,,,,vn-units-v2-1-0,,103,DISTRICT,Nam Po',
      'district/103,village_heads,2026,120,EXACT,,,dbp-nam-po-village-heads,false,,,',
    );
    await expect(loadFile(path)).resolves.toMatchObject({ skipped: false, observationsWritten: 1 });
    const [unit] = await store.all<{ validTo: string | null }>(
      't',
      sql`SELECT valid_to::VARCHAR AS "validTo" FROM units WHERE id = 'district/103'`,
    );
    expect(unit).toEqual({ validTo: null });
  });

  it('a staged unit without an id is refused, and does not hide the other units from the checks', async () => {
    // NOT IN over a list holding a NULL is never true: the blank id must not switch the checks off.
    const path = await unitAndFigure(
      'blank-id',
      ',VILLAGE,Nameless,,,,,vn-units-v2-1-0,,,,',
      [
        'district/103,village_heads,2026,120,EXACT,,,dbp-nam-po-village-heads,false,,,',
        'village/nowhere,village_heads,2024,3,EXACT,,,dbp-nam-po-village-heads,false,,,',
      ].join('\n'),
    );
    const { problems } = await rejection(path);
    expect(problems).toContainEqual({ file: 'units.csv', row: 1, column: 'id', reason: 'required value is missing' });
    expect(problems).toContainEqual({
      file: 'observations.csv',
      row: 1,
      column: 'subject_id',
      reason: 'unit is not valid in this period',
    });
    expect(problems).toContainEqual({ file: 'observations.csv', row: 2, column: 'subject_id', reason: 'unknown unit' });
  });

  // As before this check read the load's dates (the stored and staged dates together were as strict).
  it('a unit the load ends earlier refuses figures after its new end, and nothing is written', async () => {
    const before = await fingerprintOf(store);
    const path = await unitAndFigure(
      'narrowed',
      'district/103,DISTRICT,Nậm Pồ,,,,2020-01-01,vn-units-v2-1-0,,103,DISTRICT,Nam Po',
      'district/103,village_heads,2024,120,EXACT,,,dbp-nam-po-village-heads,false,,,',
    );
    expect((await rejection(path)).problems).toEqual([
      { file: 'observations.csv', row: 1, column: 'subject_id', reason: 'unit is not valid in this period' },
    ]);
    expect(await fingerprintOf(store)).toEqual(before);
  });
});

describe('reported changes (changes.csv) get the checks figures get, and a rejected load changes nothing', () => {
  const cases: [number, string, string][] = [
    [1, 'subject_id', 'unknown unit'],
    [2, 'indicator', 'unknown indicator'],
    [3, 'source_id', 'unknown source'],
    [4, 'from_period', 'not a period: expected YYYY, YYYY-Qn, YYYY-MM, YYYY-MM-DD or START/END (END may be ..)'],
    [5, 'from_period', 'must end before to_period starts: a change runs from the earlier period to the later one'],
    [6, 'from_period', 'a change runs from a closed period: the earlier period needs an end'],
    [7, 'to_period', 'starts in the future'],
    [8, 'value', 'not a number'],
    [9, 'value', 'a change of a count must be a whole number'],
    [10, 'upper', 'the value lies above its upper bound'],
    [
      11,
      'upper',
      'contradicts the qualifier: with EXACT, LESS_THAN, AT_MOST, NEARLY the value is the upper bound (leave upper blank or equal to it)',
    ],
    [12, 'upper', 'lower bound is above upper bound'],
    [13, 'value', 'a change of a share must lie between -1 and 1'],
    [14, 'qualifier', 'must be one of EXACT,MORE_THAN,NEARLY,JUST_OVER,ABOUT,AT_LEAST,LESS_THAN,AT_MOST'],
    [
      16,
      'subject_id, indicator, from_period, to_period, source_id',
      'duplicate row: the same key appears earlier in the file',
    ],
    [17, 'source_id', 'required value is missing'],
    [18, 'lower', 'a bound of a change of a share must lie between -1 and 1'],
    [19, 'subject_id', 'unit is not valid in the later period (to_period)'],
  ];
  let error: LoadError;
  let before: Awaited<ReturnType<typeof fingerprintOf>>;
  beforeEach(async () => {
    before = await fingerprintOf(store);
    error = await rejection(join(FIXTURES, 'changes-rejected'));
  });

  it.each(cases)('row %i, column %s: %s', (row, column, reason) => {
    expect(error.problems).toContainEqual({ file: 'changes.csv', row, column, reason });
  });

  it('row 15 (the first of a duplicate pair) passes; nothing was written', async () => {
    expect(error.problems.filter((p) => p.row === 15)).toEqual([]);
    expect(error.message).toContain('changes.csv row 1, column subject_id: unknown unit');
    expect(await fingerprintOf(store)).toEqual(before);
  });
});

describe('loading reported changes', () => {
  it('valid changes load as revisions, bounds from the qualifier on the signed value', async () => {
    const result = await loadFile(join(FIXTURES, 'changes-valid'));
    expect(result).toMatchObject({ skipped: false, rowsRead: 2, observationsWritten: 0, changesWritten: 2 });
    const rows = await store.all<{ indicator: string; value: number; qualifier: string; lower: number; upper: number }>(
      'test',
      sql`SELECT indicator, value, qualifier, lower, upper FROM current_reported_changes
        WHERE note = 'Synthetic test change.' ORDER BY indicator`,
    );
    // about −4: [−4.2, −3.8]; just over −20: [−20, −18] (the widths on the side of |v|)
    expect(rows).toEqual([
      { indicator: 'households', value: -4, qualifier: 'ABOUT', lower: -4.2, upper: -3.8 },
      { indicator: 'residents', value: -20, qualifier: 'JUST_OVER', lower: -20, upper: -18 },
    ]);
  });

  it('a changed statement is a new revision that supersedes the old one; the same again writes nothing', async () => {
    await loadFile(join(FIXTURES, 'changes-valid'));
    const revised = join(dir, 'changes-revised');
    await mkdir(revised, { recursive: true });
    await writeFile(
      join(revised, 'changes.csv'),
      'subject_id,indicator,from_period,to_period,value,qualifier,lower,upper,source_id,quote,note\n' +
        'village/huoi-song,households,2025,2026,-5,EXACT,,,dbp-em-party-members,,Synthetic test change.\n',
    );
    expect(await loadFile(revised)).toMatchObject({ changesWritten: 1 });
    const revisions = await store.all<{ value: number; current: boolean }>(
      'test',
      sql`SELECT value, id IN (SELECT id FROM current_reported_changes) AS current FROM reported_changes
        WHERE indicator = 'households' AND note = 'Synthetic test change.' ORDER BY id`,
    );
    expect(revisions).toEqual([
      { value: -4, current: false },
      { value: -5, current: true },
    ]);
    const again = join(dir, 'changes-revised-again');
    await mkdir(again, { recursive: true });
    await copyFile(join(revised, 'changes.csv'), join(again, 'changes.csv'));
    const before = await fingerprintOf(store);
    expect(await loadFile(again)).not.toHaveProperty('changesWritten');
    expect((await fingerprintOf(store)).changes).toEqual(before.changes);
  });
});

describe('loading files', () => {
  it('loads the same figures from CSV and from JSON Lines (absent JSON keys are empty columns)', async () => {
    const csv = await loadFile(join(FIXTURES, 'valid.csv'));
    expect(csv).toMatchObject({ skipped: false, rowsRead: 2, observationsWritten: 2 });
    const json = await loadFile(join(FIXTURES, 'valid.jsonl'));
    // Same figures from another origin: nothing new to record.
    expect(json).toMatchObject({ skipped: false, rowsRead: 2, observationsWritten: 0 });
    const rows = await store.all<{ indicator: string; value: number; qualifier: string }>(
      'test',
      sql`
      SELECT indicator, value, qualifier FROM current_observations WHERE subject_id = 'village/huoi-song' AND period = '2025' AND note = 'Synthetic test figure.' ORDER BY indicator`,
    );
    expect(rows).toEqual([
      { indicator: 'households', value: 70, qualifier: 'ABOUT' },
      { indicator: 'residents', value: 380, qualifier: 'EXACT' },
    ]);
  });

  it('loads Parquet with typed columns through the same checks', async () => {
    const path = join(dir, 'units-missing.parquet');
    // Villages of the synthetic tree are not in the seed: every row is an unknown unit.
    await writeBigObservations(path, 120, 'parquet');
    const error = await rejection(path);
    // Neither the synthetic villages nor the synthetic source are in the seed: two problems a row.
    expect(error.total).toBe(240);
    expect(error.problems).toHaveLength(MAX_REPORTED);
    expect(error.problems.slice(0, 2)).toEqual([
      { file: 'units-missing.parquet', row: 1, column: 'source_id', reason: 'unknown source' },
      { file: 'units-missing.parquet', row: 1, column: 'subject_id', reason: 'unknown unit' },
    ]);
    expect(error.message).toContain(`... and ${240 - MAX_REPORTED} more`);
  });

  it('a dry run validates and reports but writes nothing', async () => {
    const before = await fingerprintOf(store);
    const result = await loadFile(join(FIXTURES, 'valid.csv'), true);
    expect(result).toMatchObject({ dryRun: true, rowsRead: 2, observationsWritten: 0, wouldWrite: 2 });
    expect(await fingerprintOf(store)).toEqual(before);
    await expect(loadFile(join(FIXTURES, 'unknown-unit.csv'), true)).rejects.toBeInstanceOf(LoadError);
  });

  it('loading the same file twice changes nothing the second time', async () => {
    await loadFile(join(FIXTURES, 'valid.csv'));
    const before = await fingerprintOf(store);
    expect(await loadFile(join(FIXTURES, 'valid.csv'))).toMatchObject({ skipped: true, observationsWritten: 0 });
    expect(await fingerprintOf(store)).toEqual(before);
  });

  it('an unknown file type, an unknown column and an unreadable file are reported by name', async () => {
    const error = await rejection(join(FIXTURES, 'README.md')).catch((e: unknown) => e);
    expect(String(error)).toContain('unknown file type');
    const misspelt = join(dir, 'misspelt.jsonl');
    await writeFile(
      misspelt,
      '{"subject_id":"village/huoi-song","indicator":"households","period":"2025","value":1,"qualifer":"EXACT","source_id":"dbp-em-party-members"}\n',
    );
    expect((await rejection(misspelt)).problems).toEqual([
      { file: 'misspelt.jsonl', row: 0, column: 'qualifier', reason: 'column missing from the header' },
      { file: 'misspelt.jsonl', row: 0, column: 'qualifer', reason: expect.stringContaining('unknown column') },
    ]);
    const broken = join(dir, 'broken.parquet');
    await writeFile(broken, 'not parquet at all');
    const unreadable = await rejection(broken);
    expect(unreadable.problems).toEqual([
      expect.objectContaining({
        file: 'broken.parquet',
        row: 0,
        column: '*',
        reason: expect.stringContaining('unreadable PARQUET'),
      }),
    ]);
    // Only the store's own two imports, the country's units and the seed: none of the rejected files.
    expect(await fingerprintOf(store)).toMatchObject({ imports: 2 });
  });
});

describe('a CSV file is kept exactly as written, or refused with the reason and row DuckDB gives', () => {
  const HEADER = 'subject_id,indicator,period,value,qualifier,lower,upper,source_id,derived,formula,quote,note';
  const row = (indicator: string, rest = ',,,') =>
    `village/huoi-song,${indicator},2025,70,ABOUT,,,dbp-em-party-members,false${rest}`;
  const csv = async (name: string, lines: (string | Buffer)[]) => {
    const path = join(dir, name);
    await writeFile(path, Buffer.concat(lines.map((l) => (typeof l === 'string' ? Buffer.from(`${l}\n`) : l))));
    return path;
  };

  it('spaces at either end of a quote or a note are kept; a blank one is no quote', async () => {
    const path = await csv('spaces.csv', [
      HEADER,
      row('households', ',,"  Theo báo cáo, có 70 hộ.  ","\tnote with a tab and a space "'),
      row('residents', ',,"   ",'),
    ]);
    await loadFile(path);
    const kept = await store.all<{ indicator: string; quote: string | null; note: string | null }>(
      'test.kept-text',
      sql`SELECT indicator, quote, note FROM current_observations WHERE subject_id = 'village/huoi-song' AND period = '2025' AND source_id = 'dbp-em-party-members' AND indicator IN ('households', 'residents') ORDER BY indicator`,
    );
    expect(kept).toEqual([
      { indicator: 'households', quote: '  Theo báo cáo, có 70 hộ.  ', note: '\tnote with a tab and a space ' },
      { indicator: 'residents', quote: null, note: null },
    ]);
  });

  it('a row with one field too many is one problem at its row, not every column missing', async () => {
    const path = await csv('extra-field.csv', [HEADER, row('households'), row('residents', ',,,,EXTRA')]);
    const error = await rejection(path);
    expect(error.total).toBe(1);
    expect(error.problems).toEqual([
      {
        file: 'extra-field.csv',
        row: 2,
        column: '*',
        reason: 'unreadable CSV: Expected Number of Columns: 12 Found: 13',
      },
    ]);
  });

  it("a line over the maximum size and a byte that is not UTF-8: DuckDB's reason, at its row", async () => {
    const long = await csv('long-line.csv', [
      HEADER,
      row('households'),
      row('residents', `,,"${'x'.repeat(2_100_000)}",`),
    ]);
    expect((await rejection(long)).problems).toEqual([
      {
        file: 'long-line.csv',
        row: 2,
        column: '*',
        reason: expect.stringMatching(
          /^unreadable CSV: Maximum line size of 2000000 bytes exceeded\. Actual Size: ?\d+ bytes\.$/,
        ),
      },
    ]);
    const latin1 = await csv('latin1.csv', [
      HEADER,
      row('households'),
      Buffer.concat([Buffer.from(row('residents', ',,"Tr')), Buffer.from([0xea]), Buffer.from('n",\n')]),
    ]);
    expect((await rejection(latin1)).problems).toEqual([
      {
        file: 'latin1.csv',
        row: 2,
        column: '*',
        reason: 'unreadable CSV: Invalid unicode (byte sequence mismatch) detected. This file is not utf-8 encoded.',
      },
    ]);
  });

  it('a column named twice in the header is refused by name', async () => {
    const path = await csv('twice.csv', [`${HEADER},note`, `${row('households')},`]);
    expect((await rejection(path)).problems).toEqual([
      { file: 'twice.csv', row: 0, column: 'note', reason: 'column named twice in the header' },
    ]);
    expect(await fingerprintOf(store)).toMatchObject({ imports: 2 });
  });
});
