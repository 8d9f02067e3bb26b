import { foldName } from './names.js';
import { UNIT_TYPES, UNIT_TYPE_CODES, type UnitType } from './unit-types.js';

/**
 * A unit as a person or a statistical table names it, read into what can be matched: a GSO code,
 * or names with the types their type word allows. "Xã Tìa Dình", "xa tia dinh", "Tia Dinh
 * Commune", "H. Điện Biên Đông", "Tỉnh Điện Biên", "03385".
 */
export interface NameQuery {
  readonly code: string | null;
  /**
   * The ways the text reads. A type word written with its diacritics ("Xã", "Quận") is one
   * reading; written without them it may be part of the name ("quan hoa" is Quan Hóa district,
   * or an urban district "Hoa"), so both readings are kept and a match must be unique across them.
   */
  readonly readings: readonly NameReading[];
}

export interface NameReading {
  /** The types the type word allows (null: none written). */
  readonly types: readonly UnitType[] | null;
  /** The name without its type word, as written ("Tìa Dình"). */
  readonly bare: string;
  /** The bare name folded (foldName). */
  readonly folded: string;
}

const GSO_CODE = /^(\d{2}|\d{3}|\d{5})$/;

interface Affix {
  /** Lower-case words as written, diacritics and all ("thị trấn", "tp"). */
  readonly words: readonly string[];
  readonly types: readonly UnitType[];
}

function affixes(entries: readonly (readonly [string, UnitType])[]): Affix[] {
  const byWords = new Map<string, Set<UnitType>>();
  for (const [written, type] of entries) {
    const key = written.normalize('NFC').toLowerCase().replace(/\.$/, '');
    byWords.set(key, (byWords.get(key) ?? new Set()).add(type));
  }
  return [...byWords]
    .map(([words, types]) => ({ words: words.split(' '), types: [...types] }))
    .sort((a, b) => b.words.length - a.words.length);
}

/** Type words and abbreviations written before a name; "Thành phố" names two types. */
const PREFIXES = affixes(
  UNIT_TYPE_CODES.flatMap((t) => [
    [UNIT_TYPES[t].vi, t] as const,
    ...UNIT_TYPES[t].abbreviations.map((a) => [a, t] as const),
  ]),
);
/** English type words written after a name ("Tia Dinh Commune"). */
const SUFFIXES = affixes(UNIT_TYPE_CODES.map((t) => [UNIT_TYPES[t].en, t] as const));

export function parseUnitName(text: string): NameQuery {
  const trimmed = text.normalize('NFC').trim();
  if (GSO_CODE.test(trimmed)) return { code: trimmed, readings: [] };
  // "H.Điện Biên Đông": an abbreviation's dot ends a word.
  const words = trimmed.replace(/^(\p{L}{1,2})\.\s*/u, '$1 ').split(/\s+/u);
  const lower = words.map((w) => w.toLowerCase().replace(/\.$/, ''));
  const folded = lower.map(foldName);
  // A text with no diacritics at all cannot tell "Xã" from "Xà" or "Quận" from "Quan".
  const plain = lower.join(' ') === folded.join(' ');
  const readings: NameReading[] = [];
  let exact = false;
  const tryAffix = (affix: Affix, at: 'start' | 'end') => {
    const n = affix.words.length;
    if (words.length <= n) return;
    const span = (ws: readonly string[]) => (at === 'start' ? ws.slice(0, n) : ws.slice(-n));
    const rest = at === 'start' ? words.slice(n) : words.slice(0, -n);
    if (span(lower).join(' ') === affix.words.join(' ')) {
      readings.push(reading(affix.types, rest));
      exact = true;
    } else if (plain && span(folded).join(' ') === affix.words.map(foldName).join(' ')) {
      // Written without diacritics: maybe the type word, maybe part of the name.
      readings.push(reading(affix.types, rest));
    }
  };
  for (const p of PREFIXES) tryAffix(p, 'start');
  for (const s of SUFFIXES) tryAffix(s, 'end');
  if (!exact) readings.push(reading(null, words));
  return { code: null, readings: dedupe(readings) };
}

function reading(types: readonly UnitType[] | null, words: readonly string[]): NameReading {
  const bare = words.join(' ');
  return { types, bare, folded: foldName(bare) };
}

function dedupe(readings: NameReading[]): NameReading[] {
  const seen = new Set<string>();
  return readings.filter((r) => {
    const key = `${r.types?.join(',') ?? ''}|${r.folded}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
