import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

const ROOT = new URL('../..', import.meta.url).pathname;

export interface NpmRun {
  readonly child: ChildProcess;
  /** stdout and stderr lines as they arrive (npm's own banner included). */
  readonly lines: string[];
  /** Exit code (null: killed by a signal) once npm has exited and its output is read. */
  readonly exited: Promise<number | null>;
}

/**
 * Runs `npm <args>` in the project as a user would, in a process group of its own (its pid is
 * the group's id), so a test can tell whether anything npm started outlives it. The environment
 * is the test's without vitest's NODE_ENV=test and without UV_THREADPOOL_SIZE, which npm start
 * must set itself.
 */
export function runNpm(args: readonly string[], env: Record<string, string> = {}): NpmRun {
  const inherited = { ...process.env };
  delete inherited['UV_THREADPOOL_SIZE'];
  const child = spawn('npm', [...args], {
    cwd: ROOT,
    env: { ...inherited, NODE_ENV: 'development', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const lines: string[] = [];
  createInterface({ input: child.stdout! }).on('line', (line) => lines.push(line));
  createInterface({ input: child.stderr! }).on('line', (line) => lines.push(line));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => setImmediate(() => resolve(code))),
  );
  return { child, lines, exited };
}

/** Resolves with the server's URL once its "listening" line is out; rejects if npm exits first. */
export function listeningUrl(run: NpmRun, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "listening" line:\n${run.lines.join('\n')}`)), timeoutMs);
    const check = setInterval(() => {
      for (const line of run.lines) {
        if (!line.includes('"msg":"listening"')) continue;
        clearTimeout(timer);
        clearInterval(check);
        resolve((JSON.parse(line) as { url: string }).url);
        return;
      }
    }, 50);
    void run.exited.then((code) => {
      clearTimeout(timer);
      clearInterval(check);
      reject(new Error(`npm exited with ${code} before listening:\n${run.lines.join('\n')}`));
    });
  });
}

/** True while any process of the group `pgid` is alive. */
export function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw error;
  }
}

/** Waits until no process of the group is left; false if one still is after `timeoutMs`. */
export async function groupGone(pgid: number, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (groupAlive(pgid)) {
    if (Date.now() > until) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}
