// Compiles the server and the `grassroots` command (src/cli/grassroots.ts) with tsc into
// dist/server, so `npm start`, the bench and the installed package run plain JavaScript: loading
// the server's modules through tsx cost about a second of every start. Tests and the npm scripts
// other than start keep running the sources through tsx and vitest.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { projectPath } from '../project-root.js';

const OUT_DIR = projectPath('dist/server');
export const SERVER_ENTRY = join(OUT_DIR, 'src/main.js');
/**
 * V8 flags the server runs with (`npm start` spells them too; a unit test keeps the two equal).
 * The young generation starts at its full default size (16 MiB semi-spaces) instead of 1 MiB:
 * each request leaves a few hundred KiB of garbage, and with the small start V8 scavenged
 * constantly and promoted it for its first 20-30 s under load. Q1 with 16 clients went from
 * 260-320 to 400-435 requests/s in its first 4 s, and from 400-435 to 500-600 after 12 s.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--min-semi-space-size=16'];
/**
 * libuv's thread pool the server gets unless UV_THREADPOOL_SIZE says otherwise (`npm start` spells
 * it too): DuckDB runs every statement on that pool, which must stay larger than the connection
 * pool (src/settings/commands.ts explains why).
 */
export const SERVER_THREADPOOL_SIZE = 16;
// Written after each build: tsc's incremental mode rewrites only the outputs that changed, so no
// output file's own time says when the last build ran.
const STAMP = join(OUT_DIR, '.built');
const BUILD_INFO = join(OUT_DIR, '.tsbuildinfo');
const CONFIG = projectPath('tsconfig.build.json');

function newestUnder(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestUnder(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** True when a source, a tsconfig or the lockfile changed since the last build (or there is none). */
export function serverBuildStale(): boolean {
  if (!existsSync(STAMP) || !existsSync(SERVER_ENTRY)) return true;
  const inputs = [projectPath('tsconfig.json'), CONFIG, projectPath('package-lock.json')].map(
    (p) => statSync(p).mtimeMs,
  );
  return Math.max(newestUnder(projectPath('src')), ...inputs) > statSync(STAMP).mtimeMs;
}

/** Runs tsc on tsconfig.build.json. Type errors are reported but do not stop the build, as tsx never checked types either. */
export function buildServer(log: (line: string) => void = console.log): void {
  const started = new Date();
  // Without the entry point the build info may still claim everything is emitted; start over.
  if (!existsSync(SERVER_ENTRY)) rmSync(BUILD_INFO, { force: true });
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  try {
    execFileSync(process.execPath, [tsc, '-p', CONFIG], { stdio: 'inherit' });
  } catch (error) {
    // tsc exits 2 when it found errors but still wrote the JavaScript (noEmitOnError is off).
    if ((error as { status?: number }).status !== 2 || !existsSync(SERVER_ENTRY)) throw error;
    log('server compiled with type errors (see above; npm run typecheck)');
  }
  // Dated to when tsc started, so a source saved during the build still counts as newer.
  writeFileSync(STAMP, started.toISOString() + '\n');
  utimesSync(STAMP, started, started);
  log(`server compiled into ${OUT_DIR} in ${Date.now() - started.getTime()} ms`);
}

/** Builds once if stale; the bench calls it before timing a start. */
export function ensureServerBuilt(log?: (line: string) => void): void {
  if (serverBuildStale()) buildServer(log);
}
