import { parseArgs } from 'node:util';
import type { z } from 'zod';
import { ANY_TEXT } from './kinds.js';
import { objectOf, type Setting, type Settings, type ValuesOf } from './setting.js';

/** A rule between settings, broken: the setting it is reported under, and why. */
export interface Conflict {
  readonly setting: string;
  readonly message: string;
}

export interface CommandDefinition<S extends Settings> {
  /** The subcommand's name (`grassroots serve`). */
  readonly name: string;
  /** How it is run today, e.g. `npm start -- [options]`. */
  readonly usage: string;
  readonly summary: string;
  readonly settings: S;
  /** Arguments after the options: how help names them, and how many there must be. */
  readonly positionals?: { readonly names: string; readonly count: number; readonly missing: string };
  /** Lines after the options in help (exit status, notes). */
  readonly footer?: string;
  /** Rules between settings, checked once each one is valid on its own. */
  conflicts?(values: ValuesOf<S>): readonly Conflict[];
}

export interface Command<S extends Settings> extends CommandDefinition<S> {
  /** The command's settings as one zod object, its rules between settings included. */
  readonly schema: z.ZodType<ValuesOf<S>, Readonly<Record<string, string>>>;
}

export function defineCommand<S extends Settings>(definition: CommandDefinition<S>): Command<S> {
  const conflicts = definition.conflicts;
  const object = objectOf(definition.settings);
  const schema = conflicts
    ? object.superRefine(
        (values, ctx) => {
          for (const c of conflicts(values))
            ctx.addIssue({ code: 'custom', path: [c.setting], message: c.message, params: { conflict: true } });
        },
        // Rules between settings read their values: with one invalid ("--pool many") they would
        // report nonsense ("many connections need UV_THREADPOOL_SIZE above many") beside the real problem.
        { when: (payload) => payload.issues.length === 0 },
      )
    : object;
  return { ...definition, schema };
}

/** A setting or argument that cannot be used; the message names it and says what is allowed. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export type CommandLine<S extends Settings> =
  | { readonly help: true }
  | { readonly help: false; readonly values: ValuesOf<S>; readonly positionals: readonly string[] };

/**
 * A command's settings from its flags, then the environment, then the defaults, validated at
 * once: every problem is reported (ConfigError, one line each), naming the flag or variable it
 * came from. An empty environment variable counts as unset.
 */
export function readCommandLine<S extends Settings>(
  command: Command<S>,
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
): CommandLine<S> {
  const entries = Object.entries(command.settings) as [string, Setting<unknown>][];
  const options = Object.fromEntries(
    entries.flatMap(([, s]) =>
      s.flag === null ? [] : [[s.flag, { type: s.kind.presence ? ('boolean' as const) : ('string' as const) }]],
    ),
  );
  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({
      args: [...argv],
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: command.positionals !== undefined,
    });
  } catch (error) {
    throw new ConfigError(
      argumentProblem(
        error,
        entries.map(([, s]) => s),
      ),
    );
  }
  if (parsed.values['help']) return { help: true };

  const raw: Record<string, string> = {};
  const source: Record<string, string> = {};
  for (const [name, s] of entries) {
    const flag = s.flag === null ? undefined : parsed.values[s.flag];
    const fromEnv = s.env === null || env[s.env] === '' ? undefined : env[s.env];
    if (flag !== undefined) {
      raw[name] = String(flag);
      source[name] = `--${s.flag}`;
    } else if (fromEnv !== undefined) {
      raw[name] = fromEnv;
      source[name] = s.flag === null ? s.env! : `${s.env} (--${s.flag})`;
    }
  }
  const problems: string[] = [];
  const result = command.schema.safeParse(raw);
  if (!result.success) {
    const seen = new Set<string>();
    for (const issue of result.error.issues) {
      const name = String(issue.path[0]);
      const s = command.settings[name];
      if (!s) {
        problems.push(issue.message);
        continue;
      }
      if ((issue as { params?: { conflict?: boolean } }).params?.conflict) {
        problems.push(`${source[name] ?? nameOf(s)}: ${issue.message}`);
      } else if (!seen.has(name)) {
        seen.add(name);
        const got = s.kind.secret ? '' : `, got ${JSON.stringify(raw[name])}`;
        problems.push(`${source[name] ?? nameOf(s)}: expected ${s.kind.allowed}${got}`);
      }
    }
  }
  const count = command.positionals?.count ?? 0;
  if (command.positionals && parsed.positionals.length !== count) problems.push(command.positionals.missing);
  if (problems.length > 0) throw new ConfigError(problems.join('\n'));
  return { help: false, values: result.data!, positionals: parsed.positionals };
}

/**
 * For a command line's entry point: help printed (exit 0), or the problems printed one line each
 * and exit status 2, never a stack trace; otherwise the values.
 */
export function commandLineOrExit<S extends Settings>(
  command: Command<S>,
  argv: readonly string[] = process.argv.slice(2),
  env: NodeJS.ProcessEnv = process.env,
): { values: ValuesOf<S>; positionals: readonly string[] } {
  try {
    const line = readCommandLine(command, argv, env);
    if (!line.help) return line;
    console.log(helpOf(command));
    process.exit(0);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    // One line per problem (a single bad flag: one line), the pointer to help on the last.
    console.error(`${error.message} (--help lists the options)`);
    process.exit(2);
  }
}

const nameOf = (s: Setting<unknown>) => (s.flag === null ? s.env! : `--${s.flag}`);

/** node's parseArgs refusal, in the words of the other problems where it names one of our flags. */
function argumentProblem(error: unknown, settings: readonly Setting<unknown>[]): string {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const quoted = /'([^' ]+)/.exec(message)?.[1] ?? message;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option ${quoted}`;
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `unexpected argument ${JSON.stringify(quoted)}`;
  const s = settings.find((candidate) => candidate.flag !== null && `--${candidate.flag}` === quoted);
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && s) {
    if (s.kind.presence) return `--${s.flag}: takes no value`;
    const dash = message.includes('ambiguous') ? ` (a value starting with a dash is written --${s.flag}=VALUE)` : '';
    return `--${s.flag}: expected ${s.kind.allowed}, got nothing${dash}`;
  }
  return message.split('\n')[0]!;
}

/** The command's help, made from its settings: usage, summary, the options by group, footer. */
export function helpOf<S extends Settings>(command: Command<S>): string {
  const settings = Object.values(command.settings) as Setting<unknown>[];
  const leftOf = (s: Setting<unknown>) =>
    s.flag === null
      ? `${s.env}=${s.kind.placeholder}`
      : `--${s.flag}${s.kind.placeholder ? ` ${s.kind.placeholder}` : ''}`;
  const width = Math.max(...settings.map((s) => leftOf(s).length)) + 2;
  const lines = [`Usage: ${command.usage}`, '', command.summary, ''];
  const groups = new Map<string, Setting<unknown>[]>();
  for (const s of settings) groups.set(s.group ?? 'Options', [...(groups.get(s.group ?? 'Options') ?? []), s]);
  for (const [group, members] of groups) {
    lines.push(`${group}:`);
    for (const s of members) {
      const details = [
        ...(s.kind.presence || s.kind.allowed === ANY_TEXT ? [] : [s.kind.allowed]),
        ...(s.flag !== null && s.env !== null ? [`env ${s.env}${s.kind.presence ? '=1' : ''}`] : []),
        `default ${defaultOf(s)}`,
      ];
      lines.push(`  ${leftOf(s).padEnd(width)}${s.help}`, `  ${''.padEnd(width)}${details.join('; ')}`);
    }
    lines.push('');
  }
  lines.push(
    `  ${'-h, --help'.padEnd(width)}this text`,
    '',
    'A flag wins over its environment variable; an empty variable counts as unset.',
  );
  if (command.footer) lines.push(command.footer);
  return lines.join('\n');
}

function defaultOf(s: Setting<unknown>): string {
  if (s.defaultText !== undefined) return s.defaultText;
  return s.kind.show ? s.kind.show(s.default as never) : String(s.default);
}
