import { mkdtemp, readFile, readdir, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWarmFile, writeWarmFile, type WarmContent } from '../../src/warm/warm-file.js';
import { WarmParts, type WarmCodec } from '../../src/warm/warm-parts.js';

const CONTENT: WarmContent = {
  arrays: {
    ints: Int32Array.from([1, -2, 2_147_483_647]),
    shorts: Uint16Array.from([65_535, 0, 7]),
    bytes: Uint8Array.from([255, 1, 2, 3, 4]),
    doubles: Float64Array.from([0.1, -1e300, Number.NaN, 42]),
    empty: new Int32Array(0),
  },
  texts: { rows: '[{"name":"Tìa Dình"}]', none: '' },
  json: { indicators: ['a', 'b'], maxKey: 3 },
};

describe('warm file format', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'grassroots-warm-file-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('reads back what was written: arrays as views of the file, each aligned to its type', async () => {
    const path = join(dir, 'roundtrip.bin');
    await writeWarmFile(path, 'part', 'mark-1', CONTENT);
    const found = await readWarmFile(path, 'part', 'mark-1');
    if (!('content' in found)) throw new Error(found.miss);
    expect(found.content.texts).toEqual(CONTENT.texts);
    expect(found.content.json).toEqual(CONTENT.json);
    for (const [name, array] of Object.entries(CONTENT.arrays)) {
      const back = found.content.arrays[name]!;
      expect(back.constructor).toBe(array.constructor);
      expect([...back]).toEqual([...array]);
      expect(back.byteOffset % 8).toBe(0);
    }
    // every array shares the one buffer the file was read into: nothing copied
    const buffers = new Set(Object.values(found.content.arrays).map((a) => a.buffer));
    expect(buffers.size).toBe(1);
    // and no temporary file is left beside it
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('is missing, stale (another mark or part) or corrupt (truncated, a byte changed, not one at all)', async () => {
    const path = join(dir, 'misses.bin');
    expect(await readWarmFile(path, 'part', 'mark-1')).toEqual({ miss: 'missing' });
    await writeWarmFile(path, 'part', 'mark-1', CONTENT);
    expect(await readWarmFile(path, 'part', 'mark-2')).toEqual({ miss: 'stale' });
    expect(await readWarmFile(path, 'other-part', 'mark-1')).toEqual({ miss: 'stale' });

    const whole = await readFile(path);
    const flipped = Buffer.from(whole);
    flipped[flipped.length - 20]! ^= 0xff;
    await writeFile(path, flipped);
    expect(await readWarmFile(path, 'part', 'mark-1')).toEqual({ miss: 'corrupt: checksum differs' });

    await writeFile(path, whole);
    await truncate(path, whole.length - 8);
    expect((await readWarmFile(path, 'part', 'mark-1')) as { miss: string }).toMatchObject({
      miss: expect.stringMatching(/^corrupt: \d+ bytes, expected \d+$/),
    });
    await truncate(path, 20);
    expect(await readWarmFile(path, 'part', 'mark-1')).toEqual({ miss: 'corrupt: truncated header' });
    await writeFile(path, 'something else entirely');
    expect(await readWarmFile(path, 'part', 'mark-1')).toEqual({ miss: 'corrupt: not a warm file' });
  });
});

describe('WarmParts', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'grassroots-warm-parts-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const codec: WarmCodec<number[]> = {
    part: 'numbers',
    code: 'v1',
    encode: (numbers) => ({ arrays: { numbers: Float64Array.from(numbers) }, texts: {}, json: null }),
    decode: (content) => [...content.arrays['numbers']!],
  };
  function parts(warmDir: string, commits = { n: 0 }) {
    const log: { level: string; msg: string; fields: Record<string, unknown> }[] = [];
    const logger = {
      info: (fields: Record<string, unknown>, msg: string) => log.push({ level: 'info', msg, fields }),
      warn: (fields: Record<string, unknown>, msg: string) => log.push({ level: 'warn', msg, fields }),
    } as unknown as ConstructorParameters<typeof WarmParts>[2];
    const store = {
      get commits() {
        return commits.n;
      },
      all: async () => [{ identity: 'store-1' }],
    } as unknown as ConstructorParameters<typeof WarmParts>[1];
    return { warm: new WarmParts(warmDir, store, logger), log };
  }

  it('computes a copy once, then reads it from its file while the mark holds', async () => {
    const first = parts(join(dir, 'a.warm'));
    let computed = 0;
    const compute = async () => {
      computed++;
      return [1, 2, 3];
    };
    expect(await first.warm.through(codec, 'm1', compute)).toEqual([1, 2, 3]);
    await first.warm.settled();
    const second = parts(join(dir, 'a.warm'));
    expect(await second.warm.through(codec, 'm1', compute)).toEqual([1, 2, 3]);
    expect(computed).toBe(1);
    expect(second.log.map((l) => l.msg)).toEqual(['warm file read']);
    expect(await second.warm.through(codec, 'm2', compute)).toEqual([1, 2, 3]);
    expect(computed).toBe(2);
  });

  it('keeps no copy read across a commit (it may be of the new data under the old mark)', async () => {
    const commits = { n: 0 };
    const { warm, log } = parts(join(dir, 'b.warm'), commits);
    await warm.through(codec, 'm1', async () => {
      commits.n++;
      return [4];
    });
    await warm.settled();
    expect(log.map((l) => l.msg)).toEqual(['warm file not used']);
    expect(await readdir(dir)).not.toContain('b.warm');
  });

  it('serves the computed copy when the file cannot be written, and says why', async () => {
    const notADirectory = join(dir, 'plain-file');
    await writeFile(notADirectory, '');
    const { warm, log } = parts(join(notADirectory, 'c.warm'));
    expect(await warm.through(codec, 'm1', async () => [5])).toEqual([5]);
    await warm.settled();
    expect(log.at(-1)).toMatchObject({ level: 'warn', msg: 'warm file not written' });
  });
});
