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
 *
 * --store PATH --q1 instead: serves an existing store read-only (the national one, say) and
 * drives it with the bench's Q1 (a commune profile, communes drawn from a pool of 1,000 as the
 * bench draws them) once it is warm: the throughput figure of `--server-workers`, which starts the
 * server as `npm start -- --workers N --read-only` does.
 *
 *   npm run load-test -- --store bench/stores/national.duckdb --q1 --server-workers 2 --workers 16 --seconds 10
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { ensureServerBuilt, SERVER_ENTRY, SERVER_NODE_FLAGS } from '../src/build/server-build.js';
import { commandLineOrExit, defineCommand } from '../src/settings/command.js';
import { optionalSetting, setting } from '../src/settings/setting.js';
import { choice, path, presence, text, wholeNumber } from '../src/settings/kinds.js';
import { SETTINGS } from '../src/settings/settings.js';
import { loadTest } from './load.js';
import { QUERIES } from './queries.js';
import { q1FreshVariables, q1Script, runWrk, wrkInstalled } from './wrk.js';

const ROOT = new URL('..', import.meta.url).pathname;
const LOAD_TEST = defineCommand({
  name: 'load-test',
  usage:
    'npm run load-test -- [--workers 8] [--requests 2000] [--seconds 20] [--pool 4] [--mixed [--heavy-province CODE] | --store PATH --q1] [--server-workers 1]',
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
    heavyProvince: setting({
      flag: 'heavy-province',
      env: null,
      kind: text('CODE'),
      default: 'province/11',
      help: "the province whose communes' villages' series NestedSeries asks (province/p01 of a generated province-scale store is 5 MB)",
    }),
    store: optionalSetting({
      flag: 'store',
      env: null,
      kind: path('FILE'),
      defaultText: 'a fresh store built from the seed data',
      help: 'serve this existing store read-only instead',
    }),
    q1: setting({
      flag: 'q1',
      env: null,
      kind: presence,
      default: false,
      help: "only the bench's Q1 (a commune profile of a national store), once the server is warm; needs --store",
    }),
    fresh: setting({
      flag: 'fresh',
      env: null,
      kind: presence,
      default: false,
      help: "with --q1: the bench's fresh Q1, new commune, window start and village indicator on every request (no result cache hits)",
    }),
    client: setting({
      flag: 'client',
      env: null,
      kind: choice(['node', 'wrk']),
      default: 'node',
      help: 'with --q1: the load generator, this process (node:http) or wrk (Debian package wrk, a third to a fifth of its CPU per request)',
    }),
    serverWorkers: setting({
      flag: 'server-workers',
      env: null,
      kind: wholeNumber(1, 64),
      default: 1,
      help: 'server processes (npm start -- --workers N); more than 1 needs --store (served read-only)',
    }),
    pool: SETTINGS.pool,
  },
});
const { values } = commandLineOrExit(LOAD_TEST);
const {
  workers,
  requests: maxRequests,
  seconds: maxSeconds,
  mixed,
  store,
  q1,
  serverWorkers,
  heavyProvince,
  fresh,
  client,
} = values;
if ((q1 || serverWorkers > 1) && store === null) {
  console.error('load-test: --q1 and --server-workers above 1 serve an existing store read-only: give --store PATH');
  process.exit(2);
}
if ((fresh || client !== 'node') && !q1) {
  console.error('load-test: --fresh and --client are options of --q1');
  process.exit(2);
}
if (client === 'wrk' && !wrkInstalled()) {
  console.error('load-test: --client wrk needs wrk on the PATH (Debian: apt-get install wrk)');
  process.exit(2);
}

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
    body: { query: operations, operationName: 'NestedSeries', variables: { code: heavyProvince } },
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

/** The server as `npm start` runs it (compiled); with --store read-only, with --server-workers as many processes. */
async function startServer(
  dir: string,
): Promise<{ url: string; pid: number; warm: Promise<void>; stop: () => Promise<void> }> {
  ensureServerBuilt();
  const child = spawn(
    process.execPath,
    [
      ...SERVER_NODE_FLAGS,
      SERVER_ENTRY,
      '--port',
      '0',
      '--pool',
      String(values.pool),
      ...(store === null ? [] : ['--read-only', '--store', store, '--workers', String(serverWorkers)]),
    ],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        UV_THREADPOOL_SIZE: String(values.pool + 4),
        GRASSROOTS_STORE: join(dir, 'load.duckdb'),
        GRASSROOTS_WRITE_TOKEN: '',
        NODE_ENV: 'production',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let warmed!: () => void;
  const warm = new Promise<void>((resolve) => (warmed = resolve));
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const entry = JSON.parse(line) as { msg: string; url?: string };
      if (entry.msg === 'listening') resolve(entry.url!);
      if (entry.msg === (serverWorkers > 1 ? 'warm (every worker)' : 'warm')) warmed();
    });
  });
  return {
    url,
    pid: child.pid!,
    warm,
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

/** CPU milliseconds the server's processes (the supervisor and its workers) have used so far. */
function serverCpuMs(pid: number): number {
  const pids = [
    pid,
    ...readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number),
  ];
  return pids.reduce((sum, p) => {
    const fields = readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return sum + ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  }, 0);
}

/**
 * --q1: the bench's Q1 from `workers` clients for `seconds` after 3 s of the same, once every
 * server process is warm; with --fresh, new arguments on every request; with --client wrk,
 * from wrk instead of this process. Reports the CPU the server and the client used per request:
 * on two cores, what a second worker can add is bounded by the client's share.
 */
async function q1Load() {
  const query = QUERIES.find((q) => q.name === 'Q1')!;
  let seed = 1;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const communes = Array.from(
    { length: 1000 },
    () =>
      `commune/p${String(Math.floor(random() * 34) + 1).padStart(2, '0')}-c${String(Math.floor(random() * 99) + 1).padStart(3, '0')}`,
  );
  const graphql = fresh ? query.fresh!.graphql : query.graphql;
  const warmAt = performance.now();
  await server.warm;
  const warmSeconds = (performance.now() - warmAt) / 1000;
  let draw = 0;
  const variables = fresh
    ? () => q1FreshVariables(++draw)
    : () => ({ code: communes[Math.floor(random() * communes.length)]! });
  // The measured run's draws start past the warm-up's (about 1,000 requests a second at most)
  const measuredFrom = 100_000;
  const run = (seconds: number, firstDraw: number) =>
    client === 'wrk'
      ? runWrk(server.url, q1Script(graphql, fresh ? null : communes, firstDraw), workers, seconds)
      : loadTest(server.url, graphql, variables, workers, seconds);
  // 3 s of the same first, not counted but for errors: code V8 has not optimised yet
  const warmUpErrors = (await run(3, 1)).errors;
  draw = measuredFrom - 1;
  const cpuBefore = serverCpuMs(server.pid);
  const clientBefore = process.cpuUsage();
  const result = await run(maxSeconds, measuredFrom);
  const serverCpu = serverCpuMs(server.pid) - cpuBefore;
  const nodeClient = process.cpuUsage(clientBefore);
  const requests = result.requests;
  const perRequest = (ms: number) => Math.round((ms / Math.max(1, requests)) * 1000) / 1000;
  const stats =
    'latency' in result
      ? { requestsPerSecond: result.perSecond, p50Ms: result.latency.median, p99Ms: result.latency.p99 }
      : { requestsPerSecond: result.perSecond, p50Ms: result.p50Ms, p99Ms: result.p99Ms };
  const nodeClientMs = (nodeClient.user + nodeClient.system) / 1000;
  const errors = warmUpErrors + result.errors;
  const report = {
    query: fresh ? 'Q1 (new arguments on every request)' : 'Q1',
    client,
    serverWorkers,
    clients: workers,
    secondsUntilWarm: Math.round(warmSeconds * 10) / 10,
    requests,
    seconds: Math.round(result.seconds * 10) / 10,
    requestsPerSecond: Math.round(stats.requestsPerSecond),
    p50Ms: Math.round(stats.p50Ms * 10) / 10,
    p99Ms: Math.round(stats.p99Ms * 10) / 10,
    serverCpuMsPerRequest: perRequest(serverCpu),
    clientCpuMsPerRequest:
      'clientCpuMsPerRequest' in result
        ? Math.round(result.clientCpuMsPerRequest * 1000) / 1000
        : perRequest(nodeClientMs),
    errors,
    loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
  };
  await server.stop();
  await rm(dir, { recursive: true, force: true });
  console.log(JSON.stringify(report, null, 2));
  process.exit(errors > 0 ? 1 : 0);
}
if (q1) await q1Load();

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
