#!/usr/bin/env node
// The `grassroots` program of the installed package (package.json "bin"), run compiled from
// dist/server. commander dispatches to a subcommand and lists them (`grassroots --help`); each
// subcommand's options, help and errors come from its settings in src/settings/commands.ts, which
// the npm scripts and the server read too, so a flag means the same wherever it is given.
import { readFileSync } from 'node:fs';
import { Command as Program } from 'commander';
import { helpOf, type Command } from '../settings/command.js';
import { CHECK_DATA, COMPACT, EXPORT, LOAD, QUERY, SERVE } from '../settings/commands.js';
import type { Settings } from '../settings/setting.js';
import { projectPath } from '../project-root.js';
import { runAsProcess } from './run-as-process.js';

interface Subcommand {
  readonly command: Command<Settings>;
  run(argv: readonly string[]): Promise<number>;
}

/** A command under the name the bin gives it: `npm run -s query -- <graphql> …` is `grassroots query <graphql> …`. */
function subcommand<S extends Settings>(
  command: Command<S>,
  run: (argv: readonly string[], named: Command<S>) => Promise<number>,
): Subcommand {
  const named = { ...command, usage: `grassroots ${command.name} ${command.usage.split(' -- ')[1] ?? ''}`.trimEnd() };
  return { command: named as unknown as Command<Settings>, run: (argv) => run(argv, named) };
}

// Each is imported when chosen: `grassroots --help` loads neither DuckDB nor the GraphQL schema.
const SUBCOMMANDS: readonly Subcommand[] = [
  subcommand(SERVE, async (argv, c) => (await import('./serve-command.js')).serve(argv, c)),
  subcommand(QUERY, async (argv, c) => (await import('./query-command.js')).query(argv, c)),
  subcommand(LOAD, async (argv, c) => (await import('./load-command.js')).load(argv, c)),
  subcommand(EXPORT, async (argv, c) => (await import('./export-command.js')).exportStore(argv, c)),
  subcommand(COMPACT, async (argv, c) => (await import('./compact-command.js')).compact(argv, c)),
  subcommand(CHECK_DATA, async (argv, c) => (await import('../national/check-data-cli.js')).checkData(argv, c)),
];

/** How `grassroots --help` lists a subcommand: `query <graphql> [options]`. */
function termOf(name: string): string {
  const command = SUBCOMMANDS.find((s) => s.command.name === name)?.command;
  if (!command) return `${name} [command]`; // commander's own `help`
  return [name, command.positionals?.names, '[options]'].filter(Boolean).join(' ');
}

/** "Loads observations (or units, sources ... when …) from CSV … in one transaction: …" up to its first full stop. */
const firstSentence = (text: string) => text.split(/(?<!\.)[.:](?:\s|$)/)[0]!.replaceAll('\n', ' ');

const { version } = JSON.parse(readFileSync(projectPath('package.json'), 'utf8')) as { version: string };

async function grassroots(argv: readonly string[]): Promise<number> {
  let status = 0;
  const program = new Program('grassroots')
    .description('A GraphQL analytics server over a DuckDB store of localities, organisations and sourced figures.')
    .version(version)
    .enablePositionalOptions()
    .configureHelp({ subcommandTerm: (sub) => termOf(sub.name()) });
  for (const { command, run } of SUBCOMMANDS) {
    program
      .command(command.name)
      .summary(firstSentence(command.summary))
      // Everything after the subcommand's name is its own: its settings parse it and print its help.
      .helpOption(false)
      .allowUnknownOption()
      .allowExcessArguments()
      .configureHelp({ formatHelp: () => `${helpOf(command)}\n` })
      .action(async (_options: unknown, self: Program) => {
        status = await run(self.args);
      });
  }
  await program.parseAsync([...argv], { from: 'user' });
  return status;
}

runAsProcess(grassroots);
