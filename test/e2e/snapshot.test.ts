import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphQLClient } from 'graphql-request';
import { getSdk, type RevisionsQuery } from '../../src/client/sdk.js';
import { prepareStore } from '../../src/store/build-store.js';
import { Store } from '../../src/store/store.js';
import { openSnapshot, exportSnapshot, type SnapshotManifest } from '../../src/store/snapshot.js';
import { createServer } from '../../src/server.js';
import { fileInputs, hashInputs } from '../../src/ingest/file-inputs.js';
import { runLoad } from '../../src/ingest/run-load.js';
import { SEED_DIR, errorsOf } from '../support/test-server.js';
import { fingerprintOf } from '../support/fingerprint.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const TOKEN = 'snapshot-test-token-0123456789';

/** Runs a TypeScript entry point as its own process (node --import tsx), collecting stdout lines. */
function run(script: string, args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, script), ...args], {
    cwd: ROOT,
    env: { ...process.env, UV_THREADPOOL_SIZE: '16', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  createInterface({ input: child.stdout! }).on('line', (l) => lines.push(l));
  child.stderr!.on('data', (d: Buffer) => lines.push(d.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => setImmediate(() => resolve(code))),
  );
  return { child, lines, exited };
}

function waitForListening(child: ChildProcess, lines: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "listening":\n${lines.join('\n')}`)), 30_000);
    child.once('exit', (code) => reject(new Error(`exited with ${code}:\n${lines.join('\n')}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const entry = JSON.parse(line) as { msg: string; url?: string };
      if (entry.msg === 'listening') {
        clearTimeout(timer);
        resolve(entry.url!);
      }
    });
  });
}

describe('export and read-only snapshots', () => {
  let dir: string;
  let snapshot: string;
  let manifest: SnapshotManifest;
  let original: RevisionsQuery;
  let originalFingerprint: Awaited<ReturnType<typeof fingerprintOf>>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'grassroots-snapshot-'));
    const path = join(dir, 'store.duckdb');
    await prepareStore(path, SEED_DIR);
    // One corrected figure, so the snapshot must carry revisions and not only current values.
    const correction = join(dir, 'correction.csv');
    const seedRow = (await readFile(join(SEED_DIR, 'observations.csv'), 'utf8'))
      .split('\n')
      .find((l) => l.startsWith('village/huoi-song,households,2026,77,'))!;
    await writeFile(
      correction,
      `subject_id,indicator,period,value,qualifier,lower,upper,source_id,derived,formula,quote,note\n${seedRow.replace(',77,', ',78,')}\n`,
    );
    const store = await Store.open({ path, poolSize: 1 });
    const inputs = await fileInputs(correction);
    await runLoad(store, inputs, { kind: 'file', origin: 'file:correction', hash: await hashInputs(inputs) });
    originalFingerprint = await fingerprintOf(store);
    const server = await createServer(store, { host: '127.0.0.1', port: 0, log: () => {} });
    original = await getSdk(new GraphQLClient(server.url)).Revisions({
      code: 'village/huoi-song',
      indicator: 'households',
    });
    await server.close();
    await store.checkpoint();
    store.close();

    snapshot = join(dir, 'snapshot');
    const exported = run('src/cli/export.ts', [snapshot, '--store', path]);
    expect(await exported.exited).toBe(0);
    manifest = JSON.parse(await readFile(join(snapshot, 'manifest.json'), 'utf8')) as SnapshotManifest;
  }, 60_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('npm run export writes every table as Parquet with a manifest of rows and checksums', () => {
    expect(manifest.tables.map((t) => t.name)).toEqual(
      expect.arrayContaining([
        'observations',
        'units',
        'unit_lineage',
        'data_findings',
        'imports',
        'schema_migrations',
      ]),
    );
    expect(manifest.tables.find((t) => t.name === 'observations')!.rows).toBe(originalFingerprint.n);
    expect(manifest.tables.every((t) => /^[0-9a-f]{64}$/.test(t.sha256))).toBe(true);
    expect(manifest.migrations).toEqual([
      '001_foundation',
      '002_unit_lineage',
      '003_superseded_observations',
      '004_serving_layer',
      '005_national_units',
      '006_row_history',
      '007_people_and_roles',
      '008_indicator_semantics',
      '009_reported_changes',
    ]);
  });

  it('a snapshot opens with the same rows, revisions and answers as the store it came from', async () => {
    const { store } = await openSnapshot(snapshot, 2);
    try {
      expect(await fingerprintOf(store)).toEqual(originalFingerprint);
      const server = await createServer(store, { host: '127.0.0.1', port: 0, log: () => {} });
      const sdk = getSdk(new GraphQLClient(server.url));
      expect(await sdk.Revisions({ code: 'village/huoi-song', indicator: 'households' })).toEqual(original);
      await server.close();
    } finally {
      store.close();
    }
  });

  it('a tampered file is refused, and exporting over an existing directory is refused', async () => {
    const copy = join(dir, 'tampered');
    await rm(copy, { recursive: true, force: true });
    await import('node:fs/promises').then((fs) => fs.cp(snapshot, copy, { recursive: true }));
    await writeFile(join(copy, 'sources.parquet'), 'not parquet');
    await expect(openSnapshot(copy)).rejects.toThrow('checksum does not match');
    const store = await Store.open({ path: ':memory:', poolSize: 1 });
    await expect(exportSnapshot(store, snapshot)).rejects.toThrow('already exists');
    store.close();
  });

  it('npm start -- --snapshot serves read-only: queries answer, writes say READ_ONLY, a write token is refused', async () => {
    const server = run('src/main.ts', ['--snapshot', snapshot, '--port', '0', '--host', '127.0.0.1']);
    const url = await waitForListening(server.child, server.lines);
    const sdk = getSdk(new GraphQLClient(url));
    expect(await sdk.Revisions({ code: 'village/huoi-song', indicator: 'households' })).toEqual(original);
    const [error] = await errorsOf(
      sdk.RecordObservations({
        input: [
          {
            subject: 'village/huoi-song',
            indicator: 'households',
            period: '2025',
            value: 1,
            source: 'dbp-em-party-members',
          },
        ],
      }),
    );
    expect(error!.extensions?.['code']).toBe('READ_ONLY');
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);

    const withToken = run('src/main.ts', ['--snapshot', snapshot, '--port', '0'], { GRASSROOTS_WRITE_TOKEN: TOKEN });
    expect(await withToken.exited).not.toBe(0);
    expect(withToken.lines.join('\n')).toContain('read-only');
  }, 60_000);
});
