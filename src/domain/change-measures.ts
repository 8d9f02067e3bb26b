/**
 * The measures of a change between two points: the fields of the API's change type and the
 * columns the SQL layer computes for them. Here so both layers name them from one list.
 */
export const CHANGE_MEASURES = [
  'from',
  'to',
  'years',
  'absolute',
  'percent',
  'cagr',
  'index',
  'crossesBoundaryChange',
  'basis',
  'consecutive',
  'reported',
] as const;
export type ChangeMeasure = (typeof CHANGE_MEASURES)[number];

/** The measures given as an estimate: a number with its interval, qualifier and formula. */
export const ESTIMATE_MEASURES = ['absolute', 'percent', 'cagr', 'index'] as const satisfies readonly ChangeMeasure[];

/** The fields of an estimate: the API's Estimate type and the struct the SQL layer builds for it. */
export const ESTIMATE_FIELDS = ['value', 'lower', 'upper', 'qualifier', 'formula'] as const;
export type EstimateField = (typeof ESTIMATE_FIELDS)[number];

/**
 * What of a change (a ranking entry's, or a `change` field's) a statement computes: the measures
 * left out are NULL, the estimates' fields left out are NULL in each estimate (`value` is always
 * computed: it says whether there is an estimate), and the later period's point only when `point`.
 */
export interface RankColumns {
  readonly point: boolean;
  readonly change: ReadonlySet<ChangeMeasure>;
  readonly estimate: ReadonlySet<EstimateField>;
}

export const EVERY_ESTIMATE_FIELD: ReadonlySet<EstimateField> = new Set(ESTIMATE_FIELDS);

export const ALL_RANK_COLUMNS: RankColumns = {
  point: true,
  change: new Set(CHANGE_MEASURES),
  estimate: EVERY_ESTIMATE_FIELD,
};
