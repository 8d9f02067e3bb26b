import { LIST, VARCHAR, DOUBLE, INTEGER, listValue, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';

/** A SQL statement with its bound values; `id` names it in logs and statement counts. */
export interface SqlStatement {
  readonly id: string;
  readonly text: string;
  readonly values: DuckDBValue[];
  readonly types: (DuckDBType | undefined)[];
}

/** A value to bind, with an explicit DuckDB type where inference would fail (lists). */
export class Bound {
  constructor(
    readonly value: DuckDBValue,
    readonly type?: DuckDBType,
  ) {}
}

/** Binds a list of strings (NULL elements allowed) as one VARCHAR[] parameter (`= ANY(...)`, `unnest(...)`). */
export function stringList(values: readonly (string | null)[]): Bound {
  return new Bound(listValue([...values]), LIST(VARCHAR));
}

/** Binds a whole number as INTEGER (inference would make it a DOUBLE or BIGINT). */
export function integer(value: number): Bound {
  return new Bound(value, INTEGER);
}

export function numberList(values: readonly number[]): Bound {
  return new Bound(listValue([...values]), LIST(DOUBLE));
}

/** Raw SQL text spliced in unbound; only ever from allow-lists in the sql/ layer. */
export class Raw {
  constructor(readonly text: string) {}
}

export function raw(text: string): Raw {
  return new Raw(text);
}

type Part = string | number | boolean | null | Bound | Raw | Fragment | Date;

/** A piece of SQL with positional placeholders resolved when composed into a statement. */
export class Fragment {
  constructor(
    readonly strings: readonly string[],
    readonly parts: readonly Part[],
  ) {}
}

/** Tagged template: every interpolated value becomes a bound parameter. */
export function sql(strings: TemplateStringsArray, ...parts: Part[]): Fragment {
  return new Fragment([...strings], parts);
}

/** Joins fragments with a separator (e.g. ' AND '). */
export function join(fragments: readonly Fragment[], separator: string): Fragment {
  if (fragments.length === 0) return sql``;
  const strings: string[] = [''];
  const parts: Part[] = [];
  fragments.forEach((fragment, i) => {
    if (i > 0) strings[strings.length - 1] += separator;
    parts.push(fragment);
    strings.push('');
  });
  return new Fragment(strings, parts);
}

export function statement(id: string, fragment: Fragment): SqlStatement {
  const values: DuckDBValue[] = [];
  const types: (DuckDBType | undefined)[] = [];
  const render = (f: Fragment): string => {
    let text = f.strings[0] ?? '';
    f.parts.forEach((part, i) => {
      if (part instanceof Fragment) text += render(part);
      else if (part instanceof Raw) text += part.text;
      else {
        const bound = part instanceof Bound ? part : new Bound(part as DuckDBValue);
        values.push(bound.value);
        types.push(bound.type);
        text += `$${values.length}`;
      }
      text += f.strings[i + 1] ?? '';
    });
    return text;
  };
  const text = render(fragment);
  return { id, text, values, types };
}
