/**
 * How Vietnamese unit names compare. Two keys, for two questions:
 * - `foldName`: the same letters ignoring case, diacritics and punctuation ("Tia Dinh" finds
 *   "Tìa Dình"); what a person typing or a table printed without diacritics can be matched by.
 *   It agrees with the store's `name_folded` (lower(strip_accents(...)) with đ → d).
 * - `spellingKey`: the same name spelled another way: only letter case and where the tone mark
 *   sits ("Hòa" / "Hoà") may differ. Two releases spelling a unit so are one version of it;
 *   "Hòa" and "Hóa" stay different names.
 */
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;

export function foldName(name: string): string {
  return name
    .replace(/[đĐ]/g, 'd')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/[^\p{L}\p{N}']+/gu, ' ')
    .trim();
}

export function spellingKey(name: string): string {
  return name
    .normalize('NFC')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .split(/\s+/)
    .filter((w) => w !== '')
    .map((word) => {
      const decomposed = word.normalize('NFD');
      const tones = decomposed.match(TONE_MARKS) ?? [];
      return (decomposed.replace(TONE_MARKS, '') + tones.join('')).normalize('NFC');
    })
    .join(' ');
}
