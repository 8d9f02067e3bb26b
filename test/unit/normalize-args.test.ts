import { describe, expect, it } from 'vitest';
import type { IndicatorRow } from '../../src/domain/rows.js';
import type { ArgsCatalogue } from '../../src/graphql/analytics-args.js';
import {
  normalizeAvailabilityArgs,
  normalizeChangeArgs,
  normalizeLatestArgs,
  normalizePartsArgs,
  normalizePeerArgs,
  normalizeRankingArgs,
  normalizeSeriesArgs,
  normalizeTableArgs,
  normalizeWindowArgs,
} from '../../src/graphql/normalize-args.js';
import { BadInputError } from '../../src/graphql/errors.js';
import { Fill, RankBy, SeriesGranularity, SortOrder } from '../../src/graphql/types/analytics.type.js';
import { Geography, LocalityKind, SourcePreference } from '../../src/graphql/types/enums.js';
import { toGlobalId } from '../../src/graphql/ids.js';
import { NO_ROLLUP } from '../../src/analytics/values-sql.js';
import { DOMAINS } from '../../src/domain/indicator-semantics.js';

const indicator = (code: string, aggregation: string, parts: [string, string] | null = null): IndicatorRow => ({
  code,
  name: code,
  unit: 'count',
  valueType: 'COUNT',
  aggregation,
  numerator: parts?.[0] ?? null,
  denominator: parts?.[1] ?? null,
  description: '',
  measure: 'STOCK',
  domain: DOMAINS.COUNT,
});
const CATALOGUE: ArgsCatalogue = {
  indicators: new Map([
    ['members', indicator('members', 'SUM')],
    ['minority', indicator('minority', 'SUM')],
    ['minority_share', indicator('minority_share', 'RATIO', ['minority', 'members'])],
    ['head_rate', indicator('head_rate', 'NONE')],
  ]),
};
const YEARLY: ArgsCatalogue = { ...CATALOGUE, granularities: ['YEAR'] };
const ALL = { from: null, to: null, periods: null };

/** The argument a normaliser refuses, with the start of its reason. */
function refusal(run: () => unknown): { argument: string; message: string } | null {
  try {
    run();
    return null;
  } catch (e) {
    if (!(e instanceof BadInputError)) throw e;
    return { argument: e.extensions['argument'] as string, message: e.message };
  }
}

describe('normalizeSeriesArgs', () => {
  it.each([
    [
      'plain',
      { indicator: 'members' },
      CATALOGUE,
      { window: ALL, grid: null, options: { ...NO_ROLLUP, geography: null } },
    ],
    [
      'a window from periods',
      { indicator: 'members', from: '2024', to: '2025-Q2' },
      CATALOGUE,
      { window: { from: '2024-01-01', to: '2025-06-30', periods: null } },
    ],
    [
      'a time axis, gaps empty by default',
      { indicator: 'members', granularity: SeriesGranularity.YEAR },
      YEARLY,
      { grid: { granularity: 'YEAR', fill: 'NONE' } },
    ],
    [
      'a time axis filled',
      { indicator: 'members', granularity: SeriesGranularity.YEAR, fill: Fill.PREVIOUS },
      YEARLY,
      { grid: { granularity: 'YEAR', fill: 'PREVIOUS' } },
    ],
    [
      'a rollup',
      { indicator: 'members', rollup: LocalityKind.VILLAGE },
      CATALOGUE,
      { options: { ...NO_ROLLUP, rollupFrom: 'VILLAGE' } },
    ],
    [
      'earliest publication',
      { indicator: 'members', sourcePreference: SourcePreference.EARLIEST_PUBLICATION },
      CATALOGUE,
      { options: { ...NO_ROLLUP, earliestPublication: true } },
    ],
    [
      'a preferred source by global id',
      { indicator: 'members', preferSource: toGlobalId('Source', 'src-1') },
      CATALOGUE,
      { options: { ...NO_ROLLUP, preferredSource: 'src-1' } },
    ],
    [
      'revision time travel in UTC',
      { indicator: 'members', asOf: new Date('2026-01-02T03:04:05.678Z') },
      CATALOGUE,
      { options: { ...NO_ROLLUP, recordedAsOf: '2026-01-02 03:04:05.678' } },
    ],
    [
      "a sum on today's geography",
      { indicator: 'members', geography: Geography.CURRENT },
      CATALOGUE,
      { options: { ...NO_ROLLUP, geography: 'CURRENT' } },
    ],
    [
      'a sum on the units of an earlier date',
      { indicator: 'members', geography: Geography.AS_OF, geographyAsOf: '2024-12-31' },
      CATALOGUE,
      { options: { ...NO_ROLLUP, geography: '2024-12-31' } },
    ],
    [
      'a date alone means AS_OF',
      { indicator: 'members', geographyAsOf: '2024-12-31' },
      CATALOGUE,
      { options: { ...NO_ROLLUP, geography: '2024-12-31' } },
    ],
    [
      "a ratio on today's geography",
      { indicator: 'minority_share', geography: Geography.CURRENT },
      CATALOGUE,
      { options: { ...NO_ROLLUP, geography: 'CURRENT' } },
    ],
  ])('%s', (_, input, catalogue, expected) => {
    expect(normalizeSeriesArgs(input, catalogue, ['value'])).toMatchObject({
      indicator: input.indicator,
      fields: ['value'],
      ...expected,
    });
  });

  it.each([
    ['an unknown indicator', { indicator: 'nope' }, CATALOGUE, 'indicator', 'unknown indicator "nope"'],
    [
      'a rollup of what does not add up',
      { indicator: 'head_rate', rollup: LocalityKind.VILLAGE },
      CATALOGUE,
      'rollup',
      'does not aggregate',
    ],
    [
      'fill without a time axis',
      { indicator: 'members', fill: Fill.LINEAR },
      CATALOGUE,
      'fill',
      'filling needs a time axis',
    ],
    [
      'a time axis finer than the data',
      { indicator: 'members', granularity: SeriesGranularity.MONTH },
      YEARLY,
      'granularity',
      'MONTH is finer than the data',
    ],
    [
      "today's geography with a time axis",
      { indicator: 'members', geography: Geography.CURRENT, granularity: SeriesGranularity.YEAR },
      YEARLY,
      'geography',
      'CURRENT cannot be combined',
    ],
    [
      'AS_OF without its date',
      { indicator: 'members', geography: Geography.AS_OF },
      CATALOGUE,
      'geographyAsOf',
      'geography AS_OF needs a date',
    ],
    [
      'a date with CURRENT',
      { indicator: 'members', geography: Geography.CURRENT, geographyAsOf: '2024-12-31' },
      CATALOGUE,
      'geographyAsOf',
      'is for geography AS_OF',
    ],
    [
      'a date with AS_RECORDED',
      { indicator: 'members', geography: Geography.AS_RECORDED, geographyAsOf: '2024-12-31' },
      CATALOGUE,
      'geographyAsOf',
      'is for geography AS_OF',
    ],
    [
      'a geography with a rollup',
      { indicator: 'members', geography: Geography.CURRENT, rollup: LocalityKind.VILLAGE },
      CATALOGUE,
      'geography',
      'CURRENT cannot be combined',
    ],
    [
      "today's geography of what does not add up",
      { indicator: 'head_rate', geography: Geography.CURRENT },
      CATALOGUE,
      'geography',
      'cannot be rebuilt',
    ],
    ['a malformed period', { indicator: 'members', from: '2024-13' }, CATALOGUE, 'from', 'is not a period'],
    ['from after to', { indicator: 'members', from: '2026', to: '2024' }, CATALOGUE, 'from', 'is after to'],
    [
      'updatedAfter not before asOf',
      { indicator: 'members', asOf: new Date('2026-01-01T00:00:00Z'), updatedAfter: new Date('2026-01-01T00:00:00Z') },
      CATALOGUE,
      'updatedAfter',
      'must be earlier than asOf',
    ],
    [
      'a preferred source that is not a source',
      { indicator: 'members', preferSource: toGlobalId('Commune', 'x') },
      CATALOGUE,
      'preferSource',
      'expected the id of a Source',
    ],
  ])('refuses %s', (_, input, catalogue, argument, message) => {
    const refused = refusal(() => normalizeSeriesArgs(input, catalogue, null));
    expect(refused?.argument).toBe(argument);
    expect(refused?.message).toContain(message);
  });
});

describe('the other analytics fields', () => {
  it('availability on a geography names every indicator that can be re-expressed', () => {
    expect(normalizeAvailabilityArgs({}, CATALOGUE)).toEqual({ indicators: null, geography: null });
    const all = normalizeAvailabilityArgs({ geography: Geography.CURRENT }, CATALOGUE);
    expect(all.geography).toBe('CURRENT');
    expect(all.indicators).toContain('members');
    expect(all.indicators).toContain('minority_share');
    expect(all.indicators).not.toContain('head_rate');
    expect(
      refusal(() => normalizeAvailabilityArgs({ indicator: 'head_rate', geography: Geography.CURRENT }, CATALOGUE)),
    ).toMatchObject({
      argument: 'geography',
    });
  });

  it('every one takes the same geography, checked the same way', () => {
    const today = { geography: Geography.CURRENT };
    const before = { geographyAsOf: '2024-12-31' };
    const geographyOf = (options: { geography?: string | null }) => options.geography;
    expect(
      geographyOf(normalizeChangeArgs({ indicator: 'members', from: '2024', to: '2026', ...today }, CATALOGUE).options),
    ).toBe('CURRENT');
    expect(geographyOf(normalizeWindowArgs({ indicator: 'members', ...before }, CATALOGUE).options)).toBe('2024-12-31');
    expect(geographyOf(normalizeLatestArgs({ indicator: 'members', ...today }, CATALOGUE, null).options)).toBe(
      'CURRENT',
    );
    expect(
      geographyOf(
        normalizePartsArgs({ indicator: 'members', childKind: LocalityKind.VILLAGE, ...before }, CATALOGUE).options,
      ),
    ).toBe('2024-12-31');
    expect(
      geographyOf(
        normalizeRankingArgs({ indicator: 'members', kind: LocalityKind.COMMUNE, period: '2024', ...today }, CATALOGUE)
          .options,
      ),
    ).toBe('CURRENT');
    expect(
      geographyOf(
        normalizeTableArgs({ indicators: ['members'], kind: LocalityKind.COMMUNE, ...before }, CATALOGUE).options,
      ),
    ).toBe('2024-12-31');
    expect(
      refusal(() =>
        normalizeTableArgs({ indicators: ['members', 'head_rate'], kind: LocalityKind.COMMUNE, ...today }, CATALOGUE),
      ),
    ).toMatchObject({ argument: 'geography', message: expect.stringContaining('"head_rate" does not aggregate') });
    expect(
      refusal(() =>
        normalizeChangeArgs({ indicator: 'members', from: '2024', to: '2026', geographyAsOf: '2024-13-45' }, CATALOGUE),
      ),
    ).toMatchObject({ argument: 'geographyAsOf' });
  });

  it('change: two periods in order, exactly as recorded', () => {
    expect(normalizeChangeArgs({ indicator: 'members', from: '2024', to: '2026' }, CATALOGUE)).toEqual({
      indicator: 'members',
      from: '2024',
      to: '2026',
      options: NO_ROLLUP,
    });
    expect(
      refusal(() => normalizeChangeArgs({ indicator: 'members', from: '2026', to: '2024' }, CATALOGUE))?.argument,
    ).toBe('from');
    expect(
      refusal(() => normalizeChangeArgs({ indicator: 'members', from: 'soon', to: '2024' }, CATALOGUE))?.argument,
    ).toBe('from');
  });

  it('yoy: an optional window of dates', () => {
    expect(normalizeWindowArgs({ indicator: 'members', from: '2024' }, CATALOGUE)).toEqual({
      indicator: 'members',
      window: { from: '2024-01-01', to: null },
      options: NO_ROLLUP,
    });
  });

  it('latest: the fields read travel with the arguments', () => {
    expect(
      normalizeLatestArgs({ indicator: 'members', rollup: LocalityKind.COMMUNE }, CATALOGUE, ['period', 'value']),
    ).toEqual({ indicator: 'members', options: { ...NO_ROLLUP, rollupFrom: 'COMMUNE' }, fields: ['period', 'value'] });
  });

  it('peers: one period', () => {
    expect(normalizePeerArgs({ indicator: 'members', period: '2025' }, CATALOGUE)).toEqual({
      indicator: 'members',
      period: '2025',
      options: NO_ROLLUP,
    });
    expect(refusal(() => normalizePeerArgs({ indicator: 'members', period: 'last year' }, CATALOGUE))?.argument).toBe(
      'period',
    );
  });

  it('totalsAndParts: what does not add up is refused on the indicator', () => {
    expect(normalizePartsArgs({ indicator: 'members', childKind: LocalityKind.VILLAGE }, CATALOGUE)).toEqual({
      indicator: 'members',
      childKind: 'VILLAGE',
      window: { from: null, to: null },
      options: NO_ROLLUP,
    });
    expect(
      refusal(() => normalizePartsArgs({ indicator: 'head_rate', childKind: LocalityKind.VILLAGE }, CATALOGUE))
        ?.argument,
    ).toBe('rollup');
  });
});

describe('normalizeRankingArgs', () => {
  const base = { indicator: 'members', kind: LocalityKind.COMMUNE };
  it.each([
    [
      'by value, defaults',
      { ...base, period: '2025' },
      {
        by: 'VALUE',
        from: null,
        to: '2025',
        descending: true,
        limit: 20,
        set: { kind: 'COMMUNE', within: null, asOf: null },
      },
    ],
    [
      'by change, ascending, within a unit',
      {
        ...base,
        by: RankBy.ABSOLUTE_CHANGE,
        from: '2024',
        to: '2026',
        order: SortOrder.ASC,
        first: 5,
        within: toGlobalId('Province', '11'),
      },
      {
        by: 'ABSOLUTE_CHANGE',
        from: '2024',
        to: '2026',
        descending: false,
        limit: 5,
        set: { kind: 'COMMUNE', within: '11', asOf: null },
      },
    ],
  ])('%s', (_, input, expected) => {
    expect(normalizeRankingArgs(input, CATALOGUE)).toMatchObject(expected);
  });

  it.each([
    ['a value ranking without its period', { ...base }, 'period'],
    ['a value ranking with from', { ...base, period: '2025', from: '2024' }, 'from'],
    ['a change ranking without to', { ...base, by: RankBy.PERCENT_CHANGE, from: '2024' }, 'to'],
    ['a change ranking backwards', { ...base, by: RankBy.PERCENT_CHANGE, from: '2026', to: '2024' }, 'from'],
    ['more than 1000 entries', { ...base, period: '2025', first: 1001 }, 'first'],
    ['none', { ...base, period: '2025', first: 0 }, 'first'],
  ])('refuses %s', (_, input, argument) => {
    expect(refusal(() => normalizeRankingArgs(input, CATALOGUE))?.argument).toBe(argument);
  });
});

describe('normalizeTableArgs', () => {
  it('units by id or by kind, with exact periods', () => {
    expect(
      normalizeTableArgs(
        { indicators: ['members'], localities: [toGlobalId('Commune', 'c1')], periods: ['2024', '2025'] },
        CATALOGUE,
      ),
    ).toEqual({
      set: { ids: ['c1'] },
      indicators: ['members'],
      window: { from: null, to: null, periods: ['2024', '2025'] },
      options: NO_ROLLUP,
    });
    expect(normalizeTableArgs({ indicators: ['members'], kind: LocalityKind.VILLAGE }, CATALOGUE).set).toEqual({
      kind: 'VILLAGE',
      within: null,
      asOf: null,
    });
  });

  it.each([
    ['no indicators', { indicators: [], kind: LocalityKind.VILLAGE }, 'indicators'],
    ['an unknown indicator', { indicators: ['members', 'nope'], kind: LocalityKind.VILLAGE }, 'indicators'],
    [
      'both localities and kind',
      { indicators: ['members'], kind: LocalityKind.VILLAGE, localities: [toGlobalId('Commune', 'c1')] },
      'localities',
    ],
    ['neither', { indicators: ['members'] }, 'kind'],
    [
      'a malformed period',
      { indicators: ['members'], kind: LocalityKind.VILLAGE, periods: ['2024', 'x'] },
      'periods[1]',
    ],
  ])('refuses %s', (_, input, argument) => {
    expect(refusal(() => normalizeTableArgs(input, CATALOGUE))?.argument).toBe(argument);
  });
});
