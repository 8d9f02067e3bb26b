// Finds units by name, with or without diacritics ("tia dinh" finds Tìa Dình), and puts the picked
// unit's code into a form field: appended to a comma-separated list, or in place of a single code.
import { runGraphQL } from './explore-request.js';

const FIND = `query FindUnits($search: String!, $kind: [LocalityKind!]) {
  localities(search: $search, kind: $kind, first: 12) { nodes { code name kind validFrom validTo } }
}`;

interface Found {
  code: string;
  name: string;
  kind: string;
  validFrom: string | null;
  validTo: string | null;
}

/** "Tìa Dình, commune, 2025-07-01 to today": enough to tell the old unit from the new one of one name. */
function label(unit: Found): string {
  const span = unit.validFrom || unit.validTo ? `, ${unit.validFrom ?? '…'} to ${unit.validTo ?? 'today'}` : '';
  return `${unit.name}, ${unit.kind.toLowerCase().replace('_', ' ')}${span} (${unit.code})`;
}

export interface UnitSearchOptions {
  readonly input: HTMLInputElement;
  readonly list: HTMLElement;
  /** The form field that receives the code. */
  readonly target: HTMLInputElement;
  readonly kinds: readonly string[] | null;
  /** Append to a comma-separated list (a comparison) or replace (one province). */
  readonly many: boolean;
}

export function wireUnitSearch({ input, list, target, kinds, many }: UnitSearchOptions): void {
  let asked = 0;
  const search = async () => {
    const text = input.value.trim();
    const mine = ++asked;
    if (text.length < 2) {
      list.replaceChildren();
      return;
    }
    const data = await runGraphQL<{ localities: { nodes: Found[] } }>(
      FIND,
      { search: text, kind: kinds },
      { shown: false },
    );
    if (mine !== asked) return; // a later keystroke has asked again
    list.replaceChildren(
      ...data.localities.nodes.map((unit) => {
        const button = document.createElement('button');
        button.type = 'button';
        button.textContent = label(unit);
        button.dataset['code'] = unit.code;
        button.addEventListener('click', () => {
          const codes = many ? target.value.split(',').map((c) => c.trim()) : [];
          if (!codes.includes(unit.code)) codes.push(unit.code);
          target.value = codes.filter((c) => c !== '').join(',');
          list.replaceChildren();
          input.value = '';
        });
        const item = document.createElement('li');
        item.appendChild(button);
        return item;
      }),
    );
    if (data.localities.nodes.length === 0) list.textContent = `nothing is called “${text}”`;
  };
  input.addEventListener('input', () => {
    search().catch((error: unknown) => {
      list.textContent = String(error);
    });
  });
}
