import type { Store } from '../store/store.js';
import { GrassrootsReader } from '../readers/grassroots-reader.js';
import { fileRowsAsText } from '../sql/name-match-sql.js';
import type { LoadInput } from '../ingest/run-load.js';
import { LoadError, type LoadProblem } from '../ingest/load-error.js';
import { UsageError } from '../ingest/file-inputs.js';
import { NameMatcher, type MatchResult } from './name-matcher.js';

/** Columns that place a named unit; they narrow the match and are not loaded. */
const CONTEXT_COLUMNS = ['province', 'district'] as const;

export interface MatchedRow {
  readonly file: string;
  readonly row: number;
  readonly subject: string;
  readonly result: MatchResult;
  /** The unit with its district and province, as a person reads it. */
  readonly described: string | null;
}

/**
 * Resolves the `subject_id` of each observation row, written as a statistics office prints a
 * unit ("Xã Tìa Dình", "H. Điện Biên Đông", "03385"), to the one unit version in force on `asOf`,
 * narrowed by optional `province` and `district` columns. Every row is reported to `onRow` (a
 * dry run shows the matching); any row that matches no unit or several rejects the load, each
 * with its candidates. Returns the rows with unit ids, for the ordinary load.
 */
export async function matchNames(
  store: Store,
  inputs: readonly LoadInput[],
  asOf: string | undefined,
  onRow: (row: MatchedRow) => void,
): Promise<LoadInput[]> {
  if (asOf === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(asOf))) {
    throw new UsageError('--match-names needs --as-of YYYY-MM-DD: the date whose units the names are matched to');
  }
  const matcher = new NameMatcher(await new GrassrootsReader(store).readCodedUnitsInForce(asOf));
  const problems: LoadProblem[] = [];
  const matched: LoadInput[] = [];
  for (const input of inputs) {
    if (input.kind !== 'file' || input.spec.table !== 'observations')
      throw new UsageError(
        `--match-names matches the units of observation files; ${input.label} holds ${input.spec.table}`,
      );
    const [chunk] = await store.all<{ rows: string | null }>(
      'match-names.read-file',
      fileRowsAsText(input.format, input.path),
    );
    const rows = (JSON.parse(chunk?.rows ?? '[]') as Record<string, unknown>[]).map((r) =>
      Object.fromEntries(
        Object.entries(r)
          .filter(([k]) => k !== '__row')
          .map(([k, v]) => [k, asText(v)]),
      ),
    );
    const header = Object.keys(rows[0] ?? {});
    if (rows.length > 0 && !header.includes('subject_id'))
      throw new UsageError(`${input.label}: no subject_id column to match (the unit's name or GSO code)`);
    // As a file load would: a misspelt column must not be dropped silently.
    for (const column of header.filter(
      (c) => !input.spec.columns.includes(c) && !(CONTEXT_COLUMNS as readonly string[]).includes(c),
    )) {
      problems.push({
        file: input.label,
        row: 0,
        column,
        reason: `unknown column; expected ${input.spec.columns.join(', ')}, and optionally ${CONTEXT_COLUMNS.join(', ')}`,
      });
    }
    const out: Record<string, string | null>[] = [];
    rows.forEach((raw, i) => {
      const subject = raw['subject_id'] ?? '';
      const result = matcher.match({ subject, district: raw['district'] ?? null, province: raw['province'] ?? null });
      onRow({
        file: input.label,
        row: i + 1,
        subject,
        result,
        described: result.status === 'MATCHED' ? matcher.describe(result.unit) : null,
      });
      if (result.status !== 'MATCHED') {
        problems.push({
          file: input.label,
          row: i + 1,
          column: result.column === 'subject' ? 'subject_id' : result.column,
          reason: `${result.status === 'AMBIGUOUS' ? 'ambiguous' : 'unknown'} on ${asOf}: ${result.reason}`,
        });
        return;
      }
      const row = Object.fromEntries(
        Object.entries(raw).filter(([k]) => !(CONTEXT_COLUMNS as readonly string[]).includes(k)),
      );
      out.push({ ...row, subject_id: result.unit.id });
    });
    matched.push({ kind: 'rows', spec: input.spec, rows: out, label: input.label });
  }
  if (problems.length > 0) throw new LoadError(problems.slice(0, 50), problems.length);
  return matched;
}

/** A cell as the loader stages it: text, whatever type the file gave it (Parquet numbers, JSON objects). */
function asText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'object' ? JSON.stringify(value) : String(value as string | number | boolean);
}

/** The matching of one row as a JSON line on stdout, as the load CLI reports everything. */
export function printMatch(m: MatchedRow): void {
  const line =
    m.result.status === 'MATCHED'
      ? { msg: 'matched', file: m.file, row: m.row, subject: m.subject, unit: m.result.unit.id, as: m.described }
      : {
          msg: m.result.status === 'AMBIGUOUS' ? 'ambiguous' : 'unknown',
          file: m.file,
          row: m.row,
          column: m.result.column,
          subject: m.subject,
          reason: m.result.reason,
        };
  console.log(JSON.stringify(line));
}
