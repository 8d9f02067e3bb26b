import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installTarball, packProject, run, userEnv } from '../support/packed-app.js';
import { groupAlive, groupGone } from '../support/npm-script.js';

const ROOT = new URL('../..', import.meta.url).pathname;

/**
 * The package as a user gets it: `npm pack` of the checkout, installed into an empty project, then
 * used only through what it installed: `npx grassroots …` (compiled JavaScript, no tsx) and
 * `grassroots/client` from a plain .mjs file, a TypeScript file and a browser bundle.
 */
describe('npm pack, installed into an empty project', { timeout: 300_000 }, () => {
  let dir: string;
  let app: string;
  let tarball: string;
  let store: string;
  const groups: number[] = [];
  const npx = (...args: string[]) => run('npx', ['grassroots', ...args], app);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'grassroots-package-'));
    app = join(dir, 'app');
    await mkdir(app);
    store = join(app, 'var', 'grassroots.duckdb');
    tarball = await packProject(dir);
    const installed = await installTarball(tarball, app);
    expect(installed.code, installed.stderr).toBe(0);
  }, 600_000);
  afterAll(async () => {
    // A failed run must not leave a server holding the store (or a port) behind.
    for (const pgid of groups) if (groupAlive(pgid)) process.kill(-pgid, 'SIGKILL');
    await rm(dir, { recursive: true, force: true });
  });

  it('holds the compiled program and client, the data and the migrations, and no sources, tests or bench', async () => {
    const listed = await run('tar', ['-tzf', tarball], dir);
    const files = listed.stdout.split('\n').filter(Boolean);
    for (const file of [
      'package/dist/server/src/cli/grassroots.js',
      'package/dist/server/src/main.js',
      'package/dist/client/index.js',
      'package/dist/client/index.d.ts',
      'package/dist/ui/explore.js',
      'package/schema/migrations/001_foundation.sql',
      'package/data/national/units.csv',
      'package/docs/cookbook.md',
    ])
      expect(files).toContain(file);
    expect(
      files.filter((f) => /^package\/(src|test|bench|var)\//.test(f) || (f.endsWith('.ts') && !f.endsWith('.d.ts'))),
    ).toEqual([]);
    expect(statSync(tarball).size).toBeLessThan(5 * 1024 * 1024);
  });

  it("npx grassroots --help lists the subcommands; a subcommand's help is made from its settings", async () => {
    const help = await npx('--help');
    expect(help.code, help.stderr).toBe(0);
    for (const term of [
      'serve [options]',
      'query <graphql> [options]',
      'load <file-or-dir> [options]',
      'export <dir> [options]',
      'compact [options]',
      'check-data [options]',
    ])
      expect(help.stdout).toContain(term);
    const query = await npx('query', '--help');
    expect(query.code).toBe(0);
    expect(query.stdout).toContain('Usage: grassroots query');
    expect(query.stdout).toMatch(/--store PATH\s+DuckDB store file\s+env GRASSROOTS_STORE/);
    const wrong = await npx('query', '--pool', '4');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('unknown option --pool');
  });

  it('query builds a store from the packaged data and answers; load adds to it; check-data reports on the packaged files', async () => {
    const answer = await npx('query', '{ locality(code: "village/huoi-song") { name } }', '--json', '--store', store);
    expect(answer.code, answer.stderr).toBe(0);
    expect(JSON.parse(answer.stdout)).toEqual({ locality: { name: 'Huổi Sông' } });

    const load = await npx('load', join(ROOT, 'test/fixtures/ingest/valid.csv'), '--store', store);
    expect(load.code, load.stderr).toBe(0);
    expect(load.stdout).toContain('"msg":"loaded"');

    // Without --store the store is made where the command runs, not inside node_modules.
    const here = await npx('query', '{ locality(code: "village/huoi-song") { code } }', '--json');
    expect(here.code, here.stderr).toBe(0);
    expect(existsSync(join(app, 'grassroots.duckdb'))).toBe(true);

    const check = await npx('check-data');
    expect(check.code, check.stderr).toBe(0);
    expect(check.stdout).toMatch(/Data-quality report of \S+node_modules\/grassroots\/data\/national: \d+ findings/);
  });

  it('serve runs the server; the compiled grassroots/client queries it from plain Node; SIGTERM stops it; export writes a snapshot', async () => {
    const bin = join(app, 'node_modules/.bin/grassroots');
    const server = spawn(bin, ['serve', '--port', '0', '--host', '127.0.0.1', '--store', store], {
      cwd: app,
      env: userEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    groups.push(server.pid!);
    const lines: string[] = [];
    createInterface({ input: server.stderr! }).on('line', (line) => lines.push(line));
    const exited = new Promise<number | null>((resolve) => server.once('exit', resolve));
    const url = await new Promise<string>((resolve, reject) => {
      void exited.then((code) => reject(new Error(`serve exited with ${code}:\n${lines.join('\n')}`)));
      createInterface({ input: server.stdout! }).on('line', (line) => {
        lines.push(line);
        if (line.includes('"msg":"listening"')) resolve((JSON.parse(line) as { url: string }).url);
      });
    });

    await writeFile(
      join(app, 'client.mjs'),
      `import { createClient } from 'grassroots/client';
const client = createClient(process.argv[2]);
const { table } = await client.Table({ indicators: ['members'], kind: 'PARTY_COMMITTEE', periods: ['2026'] });
const { locality } = await client.LocalityByCode({ code: 'village/huoi-song' });
console.log(JSON.stringify({ rows: table.rows.map((r) => [r.locality?.code, r.value, r.qualifier]), name: locality?.name }));
`,
    );
    const client = await run(process.execPath, ['client.mjs', url], app);
    expect(client.code, client.stderr).toBe(0);
    const answer = JSON.parse(client.stdout) as { rows: unknown[]; name: string };
    expect(answer.rows).toContainEqual(['party-committee/dien-bien', 49000, 'MORE_THAN']);
    expect(answer.name).toBe('Huổi Sông');

    // The bin relays the signal to the server it started, which stops gracefully: nothing is left.
    server.kill('SIGTERM');
    expect(await exited, lines.join('\n')).toBe(0);
    expect(await groupGone(server.pid!, 15_000)).toBe(true);
    expect(lines.join('\n')).toContain('"msg":"stopped"');

    const exported = await npx('export', join(dir, 'snapshot'), '--store', store);
    expect(exported.code, exported.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'snapshot', 'manifest.json'), 'utf8'))).toHaveProperty('tables');
  });

  it('grassroots/client type-checks from its declarations in a TypeScript project', async () => {
    await writeFile(
      join(app, 'typed.ts'),
      `import { createClient, type TableQuery } from 'grassroots/client';
export async function members(url: string): Promise<number | null | undefined> {
  const { table }: TableQuery = await createClient(url).Table({ indicators: ['members'] });
  return table.rows[0]?.value;
}
// @ts-expect-error an operation's variables are typed
export const wrong = () => createClient('').Table({ indicators: 1 });
`,
    );
    const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
    const checked = await run(
      process.execPath,
      [tsc, '--noEmit', '--strict', '--module', 'nodenext', '--target', 'es2022', '--skipLibCheck', 'typed.ts'],
      app,
    );
    expect(checked.code, checked.stdout).toBe(0);
  });

  it('grassroots/client bundles for the browser', async () => {
    const bundled = await build({
      stdin: { contents: `export { createClient } from 'grassroots/client';`, resolveDir: app },
      absWorkingDir: app,
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    expect(Object.keys(bundled.metafile.inputs)).toContain('node_modules/grassroots/dist/client/sdk.js');
    expect(bundled.outputFiles[0]!.text).toContain('query Table');
    expect(existsSync(join(app, 'node_modules/grassroots/src'))).toBe(false);
  });
});
