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
