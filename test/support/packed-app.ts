import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const ROOT = new URL('../..', import.meta.url).pathname;
const exec = promisify(execFile);

/**
 * The environment a user's shell gives a command: not vitest's NODE_ENV=test (libraries behave
 * differently under it) and no UV_THREADPOOL_SIZE (`grassroots serve` must set it itself); npm and
 * npx never reach the network, everything comes from npm's cache.
 */
export function userEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'development', npm_config_offline: 'true' };
  delete env['UV_THREADPOOL_SIZE'];
  return env;
}

export interface Ran {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a program to its end; a non-zero exit is a result, not an exception. */
export async function run(file: string, args: readonly string[], cwd: string): Promise<Ran> {
  try {
    const { stdout, stderr } = await exec(file, [...args], { cwd, env: userEnv(), maxBuffer: 64 << 20 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    if (typeof e.code !== 'number') throw error;
    return { code: e.code, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

/** `npm pack` of the checkout (its prepack script builds first) into `dir`; the tarball's path. */
export async function packProject(dir: string): Promise<string> {
  const packed = await run('npm', ['pack', '--pack-destination', dir], ROOT);
  if (packed.code !== 0) throw new Error(`npm pack failed:\n${packed.stdout}\n${packed.stderr}`);
  return join(dir, packed.stdout.trim().split('\n').at(-1)!);
}

/**
 * Installs the tarball into the empty project `app` with `npm ci --offline`. npm resolves a
 * dependency's version from the registry's metadata unless a lockfile pins it, so the app gets one:
 * the tarball, and the checkout's own locked versions of every dependency that is not a
 * devDependency (a dependency's dependencies install at the same places they do in the checkout).
 * The install is thus the one `npm install <tarball>` makes, from the cache `npm ci` filled.
 */
export async function installTarball(tarball: string, app: string): Promise<Ran> {
  const lock = JSON.parse(await readFile(join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { version?: string; dev?: boolean; dependencies?: object; engines?: object }>;
  };
  const own = lock.packages['']!;
  const manifest = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { bin: object };
  const spec = `file:${tarball}`;
  const packages: Record<string, object> = {
    '': { name: 'app', dependencies: { grassroots: spec } },
    'node_modules/grassroots': {
      version: own.version,
      resolved: spec,
      integrity: `sha512-${createHash('sha512')
        .update(await readFile(tarball))
        .digest('base64')}`,
      dependencies: own.dependencies,
      bin: manifest.bin,
      engines: own.engines,
    },
  };
  for (const [path, entry] of Object.entries(lock.packages)) if (path !== '' && !entry.dev) packages[path] = entry;
  await writeFile(
    join(app, 'package.json'),
    JSON.stringify({ name: 'app', private: true, type: 'module', dependencies: { grassroots: spec } }),
  );
  await writeFile(join(app, 'package-lock.json'), JSON.stringify({ name: 'app', lockfileVersion: 3, packages }));
  return run('npm', ['ci', '--offline', '--no-audit', '--no-fund'], app);
}
