import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SERVER_NODE_FLAGS, SERVER_THREADPOOL_SIZE } from '../build/server-build.js';
import { commandLineOrExit, type Command } from '../settings/command.js';
import { SERVE } from '../settings/commands.js';

const here = fileURLToPath(import.meta.url);
/** src/main.ts under tsx, dist/server/src/main.js compiled: the entry `npm start` runs. */
const SERVER_MAIN = join(dirname(here), '..', `main${extname(here)}`);
const RELAYED = ['SIGINT', 'SIGTERM'] as const;

/**
 * `grassroots serve`: the server in a child process started as `npm start` starts it. Both of its
 * settings must be in place before the process runs any code: libuv sizes its thread pool from
 * UV_THREADPOOL_SIZE when the pool starts, and node's module loader starts it (reading files)
 * before the first line of this command runs; V8 takes heap flags at start only. The arguments are
 * checked here first, so help and usage errors speak of `grassroots serve`.
 */
export async function serve(argv: readonly string[], command: Command<typeof SERVE.settings> = SERVE): Promise<number> {
  const env = { ...process.env, UV_THREADPOOL_SIZE: process.env['UV_THREADPOOL_SIZE'] || `${SERVER_THREADPOOL_SIZE}` };
  commandLineOrExit(command, argv, env);
  const child = spawn(process.execPath, [...process.execArgv, ...SERVER_NODE_FLAGS, SERVER_MAIN, ...argv], {
    stdio: 'inherit',
    env,
  });
  // A supervisor's SIGTERM (or a terminal's SIGINT) stops the server gracefully, as it does under npm start.
  const relay = (signal: NodeJS.Signals) => child.kill(signal);
  for (const signal of RELAYED) process.on(signal, relay);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      for (const s of RELAYED) process.off(s, relay);
      resolve(code ?? 128 + (signal ? constants.signals[signal] : 0));
    });
  });
}
