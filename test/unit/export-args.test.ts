import { describe, expect, it } from 'vitest';
import { exportArgs } from '../../src/http/export-route.js';
import { copyTable, EXPORT_FORMATS, exportRows } from '../../src/analytics/export-sql.js';
import { tableRows } from '../../src/analytics/table-sql.js';
import { statement } from '../../src/store/sql.js';
import { BadInputError } from '../../src/graphql/errors.js';
import { NO_ROLLUP } from '../../src/analytics/values-sql.js';

const id = (type: string, code: string) => Buffer.from(`${type}:${code}`).toString('base64url');

describe('export query strings become table arguments', () => {
  it('splits lists on commas or repeats, and turns codes into global ids', () => {
    const args = exportArgs(
      new URLSearchParams(
        'indicators=members,em_members&periods=2024&periods=2025&kind=COMMUNE&within=province/11&rollup=VILLAGE',
      ),
    );
    expect(args).toMatchObject({
      indicators: ['members', 'em_members'],
      periods: ['2024', '2025'],
      kind: 'COMMUNE',
      within: id('Province', 'province/11'),
      rollup: 'VILLAGE',
      localities: null,
    });
    expect(
      exportArgs(
        new URLSearchParams('indicators=x&localities=party-committee/tia-dinh,' + id('Village', 'village/san-bay')),
      ).localities,
    ).toEqual([id('PartyCommittee', 'party-committee/tia-dinh'), id('Village', 'village/san-bay')]);
  });

  it.each([
    ['kind=COMMUNE', 'indicators'],
    ['indicators=x&kind=commune', 'kind'],
    ['indicators=x&from=2024&from=2025', 'from'],
    ['indicators=x&format=csv', 'format'],
    ['indicators=x&within=hamlet/y', 'within'],
  ])('%s is rejected, naming %s', (query, argument) => {
    try {
      exportArgs(new URLSearchParams(query));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(BadInputError);
      expect((error as BadInputError).extensions['argument']).toBe(argument);
    }
  });
});

describe('copyTable wraps the table statement unchanged', () => {
  const rows = tableRows(
    { kind: 'COMMUNE', within: null, asOf: null },
    ['members'],
    { from: null, to: null, periods: null },
    NO_ROLLUP,
  );

  it('keeps every bound value of tableRows and adds none', () => {
    for (const format of Object.keys(EXPORT_FORMATS) as (keyof typeof EXPORT_FORMATS)[]) {
      const copy = statement('t', copyTable(rows, '/tmp/x/table.csv', format));
      expect(copy.values).toEqual(statement('t', rows).values);
      expect(copy.text).toMatch(new RegExp(`^COPY \\(`));
      expect(copy.text.trimEnd().endsWith(`TO '/tmp/x/table.csv' (${EXPORT_FORMATS[format].copy})`)).toBe(true);
    }
  });

  it('doubles quotes in the server-made path', () => {
    expect(statement('t', copyTable(rows, "/tmp/o'brien/t.csv", 'csv')).text).toContain(`TO '/tmp/o''brien/t.csv'`);
  });
});

describe('exportRows reads only what the asked columns need', () => {
  const set = { kind: 'VILLAGE', within: null, asOf: null };
  const window = { from: null, to: null, periods: null };
  const selected = (columns: string[] | null) => {
    const text = statement('t', exportRows(set, ['coffee_area'], window, NO_ROLLUP, columns)).text;
    return text.slice(text.lastIndexOf('SELECT'));
  };

  it("Q5's four columns read those and the sort keys, not the provenance (a bulk pull scanned every column)", () => {
    const text = selected(['locality_code', 'period', 'value', 'qualifier']);
    for (const c of ['subject_id', 'indicator', 'period_start', 'period', 'value', 'qualifier'])
      expect(text).toContain(`v.${c} `);
    for (const c of ['source_ids', 'formula', 'observation_id', 'lower', 'upper', 'period_end'])
      expect(text).not.toContain(`v.${c} `);
  });

  it('every column reads every row column an export writes; quote reads the observation id', () => {
    expect(selected(null)).toContain('v.formula AS "formula"');
    expect(selected(['quote'])).toContain('v.observation_id AS "observationId"');
    expect(selected(['source_titles'])).toContain('v.source_ids AS "sourceIds"');
  });

  it('joins the unit only for its name or kind', () => {
    const path = '/tmp/x/t.parquet';
    const rows = exportRows(set, ['coffee_area'], window, NO_ROLLUP, ['locality_code', 'value']);
    const unitJoin = 'LEFT JOIN units u ON u.id = t."subjectId"';
    const copy = (columns: string[]) => statement('t', copyTable(rows, path, 'parquet', { columns })).text;
    expect(copy(['locality_code', 'value'])).not.toContain(unitJoin);
    expect(copy(['locality_name'])).toContain(unitJoin);
  });
});
