import { mkdtemp, readdir, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../../src/server.js';
import { Store } from '../../src/store/store.js';
import type { LogEntry } from '../../src/logger.js';
import { prepareTestStore } from '../support/seed-store.js';
import { SEED_DIR } from '../support/test-server.js';
import { postJson } from '../support/http.js';
import { huoiSongShare, recordObservations, type FigureInput } from '../support/record.js';

const TOKEN = 'warm-files';
const PARTS = ['catalogue-availability', 'catalogue-descendants', 'hierarchy', 'hot-values', 'unit-keys'];
/** The statements each warm file spares a start (one per part; the hot values' first). */
const WARM_UP_STATEMENTS = [
  'catalog.availability',
  'catalog.most-descendants',
  'hierarchy.units',
  'serving.hot-dictionaries',
  'serving.unit-keys',
];

/** Questions that go through every copy: hot values (latest, series), the hierarchy (lists under a unit), keys. */
const QUESTIONS = [
  `{ a: locality(code: "village/huoi-song") { latest(indicator: "mong_resident_share") { period value } }
     b: locality(code: "village/san-bay") { latest(indicator: "mong_resident_share") { period value } } }`,
  `{ locality(code: "party-committee/tia-dinh") { name series(indicator: "em_member_share") { points { period value qualifier lower upper } } } }`,
  `{ locality(code: "commune/03385-2025-07-01") { name ... on Commune { villages(first: 100) { nodes { code latest(indicator: "poor_households") { period value qualifier } } } } } }`,
  `{ locality(code: "party-committee/dien-bien") { series(indicator: "em_member_share") { points { value lower upper qualifier basis } } } }`,
];

/**
 * A server started on a store whose warm files (src/warm) are there reads its copies from them
 * instead of computing them, and answers exactly as one that computed them; a file of an older
 * mark (a write since) or a damaged one is not used, and the copy is computed and written anew.
 */
describe('warm files beside the store', () => {
  let dir: string;
  let path: string;
  let warmDir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'grassroots-warm-files-'));
    path = join(dir, 'store.duckdb');
    warmDir = `${path}.warm`;
    await prepareTestStore(path, SEED_DIR);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  /** Starts a server on the store (as main.ts opens it), waits until warm, asks the questions, stops it. */
  async function serve(options: { warmDir?: string | null; write?: FigureInput } = {}) {
    const writable = options.write !== undefined;
    const store = await Store.open({ path, poolSize: 2, sandboxed: true, writable, threads: 1 });
    const statements: string[] = [];
    store.onStatement((s) => statements.push(s.id));
    const log: LogEntry[] = [];
    const server = await createServer(store, {
      host: '127.0.0.1',
      port: 0,
      log: (entry) => log.push(entry),
      writeToken: writable ? TOKEN : null,
      ...(options.warmDir === undefined ? {} : { warmDir: options.warmDir }),
    });
    try {
      await server.warm();
      const readyz = (await fetch(new URL('/readyz', server.url))).status;
      const answers = [];
      for (const query of QUESTIONS) answers.push((await postJson(server.url, { query })).json);
      if (options.write !== undefined) {
        const write = await recordObservations(server.url, TOKEN, [options.write]);
        expect(write.json).toEqual({ data: { recordObservations: { written: 1 } } });
        await server.warm();
      }
      return { readyz, answers, statements, log };
    } finally {
      // Closing waits for the warm files being written.
      await server.close();
      store.close();
    }
  }

  const lines = (log: LogEntry[], msg: string) =>
    log
      .filter((e) => e['msg'] === msg)
      .map((e) => e['part'] as string)
      .sort();

  it('a restart reads every copy from its file, runs none of their statements and answers the same', async () => {
    const computed = await serve({ warmDir: null });
    expect(computed.answers.every((a) => !JSON.stringify(a).includes('"errors"'))).toBe(true);

    const first = await serve();
    expect(lines(first.log, 'warm file written')).toEqual(PARTS);
    expect((await readdir(warmDir)).sort()).toEqual(PARTS.map((p) => `${p}.bin`));
    expect(first.answers).toEqual(computed.answers);

    const restart = await serve();
    expect(lines(restart.log, 'warm file read')).toEqual(PARTS);
    expect(lines(restart.log, 'warm file written')).toEqual([]);
    expect(restart.statements.filter((id) => WARM_UP_STATEMENTS.includes(id))).toEqual([]);
    expect(restart.readyz).toBe(200);
    expect(restart.answers).toEqual(computed.answers);
  });

  it('after a write the files of what it changed are stale and not used; the others are', async () => {
    await serve(); // the files are of the store as it is
    // A write by a server that keeps no files: those beside the store are of before it.
    await serve({
      warmDir: null,
      write: huoiSongShare('2026', 0.25),
    });
    const computed = await serve({ warmDir: null });
    // The write's new value is what the question answers (not the file's old one)...
    expect(computed.answers[0]).toEqual({
      data: { a: { latest: { period: '2026', value: 0.25 } }, b: { latest: { period: '2026', value: 1 } } },
    });
    const restart = await serve();
    expect(restart.answers).toEqual(computed.answers);
    // ...and recording observations left the units, links and their descendant counts as they were.
    expect(lines(restart.log, 'warm file read')).toEqual(['catalogue-descendants', 'hierarchy']);
    const stale = restart.log.filter((e) => e['msg'] === 'warm file not used' && e['reason'] === 'stale');
    expect(stale.map((e) => e['part']).sort()).toEqual(['catalogue-availability', 'hot-values', 'unit-keys']);
    expect(lines(restart.log, 'warm file written')).toEqual(['catalogue-availability', 'hot-values', 'unit-keys']);
  });

  it('a damaged or truncated file is ignored with a log line, computed again and rewritten', async () => {
    await serve();
    const computed = await serve({ warmDir: null });
    await truncate(join(warmDir, 'hot-values.bin'), 1000);
    await writeFile(join(warmDir, 'hierarchy.bin'), 'not a warm file at all');
    const damaged = await serve();
    expect(damaged.answers).toEqual(computed.answers);
    expect(lines(damaged.log, 'warm file ignored: corrupt')).toEqual(['hierarchy', 'hot-values']);
    expect(lines(damaged.log, 'warm file written')).toEqual(['hierarchy', 'hot-values']);
    expect(damaged.statements).toContain('hierarchy.units');
    expect(damaged.statements).toContain('serving.hot-dictionaries');

    const restart = await serve();
    expect(lines(restart.log, 'warm file read')).toEqual(PARTS);
    expect(restart.answers).toEqual(computed.answers);
  });
});
