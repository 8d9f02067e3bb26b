import { resolve } from 'node:path';
import { z } from 'zod';

/**
 * What a setting's text (a flag's value or an environment variable) may be, and what it becomes.
 * `allowed` is the one description of the allowed values: help shows it, and a value that fails
 * the schema is refused with it ("--max-depth: expected a whole number 1..1000, got "0"").
 */
export interface Kind<T> {
  readonly schema: z.ZodType<T, string>;
  readonly allowed: string;
  /** The value's name in help: `--max-depth N`. */
  readonly placeholder: string;
  /** A flag that takes no value (`--read-only`): present means on. */
  readonly presence?: boolean;
  /** Never echoed in an error (a token). */
  readonly secret?: boolean;
  /** How help shows a default of this kind. */
  show?(value: T): string;
}

const wholeText = z
  .string()
  .trim()
  .regex(/^-?\d+$/)
  .transform(Number);

export function wholeNumber(min: number, max: number, placeholder = 'N'): Kind<number> {
  return {
    schema: wholeText.pipe(z.number().int().min(min).max(max)),
    allowed: `a whole number ${min}..${max}`,
    placeholder,
  };
}

/** A TCP port to listen on; 0 lets the system pick a free one. */
export const port: Kind<number> = {
  schema: wholeText.pipe(z.number().int().min(0).max(65_535)),
  allowed: '0..65535 (0: any free port)',
  placeholder: 'PORT',
};

/** `true` or `false`, in any case. */
export const bool: Kind<boolean> = {
  schema: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(['true', 'false']))
    .transform((text) => text === 'true'),
  allowed: 'true or false',
  placeholder: 'BOOL',
};

/** A flag without a value (present: on); its environment variable says 1 or 0, the only place a value can be wrong. */
export const presence: Kind<boolean> = {
  schema: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(['1', '0', 'true', 'false']))
    .transform((text) => text === '1' || text === 'true'),
  allowed: '1 or 0 (or true or false)',
  placeholder: '',
  presence: true,
  show: (on) => (on ? 'on' : 'off'),
};

/** A calendar date written YYYY-MM-DD that exists (2025-02-30 does not). */
export const isoDate: Kind<string> = {
  schema: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .refine((text) => new Date(`${text}T00:00:00Z`).toISOString().startsWith(text)),
  allowed: 'a date YYYY-MM-DD',
  placeholder: 'DATE',
};

/** Any text but empty: help leaves it unsaid. */
export const ANY_TEXT = 'a value';

export function text(placeholder: string): Kind<string> {
  return { schema: z.string().trim().min(1), allowed: ANY_TEXT, placeholder };
}

/** A file or directory, resolved against the working directory. */
export function path(placeholder = 'PATH'): Kind<string> {
  return {
    schema: z
      .string()
      .trim()
      .min(1)
      .transform((p) => resolve(p)),
    allowed: ANY_TEXT,
    placeholder,
  };
}

/** A size as DuckDB reads one (memory_limit). */
export const size: Kind<string> = {
  schema: z
    .string()
    .trim()
    .regex(/^\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i),
  allowed: 'a size such as 512MB or 2GB',
  placeholder: 'SIZE',
};

/** Comma-separated values; blanks dropped. */
export function list(placeholder: string, allowed: string): Kind<readonly string[]> {
  return {
    schema: z.string().transform((s) =>
      s
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== ''),
    ),
    allowed,
    placeholder,
    show: (items) => (items.length === 0 ? 'none' : items.join(',')),
  };
}

export function choice<const T extends string>(values: readonly [T, ...T[]], placeholder = 'NAME'): Kind<T> {
  return { schema: z.string().trim().pipe(z.enum(values)), allowed: `one of ${values.join(', ')}`, placeholder };
}

/** A JSON object, such as GraphQL variables. */
export const jsonObject: Kind<Record<string, unknown>> = {
  schema: z
    .string()
    .transform((s, ctx) => {
      try {
        return JSON.parse(s) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'not JSON' });
        return z.NEVER;
      }
    })
    .pipe(z.record(z.string(), z.unknown())),
  allowed: 'a JSON object',
  placeholder: 'JSON',
};

/** A secret: at least 16 characters without spaces, never echoed. */
export const token: Kind<string> = {
  schema: z.string().regex(/^\S{16,}$/),
  allowed: 'at least 16 characters without spaces',
  placeholder: 'TOKEN',
  secret: true,
};

/** NODE_ENV: only "production" changes anything here. */
export const nodeEnv: Kind<boolean> = {
  schema: z.string().transform((value) => value === 'production'),
  allowed: ANY_TEXT,
  placeholder: 'ENV',
  show: (production) => (production ? 'production' : 'not production'),
};
