import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphQLClient } from 'graphql-request';
import { getSdk, type ObservationInput } from '../../src/client/sdk.js';
import { startTestServer, errorsOf, type TestServer } from '../support/test-server.js';
import { fingerprintOf } from '../support/fingerprint.js';
import { postJson } from '../support/http.js';
import { DEFAULT_LIMITS } from '../../src/config.js';
import { MAX_RECORDS } from '../../src/graphql/resolvers/mutation.resolver.js';

const RECORD =
  'mutation ($input: [ObservationInput!]!) { recordObservations(input: $input) { received written importId } }';

const TOKEN = 'test-write-token-0123456789';
const SOURCE = 'dbp-em-party-members';
// Synthetic figures for a seed village: they test the write path, not facts.
const figure = (over: Partial<ObservationInput> = {}): ObservationInput => ({
  subject: 'village/huoi-song',
  indicator: 'households',
  period: '2025',
  value: 71,
  qualifier: 'ABOUT',
  source: SOURCE,
  note: 'Synthetic test figure.',
  ...over,
});

describe('recordObservations', () => {
  let writable: TestServer;
  let readOnly: TestServer;
  let authorised: ReturnType<typeof getSdk>;
  beforeAll(async () => {
    writable = await startTestServer(undefined, { writeToken: TOKEN });
    readOnly = await startTestServer();
    authorised = getSdk(new GraphQLClient(writable.server.url, { headers: { authorization: `Bearer ${TOKEN}` } }));
  });
  afterAll(async () => {
    await writable.close();
    await readOnly.close();
  });

  it('a server without a write token is read-only and says so', async () => {
    const [error] = await errorsOf(readOnly.sdk.RecordObservations({ input: [figure()] }));
    expect(error!.extensions?.['code']).toBe('READ_ONLY');
    expect(error!.message).toContain('read-only');
  });

  it('without the token, or with a wrong one, writing is forbidden and nothing changes', async () => {
    const before = await fingerprintOf(writable.store);
    const [missing] = await errorsOf(writable.sdk.RecordObservations({ input: [figure()] }));
    expect(missing!.extensions?.['code']).toBe('FORBIDDEN');
    const wrong = getSdk(
      new GraphQLClient(writable.server.url, { headers: { authorization: 'Bearer not-the-token-at-all' } }),
    );
    const [forbidden] = await errorsOf(wrong.RecordObservations({ input: [figure()] }));
    expect(forbidden!.extensions?.['code']).toBe('FORBIDDEN');
    expect(await fingerprintOf(writable.store)).toEqual(before);
  });

  it('with the token, records figures readable at once; the same batch again records nothing', async () => {
    const input = [figure(), figure({ indicator: 'residents', value: 381, qualifier: 'EXACT' })];
    expect(await authorised.RecordObservations({ input })).toEqual({
      recordObservations: { received: 2, written: 2, importId: expect.any(Number) },
    });
    const { locality } = await writable.sdk.Revisions({
      code: 'village/huoi-song',
      indicator: 'households',
      asOf: null,
    });
    expect(locality.observations.find((o) => o.period === '2025')?.value).toBe(71);
    expect(await authorised.RecordObservations({ input })).toEqual({
      recordObservations: { received: 2, written: 0, importId: null },
    });
  });

  it('a batch with bad figures is rejected whole, every problem located as input[i].field', async () => {
    const before = await fingerprintOf(writable.store);
    const [error] = await errorsOf(
      authorised.RecordObservations({
        input: [
          figure({ indicator: 'residents', value: 382 }),
          figure({ subject: 'village/nowhere' }),
          figure({ indicator: 'em_resident_share', value: 1.5 }),
          figure({ indicator: 'poor_households', value: -1, period: '2099' }),
        ],
      }),
    );
    expect(error!.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(error!.extensions?.['problems']).toEqual([
      { path: 'input[1].subject', reason: 'unknown unit' },
      { path: 'input[2].value', reason: "outside the indicator's domain: a share lies between 0 and 1" },
      { path: 'input[3].period', reason: 'starts in the future' },
      { path: 'input[3].value', reason: "outside the indicator's domain: a count is a whole number of at least 0" },
    ]);
    expect(error!.message).toContain('Argument "input"');
    expect(await fingerprintOf(writable.store)).toEqual(before);
  });

  it('reads never need the token', async () => {
    const { locality } = await readOnly.sdk.Revisions({ code: 'village/huoi-song', indicator: 'households' });
    expect(locality.observations.length).toBeGreaterThan(0);
  });

  it(`the cap of ${MAX_RECORDS} figures per request is reachable within the body limit; one more is refused naming the cap`, async () => {
    // A quote of about 470 characters per figure: a sentence or two of an article.
    const quote = 'Theo báo cáo của Ban Dân vận Huyện ủy, '.repeat(12);
    const day = (i: number) => new Date(Date.UTC(2020, 0, 1 + i)).toISOString().slice(0, 10);
    const batch = Array.from({ length: MAX_RECORDS }, (_, i) =>
      figure({ period: day(i), value: 50 + (i % 40), quote, note: `Synthetic figure ${i}.` }),
    );
    const body = JSON.stringify({ query: RECORD, variables: { input: batch } });
    // Over the old 100 KiB default, within today's.
    expect(Buffer.byteLength(body)).toBeGreaterThan(500_000);
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(DEFAULT_LIMITS.maxBodyBytes);
    const headers = { authorization: `Bearer ${TOKEN}` };
    const recorded = await postJson(writable.server.url, body, headers);
    expect(recorded.json).toEqual({
      data: { recordObservations: { received: MAX_RECORDS, written: MAX_RECORDS, importId: expect.any(Number) } },
    });

    const over = await postJson(
      writable.server.url,
      { query: RECORD, variables: { input: [...batch, figure({ period: day(MAX_RECORDS) })] } },
      headers,
    );
    expect(over.json!.errors![0]).toMatchObject({
      message: `Argument "input": give 1 to ${MAX_RECORDS} figures per request (the cap on recordObservations), got ${MAX_RECORDS + 1}; send more in further requests.`,
      extensions: { code: 'BAD_USER_INPUT', argument: 'input' },
    });
  });
});
