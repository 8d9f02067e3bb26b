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

/**
 * What of a change (a ranking entry's, or a `change` field's) a statement computes: the measures
 * left out are NULL, and the later period's point only when `point`.
 */
export interface RankColumns {
  readonly point: boolean;
  readonly change: ReadonlySet<ChangeMeasure>;
}

export const ALL_RANK_COLUMNS: RankColumns = { point: true, change: new Set(CHANGE_MEASURES) };
