import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { parseCsv } from '../support/csv.js';
import { syntheticTree, writeDataDir } from '../support/fixtures.js';

const execFileAsync = promisify(execFile);
/** Debian's python (its python3-pandas package): CI installs it (.ci/run); a PATH python may be another. */
const PYTHON = process.env['GRASSROOTS_TEST_PYTHON'] ?? '/usr/bin/python3';

let t: TestServer;
let base: string;
beforeAll(async () => {
  t = await startTestServer();
  base = t.server.url.replace(/\/graphql$/, '');
});
afterAll(() => t.close());

const INDICATORS = ['members', 'em_members', 'em_member_share'];

/** The GraphQL table for the same arguments, as the rows an export should contain. */
async function graphqlRows(args: Parameters<TestServer['sdk']['Table']>[0]) {
  const { table } = await t.sdk.Table(args);
  return table.rows.map((r) => ({
    locality: r.locality!.code,
    indicator: r.indicator.code,
    period: r.period,
    value: r.value,
    qualifier: r.qualifier,
    lower: r.lower,
    upper: r.upper,
    basis: r.basis,
    source: r.source?.code ?? null,
  }));
}

const num = (s: string | null | undefined) => (s === '' || s == null ? null : Number(s));

describe('GET /export.csv: the table as CSV a notebook can read_csv', () => {
  it('matches the GraphQL table row for row: values, qualifiers, bounds, basis, sources', async () => {
    const response = await fetch(`${base}/export.csv?indicators=${INDICATORS.join(',')}&kind=PARTY_COMMITTEE`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="grassroots-members-em_members-em_member_share.csv"',
    );
    const rows = parseCsv(await response.text());
    const expected = await graphqlRows({ indicators: INDICATORS, kind: 'PARTY_COMMITTEE' });
    expect(expected.length).toBeGreaterThan(5);
    expect(
      rows.map((r) => ({
        locality: r['locality_code'],
        indicator: r['indicator'],
        period: r['period'],
        value: num(r['value']),
        qualifier: r['qualifier'] || null,
        lower: num(r['lower']),
        upper: num(r['upper']),
        basis: r['basis'],
        source: r['source_codes']!.split(';')[0] || null,
      })),
    ).toEqual(expected);
    expect(rows.find((r) => r['locality_code'] === 'party-committee/dien-bien')!['locality_name']).toBe(
      'Điện Biên Provincial Party Committee',
    );
  });

  it('takes readable codes for within and localities, periods and rollup', async () => {
    const huoiSong = Buffer.from('Village:village/huoi-song').toString('base64url');
    const csv = parseCsv(
      await (
        await fetch(
          `${base}/export.csv?indicators=poor_households,households&localities=village/huoi-song&periods=2024,2026`,
        )
      ).text(),
    );
    expect(csv.map((r) => [r['locality_code'], r['indicator'], r['period'], r['qualifier']])).toEqual(
      (
        await graphqlRows({
          indicators: ['poor_households', 'households'],
          localities: [huoiSong],
          periods: ['2024', '2026'],
        })
      ).map((r) => [r.locality, r.indicator, r.period, r.qualifier]),
    );
    const rolled = parseCsv(
      await (
        await fetch(`${base}/export.csv?indicators=households&kind=COMMUNE&within=province/11&rollup=VILLAGE`)
      ).text(),
    );
    expect(rolled.some((r) => r['basis'] === 'ROLLED_UP' && r['expected'] !== '')).toBe(true);
  });
});

describe('GET /export.parquet and /export.json', () => {
  it('Parquet reads back in DuckDB with the same values and types', async () => {
    const response = await fetch(`${base}/export.parquet?indicators=${INDICATORS.join(',')}&kind=PARTY_COMMITTEE`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.apache.parquet');
    expect(response.headers.get('content-disposition')).toContain('.parquet"');
    const dir = await mkdtemp(join(tmpdir(), 'grassroots-parquet-'));
    try {
      const file = join(dir, 'table.parquet');
      await writeFile(file, Buffer.from(await response.arrayBuffer()));
      const db = await DuckDBInstance.create(':memory:');
      const connection = await db.connect();
      const reader = await connection.runAndReadAll(
        `SELECT locality_code, indicator, period, value, qualifier, lower, upper, basis, source_codes FROM read_parquet('${file}')`,
      );
      const rows = reader.getRowObjectsJson() as Record<string, unknown>[];
      const types = await connection.runAndReadAll(
        `SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet('${file}'))`,
      );
      connection.closeSync();
      db.closeSync();
      expect(Object.fromEntries(types.getRows().map(([n, ty]) => [n, ty]))).toMatchObject({
        value: 'DOUBLE',
        derived: 'BOOLEAN',
        locality_code: 'VARCHAR',
        period_start: 'DATE',
        period_end: 'DATE',
        formula: 'VARCHAR',
        quote: 'VARCHAR',
      });
      const expected = await graphqlRows({ indicators: INDICATORS, kind: 'PARTY_COMMITTEE' });
      expect(
        rows.map((r) => ({
          locality: r['locality_code'],
          indicator: r['indicator'],
          period: r['period'],
          value: r['value'],
          qualifier: r['qualifier'],
          lower: r['lower'],
          upper: r['upper'],
          basis: r['basis'],
          source: (r['source_codes'] as string).split(';')[0],
        })),
      ).toEqual(expected);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('JSON is an array of row objects; NDJSON one object a line', async () => {
    const json = await fetch(`${base}/export.json?indicators=members&kind=PARTY_COMMITTEE&from=2025&to=2026`);
    expect(json.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const rows = (await json.json()) as { locality_code: string; value: number; period: string }[];
    expect(rows.map((r) => [r.locality_code, r.period, r.value])).toEqual(
      (await graphqlRows({ indicators: ['members'], kind: 'PARTY_COMMITTEE', from: '2025', to: '2026' })).map((r) => [
        r.locality,
        r.period,
        r.value,
      ]),
    );
    const nd = await fetch(`${base}/export.ndjson?indicators=members&kind=PARTY_COMMITTEE&from=2025&to=2026`);
    expect(nd.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    expect(
      (await nd.text())
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as unknown),
    ).toEqual(rows);
  });
});

describe('exports carry what makes each figure citable', () => {
  it('formula, source titles and quote per value; the province share UNKNOWN within [0, 1], not a number', async () => {
    const response = await fetch(`${base}/export.csv?indicators=${INDICATORS.join(',')}&kind=PARTY_COMMITTEE`);
    const rows = parseCsv(await response.text());
    const row = (locality: string, indicator: string) =>
      rows.find((r) => r['locality_code'] === locality && r['indicator'] === indicator)!;
    expect(row('party-committee/tia-dinh', 'em_member_share')).toMatchObject({
      basis: 'COMPUTED',
      formula: 'em_members / members = 339 / 377',
      quote: '',
    });
    expect(row('party-committee/tia-dinh', 'members')['quote']).toBe(
      'The Tìa Dình commune level Party Committee oversees 30 subordinate Party cells with a total of 377 Party members, including 339 ethnic minority members.',
    );
    // Every row is about its whole unit: a part's figure (one household's) never stands for it.
    expect(rows.every((r) => r['scope'] === '')).toBe(true);
    expect(row('party-committee/tia-dinh', 'members')['source_titles']).toContain(
      'Ethnic minority Party members in Điện Biên',
    );
    expect(row('party-committee/dien-bien', 'em_member_share')).toMatchObject({
      value: '',
      qualifier: 'UNKNOWN',
      lower: '0.0',
      upper: '1.0',
      formula: 'em_members / members = more than 27000 / more than 49000',
    });
  });

  it('columns= picks fewer columns, in the order asked; an unknown one is a 400 listing the columns', async () => {
    const response = await fetch(
      `${base}/export.csv?indicators=members&kind=PARTY_COMMITTEE&columns=locality_code,value,qualifier,quote`,
    );
    const text = await response.text();
    expect(text.split('\n')[0]).toBe('locality_code,value,qualifier,quote');
    const unknown = await fetch(`${base}/export.csv?indicators=members&kind=PARTY_COMMITTEE&columns=value,colour`);
    expect(unknown.status).toBe(400);
    const body = (await unknown.json()) as { error: { parameter: string; allowed: string[] } };
    expect(body.error.parameter).toBe('columns');
    expect(body.error.allowed).toEqual(expect.arrayContaining(['formula', 'quote', 'source_titles']));
  });

  it("pandas (Debian's python3-pandas) reads the CSV URL and gets the GraphQL table's numbers", async () => {
    const url = `${base}/export.csv?indicators=${INDICATORS.join(',')}&kind=PARTY_COMMITTEE`;
    const script = [
      'import json, sys, pandas as pd',
      'df = pd.read_csv(sys.argv[1], parse_dates=["period_start", "period_end"])',
      'assert str(df["period_start"].dtype).startswith("datetime64"), df["period_start"].dtype',
      'rows = [{"locality": r.locality_code, "indicator": r.indicator, "period": str(r.period), "value": None if pd.isna(r.value) else float(r.value), "qualifier": r.qualifier} for r in df.itertuples()]',
      'print(json.dumps(rows))',
    ].join('\n');
    const { stdout } = await execFileAsync(PYTHON, ['-c', script, url]);
    const expected = (await graphqlRows({ indicators: INDICATORS, kind: 'PARTY_COMMITTEE' })).map((r) => ({
      locality: r.locality,
      indicator: r.indicator,
      period: r.period,
      value: r.value,
      qualifier: r.qualifier,
    }));
    expect(JSON.parse(stdout)).toEqual(expected);
  });
});

describe('bad export requests are 400s naming the parameter and what is allowed', () => {
  const bad = async (query: string) => {
    const response = await fetch(`${base}/export.csv?${query}`);
    return {
      status: response.status,
      body: (await response.json()) as {
        error: { code: string; parameter: string; message: string; allowed?: string[] };
      },
    };
  };

  it.each([
    ['kind=COMMUNE', 'indicators', undefined],
    ['indicators=nope&kind=COMMUNE', 'indicators', 'members'],
    ['indicators=members&kind=HAMLET', 'kind', 'COMMUNE'],
    ['indicators=members', 'kind', 'COMMUNE'],
    ['indicators=members&kind=COMMUNE&limit=5', 'limit', 'indicators'],
    ['indicators=members&kind=COMMUNE&periods=last-year', 'periods[0]', undefined],
    ['indicators=members&localities=town/x', 'localities[0]', 'commune'],
    ['indicators=members&kind=COMMUNE&rollup=VILLAGE&from=2026&to=2024', 'from', undefined],
    // a date as GraphQL's LocalDate takes it: a loose form would be compared differently by SQL and by the hierarchy in memory
    ['indicators=members&kind=COMMUNE&within=province/11&asOf=2025-6-15', 'asOf', undefined],
  ])('%s → parameter %s', async (query, parameter, allowed) => {
    const { status, body } = await bad(query);
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: 'BAD_USER_INPUT', parameter });
    expect(body.error.message).toContain(`Parameter "${parameter}"`);
    if (allowed) expect(body.error.allowed).toContain(allowed);
  });

  it('a within or a locality that names no unit is a 400 naming the parameter, not an empty or short table', async () => {
    const within = await bad('indicators=members&kind=VILLAGE&within=commune/no-such-commune');
    expect(within.status).toBe(400);
    expect(within.body.error).toMatchObject({
      code: 'BAD_USER_INPUT',
      parameter: 'within',
      message: 'Parameter "within": no locality "commune/no-such-commune".',
    });
    const localities = await bad('indicators=households&localities=village/huoi-song,village/no-such-village');
    expect(localities.status).toBe(400);
    expect(localities.body.error).toMatchObject({
      code: 'BAD_USER_INPUT',
      parameter: 'localities',
      message: 'Parameter "localities": no locality "village/no-such-village".',
    });
  });

  it('csvFormulas takes escape or keep, and only on /export.csv', async () => {
    const unknown = await bad('indicators=members&kind=COMMUNE&csvFormulas=raw');
    expect(unknown).toMatchObject({
      status: 400,
      body: { error: { parameter: 'csvFormulas', allowed: ['escape', 'keep'] } },
    });
    const json = await fetch(`${base}/export.json?indicators=members&kind=COMMUNE&csvFormulas=keep`);
    expect(json.status).toBe(400);
    expect(((await json.json()) as { error: { message: string } }).error.message).toBe(
      'Parameter "csvFormulas": applies to /export.csv only.',
    );
  });

  it('an unknown format is a 404 listing the formats', async () => {
    const response = await fetch(`${base}/export.xlsx?indicators=members&kind=COMMUNE`);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { allowed: string[] } }).error.allowed).toEqual([
      '/export.csv',
      '/export.parquet',
      '/export.json',
      '/export.ndjson',
    ]);
  });
});

describe('a CSV export does not hand a spreadsheet formulas to run', () => {
  let hostile: TestServer;
  let hostileBase: string;
  // Names a data editor could load: each would run as a formula when the CSV is opened in a spreadsheet.
  const NAMES = ['=HYPERLINK("http://evil.example","x")', '+1 Village', '-2 Village', '@SUM(A1)'];
  beforeAll(async () => {
    const tree = syntheticTree(1, NAMES.length);
    NAMES.forEach((name, i) => {
      tree['units.csv'] = tree['units.csv']!.replace(`Village 1.${i + 1},`, `"${name.replaceAll('"', '""')}",`);
    });
    // An AMOUNT may be negative: a number, which must stay one.
    tree['observations.csv'] += NAMES.map(
      (_, i) => `village/c1-v${i + 1},target_attainment,2025,-0.${i + 1},EXACT,,,synthetic-test,false,,,\n`,
    ).join('');
    hostile = await startTestServer(await writeDataDir(tree, true));
    hostileBase = hostile.server.url.replace(/\/graphql$/, '');
  });
  afterAll(() => hostile.close());

  const exported = async (query: string) => {
    const response = await fetch(`${hostileBase}/export.csv?indicators=target_attainment&kind=VILLAGE${query}`);
    expect(response.status).toBe(200);
    return parseCsv(await response.text());
  };

  it("text cells starting with =, +, - or @ get a leading ' (shown as text); negative numbers stay numbers", async () => {
    const rows = await exported('');
    expect(rows.map((r) => [r['locality_name'], r['value']])).toEqual(
      NAMES.map((name, i) => [`'${name}`, `-0.${i + 1}`]),
    );
  });

  it('csvFormulas=keep writes every cell as stored, for programs', async () => {
    const rows = await exported('&csvFormulas=keep');
    expect(rows.map((r) => [r['locality_name'], r['value']])).toEqual(NAMES.map((name, i) => [name, `-0.${i + 1}`]));
    // Other formats are data, not spreadsheets: names as stored.
    const json = (await (
      await fetch(`${hostileBase}/export.json?indicators=target_attainment&kind=VILLAGE`)
    ).json()) as { locality_name: string }[];
    expect(json.map((r) => r.locality_name)).toEqual(NAMES);
  });
});
