import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isAlive } from './process-alive.js';

const PREFIX = 'grassroots-exports-';
/** `grassroots-exports-<pid>-<random>`: the pid says whether the directory's server still runs. */
const NAME = /^grassroots-exports-(\d+)-[A-Za-z0-9]{6}$/;

/**
 * The private directory a sandboxed store writes export files into, named after this process.
 * Made at start after the directories of servers that are gone (killed, crashed: their stop
 * never ran) are removed, so the system's temporary directory does not fill with them.
 */
export function createExportDir(parent: string = tmpdir()): string {
  removeAbandonedExportDirs(parent);
  return mkdtempSync(join(parent, `${PREFIX}${process.pid}-`));
}

/** Export directories under `parent` whose process is no longer running, removed. */
export function removeAbandonedExportDirs(parent: string = tmpdir()): string[] {
  const removed: string[] = [];
  for (const name of readdirSync(parent)) {
    const pid = NAME.exec(name)?.[1];
    if (pid === undefined || isAlive(Number(pid))) continue;
    rmSync(join(parent, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

/** Removes an export directory at stop; exports under way have finished (shutdown waits for them). */
export function removeExportDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
