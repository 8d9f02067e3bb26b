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

/** What of each ranking entry a statement computes besides its rank: the columns left out are NULL. */
export interface RankColumns {
  readonly point: boolean;
  readonly change: ReadonlySet<ChangeMeasure>;
}

export const ALL_RANK_COLUMNS: RankColumns = { point: true, change: new Set(CHANGE_MEASURES) };
