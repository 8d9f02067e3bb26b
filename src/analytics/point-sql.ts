import { raw, type Raw } from '../store/sql.js';

/** A value row's fields (all but its subject) as STRUCT entries, for both point shapes below. */
function pointFields(a: string, filledFrom: string): string {
  return `'indicator': ${a}.indicator, 'period': ${a}.period,
    'periodStart': ${a}.period_start::VARCHAR, 'periodEnd': ${a}.period_end::VARCHAR, 'granularity': ${a}.granularity,
    'value': ${a}.value, 'qualifier': ${a}.qualifier, 'lower': ${a}.lower, 'upper': ${a}.upper,
    'basis': ${a}.basis, 'derived': ${a}.derived, 'sourceIds': ${a}.source_ids,
    'observationId': ${a}.observation_id::VARCHAR, 'reporting': ${a}.reporting, 'expected': ${a}.expected,
    'filledFrom': ${filledFrom},
    'recordedAt': strftime(${a}.recorded_at, '%Y-%m-%dT%H:%M:%S.%gZ')`;
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

/** A serving-layer row as a point without its subject: the reader names it from the row's unit key. */
export function servedPointStruct(alias: string): Raw {
  return raw(`{${pointFields(alias, 'NULL::VARCHAR[]')}}`);
}
