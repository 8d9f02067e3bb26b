import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlStatement } from '../../src/store/sql.js';
import { startTestServer, SEED_DIR, type TestServer } from '../support/test-server.js';
import { postJson } from '../support/http.js';
import { PipeGate } from '../support/pipe-gate.js';
import { huoiSongShare, recordObservations } from '../support/record.js';
import { until } from '../support/slow-statement.js';

const TOKEN = 'warm-after-write';
const latest = (code: string) => ({
  query: `{ locality(code: "${code}") { latest(indicator: "mong_resident_share") { period value } } }`,
});

/**
 * After a write the hot values are read again; until then the units the write did not touch are
 * still answered from memory, and the ones it did from DuckDB (never the old value). The reload
 * is held on a named pipe (a store rewrite, the test seam) so the test sees that state for sure.
 */
describe.skipIf(process.platform === 'win32')('a write leaves the untouched units warm', () => {
  let t: TestServer;
  let gate: PipeGate;
  let reloads = 0;
  const statements: string[] = [];
  const holdSecondLoad = (s: SqlStatement): SqlStatement => {
    statements.push(s.id);
    if (s.id !== 'serving.hot-dictionaries' || ++reloads !== 2) return s;
    return gate.hold(s);
  };

  beforeAll(async () => {
    t = await startTestServer(SEED_DIR, {
      writeToken: TOKEN,
      store: { sandboxed: false, rewrite: holdSecondLoad, poolSize: 4 },
      server: { speed: { resultCache: { entries: 0, totalRows: 0, maxRows: 0 } } },
    });
    gate = new PipeGate(join(t.dir, 'gate'));
  });
  afterAll(async () => {
    await release();
    await t.close();
  });

  /** Lets the held read go on until the server is warm again. */
  const release = () => gate.releaseUntil(t.server.warm());

  async function ask(code: string) {
    statements.length = 0;
    const answer = await postJson(t.server.url, latest(code));
    return { answer: answer.json, values: statements.filter((id) => id.startsWith('analytics.')) };
  }

  it('answers the written unit with the new value from DuckDB, the others from memory, while the copy reloads', async () => {
    const before = await ask('village/san-bay');
    expect(before.values).toEqual([]);
    expect(before.answer).toEqual({ data: { locality: { latest: { period: '2026', value: 1 } } } });

    const write = await recordObservations(t.server.url, TOKEN, [huoiSongShare('2026', 0.5)]);
    expect(write.json).toEqual({ data: { recordObservations: { written: 1 } } });
    // A read starts the reload, which is held until release(): memory has the copy of before the write.
    const untouched = await ask('village/san-bay');
    expect(untouched).toEqual(before);
    const written = await ask('village/huoi-song');
    expect(written.answer).toEqual({ data: { locality: { latest: { period: '2026', value: 0.5 } } } });
    expect(written.values).toEqual(['analytics.latest-served']);
    await until(() => reloads === 2);

    await release();
    const reloaded = await ask('village/huoi-song');
    expect(reloaded).toEqual({ ...written, values: [] });
  });
});
