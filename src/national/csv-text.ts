/** Rows as RFC 4180 CSV text with the given header: a field is quoted when it must be; null is empty. */
export function csvText(columns: readonly string[], rows: readonly Record<string, string | null>[]): string {
  const field = (v: string | null | undefined) =>
    v == null ? '' : /[",\n\r]/.test(v) || v.trim() !== v ? `"${v.replace(/"/g, '""')}"` : v;
  return [columns.join(','), ...rows.map((r) => columns.map((c) => field(r[c])).join(','))].join('\n') + '\n';
}
