import { raw, type Raw } from '../store/sql.js';
import { POINT_FIELDS, type PointField } from '../domain/analytics-rows.js';

/** A value row's fields (all but its subject) as STRUCT entries, for both point shapes below. */
function pointFields(a: string, filledFrom: string): string {
  const field = { ...fieldSql(a), filledFrom };
  return POINT_FIELDS.map((f) => `'${f}': ${field[f]}`).join(', ');
}

/**
 * A value row of `vals` (or a filled grid row) as one STRUCT, so every analytics statement
 * hands the reader the same point shape whatever it computed around it.
 */
export function pointStruct(alias: string, extra = ''): Raw {
  const a = alias;
  return raw(`CASE WHEN ${a}.subject_id IS NULL THEN NULL ELSE {
    'subjectId': ${a}.subject_id, ${pointFields(a, extra ? `${a}.filled_from` : 'NULL::VARCHAR[]')}
  } END`);
}

/**
 * How a value row (of `vals` or the serving layer) gives each point field: as the GraphQL answer
 * has it (dates and observation ids as text) or, `typed`, as DuckDB holds it (DATE, BIGINT), for
 * a file writer that keeps types (Parquet) and sorts and joins on them.
 */
function fieldSql(a: string, typed = false): Record<PointField, string> {
  return {
    indicator: `${a}.indicator`,
    period: `${a}.period`,
    periodStart: typed ? `${a}.period_start` : `${a}.period_start::VARCHAR`,
    periodEnd: typed ? `${a}.period_end` : `${a}.period_end::VARCHAR`,
    granularity: `${a}.granularity`,
    value: `${a}.value`,
    qualifier: `${a}.qualifier`,
    lower: `${a}.lower`,
    upper: `${a}.upper`,
    basis: `${a}.basis`,
    derived: `${a}.derived`,
    sourceIds: `${a}.source_ids`,
    observationId: typed ? `${a}.observation_id` : `${a}.observation_id::VARCHAR`,
    reporting: `${a}.reporting`,
    expected: `${a}.expected`,
    filledFrom: 'NULL::VARCHAR[]',
    recordedAt: `strftime(${a}.recorded_at, '%Y-%m-%dT%H:%M:%S.%gZ')`,
    formula: `${a}.formula`,
    scope: `${a}.scope`,
  };
}

/**
 * A serving-layer row as a point without its subject (the reader names it from the row's unit
 * key), with the fields asked for (null: all). A commune profile reads three fields of seventeen:
 * the rest cost DuckDB their casts and formatting and the server their conversion, row by row.
 */
export function servedPointStruct(alias: string, fields: readonly PointField[] | null): Raw {
  // The layer holds no part's figure (values-sql.ts servable), so no scope column.
  const field = { ...fieldSql(alias), scope: 'NULL::VARCHAR' };
  return raw(`{${(fields ?? POINT_FIELDS).map((f) => `'${f}': ${field[f]}`).join(', ')}}`);
}

/**
 * A value row of `vals` as flat columns: its subject and the point fields asked for (null: all),
 * `typed` as in `fieldSql`. A table of 50 villages' series asked for four fields read seventeen
 * columns of every row group it touched; DuckDB reads only the columns a statement's output names.
 */
export function pointColumns(alias: string, fields: readonly PointField[] | null, typed = false): Raw {
  const field = fieldSql(alias, typed);
  return raw(
    [`${alias}.subject_id AS "subjectId"`, ...(fields ?? POINT_FIELDS).map((f) => `${field[f]} AS "${f}"`)].join(', '),
  );
}
