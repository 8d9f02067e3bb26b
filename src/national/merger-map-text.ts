/**
 * Reads the government merger map's text of what each new unit was formed from
 * (`truocsapnhap`: "Xã Háng Lìa, Xã Tìa Dình"; "giữ nguyên"; "Phường Mễ Trì (phần còn lại sau khi
 * sáp nhập vào phường Yên Hòa, phường Từ Liêm)"; "một phần diện tích TN, quy mô dân số của các
 * phường Cửa Nam, Điện Biên") into named parts. Only the grammar lives here; which old unit a
 * name is, is decided by the resolver against the snapshot.
 */
export interface NamedPart {
  /** The type word as written ("Xã", "phường", "Huyện"), or null for a bare name in a list. */
  readonly typeWord: string | null;
  /** Type word of the list the name sits in ("các phường Cửa Nam, Điện Biên"): its type when it has none. */
  readonly listType: string | null;
  readonly name: string;
  /** "(quận Đống Đa)", "(Quận 8)": the old district that tells two same-named units apart. */
  readonly district: string | null;
  /** Only part of the old unit went to the new one ("một phần", "phần còn lại"). */
  readonly partial: boolean;
  /** The words of the text this part was read from. */
  readonly text: string;
}

export type MergerText =
  { readonly unchanged: true } | { readonly unchanged: false; readonly parts: readonly NamedPart[] };

const TYPE_WORDS = ['Thị trấn', 'Thị xã', 'Thành phố', 'Đặc khu', 'Phường', 'Huyện', 'Quận', 'Tỉnh', 'Xã'];
const TYPE_WORD = new RegExp(`^(${TYPE_WORDS.join('|')})\\s+`, 'iu');
const PARTIAL = /(một phần|phần còn l[ạa]i|phần diện tích)/iu;
const WHOLE = /^toàn bộ diện tích/iu;
const DISTRICT_QUALIFIER = /^(quận|huyện|thị xã|thành phố)\s+(.+)$/iu;

/** Splits at commas and " và " that are not inside parentheses. */
function topLevelSegments(text: string): string[] {
  const segments: string[] = [];
  let depth = 0;
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '(') depth++;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if (depth === 0 && ch === ',') {
      segments.push(current);
      current = '';
      continue;
    }
    if (depth === 0 && text.startsWith(' và ', i)) {
      segments.push(current);
      current = 'và ';
      i += 3;
      continue;
    }
    current += ch;
  }
  segments.push(current);
  return segments.map((s) => s.replace(/\s+/g, ' ').trim()).filter((s) => s !== '');
}

/** The parenthesised groups of a segment, and the segment without them. */
function parentheses(segment: string): { rest: string; groups: string[] } {
  const groups: string[] = [];
  let rest = '';
  let depth = 0;
  let group = '';
  for (const ch of segment) {
    if (ch === '(') {
      if (depth > 0) group += ch;
      depth++;
      continue;
    }
    if (ch === ')' && depth > 0) {
      depth--;
      if (depth === 0) {
        groups.push(group.trim());
        group = '';
      } else group += ch;
      continue;
    }
    if (depth > 0) group += ch;
    else rest += ch;
  }
  return { rest: rest.replace(/\s+/g, ' ').trim(), groups };
}

/**
 * Parses one unit's text. A partial marker ("một phần diện tích TN, quy mô dân số của các phường
 * A, B") makes the names after it partial until the next "và" that starts a new conjunct without a
 * marker, as the resolutions list whole units first and shares after them.
 */
export function parseMergerText(text: string): MergerText {
  // A note after the list ("... tỉnh Đồng Nai. Từ ngày 30/04/2026, ...") is not part of it.
  const body = text.split(/\.\s/u)[0]!.trim();
  if (/^giữ nguyên$/iu.test(body)) return { unchanged: true };
  const parts: NamedPart[] = [];
  let partial = false;
  let listType: string | null = null;
  for (const raw of topLevelSegments(body)) {
    const startsConjunct = /^và\s/iu.test(raw);
    let segment = raw.replace(/^và\s+/iu, '');
    const marked = PARTIAL.test(parentheses(segment).rest);
    if (WHOLE.test(segment)) partial = false;
    else if (marked) partial = true;
    else if (startsConjunct) partial = false;
    if (marked || /\bcủa\s/iu.test(segment)) listType = null;
    // The name follows the last "của" ("quy mô dân số của các phường Cửa Nam"), or the marker words.
    const of = segment.toLowerCase().lastIndexOf('của ');
    if (of >= 0) segment = segment.slice(of + 4);
    segment = segment
      .replace(
        /^(sắp xếp\s+)?(toàn bộ|một phần|phần còn l[ạa]i)?\s*(diện tích\s+(TN|tự nhiên))?\s*(quy mô dân số)?\s*/iu,
        '',
      )
      .replace(/\s+sau khi sắp xếp.*$/iu, '')
      .trim();
    const list = /^các\s+(xã|phường|thị trấn)?\s*/iu.exec(segment);
    if (list) {
      listType = list[1] ?? null;
      segment = segment.slice(list[0].length);
    }
    const { rest, groups } = parentheses(segment);
    let name = rest;
    let typeWord: string | null = null;
    // "phường Phường Tây Tựu", "xã  Xã Vầy Nưa": the type written twice.
    for (let m = TYPE_WORD.exec(name); m; m = TYPE_WORD.exec(name)) {
      typeWord = m[1]!;
      name = name.slice(m[0].length);
    }
    name = name.trim();
    if (name === '') continue;
    let district: string | null = null;
    let remainder = false;
    for (const g of groups) {
      if (/^phần còn lại/iu.test(g)) remainder = true;
      const d = DISTRICT_QUALIFIER.exec(g);
      if (d) district = `${d[1]} ${d[2]}`;
    }
    parts.push({
      typeWord,
      listType,
      name,
      district,
      partial: partial || remainder,
      text: raw.replace(/^và\s+/iu, ''),
    });
  }
  return { unchanged: false, parts };
}
