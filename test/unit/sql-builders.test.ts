import { describe, expect, it } from 'vitest';
import { statement, type Fragment } from '../../src/store/sql.js';
import { NO_ROLLUP, type ValueOptions } from '../../src/analytics/values-sql.js';
import { servedLatest, servedPivot, servedSeries } from '../../src/analytics/served-sql.js';
import { reportedLatest, reportedSeries } from '../../src/analytics/reported-sql.js';
import { seriesOnGrid, seriesPoints } from '../../src/analytics/series-sql.js';
import { latestValues } from '../../src/analytics/availability-sql.js';
import { changeBetween, consecutiveChanges } from '../../src/analytics/change-sql.js';
import { rankUnits } from '../../src/analytics/rank-sql.js';
import { tablePacked, tablePivot, tableRows } from '../../src/analytics/table-sql.js';
import { peerContext, totalsAgainstParts } from '../../src/analytics/context-sql.js';
import * as serving from '../../src/serving/serving-sql.js';

/**
 * The analytics statements pinned as text and bound values, without a database (as graphql-hive
 * pins its ClickHouse readers): a change to a builder shows up here as a diff to read, and
 * `npx vitest run test/unit/sql-builders.test.ts -u` accepts it once read. What the statements
 * answer is proven against DuckDB in test/db.
 */
function pinned(fragment: Fragment): { text: string; values: unknown[] } {
  const { text, values } = statement('pinned', fragment);
  // collapse indentation so a re-indented builder is not a change
  return {
    text: text.replace(/\s+/g, ' ').trim(),
    values: values.map((v) => (typeof v === 'object' && v !== null ? String(v) : v)),
  };
}

const WINDOW = { from: '2024-01-01', to: '2026-12-31', periods: null };
const SERVED: ValueOptions = { ...NO_ROLLUP, serving: true };
const ROLLED: ValueOptions = { ...NO_ROLLUP, rollupFrom: 'VILLAGE' };
const IDS = { ids: ['c1', 'c2'] };
const KEYED = { ids: ['c1', 'c2'], keys: [7, 9] };
const WITHIN = { kind: 'VILLAGE', within: 'p1', asOf: '2025-01-01' };

describe("value sources' statements", () => {
  it.each([
    [
      'served series, three fields',
      servedSeries([7, 9], ['members', 'minority'], WINDOW, SERVED, ['period', 'value', 'qualifier']),
    ],
    [
      'served latest, all fields, rolled up',
      servedLatest([7], ['members'], { ...SERVED, rollupFrom: 'VILLAGE' }, null),
    ],
    ['served pivot', servedPivot([7, 9], ['members'], WINDOW, SERVED)],
    ['reported series', reportedSeries(['c1', 'c2'], ['members', 'minority'], WINDOW, NO_ROLLUP)],
    [
      'reported latest, earliest publication',
      reportedLatest(['c1'], ['members'], { ...NO_ROLLUP, earliestPublication: true }),
    ],
    ['computed series from observations', seriesPoints(IDS, ['members'], WINDOW, NO_ROLLUP)],
    ['computed series rolled up', seriesPoints(IDS, ['minority_share'], WINDOW, ROLLED)],
    ['computed series over the serving layer, by key', seriesPoints(KEYED, ['members'], WINDOW, SERVED)],
    ['computed latest', latestValues(IDS, ['members'], NO_ROLLUP)],
  ])('%s', (_, fragment) => {
    expect(pinned(fragment)).toMatchSnapshot();
  });
});

describe("operations' statements", () => {
  it.each([
    ['series on a yearly axis, filled linearly', seriesOnGrid(IDS, 'members', WINDOW, NO_ROLLUP, 'YEAR', 'LINEAR')],
    ['change between two periods', changeBetween(IDS, 'members', '2024', '2026', NO_ROLLUP)],
    ['consecutive changes', consecutiveChanges(IDS, 'members', { from: null, to: null }, SERVED)],
    ['ranking by value within a unit', rankUnits(WITHIN, 'members', 'VALUE', null, '2025', true, 10, SERVED)],
    [
      'ranking by percent change, ascending',
      rankUnits(
        { kind: 'COMMUNE', within: null, asOf: null },
        'members',
        'PERCENT_CHANGE',
        '2024',
        '2026',
        false,
        5,
        NO_ROLLUP,
      ),
    ],
    ['table rows', tableRows(WITHIN, ['members', 'minority'], WINDOW, NO_ROLLUP)],
    ['table pivot', tablePivot(IDS, ['members'], { from: null, to: null, periods: ['2024', '2025'] }, NO_ROLLUP)],
    ['packed table', tablePacked(KEYED, ['members'], WINDOW, SERVED, ['EXACT', 'ABOUT'])],
    ['peers', peerContext(['c1'], 'members', '2025', NO_ROLLUP)],
    ['totals against parts', totalsAgainstParts(['c1'], 'members', 'VILLAGE', { from: null, to: null }, NO_ROLLUP)],
  ])('%s', (_, fragment) => {
    expect(pinned(fragment)).toMatchSnapshot();
  });
});

describe("the serving layer's full build", () => {
  it.each<[string, Fragment]>([
    [
      'a pass summed from one kind, written in layer order',
      serving.insertOwnAndRolled(['households', 'residents'], 'VILLAGE'),
    ],
    ['own values of a pass summed from several kinds', serving.createOwnTable(['members'])],
    [
      'a pass summed from several kinds, written in layer order',
      serving.insertOwnAndRolledFromOwn(['members'], ['PARTY_CELL', 'PARTY_COMMITTEE']),
    ],
  ])('%s', (_, fragment) => {
    expect(pinned(fragment)).toMatchSnapshot();
  });
});

describe("the serving layer's incremental refresh", () => {
  const SCOPE = { indicators: ['members', 'minority_share'], from: '2024-01-01', to: '2025-05-31' };
  const [deleteOwn, deleteRolled] = serving.deleteTouchedValues();
  it.each<[string, Fragment]>([
    ['touched keys of an import', serving.createTouchedKeys(7)],
    ['rolled keys (ancestors with children)', serving.createRolledKeys()],
    ['touched scope', serving.touchedScope()],
    ['delete touched values 1', deleteOwn!],
    ['delete touched values 2', deleteRolled!],
    ['touched own values', serving.insertTouchedOwn(SCOPE)],
    ['own values the rollups read', serving.createRolledOwn(SCOPE)],
    ['touched rollups of a kind', serving.insertTouchedRolled('VILLAGE', SCOPE)],
  ])('%s', (_, fragment) => {
    expect(pinned(fragment)).toMatchSnapshot();
  });
});
