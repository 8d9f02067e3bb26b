import type { ObservationInput } from './types/record.type.js';
import type { ObservationRecord } from '../ingest/record-observations.js';
import type { LoadError } from '../ingest/load-error.js';

/** GraphQL field names of ObservationInput by the file column they fill. */
const FIELD_OF_COLUMN: Record<string, string> = { subject_id: 'subject', source_id: 'source' };

const text = (v: string | number | boolean | null | undefined) => (v == null ? null : String(v));

/** Input objects as rows of an observations file, so the file checks apply unchanged. */
export function toObservationRecords(input: readonly ObservationInput[]): ObservationRecord[] {
  return input.map((o) => ({
    subject_id: o.subject,
    indicator: o.indicator,
    period: o.period,
    value: text(o.value),
    qualifier: o.qualifier ?? 'EXACT',
    lower: text(o.lower),
    upper: text(o.upper),
    source_id: o.source,
    derived: text(o.derived ?? false),
    formula: text(o.formula),
    quote: text(o.quote),
    note: text(o.note),
    scope: text(o.scope),
  }));
}

/** Problems located as input[i].field (0-based, as the client sent them). */
export function describeProblems(error: LoadError): { path: string; reason: string }[] {
  return error.problems.map((p) => {
    const field = p.column
      .split(', ')
      .map((c) => FIELD_OF_COLUMN[c] ?? c)
      .join(', ');
    return { path: `input[${p.row - 1}].${field}`, reason: p.reason };
  });
}
