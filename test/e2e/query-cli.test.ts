import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_DIR } from '../support/test-server.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const run = promisify(execFile);

/** `npm run query` as a user runs it: its own process, a store file, no server. */
async function query(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'src/cli/query.ts'), ...args],
      { cwd: ROOT },
    );
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const e = error as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'grassroots-cli-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('npm run query answers from a local store without a server', () => {
  it('builds a missing store from the data, then prints a list of objects as a table', async () => {
    const store = join(dir, 'cli.duckdb');
    const { stdout, code } = await query(
      '{ table(kind: PARTY_COMMITTEE, indicators: ["members"]) { rows { locality { name } period value qualifier } } }',
      '--store',
      store,
      '--data',
      SEED_DIR,
    );
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^locality\.name\s+period\s+value\s+qualifier$/);
    expect(lines).toContainEqual(
      expect.stringMatching(/^Điện Biên Provincial Party Committee\s+2026\s+49000\s+MORE_THAN$/),
    );
    expect(lines).toContainEqual(expect.stringMatching(/^Tìa Dình Commune Party Committee\s+2026\s+377\s+EXACT$/));
  });

  it('prints JSON with --json, takes --variables, and reports GraphQL errors on stderr with exit code 1', async () => {
    const store = join(dir, 'cli.duckdb');
    const json = await query(
      'query ($code: String!) { locality(code: $code) { name } }',
      '--variables',
      '{"code":"village/huoi-song"}',
      '--json',
      '--store',
      store,
    );
    expect(JSON.parse(json.stdout)).toEqual({ locality: { name: 'Huổi Sông' } });
    const bad = await query('{ locality(code: "commune/nowhere") { name } }', '--store', store);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('Argument "code": no');
  });
});
