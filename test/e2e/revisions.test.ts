import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, errorsOf, type TestServer } from '../support/test-server.js';
import { fileInputs, hashInputs } from '../../src/ingest/file-inputs.js';
import { runLoad } from '../../src/ingest/run-load.js';

const HEADER = 'subject_id,indicator,period,value,qualifier,lower,upper,source_id,derived,formula,quote,note';
const ORIGINAL =
  'village/huoi-song,households,2026,77,EXACT,,,dbp-em-party-members,false,,"The village has 77 households, 100% of which are Mông ethnic people.",';

describe('revisions: a corrected figure is a new revision, and asOf reads the past', () => {
  let t: TestServer;
  let dir: string;
  let seedTime: string;
  const load = async (name: string, rows: string[]) => {
    const path = join(dir, name);
    await writeFile(path, [HEADER, ...rows].join('\n') + '\n');
    const inputs = await fileInputs(path);
    return runLoad(t.store, inputs, { kind: 'file', origin: `file:${path}`, hash: await hashInputs(inputs) });
  };

  beforeAll(async () => {
    // Loads write into the served store here, so it is opened unsandboxed (main.ts keeps them apart).
    t = await startTestServer(undefined, { store: { sandboxed: false } });
    dir = await mkdtemp(join(tmpdir(), 'grassroots-revisions-'));
    const before = await t.sdk.Revisions({ code: 'village/huoi-song', indicator: 'households' });
    seedTime = before.locality.observations[0]!.recordedAt;
    // A correction of the 2026 figure by another file (synthetic: 78 is not in the article).
    await new Promise((r) => setTimeout(r, 5));
    expect(await load('correction.csv', [ORIGINAL.replace(',77,', ',78,')])).toMatchObject({ observationsWritten: 1 });
  });
  afterAll(async () => {
    await t.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('queries return the latest revision by default, with every revision in history', async () => {
    const { locality } = await t.sdk.Revisions({ code: 'village/huoi-song', indicator: 'households' });
    expect(locality.observations.map((o) => o.value)).toEqual([78]);
    expect(locality.series.points.map((p) => p.value)).toEqual([78]);
    const [current] = locality.observations;
    expect(current!.history.map((h) => h.value)).toEqual([77, 78]);
    expect(current!.history.at(-1)!.id).toBe(current!.id);
    expect(current!.recordedAt > seedTime).toBe(true);
  });

  it("asOf returns what was known then, including at exactly a revision's recordedAt", async () => {
    const { locality } = await t.sdk.Revisions({ code: 'village/huoi-song', indicator: 'households', asOf: seedTime });
    expect(locality.observations.map((o) => [o.value, o.recordedAt])).toEqual([[77, seedTime]]);
    expect(locality.series.points.map((p) => p.value)).toEqual([77]);
    const before = await t.sdk.Revisions({
      code: 'village/huoi-song',
      indicator: 'households',
      asOf: '2000-01-01T00:00:00Z',
    });
    expect(before.locality.observations).toEqual([]);
  });

  it('updatedAfter returns only what was recorded or revised since', async () => {
    const since = await t.sdk.Revisions({ code: 'village/huoi-song', indicator: 'households', updatedAfter: seedTime });
    expect(since.locality.observations.map((o) => o.value)).toEqual([78]);
    const residents = await t.sdk.Revisions({
      code: 'village/huoi-song',
      indicator: 'residents',
      updatedAfter: seedTime,
    });
    expect(residents.locality.observations).toEqual([]);
    expect(residents.locality.series.points).toEqual([]);
  });

  it('loading the same correction again records nothing', async () => {
    expect(await load('correction-again.csv', [ORIGINAL.replace(',77,', ',78,')])).toMatchObject({
      observationsWritten: 0,
    });
    const { locality } = await t.sdk.Revisions({ code: 'village/huoi-song', indicator: 'households' });
    expect(locality.observations[0]!.history).toHaveLength(2);
  });

  it('a malformed date-time or updatedAfter not before asOf is rejected naming the argument', async () => {
    const [bad] = await errorsOf(
      t.sdk.Revisions({ code: 'village/huoi-song', indicator: 'households', asOf: 'yesterday' }),
    );
    expect(bad!.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(bad!.message).toContain('asOf');
    const [order] = await errorsOf(
      t.sdk.Revisions({ code: 'village/huoi-song', indicator: 'households', asOf: seedTime, updatedAfter: seedTime }),
    );
    expect(order!.message).toContain('Argument "updatedAfter"');
  });
});
