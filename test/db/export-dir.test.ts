import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExportDir, removeAbandonedExportDirs } from '../../src/store/export-dir.js';
import { Store } from '../../src/store/store.js';

async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid!;
}

describe("a sandboxed store's export directory", () => {
  let parent: string;
  beforeAll(async () => {
    parent = await mkdtemp(join(tmpdir(), 'grassroots-export-dirs-'));
  });
  afterAll(() => rm(parent, { recursive: true, force: true }));

  it("is named after its process; making one removes those of processes that are gone, not a live one's or others'", async () => {
    const dead = join(parent, `grassroots-exports-${await deadPid()}-Ab12Cd`);
    const live = join(parent, `grassroots-exports-${process.pid}-Zz9Yy8`);
    const unrelated = join(parent, 'grassroots-exports-legacy');
    for (const dir of [dead, live, unrelated]) await mkdir(join(dir, 'grassroots-export-1'), { recursive: true });

    const made = createExportDir(parent);
    expect(basename(made)).toMatch(new RegExp(`^grassroots-exports-${process.pid}-[A-Za-z0-9]{6}$`));
    expect([dead, live, unrelated, made].map(existsSync)).toEqual([false, true, true, true]);
    expect(removeAbandonedExportDirs(parent)).toEqual([]);
  });

  it('exists while the store is open and is removed when it closes', async () => {
    const store = await Store.open({ path: ':memory:', poolSize: 1, sandboxed: true, writable: true });
    const dir = store.exportDir!;
    expect(existsSync(dir)).toBe(true);
    store.close();
    expect(existsSync(dir)).toBe(false);
  });
});
