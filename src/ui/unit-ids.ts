/** Codes as people write them (`village/huoi-song`, `commune/03385-2025-07-01`) to the global ids the API takes. */
export function globalId(code: string): string {
  const kind = code.slice(0, code.indexOf('/'));
  const type = kind
    .split('-')
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
  return btoa(`${type}:${code}`).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}
