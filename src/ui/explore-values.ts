// What /explore shows of a value: the number with the words and interval its qualifier stands
// for, and how it was obtained. Shared by the chart, the map and the ranking.

/** The column-oriented answer of `table(...) { columns { ... } }` that the views ask for. */
export interface Columns {
  localityCodes: string[];
  periods: string[];
  values: (number | null)[];
  qualifiers: string[];
  lowers: (number | null)[];
  uppers: (number | null)[];
  bases: string[];
}

export const COLUMNS_FIELDS = 'columns { localityCodes periods values qualifiers lowers uppers bases }';

/** One drawn value: the number, the interval its qualifier stands for, and how it was obtained. */
export interface Cell {
  value: number | null;
  qualifier: string;
  lower: number | null;
  upper: number | null;
  basis: string;
}

/** Row i of a columns answer as a cell. */
export function cellAt(columns: Columns, i: number): Cell {
  return {
    value: columns.values[i]!,
    qualifier: columns.qualifiers[i]!,
    lower: columns.lowers[i]!,
    upper: columns.uppers[i]!,
    basis: columns.bases[i]!,
  };
}

const QUALIFIER_WORDS: Record<string, string> = {
  EXACT: '',
  MORE_THAN: 'more than',
  AT_LEAST: 'at least',
  NEARLY: 'nearly',
  JUST_OVER: 'just over',
  ABOUT: 'about',
  LESS_THAN: 'less than',
  AT_MOST: 'at most',
  UNKNOWN: 'unknown',
};

/** 12 significant digits: 1.1 × 20 is 22, not 22.000000000000004. */
export const formatNumber = (x: number | null): string | null =>
  x === null ? null : String(Number(x.toPrecision(12)));

/** "more than 49000 [49000, ∞)", "377", "unknown [0, 1]": the words and interval behind a number. */
export function describe(cell: Cell): string {
  const words = QUALIFIER_WORDS[cell.qualifier] ?? cell.qualifier.toLowerCase();
  const lower = formatNumber(cell.lower) ?? '(−∞';
  const upper = formatNumber(cell.upper) ?? '∞)';
  const interval =
    cell.qualifier === 'EXACT'
      ? ''
      : ` ${lower.startsWith('(') ? '' : '['}${lower}, ${upper}${upper.endsWith(')') ? '' : ']'}`;
  const basis = cell.basis === 'REPORTED' ? '' : ` (${cell.basis.toLowerCase().replace('_', ' ')})`;
  return `${words} ${formatNumber(cell.value) ?? ''}${interval}${basis}`.replace(/\s+/g, ' ').trim();
}
