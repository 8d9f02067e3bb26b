/**
 * Bounded load test: starts the server as its own process on 127.0.0.1 with a fresh store,
 * drives it with N concurrent workers until a fixed number of requests or a time cap, and reports
 * requests/s, p50/p99 latency, unexpected errors, intended limit rejections and the server's
 * peak RSS (VmHWM). Not part of npm test.
 *
 *   npm run load-test -- --workers 8 --requests 2000 --seconds 20
 *
 * --mixed instead: `--workers` clients send only heavy operations (NestedSeries, over heavyCost)
 * while one client sends a cheap lookup after another; it reports the cheap lookup's latency idle
 * (before the heavy ones start) and under the heavy load, the figure admission lanes are for.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { SERVER_NODE_FLAGS } from '../src/build/server-build.js';
import { commandLineOrExit, defineCommand } from '../src/settings/command.js';
import { setting } from '../src/settings/setting.js';
import { presence, wholeNumber } from '../src/settings/kinds.js';
import { SETTINGS } from '../src/settings/settings.js';

const ROOT = new URL('..', import.meta.url).pathname;
const LOAD_TEST = defineCommand({
  name: 'load-test',
  usage: 'npm run load-test -- [--workers 8] [--requests 2000] [--seconds 20] [--pool 4] [--mixed]',
  summary:
    'Drives a server of its own with concurrent workers and reports requests/s, latencies, errors, limit rejections and peak RSS.',
  settings: {
    workers: setting({
      flag: 'workers',
      env: null,
      kind: wholeNumber(1, 1_000),
      default: 8,
      help: 'concurrent clients',
    }),
    requests: setting({
      flag: 'requests',
      env: null,
      kind: wholeNumber(1, 10_000_000),
      default: 2_000,
      help: 'requests in all',
    }),
    seconds: setting({ flag: 'seconds', env: null, kind: wholeNumber(1, 3_600), default: 20, help: 'time cap' }),
    mixed: setting({
      flag: 'mixed',
      env: null,
      kind: presence,
      default: false,
      help: 'heavy operations from every worker, and one client of cheap lookups whose latency is reported',
    }),
    pool: SETTINGS.pool,
  },
});
const { values } = commandLineOrExit(LOAD_TEST);
const { workers, requests: maxRequests, seconds: maxSeconds, mixed } = values;

const operations = ['hierarchy', 'statistics']
  .map((f) => readFileSync(join(ROOT, 'test/operations', `${f}.graphql`), 'utf8'))
  .join('\n');

/** The mix: mostly cheap lookups, some heavy trees, and a query over the depth limit on purpose. */
const MIX: { name: string; weight: number; body: unknown; rejected?: boolean }[] = [
  {
    name: 'LocalityByCode',
    weight: 30,
    body: { query: operations, operationName: 'LocalityByCode', variables: { code: 'commune/03385-2025-07-01' } },
  },
  {
    name: 'SearchLocalities',
    weight: 20,
    body: { query: operations, operationName: 'SearchLocalities', variables: { search: 'Tia Dinh' } },
  },
  {
    name: 'Series',
    weight: 20,
    body: {
      query: operations,
      operationName: 'Series',
      variables: { code: 'village/huoi-song', indicator: 'poor_households' },
    },
  },
  { name: 'Indicators', weight: 10, body: { query: operations, operationName: 'Indicators' } },
  {
    name: 'ProvinceTree',
    weight: 8,
    body: { query: operations, operationName: 'ProvinceTree', variables: { code: 'province/11' } },
  },
  {
    name: 'NestedSeries',
    weight: 8,
    body: { query: operations, operationName: 'NestedSeries', variables: { code: 'province/11' } },
  },
  {
    name: 'OverDepth',
    weight: 4,
    rejected: true,
    body: { query: `{ locality(code: "village/huoi-song") { ${'parent { '.repeat(14)}code${' }'.repeat(14)} } }` },
  },
];
const totalWeight = MIX.reduce((s, m) => s + m.weight, 0);
const CHEAP = MIX.find((m) => m.name === 'LocalityByCode')!;
const HEAVY = MIX.find((m) => m.name === 'NestedSeries')!;
function pick(i: number) {
  if (mixed) return HEAVY;
  let r = (i * 7919) % totalWeight;
  for (const m of MIX) {
    if (r < m.weight) return m;
    r -= m.weight;
  }
  return MIX[0]!;
}

async function startServer(dir: string): Promise<{ url: string; pid: number; stop: () => Promise<void> }> {
  const child = spawn(
    process.execPath,
    [...SERVER_NODE_FLAGS, '--import', 'tsx', join(ROOT, 'src/main.ts'), '--port', '0', '--pool', String(values.pool)],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        UV_THREADPOOL_SIZE: String(values.pool + 4),
        GRASSROOTS_STORE: join(dir, 'load.duckdb'),
        NODE_ENV: 'production',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const entry = JSON.parse(line) as { msg: string; url?: string };
      if (entry.msg === 'listening') resolve(entry.url!);
    });
  });
  return {
    url,
    pid: child.pid!,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

function peakRssMb(pid: number): number | null {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round(Number(match[1]) / 1024) : null;
  } catch {
    return null;
  }
}

const dir = await mkdtemp(join(tmpdir(), 'grassroots-load-'));
const server = await startServer(dir);
const latencies: number[] = [];
const perOperation = new Map<string, number[]>();
let issued = 0;
let errors = 0;
let rejections = 0;
const firstErrors: string[] = [];
const started = performance.now();
const deadline = started + maxSeconds * 1000;

async function worker() {
  while (issued < maxRequests && performance.now() < deadline) {
    const m = pick(issued++);
    const t0 = performance.now();
    try {
      const response = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(m.body),
      });
      const json = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
      const limited = response.status === 400 && json.errors?.[0]?.extensions?.code === 'QUERY_LIMIT_EXCEEDED';
      if (m.rejected && limited) rejections++;
      else if (response.status !== 200 || json.errors) {
        errors++;
        if (firstErrors.length < 5)
          firstErrors.push(`${m.name}: ${response.status} ${JSON.stringify(json).slice(0, 200)}`);
      }
    } catch (error) {
      errors++;
      if (firstErrors.length < 5) firstErrors.push(`${m.name}: ${String(error)}`);
    }
    const ms = performance.now() - t0;
    latencies.push(ms);
    perOperation.set(m.name, [...(perOperation.get(m.name) ?? []), ms]);
  }
}

/** --mixed: the cheap lookup, one after another, while `running()`; its latencies. */
async function cheapClient(running: () => boolean): Promise<number[]> {
  const ms: number[] = [];
  while (running()) {
    const t0 = performance.now();
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(CHEAP.body),
    });
    await response.text();
    if (response.status !== 200) errors++;
    ms.push(performance.now() - t0);
  }
  return ms;
}

let idleCheap: number[] = [];
let loadedCheap: number[] = [];
if (mixed) {
  let n = 0;
  idleCheap = await cheapClient(() => n++ < 100);
  let heavyDone = false;
  const cheap = cheapClient(() => !heavyDone);
  await Promise.all(Array.from({ length: workers }, () => worker()));
  heavyDone = true;
  loadedCheap = await cheap;
} else {
  await Promise.all(Array.from({ length: workers }, () => worker()));
}
const seconds = (performance.now() - started) / 1000;
const rss = peakRssMb(server.pid);
await server.stop();
await rm(dir, { recursive: true, force: true });

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round((sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0) * 10) / 10;
};
const pct = (p: number) => percentile(latencies, p);
const report = {
  workers,
  requests: latencies.length,
  seconds: Math.round(seconds * 10) / 10,
  requestsPerSecond: Math.round(latencies.length / seconds),
  p50Ms: pct(50),
  p99Ms: pct(99),
  maxMs: pct(100),
  errors,
  intendedLimitRejections: rejections,
  serverPeakRssMb: rss,
  ...(mixed
    ? {
        cheapWhileHeavy: {
          operation: CHEAP.name,
          idle: { requests: idleCheap.length, p50Ms: percentile(idleCheap, 50), p99Ms: percentile(idleCheap, 99) },
          underHeavyLoad: {
            requests: loadedCheap.length,
            p50Ms: percentile(loadedCheap, 50),
            p99Ms: percentile(loadedCheap, 99),
            maxMs: percentile(loadedCheap, 100),
          },
        },
      }
    : {}),
  operations: Object.fromEntries(
    [...perOperation].map(([name, ms]) => [
      name,
      { requests: ms.length, p50Ms: percentile(ms, 50), p99Ms: percentile(ms, 99) },
    ]),
  ),
};
console.log(JSON.stringify(report, null, 2));
if (firstErrors.length) console.error(firstErrors.join('\n'));
process.exitCode = errors > 0 ? 1 : 0;
