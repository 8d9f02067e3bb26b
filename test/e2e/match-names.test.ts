import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { sql } from '../../src/store/sql.js';
import { SEED_DIR } from '../support/test-server.js';
import { prepareTestStore } from '../support/seed-store.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const HEADER =
  'subject_id,district,province,indicator,period,value,qualifier,lower,upper,source_id,derived,formula,quote,note';
const row = (subject: string, district: string, province: string, period: string, value: number) =>
  `${subject},${district},${province},households,${period},${value},EXACT,,,dbp-em-party-members,false,,,`;

/** `npm run load` as its own process; stdout is one JSON line per event. */
function load(args: string[]): Promise<{ code: number | null; lines: Record<string, unknown>[]; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/load.ts'), ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr!.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  return new Promise((resolve) =>
    child.once('close', (code) =>
      resolve({
        code,
        lines: stdout
          .trim()
          .split('\n')
          .filter((l) => l.startsWith('{'))
          .map((l) => JSON.parse(l) as Record<string, unknown>),
        stderr,
      }),
    ),
  );
}

describe('a table keyed by names loads with --match-names --as-of', { timeout: 120_000 }, () => {
  let dir: string;
  let store: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'grassroots-match-'));
    store = join(dir, 'store.duckdb');
    await prepareTestStore(store, SEED_DIR);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));
  const file = async (name: string, rows: string[]) => {
    const path = join(dir, name);
    await writeFile(path, [HEADER, ...rows].join('\n') + '\n');
    return path;
  };
  const run = (path: string, ...more: string[]) =>
    load([path, '--store', store, '--data', SEED_DIR, '--match-names', ...more]);

  it('a dry run shows which unit version each row is, and writes nothing', async () => {
    const path = await file('gso-2024.csv', [
      row('Xã Tìa Dình', 'H. Điện Biên Đông', 'Tỉnh Điện Biên', '2024', 100),
      row('xa hang lia', '', 'Dien Bien', '2024', 80),
      row('H. Điện Biên Đông', '', 'Tỉnh Điện Biên', '2024', 5000),
      row('03385', '', '', '2023', 75),
    ]);
    const result = await run(path, '--as-of', '2024-12-31', '--dry-run');
    expect(result.code, result.stderr).toBe(0);
    expect(result.lines.filter((l) => l['msg'] === 'matched').map((l) => [l['row'], l['unit'], l['as']])).toEqual([
      [1, 'commune/03384', 'Xã Tìa Dình, Huyện Điện Biên Đông, Tỉnh Điện Biên (commune/03384)'],
      [2, 'commune/03385', 'Xã Háng Lìa, Huyện Điện Biên Đông, Tỉnh Điện Biên (commune/03385)'],
      [3, 'district/101', 'Huyện Điện Biên Đông, Tỉnh Điện Biên (district/101)'],
      [4, 'commune/03385', 'Xã Háng Lìa, Huyện Điện Biên Đông, Tỉnh Điện Biên (commune/03385)'],
    ]);
    expect(result.lines.at(-1)).toMatchObject({ msg: 'valid (dry run, nothing written)', wouldWrite: 4 });
  });

  it('loads each figure on the unit version in force on the date: 2024 on the old commune, 2026 on the merged one', async () => {
    const old = await run(
      await file('gso-2024-load.csv', [row('Xã Tìa Dình', '', 'Tỉnh Điện Biên', '2024', 100)]),
      '--as-of',
      '2024-12-31',
    );
    expect(old.code, old.stderr).toBe(0);
    const merged = await run(
      await file('gso-2026.csv', [row('Xã Tìa Dình', '', 'Tỉnh Điện Biên', '2026', 190)]),
      '--as-of',
      '2026-01-01',
    );
    expect(merged.code, merged.stderr).toBe(0);
    const s = await Store.open({ path: store, poolSize: 1 });
    try {
      expect(
        await s.all(
          't',
          sql`SELECT subject_id, period, value FROM observations WHERE indicator = 'households' AND subject_id LIKE 'commune/033%' ORDER BY period`,
        ),
      ).toEqual([
        { subject_id: 'commune/03384', period: '2024', value: 100 },
        { subject_id: 'commune/03385-2025-07-01', period: '2026', value: 190 },
      ]);
    } finally {
      s.close();
    }
  });

  it('an ambiguous or unknown name rejects the load, each row with its candidates', async () => {
    const path = await file('gso-bad.csv', [
      row('Xã Tân Lập', '', '', '2024', 1),
      row('Xã Tân Lập', '', 'Tỉnh Sơn La', '2024', 2),
      row('Xã Tân Lập', '', 'Tỉnh Long An', '2024', 3),
      row('Xã Tân Lập', 'H. Tân Thạnh', 'Tỉnh Long An', '2024', 4),
      row('Xã Không Có Thật', '', 'Tỉnh Điện Biên', '2024', 5),
    ]);
    const result = await run(path, '--as-of', '2024-12-31');
    expect(result.code).toBe(1);
    expect(
      result.lines.filter((l) => l['row'] !== undefined).map((l) => [l['row'], l['msg'], l['unit'] ?? null]),
    ).toEqual([
      [1, 'ambiguous', null],
      [2, 'matched', 'commune/03997'],
      [3, 'ambiguous', null],
      [4, 'matched', 'commune/27838'],
      [5, 'unknown', null],
    ]);
    const rejected = result.lines.find((l) => l['msg'] === 'rejected') as {
      total: number;
      problems: { row: number; column: string; reason: string }[];
    };
    expect(rejected.total).toBe(3);
    expect(rejected.problems[0]!.reason).toMatch(/^ambiguous on 2024-12-31: "Xã Tân Lập" names 23 units: /);
    expect(rejected.problems[1]!.reason).toContain(
      'Xã Tân Lập, Huyện Mộc Hóa, Tỉnh Long An (commune/27820); Xã Tân Lập, Huyện Tân Thạnh, Tỉnh Long An (commune/27838)',
    );
    expect(rejected.problems[2]).toMatchObject({ row: 5, column: 'subject_id' });
    expect(rejected.problems[2]!.reason).toMatch(/^unknown on 2024-12-31: "Xã Không Có Thật" names no unit/);
  });

  it('needs the date the names are read at', async () => {
    const result = await run(await file('gso-nodate.csv', [row('Xã Tìa Dình', '', '', '2024', 1)]));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--match-names needs --as-of YYYY-MM-DD');
  });
});
