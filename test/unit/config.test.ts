import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, loadConfig } from '../../src/config.js';

const ENV = { UV_THREADPOOL_SIZE: '8' };

describe('configuration: flags, then environment, then documented defaults, validated once', () => {
  it('defaults', () => {
    const config = loadConfig([], ENV);
    expect(config.limits).toEqual(DEFAULT_LIMITS);
    expect(config).toMatchObject({ introspection: true, hotValues: true, corsOrigins: [], duckdbMemory: '1GB', duckdbThreads: null, cacheMaxAgeSeconds: 60, shutdownGraceMs: 10_000, production: false });
  });

  it('environment, and flags over environment', () => {
    const config = loadConfig(['--max-depth', '9', '--cors', 'https://a.example, https://b.example'], {
      ...ENV, GRASSROOTS_MAX_DEPTH: '20', GRASSROOTS_MAX_COST: '5000', GRASSROOTS_TIMEOUT_MS: '250', GRASSROOTS_INTROSPECTION: 'false',
      GRASSROOTS_DUCKDB_MEMORY: '512MB', GRASSROOTS_DUCKDB_THREADS: '2', NODE_ENV: 'production', GRASSROOTS_HOT_VALUES: 'FALSE',
    });
    expect(config.limits).toMatchObject({ maxDepth: 9, maxCost: 5000, timeoutMs: 250 });
    expect(config).toMatchObject({ introspection: false, hotValues: false, corsOrigins: ['https://a.example', 'https://b.example'], duckdbMemory: '512MB', duckdbThreads: 2, production: true });
  });

  it('a bad value is refused with the setting named', () => {
    expect(() => loadConfig(['--max-depth', '0'], ENV)).toThrow('max-depth: expected a whole number 1..1000, got "0"');
    expect(() => loadConfig([], { ...ENV, GRASSROOTS_TIMEOUT_MS: 'soon' })).toThrow('timeout-ms');
    expect(() => loadConfig(['--duckdb-memory', 'lots'], ENV)).toThrow('duckdb-memory');
    expect(() => loadConfig(['--introspection', 'maybe'], ENV)).toThrow('introspection');
    expect(() => loadConfig(['--hot-values', 'yes'], ENV)).toThrow('hot-values: expected true or false, got "yes"');
  });

  it('refuses a pool as large as libuv\'s thread pool, which would hang DuckDB calls', () => {
    expect(() => loadConfig(['--pool', '4'], {})).toThrow('UV_THREADPOOL_SIZE above 4');
    expect(() => loadConfig(['--pool', '8'], { UV_THREADPOOL_SIZE: '8' })).toThrow('start with UV_THREADPOOL_SIZE=12');
    expect(loadConfig(['--pool', '7'], { UV_THREADPOOL_SIZE: '8' }).poolSize).toBe(7);
  });
});
