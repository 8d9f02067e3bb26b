import { describe, expect, it } from 'vitest';
import { CONFIG_HELP, DEFAULT_LIMITS, loadConfig, serverOptions } from '../../src/config.js';
import { entryLogger } from '../../src/logger.js';
import { ConfigError, helpOf, readCommandLine, type Command } from '../../src/settings/command.js';
import type { Settings } from '../../src/settings/setting.js';
import { COMMANDS, EXPORT, GENERATE, LOAD, QUERY } from '../../src/settings/commands.js';
import { SETTINGS } from '../../src/settings/settings.js';
import { SPEED_DEFAULTS } from '../../src/speed/speed-config.js';

const ENV = { UV_THREADPOOL_SIZE: '8' };

/** The message of the ConfigError `work` throws. */
function problem(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration: flags, then environment, then documented defaults, validated once', () => {
  it('defaults', () => {
    const config = loadConfig([], ENV);
    expect(config.limits).toEqual(DEFAULT_LIMITS);
    expect(config).toMatchObject({
      introspection: true,
      corsOrigins: [],
      duckdbMemory: '1GB',
      duckdbThreads: null,
      cacheMaxAgeSeconds: 60,
      shutdownGraceMs: 10_000,
      production: false,
    });
    expect(config.speed).toEqual(SPEED_DEFAULTS);
    expect(config.speed).toMatchObject({ hotValues: true, resultCache: { entries: 4000, maxRows: 2000 } });
  });

  it('introspection: on unless NODE_ENV=production, where a setting turns it on', () => {
    expect(loadConfig([], ENV).introspection).toBe(true);
    expect(loadConfig([], { ...ENV, NODE_ENV: 'production' }).introspection).toBe(false);
    expect(loadConfig(['--introspection', 'true'], { ...ENV, NODE_ENV: 'production' }).introspection).toBe(true);
    expect(loadConfig([], { ...ENV, NODE_ENV: 'production', GRASSROOTS_INTROSPECTION: 'true' }).introspection).toBe(
      true,
    );
    expect(loadConfig(['--introspection', 'false'], ENV).introspection).toBe(false);
  });

  it('environment, and flags over environment', () => {
    const config = loadConfig(['--max-depth', '9', '--cors', 'https://a.example, https://b.example'], {
      ...ENV,
      GRASSROOTS_MAX_DEPTH: '20',
      GRASSROOTS_MAX_COST: '5000',
      GRASSROOTS_TIMEOUT_MS: '250',
      GRASSROOTS_INTROSPECTION: 'false',
      GRASSROOTS_DUCKDB_MEMORY: '512MB',
      GRASSROOTS_DUCKDB_THREADS: '2',
      NODE_ENV: 'production',
      GRASSROOTS_HOT_VALUES: 'FALSE',
    });
    expect(config.limits).toMatchObject({ maxDepth: 9, maxCost: 5000, timeoutMs: 250 });
    expect(config).toMatchObject({
      introspection: false,
      speed: { hotValues: false },
      corsOrigins: ['https://a.example', 'https://b.example'],
      duckdbMemory: '512MB',
      duckdbThreads: 2,
      production: true,
    });
  });

  it('a bad value is refused with the setting named', () => {
    expect(() => loadConfig(['--max-depth', '0'], ENV)).toThrow('max-depth: expected a whole number 1..1000, got "0"');
    expect(() => loadConfig([], { ...ENV, GRASSROOTS_TIMEOUT_MS: 'soon' })).toThrow('timeout-ms');
    expect(() => loadConfig(['--duckdb-memory', 'lots'], ENV)).toThrow('duckdb-memory');
    expect(() => loadConfig(['--introspection', 'maybe'], ENV)).toThrow('introspection');
    expect(() => loadConfig(['--hot-values', 'yes'], ENV)).toThrow('hot-values: expected true or false, got "yes"');
  });

  it("refuses a pool as large as libuv's thread pool, which would hang DuckDB calls", () => {
    expect(() => loadConfig(['--pool', '4'], {})).toThrow('UV_THREADPOOL_SIZE above 4');
    expect(() => loadConfig(['--pool', '8'], { UV_THREADPOOL_SIZE: '8' })).toThrow('start with UV_THREADPOOL_SIZE=12');
    expect(loadConfig(['--pool', '7'], { UV_THREADPOOL_SIZE: '8' }).poolSize).toBe(7);
  });

  it('names where a bad value came from (the flag, or the variable and its flag), and reports every problem at once', () => {
    expect(
      problem(() =>
        loadConfig(['--port', '99999', '--result-cache=-1'], {
          ...ENV,
          GRASSROOTS_TIMEOUT_MS: 'soon',
          GRASSROOTS_READ_ONLY: 'yes',
        }),
      ),
    ).toBe(
      [
        '--port: expected 0..65535 (0: any free port), got "99999"',
        'GRASSROOTS_READ_ONLY (--read-only): expected 1 or 0 (or true or false), got "yes"',
        'GRASSROOTS_TIMEOUT_MS (--timeout-ms): expected a whole number 1..3600000, got "soon"',
        '--result-cache: expected a whole number 0..1000000, got "-1"',
      ].join('\n'),
    );
  });

  it('never echoes the write token; refuses unknown options and flags without their value', () => {
    const message = problem(() => loadConfig([], { ...ENV, GRASSROOTS_WRITE_TOKEN: 'secret value' }));
    expect(message).toBe('GRASSROOTS_WRITE_TOKEN: expected at least 16 characters without spaces');
    expect(problem(() => loadConfig(['--max-dept', '9'], ENV))).toBe('unknown option --max-dept');
    expect(problem(() => loadConfig(['--cors'], ENV))).toBe(
      '--cors: expected origins, comma-separated, or *, got nothing',
    );
    expect(problem(() => loadConfig(['--max-cost', '-5'], ENV))).toBe(
      '--max-cost: expected a whole number 1..9007199254740991, got nothing (a value starting with a dash is written --max-cost=VALUE)',
    );
    expect(problem(() => loadConfig(['--read-only=yes'], ENV))).toBe('--read-only: takes no value');
    expect(problem(() => loadConfig(['--snapshot', 'snap'], { ...ENV, GRASSROOTS_WRITE_TOKEN: 'a'.repeat(16) }))).toBe(
      '--snapshot: a server started from a snapshot is read-only; unset GRASSROOTS_WRITE_TOKEN',
    );
  });

  it('an empty environment variable counts as unset', () => {
    const config = loadConfig([], { ...ENV, PORT: '', GRASSROOTS_WRITE_TOKEN: '', GRASSROOTS_RESULT_CACHE: '' });
    expect(config).toMatchObject({ port: 4000, writeToken: null, speed: { resultCache: { entries: 4000 } } });
  });

  it('every part of the speed machinery switches off from a flag or the environment', () => {
    const off = loadConfig(
      [
        '--compiled-execution',
        'false',
        '--direct-params',
        'false',
        '--hot-values',
        'false',
        '--result-cache',
        '0',
        '--prepared-statements',
        'false',
        '--availability-in-memory',
        'false',
      ],
      { ...ENV, GRASSROOTS_GC_AFTER_BULK: 'false', GRASSROOTS_RESULT_CACHE_ROWS: '1000' },
    );
    expect(off.speed).toEqual({
      compiledExecution: false,
      directParams: false,
      hotValues: false,
      preparedStatements: false,
      gcAfterBulk: false,
      availabilityInMemory: false,
      resultCache: { entries: 0, totalRows: 1000, maxRows: 2000 },
    });
    // and the server is started with them
    expect(
      serverOptions(
        off,
        entryLogger(() => {}),
      ).speed,
    ).toBe(off.speed);
  });
});

describe('help, made from the settings', () => {
  it('lists every setting of the server with its flag or variable, its allowed values and its default', () => {
    for (const s of Object.values(SETTINGS)) {
      if (s.flag !== null) expect(CONFIG_HELP).toContain(`--${s.flag}`);
      if (s.env !== null) expect(CONFIG_HELP).toContain(s.env);
    }
    expect(CONFIG_HELP).toMatch(
      /--max-depth N +fields nested\n +a whole number 1\.\.1000; env GRASSROOTS_MAX_DEPTH; default 12\n/,
    );
    expect(CONFIG_HELP).toMatch(
      /--read-only +serve an existing store as it is: no migration or import\n +env GRASSROOTS_READ_ONLY=1; default off\n/,
    );
    expect(CONFIG_HELP).toMatch(
      /GRASSROOTS_WRITE_TOKEN=TOKEN +write token [^\n]+\n +at least 16 characters without spaces; default unset: read-only\n/,
    );
    expect(CONFIG_HELP).toMatch(
      /--result-cache N +[^\n]+\n +a whole number 0\.\.1000000; env GRASSROOTS_RESULT_CACHE; default 4000\n/,
    );
  });

  it('every command has help from the same definitions, and --help asks for it', () => {
    for (const command of Object.values(COMMANDS) as Command<Settings>[]) {
      expect(readCommandLine(command, ['--help'], {})).toEqual({ help: true });
      expect(helpOf(command)).toContain(command.usage);
    }
    expect(helpOf(QUERY)).toMatch(
      /--store PATH +DuckDB store file\n +env GRASSROOTS_STORE; default var\/grassroots.duckdb in a checkout, .\/grassroots.duckdb when installed as a package\n/,
    );
    expect(helpOf(GENERATE)).toMatch(/--scale NAME +[^\n]+\n +one of tiny, province, national; default tiny\n/);
  });
});

describe('the command lines share the settings they read', () => {
  it('query: the store and data settings as the server reads them, its own flags, one document', () => {
    const line = readCommandLine(QUERY, ['{ x }', '--json', '--variables', '{"code":"a"}'], {
      GRASSROOTS_STORE: 'some/store.duckdb',
    });
    expect(line).toMatchObject({
      help: false,
      positionals: ['{ x }'],
      values: { json: true, variables: { code: 'a' }, store: expect.stringMatching(/\/some\/store\.duckdb$/) },
    });
    expect(problem(() => readCommandLine(QUERY, [], {}))).toBe('give exactly one GraphQL document');
    expect(problem(() => readCommandLine(QUERY, ['{ x }', '--variables', '[1]'], {}))).toBe(
      '--variables: expected a JSON object, got "[1]"',
    );
  });

  it('load, export and generate', () => {
    expect(readCommandLine(LOAD, ['file.csv', '--dry-run'], {})).toMatchObject({
      values: { dryRun: true },
      positionals: ['file.csv'],
    });
    expect(readCommandLine(EXPORT, ['dir', '--store', 's.duckdb'], {})).toMatchObject({
      values: { store: expect.stringMatching(/\/s\.duckdb$/) },
    });
    expect(problem(() => readCommandLine(EXPORT, ['a', 'b'], {}))).toBe(
      'give exactly one directory to write the snapshot into',
    );
    expect(readCommandLine(GENERATE, [], {})).toMatchObject({ values: { scale: 'tiny', out: null, force: false } });
    expect(problem(() => readCommandLine(GENERATE, ['--scale', 'huge'], {}))).toBe(
      '--scale: expected one of tiny, province, national, got "huge"',
    );
    expect(problem(() => readCommandLine(GENERATE, ['extra'], {}))).toBe('unexpected argument "extra"');
  });
});
