import { z } from 'zod';
import type { Kind } from './kinds.js';

/**
 * One setting: where its value comes from (a flag, an environment variable, or both, the flag
 * winning), what it may be, its default and what it does. The server and every command line share
 * these definitions; the help text and the error messages are made from them.
 */
export interface Setting<T> {
  /** Without the dashes; null: environment only (a token on a flag would show in the process list). */
  readonly flag: string | null;
  /** null: flag only. */
  readonly env: string | null;
  readonly kind: Kind<NonNullable<T>>;
  readonly default: T;
  /** How help shows the default when the value itself would mislead (an absolute path, null). */
  readonly defaultText?: string;
  readonly help: string;
  /** Heading it is listed under in help. */
  readonly group?: string;
  /** The text's validation and conversion, the default put in for a setting given nowhere. */
  readonly schema: z.ZodType<T, string | undefined>;
}

type Definition<T> = Omit<Setting<T>, 'schema' | 'kind' | 'default'> & { readonly kind: Kind<T> };

/** A setting with a default. */
export function setting<T extends NonNullable<unknown>>(
  definition: Definition<T> & { readonly default: NoInfer<T> },
): Setting<T> {
  const schema = definition.kind.schema
    .optional()
    .transform((value) => (value === undefined ? definition.default : value));
  return { ...definition, schema };
}

/** A setting that is null unless given. */
export function optionalSetting<T extends NonNullable<unknown>>(definition: Definition<T>): Setting<T | null> {
  const schema = definition.kind.schema.optional().transform((value) => value ?? null);
  return { ...definition, default: null, schema };
}

export type Settings = Readonly<Record<string, Setting<unknown>>>;

/** The values a set of settings gives, by name. */
export type ValuesOf<S extends Settings> = { readonly [K in keyof S]: S[K] extends Setting<infer T> ? T : never };

/** The zod object of a set of settings: text in (undefined where not given), values out. */
export function objectOf<S extends Settings>(settings: S): z.ZodType<ValuesOf<S>, Readonly<Record<string, string>>> {
  return z.object(
    Object.fromEntries(Object.entries(settings).map(([name, s]) => [name, s.schema])),
  ) as unknown as z.ZodType<ValuesOf<S>, Readonly<Record<string, string>>>;
}
