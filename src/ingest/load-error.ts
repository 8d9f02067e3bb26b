/** The most problems (or kept and in-use keys) a load names; counts cover them all. */
export const MAX_REPORTED = 50;

/** One rejected cell: where it is and why, in words a data editor can act on. */
export interface LoadProblem {
  readonly file: string;
  readonly row: number; // 1-based data row (the header is row 0)
  readonly column: string;
  readonly reason: string;
}

/** A load that changed nothing because some rows were rejected. */
export class LoadError extends Error {
  constructor(
    readonly problems: readonly LoadProblem[],
    readonly total: number,
  ) {
    super(LoadError.describe(problems, total));
    this.name = 'LoadError';
  }

  static describe(problems: readonly LoadProblem[], total: number): string {
    const lines = problems.map((p) => `${p.file} row ${p.row}, column ${p.column}: ${p.reason}`);
    const more = total > problems.length ? `\n... and ${total - problems.length} more` : '';
    return `load rejected, nothing was written (${total} problem${total === 1 ? '' : 's'}):\n${lines.join('\n')}${more}`;
  }
}

/**
 * DuckDB's refusal of a CSV file as one problem: its reason in DuckDB's words ("Maximum line size
 * of 2000000 bytes exceeded. Actual Size:2200077 bytes.", "Invalid unicode (byte sequence
 * mismatch) detected. This file is not utf-8 encoded.", "Expected Number of Columns: 12 Found:
 * 13") at the row it names. DuckDB's message is `CSV Error on Line: N` (records counted from the
 * header, line 1), `Original Line: <the record, which may span lines>`, the reason, then a blank
 * line and its suggestions; the reason is the last line before those.
 */
export function csvReadProblem(file: string, error: unknown): LoadProblem {
  const message = error instanceof Error ? error.message : String(error);
  const line = /CSV Error on Line: (\d+)/.exec(message)?.[1];
  const lines = message.split('\n');
  const original = lines.findIndex((l) => l.startsWith('Original Line:'));
  let reason = lines[0]!;
  if (line !== undefined && original >= 0) {
    const end = lines.findIndex((l, i) => i > original && (l.trim() === '' || /^(Possible|\s+file = )/.test(l)));
    const candidate = lines[(end < 0 ? lines.length : end) - 1]?.trim();
    if (candidate && end - 1 > original) reason = candidate;
  }
  return {
    file,
    row: line === undefined ? 0 : Math.max(0, Number(line) - 1),
    column: '*',
    reason: `unreadable CSV: ${reason.replace(/^Invalid Input Error: /, '')}`,
  };
}
