import { describe, expect, it } from 'vitest';
import { bulkReclaimer } from '../../src/http/bulk-reclaim.js';

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('garbage is collected after bulk responses, off their path and at most once a second', () => {
  it('a bulk response schedules one collection; ordinary ones and a second bulk within the second do not', async () => {
    let collections = 0;
    const afterResponse = bulkReclaimer(() => collections++);
    afterResponse(7_000);
    afterResponse(40_000);
    await turn();
    expect(collections).toBe(0);
    afterResponse(12_000_000);
    // not during the response: on a later turn of the event loop
    expect(collections).toBe(0);
    afterResponse(12_000_000);
    await turn();
    expect(collections).toBe(1);
    afterResponse(12_000_000);
    await turn();
    expect(collections).toBe(1);
  });

  it("the default collects with V8's own gc, exposed at run time", async () => {
    const afterResponse = bulkReclaimer();
    let garbage: unknown[] | null = Array.from({ length: 300_000 }, (_, i) => ({ i }));
    const withGarbage = process.memoryUsage().heapUsed;
    expect(garbage.length).toBe(300_000);
    // eslint-disable-next-line no-useless-assignment -- dropping the only reference is the point
    garbage = null;
    afterResponse(2_000_000);
    await turn();
    // a full collection frees the ~10 MB the objects took
    expect(process.memoryUsage().heapUsed).toBeLessThan(withGarbage - 5_000_000);
  });
});
