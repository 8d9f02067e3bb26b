import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { loadConfig, serverOptions } from '../../src/config.js';
import { entryLogger } from '../../src/logger.js';

const ENV = { UV_THREADPOOL_SIZE: '8' };

describe('--workers and --ready-when-warm', () => {
  it('one worker and readiness that waits for warm by default', () => {
    const config = loadConfig([], ENV);
    expect(config.workers).toBe(1);
    expect(config.readyWhenWarm).toBe(true);
    expect(
      serverOptions(
        config,
        entryLogger(() => {}),
      ).readyWhenWarm,
    ).toBe(true);
  });

  it('"auto" is one worker per core; a number is taken as it is', () => {
    expect(loadConfig(['--workers', 'auto', '--read-only'], ENV).workers).toBe(availableParallelism());
    expect(loadConfig(['--read-only'], { ...ENV, GRASSROOTS_WORKERS: '3' }).workers).toBe(3);
    expect(loadConfig(['--workers', '2', '--snapshot', '/tmp/snap'], ENV).workers).toBe(2);
  });

  it('refuses several workers on a writable store, and values that are not a count', () => {
    expect(() => loadConfig(['--workers', '2'], ENV)).toThrow(
      '2 workers serve a store read-only: add --read-only (or --snapshot)',
    );
    expect(() => loadConfig(['--workers', 'many', '--read-only'], ENV)).toThrow(
      'workers: expected auto or a whole number 1..64, got "many"',
    );
    expect(() => loadConfig(['--workers', '0', '--read-only'], ENV)).toThrow('workers');
  });

  it('--ready-when-warm false restores readiness as soon as the store is open', () => {
    expect(loadConfig(['--ready-when-warm', 'false'], ENV).readyWhenWarm).toBe(false);
    expect(loadConfig([], { ...ENV, GRASSROOTS_READY_WHEN_WARM: 'false' }).readyWhenWarm).toBe(false);
  });
});
