import type { PointField, PointRow } from '../domain/analytics-rows.js';
import type { Fill, Granularity } from '../analytics/series-sql.js';
import type { SubjectSet, ValueOptions, ValueWindow } from '../analytics/values-sql.js';
import type { RankBy } from '../analytics/rank-sql.js';

/**
 * A plain value request: these units' points of these indicators in a window, with the point
 * fields the caller reads (null: all). Every value source answers this one shape, so the
 * chain can ask them in turn (see value-chain.ts).
 */
export interface ValueRequest {
  readonly ids: readonly string[];
  readonly indicators: readonly string[];
  readonly window: ValueWindow;
  readonly options: ValueOptions;
  /** Sources that read the serving layer return just these fields; the others return all. */
  readonly fields: readonly PointField[] | null;
}

/** A point with the unit it is about, as every source returns it. */
export type NamedPoint = { subjectId: string; point: PointRow };

/** Every period: what `latest` looks over. */
export const ALL_TIME: ValueWindow = { from: null, to: null, periods: null };

/** A `series` field's arguments, normalised (see normalize-args.ts). */
export interface SeriesArgs {
  indicator: string;
  window: ValueWindow;
  options: ValueOptions;
  /** A regular time axis with gaps filled; null: the points as recorded. */
  grid: { granularity: Granularity; fill: Fill; fillFlows: boolean } | null;
  /** The point fields the request reads (null: all). */
  fields: readonly PointField[] | null;
}

/** A `latest` field's arguments, normalised. */
export interface LatestArgs {
  indicator: string;
  options: ValueOptions;
  /** As in SeriesArgs. */
  fields: readonly PointField[] | null;
}

export interface ChangeArgs {
  indicator: string;
  from: string;
  to: string;
  options: ValueOptions;
}

export interface WindowArgs {
  indicator: string;
  window: { from: string | null; to: string | null };
  options: ValueOptions;
}

/** `yoy`'s arguments: the window, and whether steps wider than one period are wanted too. */
export interface YoyArgs extends WindowArgs {
  includeWiderSteps: boolean;
}

export interface PeerArgs {
  indicator: string;
  period: string;
  options: ValueOptions;
}

export interface PartsArgs extends WindowArgs {
  childKind: string;
}

/** A ranking: units of a set by value in `to`, or by change from `from` to `to`. */
export interface RankRequest {
  set: SubjectSet;
  indicator: string;
  by: RankBy;
  from: string | null;
  to: string;
  descending: boolean;
  limit: number;
  options: ValueOptions;
}
