import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { postJson } from '../support/http.js';
import { REQUESTS } from '../support/operation-requests.js';
import { SPEED_DEFAULTS, SPEED_OFF, type SpeedConfig } from '../../src/speed/speed-config.js';

/**
 * Every switch of the speed machinery gives the same answers, byte for byte: all parts on, all
 * off, and two mixtures that between them set each part both ways beside the others (graphql-jit
 * over type-graphql's own binding; graphql-js over the direct binding).
 */
const MODES: Record<string, SpeedConfig> = {
  'all on': SPEED_DEFAULTS,
  'all off': SPEED_OFF,
  'compiled, type-graphql binding, hot values, no cache, no prepared statements': {
    ...SPEED_DEFAULTS,
    directParams: false,
    resultCache: SPEED_OFF.resultCache,
    preparedStatements: false,
  },
  'graphql-js, direct binding, statements only, cache, prepared statements': {
    ...SPEED_OFF,
    directParams: true,
    resultCache: SPEED_DEFAULTS.resultCache,
    preparedStatements: true,
  },
};

const servers = new Map<string, TestServer>();
beforeAll(async () => {
  // (one after another: each builds its store from the seed)
  for (const [mode, speed] of Object.entries(MODES))
    servers.set(mode, await startTestServer(undefined, { server: { speed, runsBeforeCompiling: 1 } }));
});
afterAll(() => Promise.all([...servers.values()].map((s) => s.close())));

describe('the speed machinery on and off answers the same', () => {
  it.each(REQUESTS.map((r) => [r.name, r.body] as const))('%s', async (_name, body) => {
    const [reference, ...others] = [...servers.entries()];
    // three runs each: first with graphql-js, then compiled where on; the cache answers repeats where on
    const expected = await postJson(reference![1].server.url, body);
    expect(expected.json!.data !== undefined || expected.json!.errors !== undefined).toBe(true);
    for (const [mode, t] of [reference!, ...others]) {
      for (let run = 0; run < 3; run++) {
        const answer = await postJson(t.server.url, body);
        expect(answer.status, `${mode}, run ${run + 1}`).toBe(expected.status);
        expect(answer.text, `${mode}, run ${run + 1}`).toBe(expected.text);
      }
    }
  });

  it("each server ran as switched: compiled only where on, the store's prepared statements as set", () => {
    for (const [mode, speed] of Object.entries(MODES)) {
      const t = servers.get(mode)!;
      const { compiled, interpreted } = t.server.executions();
      expect(interpreted, mode).toBeGreaterThan(REQUESTS.length);
      if (speed.compiledExecution) expect(compiled, mode).toBeGreaterThan(REQUESTS.length);
      else expect(compiled, mode).toBe(0);
      expect(t.store.preparedStatements, mode).toBe(speed.preparedStatements);
    }
  });
});
