import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { ensureServerBuilt, SERVER_ENTRY, SERVER_NODE_FLAGS } from '../src/build/server-build.js';

const ROOT = new URL('..', import.meta.url).pathname;

export interface ServerProcess {
  readonly child: ChildProcess;
  readonly url: string;
  readonly startMs: number;
  /** Resolves with the ms from spawn until the server logs that its unit keys and hierarchy are loaded. */
  readonly warm: Promise<number>;
  peakRssMb(): number;
  stop(): Promise<void>;
}

/**
 * Starts the real server read-only on a store and waits until it listens. It runs compiled, as
 * `npm start` runs it (a stale build is redone first, outside the timed start), and with
 * NODE_ENV=production, as deployed: graphql-js then skips its development-mode checks.
 */
export function startServer(store: string, port = 0, extraEnv: Record<string, string> = {}): Promise<ServerProcess> {
  ensureServerBuilt();
  const started = performance.now();
  // node itself (not npm, which forks): the pid is the server's, so its peak RSS is.
  const child = spawn(
    process.execPath,
    [...SERVER_NODE_FLAGS, SERVER_ENTRY, '--read-only', '--store', store, '--port', String(port)],
    {
      cwd: ROOT,
      env: { ...process.env, UV_THREADPOOL_SIZE: '16', NODE_ENV: 'production', ...extraEnv },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let warmed!: (ms: number) => void;
  let died!: (error: Error) => void;
  const warm = new Promise<number>((resolve, reject) => {
    warmed = resolve;
    died = reject;
  });
  warm.catch(() => {});
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => {
      const error = new Error(`server exited with ${code}`);
      died(error);
      reject(error);
    });
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.includes('"msg":"warm"')) warmed(performance.now() - started);
      if (!line.includes('"listening"')) return;
      const url = (JSON.parse(line) as { url: string }).url;
      resolve({
        child,
        url,
        startMs: performance.now() - started,
        warm,
        peakRssMb: () => {
          const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
          return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
        },
        stop: () =>
          new Promise((done) => {
            child.removeAllListeners('exit');
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}
