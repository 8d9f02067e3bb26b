/** Where a result is a list of objects, and the list itself (descending through single-key objects). */
export function findRows(data: unknown): Record<string, unknown>[] | null {
  let value = data;
  while (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 1) {
    value = Object.values(value)[0];
  }
  if (!Array.isArray(value) || value.length === 0) return null;
  return value.every((v) => v !== null && typeof v === 'object' && !Array.isArray(v))
    ? (value as Record<string, unknown>[])
    : null;
}

/** Nested objects become dotted columns (`locality.name`); lists are shown as JSON. */
export function flatten(row: Record<string, unknown>, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(row)) {
    const name = prefix + key;
    if (value !== null && typeof value === 'object' && !Array.isArray(value))
      Object.assign(out, flatten(value as Record<string, unknown>, `${name}.`));
    else
      out[name] =
        value === null || value === undefined
          ? ''
          : typeof value === 'object'
            ? JSON.stringify(value)
            : String(value as string | number | boolean | bigint);
  }
  return out;
}

const MAX_CELL = 60;

/** A plain-text table: columns padded to their widest cell, long cells cut with an ellipsis. */
export function formatTable(rows: readonly Record<string, unknown>[]): string {
  const flat = rows.map((r) => flatten(r));
  const columns = [...new Set(flat.flatMap((r) => Object.keys(r)))];
  const cell = (text: string) => (text.length > MAX_CELL ? `${text.slice(0, MAX_CELL - 1)}…` : text);
  const cells = flat.map((r) => columns.map((c) => cell(r[c] ?? '')));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((r) => r[i]!.length)));
  const line = (values: string[]) =>
    values
      .map((v, i) => v.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(columns), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}
