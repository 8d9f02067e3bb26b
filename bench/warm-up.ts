/**
 * How long a server takes to be fast after it starts, and after a write: starts the compiled
 * server on a store, asks /readyz and a commune profile (the bench's Q1, a different commune each
 * time, so no result cache answers) one after another from the spawn on, and reports when the
 * server listened, when /readyz first said ready, when it logged "warm", and Q1's latency before
 * and after. With --write it does the same on a copy of the store opened writable, then records
 * one observation and reports Q1's latency in the seconds after the write. Not part of npm test.
 *
 *   npm run bench:warm-up -- [--store bench/stores/national.duckdb] [--write] [--seconds 30]
 *
 * Extra server flags go after `--`: `npm run bench:warm-up -- -- --no-readiness-waits-for-warm`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, cp, mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { ensureServerBuilt, SERVER_ENTRY, SERVER_NODE_FLAGS } from '../src/build/server-build.js';
import { commandLineOrExit, defineCommand } from '../src/settings/command.js';
import { setting } from '../src/settings/setting.js';
import { path, presence, wholeNumber } from '../src/settings/kinds.js';
import { QUERIES } from './queries.js';
import { postJsonText } from './http-post.js';

const ROOT = new URL('..', import.meta.url).pathname;
const WARM_UP = defineCommand({
  name: 'bench:warm-up',
  usage: 'npm run bench:warm-up -- [--store PATH] [--write] [--seconds 30] [-- server flags]',
  summary: 'Reports when a server listens, says ready and is warm after start (and after a write), with Q1 latency.',
  settings: {
    store: setting({
      flag: 'store',
      env: null,
      kind: path('FILE'),
      default: join(ROOT, 'bench/stores/national.duckdb'),
      help: 'the store (opened read-only; --write works on a copy)',
    }),
    write: setting({
      flag: 'write',
      env: null,
      kind: presence,
      default: false,
      help: 'copy the store, serve it writable, record one observation once warm and probe after it',
    }),
    seconds: setting({
      flag: 'seconds',
      env: null,
      kind: wholeNumber(1, 600),
      default: 30,
      help: 'how long to probe after the spawn (and after the write)',
    }),
  },
});
const separator = process.argv.indexOf('--', 2);
const serverFlags = separator < 0 ? [] : process.argv.slice(separator + 1);
if (separator >= 0) process.argv.splice(separator);
const { values } = commandLineOrExit(WARM_UP);

const Q1 = QUERIES.find((q) => q.name === 'Q1')!;
const TOKEN = 'warm-up-bench-write-token';
const WRITTEN_VILLAGE = 'village/p01-c001-v01';
let probe = 0;
/** A different commune each time (3,366 on a national store): no result cache answers. */
function nextCommune(): string {
  const n = probe++;
  return `commune/p${String((n % 34) + 1).padStart(2, '0')}-c${String((Math.floor(n / 34) % 99) + 1).padStart(3, '0')}`;
}

interface Sample {
  /** ms since the spawn (or the write) */
  readonly at: number;
  readonly ms: number;
  readonly ready: boolean;
  readonly error: string | null;
}

function startServer(store: string, writable: boolean) {
  ensureServerBuilt();
  const t0 = performance.now();
  const child: ChildProcess = spawn(
    process.execPath,
    [
      ...SERVER_NODE_FLAGS,
      SERVER_ENTRY,
      '--store',
      store,
      '--port',
      '0',
      ...(writable ? [] : ['--read-only']),
      ...serverFlags,
    ],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        UV_THREADPOOL_SIZE: '16',
        NODE_ENV: 'production',
        GRASSROOTS_WRITE_TOKEN: writable ? TOKEN : '',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const events = new Map<string, number>();
  /** The first log line of each message, whole: the "warm" line says how long each copy took. */
  const lines = new Map<string, Record<string, unknown>>();
  /** Each warm file read at start, with how long it took to be of use (src/warm). */
  const warmFiles: Record<string, unknown> = {};
  let url: string | null = null;
  createInterface({ input: child.stdout! }).on('line', (line) => {
    const entry = JSON.parse(line) as { msg: string; url?: string };
    if (entry.msg === 'warm file read' || entry.msg === 'warm file not used') {
      const { part, ms, reason } = entry as { part?: string; ms?: number; reason?: string };
      if (part !== undefined && !(part in warmFiles)) warmFiles[part] = ms ?? reason;
    }
    if (!events.has(entry.msg)) {
      events.set(entry.msg, performance.now() - t0);
      lines.set(entry.msg, entry);
    }
    if (entry.msg === 'listening') url = entry.url!;
  });
  let exited: number | null = null;
  child.once('exit', (code) => (exited = code ?? -1));
  return {
    t0,
    events,
    /** The exit status, if the server has exited (one that cannot start says why on stderr). */
    exited: () => exited,
    lines,
    warmFiles,
    url: () => url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

async function readyz(graphqlUrl: string): Promise<boolean> {
  const response = await fetch(graphqlUrl.replace(/\/graphql$/, '/readyz'));
  await response.text();
  return response.status === 200;
}

/** Q1's latency, and its error (a time limit hit while cold, say) if it failed. */
async function q1(url: string): Promise<{ ms: number; error: string | null }> {
  const t0 = performance.now();
  const { status, text } = await postJsonText(
    url,
    JSON.stringify({ query: Q1.graphql, variables: { code: nextCommune() } }),
  );
  const error = status !== 200 || text.startsWith('{"errors"') ? `HTTP ${status}: ${text.slice(0, 200)}` : null;
  return { ms: performance.now() - t0, error };
}

/** Q1 one after another until `seconds` after `from`, each with whether /readyz said ready just before. */
async function probeFor(url: string, from: number, seconds: number): Promise<Sample[]> {
  const samples: Sample[] = [];
  while (performance.now() - from < seconds * 1000) {
    const ready = await readyz(url);
    const { ms, error } = await q1(url);
    samples.push({ at: performance.now() - from, ms, ready, error });
  }
  return samples;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const round = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? null : Math.round(x * 10) / 10);

/**
 * The figures of one probe: warm speed is the median of the last half; the server is "fast from"
 * the first sample after which every one is under 3× that (one slow request then is noise).
 */
function summarise(samples: Sample[]) {
  const warmMedian = median(samples.slice(Math.floor(samples.length / 2)).map((s) => s.ms));
  let lastSlow = -1;
  samples.forEach((s, i) => {
    if (s.ms > 3 * warmMedian) lastSlow = i;
  });
  const firstReady = samples.find((s) => s.ready);
  const slowWhileReady = samples.filter((s) => s.ready && s.ms > 3 * warmMedian).length;
  const cold = samples.slice(0, lastSlow + 1).map((s) => s.ms);
  return {
    probes: samples.length,
    firstReadyMs: round(firstReady?.at),
    fastFromMs: round(samples[lastSlow + 1]?.at),
    coldQ1MedianMs: round(median(cold)),
    coldProbes: cold.length,
    warmQ1MedianMs: round(warmMedian),
    slowAnswersWhileReady: slowWhileReady,
    errors: samples.filter((s) => s.error !== null).length,
    firstError: samples.find((s) => s.error !== null)?.error ?? null,
    /** the probes before the server was fast: when each ended and how long it took */
    coldTimeline: samples
      .slice(0, lastSlow + 1)
      .map((s) => `${Math.round(s.at)}:${Math.round(s.ms)}${s.ready ? 'R' : ''}`),
  };
}

let store = values.store;
let dir: string | null = null;
if (values.write) {
  dir = await mkdtemp(join(tmpdir(), 'grassroots-warm-up-'));
  store = join(dir, 'store.duckdb');
  await copyFile(values.store, store);
  // Its warm files too, if it has them (src/warm): the copy starts as the store would.
  if (existsSync(`${values.store}.warm`)) await cp(`${values.store}.warm`, `${store}.warm`, { recursive: true });
}
const report: Record<string, unknown> = { store: values.store, write: values.write, serverFlags };
const server = startServer(store, values.write);
try {
  while (server.url() === null) {
    if (server.exited() !== null) throw new Error(`the server exited (${server.exited()}) before listening`);
    await new Promise((r) => setTimeout(r, 5));
  }
  const url = server.url()!;
  const start = await probeFor(url, server.t0, values.seconds);
  report['start'] = {
    listeningMs: round(server.events.get('listening')),
    warmLoggedMs: round(server.events.get('warm')),
    warmParts: server.lines.get('warm')?.['partMs'] ?? null,
    warmFiles: server.warmFiles,
    ...summarise(start),
  };
  if (values.write) {
    const t = performance.now();
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({
        query: 'mutation($input: [ObservationInput!]!) { recordObservations(input: $input) { written } }',
        variables: {
          input: [
            {
              subject: WRITTEN_VILLAGE,
              indicator: 'poor_households',
              period: '2025',
              value: 7,
              source: 'synthetic-grassroots',
            },
          ],
        },
      }),
    });
    const text = await response.text();
    if (response.status !== 200 || text.includes('"errors"'))
      throw new Error(`write: HTTP ${response.status}: ${text.slice(0, 300)}`);
    const writeMs = performance.now() - t;
    report['afterWrite'] = { writeMs: round(writeMs), ...summarise(await probeFor(url, t, values.seconds)) };
  }
  report['loadAverage'] = loadavg().map((l) => Math.round(l * 100) / 100);
} finally {
  await server.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
}
console.log(JSON.stringify(report, null, 2));
