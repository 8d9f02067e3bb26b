import fs from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { asyncDestination, createLogger, entryLogger, logEntry, type LogEntry } from '../../src/logger.js';
import { projectPath } from '../../src/project-root.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'grassroots-log-'));
});
afterEach(async () => {
  vi.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

/** Resolves once everything logged to `destination` is in its file. */
function ended(destination: ReturnType<typeof asyncDestination>): Promise<void> {
  return new Promise((resolve) => {
    destination.once('close', () => resolve());
    destination.end();
  });
}

const linesOf = (text: string) =>
  text
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as LogEntry);

describe('the server log', () => {
  it('is JSON lines, in the order logged, each with its level spelled out and an ISO time, and no pid or host', async () => {
    const path = join(dir, 'log.ndjson');
    const destination = asyncDestination(path);
    const logger = createLogger(destination);
    logger.info({ n: 1 }, 'first');
    logger.error({ n: 2 }, 'internal error');
    logger.info({ url: 'http://127.0.0.1:1/graphql' }, 'listening');
    await ended(destination);
    const entries = linesOf(await readFile(path, 'utf8'));
    expect(entries.map((e) => [e['level'], e['msg']])).toEqual([
      ['info', 'first'],
      ['error', 'internal error'],
      ['info', 'listening'],
    ]);
    expect(entries[2]).toMatchObject({ url: 'http://127.0.0.1:1/graphql' });
    for (const entry of entries) {
      expect(String(entry['time'])).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(Object.keys(entry)).not.toContain('pid');
      expect(Object.keys(entry)).not.toContain('hostname');
    }
  });

  it('writes the lines of a busy turn together, not one write each', async () => {
    const path = join(dir, 'log.ndjson');
    const destination = asyncDestination(path);
    const logger = createLogger(destination);
    await new Promise((resolve) => destination.once('ready', resolve));
    const writes = vi.spyOn(fs, 'write');
    for (let i = 0; i < 100; i++) logger.info({ i }, 'request');
    await ended(destination);
    expect(linesOf(await readFile(path, 'utf8')).map((e) => e['i'])).toEqual(Array.from({ length: 100 }, (_, i) => i));
    // The first line starts a write; the 99 logged while it runs go out in the next.
    expect(writes.mock.calls.length).toBeGreaterThanOrEqual(1);
    expect(writes.mock.calls.length).toBeLessThanOrEqual(3);
  });

  it('loses no line when the process exits at once after logging, by exit or by an uncaught error', () => {
    const script = (end: string) => `
      import { createLogger } from './src/logger.ts';
      const logger = createLogger();
      for (let i = 0; i < 1000; i++) logger.info({ i }, 'request');
      logger.info('stopped');
      ${end}`;
    for (const [end, code] of [
      ['process.exit(0);', 0],
      ['throw new Error("crash");', 1],
    ] as const) {
      const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script(end)], {
        cwd: projectPath('.'),
        encoding: 'utf8',
      });
      expect(child.status, child.stderr).toBe(code);
      const entries = linesOf(child.stdout);
      expect(entries).toHaveLength(1001);
      expect(entries.at(-1)).toMatchObject({ msg: 'stopped' });
    }
  });

  it('entryLogger hands each line over as an object at once (tests read the request lines so)', () => {
    const entries: LogEntry[] = [];
    entryLogger((entry) => entries.push(entry)).info({ requestId: 'dash-42', status: 200 }, 'request');
    expect(entries).toEqual([
      expect.objectContaining({ level: 'info', msg: 'request', requestId: 'dash-42', status: 200 }),
    ]);
  });

  it('logEntry writes plain entries at their level', () => {
    const entries: LogEntry[] = [];
    const log = logEntry(entryLogger((entry) => entries.push(entry)));
    log({ level: 'error', msg: 'compile failed', operation: 'Q1' });
    log({ msg: 'warm', units: 23 });
    expect(entries).toEqual([
      expect.objectContaining({ level: 'error', msg: 'compile failed', operation: 'Q1' }),
      expect.objectContaining({ level: 'info', msg: 'warm', units: 23 }),
    ]);
  });
});
