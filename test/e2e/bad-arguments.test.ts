import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorsOf, startTestServer, type TestServer } from '../support/test-server.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

function expectClean(errors: { message: string; extensions?: Record<string, unknown> }[]) {
  for (const e of errors) {
    expect(e.extensions?.['stacktrace']).toBeUndefined();
    expect(e.message).not.toMatch(/SELECT|duckdb|at .*\.ts:/i);
  }
}

describe('bad arguments name the argument and what is allowed, with no stack trace', () => {
  it('unknown code', async () => {
    const errors = await errorsOf(t.sdk.LocalityByCode({ code: 'commune/nowhere' }));
    expect(errors[0]!.extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'code' });
    expect(errors[0]!.message).toContain('commune/nowhere');
    expectClean(errors);
  });

  it('well-formed global id of nothing', async () => {
    const id = Buffer.from('Village:village/nowhere').toString('base64url');
    const errors = await errorsOf(t.sdk.NodeById({ id }));
    expect(errors[0]!.extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'id' });
    expectClean(errors);
  });

  it('malformed global id', async () => {
    for (const id of ['not-an-id', Buffer.from('Spaceship:x').toString('base64url'), '%%%', '']) {
      const errors = await errorsOf(t.sdk.NodeById({ id }));
      expect(errors[0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'id' });
      expect(errors[0]!.extensions!['allowed']).toContain('Commune');
      expectClean(errors);
    }
  });

  it('the id of a source where a locality is expected', async () => {
    const { sources } = await t.sdk.Sources();
    const errors = await errorsOf(t.sdk.LocalityById({ id: sources[0]!.id }));
    expect(errors[0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'id' });
    expect(errors[0]!.message).toContain('Source');
  });

  it('unknown indicator lists the catalogue', async () => {
    const errors = await errorsOf(t.sdk.Series({ code: 'village/huoi-song', indicator: 'poverty' }));
    expect(errors[0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'indicator' });
    expect(errors[0]!.extensions!['allowed']).toEqual(
      expect.arrayContaining(['members', 'poor_households', 'coffee_area_converted']),
    );
    expect(errors[0]!.message).toContain('poverty');
    expectClean(errors);
  });

  it('from after to', async () => {
    const errors = await errorsOf(t.sdk.Observations({ code: 'village/huoi-song', from: '2026', to: '2024' }));
    expect(errors[0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'from' });
    expect(errors[0]!.message).toContain('2026');
  });

  it('a period that is not a period', async () => {
    for (const [args, argument] of [
      [{ from: '2024-13' }, 'from'],
      [{ to: 'last year' }, 'to'],
      [{ from: '2024-02-30' }, 'from'],
    ] as const) {
      const errors = await errorsOf(t.sdk.Observations({ code: 'village/huoi-song', ...args }));
      expect(errors[0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
      expect(errors[0]!.message).toContain('YYYY-Qn');
    }
  });

  it('page size outside 1..1000 and a forged cursor', async () => {
    for (const first of [0, 1001, -5]) {
      const errors = await errorsOf(t.sdk.SearchLocalities({ first }));
      expect(errors[0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
      expect(errors[0]!.message).toContain('1 to 1000');
    }
    const errors = await errorsOf(t.sdk.SearchLocalities({ after: 'bogus' }));
    expect(errors[0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
  });

  it('an invalid date for asOf is rejected by its scalar, naming the variable', async () => {
    const errors = await errorsOf(t.sdk.SearchLocalities({ asOf: '2025-31-12' }));
    expect(errors[0]!.message).toContain('asOf');
    expectClean(errors);
  });

  it('giving both id and code, or neither, to locality', async () => {
    const errors = await errorsOf(t.client.request('{ locality { code } }'));
    expect(errors[0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(errors[0]!.message).toContain('exactly one of id or code');
  });

  it('an unknown source preference is a validation error listing the enum', async () => {
    const errors = await errorsOf(
      t.client.request(
        '{ locality(code: "village/huoi-song") { series(indicator: "households", sourcePreference: NEWEST) { points { value } } } }',
      ),
    );
    expect(errors[0]!.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED' });
    expect(errors[0]!.message).toContain('SourcePreference');
  });
});
