import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlStatement } from '../../src/store/sql.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { postJson } from '../support/http.js';
import { PipeGate } from '../support/pipe-gate.js';
import { huoiSongShare, recordObservations } from '../support/record.js';

const TOKEN = 'availability-kept';
const AVAILABILITY = {
  query: `{ availability(indicator: "mong_resident_share") { kind granularity unitCount observationCount periodCount periods earliest latest } }`,
};

/**
 * `availability` is answered from the matrix the cost catalogue keeps (src/readers/kept-availability.ts)
 * while no write has committed since it was read; after a write, from its statement until the
 * catalogue has read the matrix again. Both ways give what the statement gives: compared here with
 * a server whose switch is off, before and after a write that adds a period to a village. The
 * catalogue's read after the write is held on a named pipe (a store rewrite, the test seam), so
 * the test asks for sure while the kept matrix is from before the write.
 */
describe.skipIf(process.platform === 'win32')('availability kept in memory', () => {
  let kept: TestServer;
  let statementsOnly: TestServer;
  const ids: string[] = [];
  let gate: PipeGate;
  let reads = 0;
  const holdSecondRead = (s: SqlStatement): SqlStatement => {
    ids.push(s.id);
    if (s.id !== 'catalog.availability' || ++reads !== 2) return s;
    return gate.hold(s);
  };

  beforeAll(async () => {
    kept = await startTestServer(undefined, {
      writeToken: TOKEN,
      store: { sandboxed: false, rewrite: holdSecondRead },
      server: { speed: { resultCache: { entries: 0, totalRows: 0, maxRows: 0 } } },
    });
    statementsOnly = await startTestServer(undefined, {
      writeToken: TOKEN,
      server: { speed: { availabilityInMemory: false } },
    });
    gate = new PipeGate(join(kept.dir, 'gate'));
  });
  afterAll(async () => {
    await release();
    await kept?.close();
    await statementsOnly?.close();
  });

  /** Lets the held read go on until the server is warm again. */
  const release = () => gate.releaseUntil(kept.server.warm());

  const ask = async (t: TestServer) => (await postJson(t.server.url, AVAILABILITY)).json;
  const write = (t: TestServer) => recordObservations(t.server.url, TOKEN, [huoiSongShare('2019', 0.5)]);

  it('answers as the statement does, without running it while nothing was written', async () => {
    ids.length = 0;
    const answer = await ask(kept);
    expect(ids.filter((id) => id === 'analytics.availability')).toEqual([]);
    expect(answer).toEqual(await ask(statementsOnly));
    const rows = (answer as { data: { availability: { periods: string[] }[] } }).data.availability;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.flatMap((r) => r.periods)).not.toContain('2019');
  });

  it('after a write, answers with the written figure: from the statement, then from the matrix read again', async () => {
    expect((await write(kept)).json).toEqual({ data: { recordObservations: { written: 1 } } });
    expect((await write(statementsOnly)).json).toEqual({ data: { recordObservations: { written: 1 } } });
    const expected = await ask(statementsOnly);
    expect(JSON.stringify(expected)).toContain('2019');

    // The catalogue's read of the new matrix is held: the kept one is from before the write.
    ids.length = 0;
    expect(await ask(kept)).toEqual(expected);
    expect(ids.filter((id) => id === 'analytics.availability')).toEqual(['analytics.availability']);
    expect(reads).toBe(2);

    await release();
    ids.length = 0;
    expect(await ask(kept)).toEqual(expected);
    expect(ids.filter((id) => id === 'analytics.availability')).toEqual([]);
  });
});
