import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphQLClient } from 'graphql-request';
import { getSdk } from '../../src/client/sdk.js';
import { prepareStore } from '../../src/store/build-store.js';
import { Store } from '../../src/store/store.js';
import { exportSnapshot } from '../../src/store/snapshot.js';
import { findSystemProgram } from '../support/system-program.js';
import { SEED_DIR } from '../support/test-server.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const NGINX = findSystemProgram(
  { debianPackage: 'nginx', envVar: 'GRASSROOTS_TEST_NGINX', paths: ['/usr/sbin/nginx', '/usr/bin/nginx'] },
  'the replica tests in test/e2e/replicas.test.ts',
);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A read-only server process started from the snapshot (npm start -- --snapshot). */
function startReplica(snapshot: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(ROOT, 'src/main.ts'),
      '--snapshot',
      snapshot,
      '--port',
      '0',
      '--host',
      '127.0.0.1',
      '--pool',
      '2',
    ],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, GRASSROOTS_WRITE_TOKEN: '' },
    },
  );
  const lines: string[] = [];
  child.stderr!.on('data', (d: Buffer) => lines.push(d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`replica did not start:\n${lines.join('\n')}`)), 30_000);
    child.once('exit', (code) => reject(new Error(`replica exited with ${code}:\n${lines.join('\n')}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      lines.push(line);
      const entry = JSON.parse(line) as { msg: string; url?: string };
      if (entry.msg === 'listening') {
        clearTimeout(timer);
        resolve({ child, url: entry.url! });
      }
    });
  });
}

/**
 * Round-robin over the replicas. GraphQL reads are POSTs, which nginx does not retry unless told
 * to (`non_idempotent`); that is safe here because snapshot replicas refuse every write.
 */
const nginxConfig = (dir: string, port: number, upstreams: string[]) => `daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 512; }
http {
  access_log off;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi; uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  upstream replicas {
${upstreams.map((u) => `    server ${u} max_fails=1 fail_timeout=30s;`).join('\n')}
  }
  server {
    listen 127.0.0.1:${port};
    location /graphql {
      proxy_pass http://replicas;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_next_upstream error timeout http_502 http_503 non_idempotent;
      proxy_next_upstream_tries 2;
      proxy_connect_timeout 2s;
    }
  }
}
`;

describe.skipIf(NGINX === null)('two read-only replicas from one snapshot behind nginx', () => {
  let dir: string;
  let replicas: { child: ChildProcess; url: string }[];
  let nginx: ChildProcess;
  let front: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'grassroots-replicas-'));
    const path = join(dir, 'store.duckdb');
    await prepareStore(path, SEED_DIR);
    const store = await Store.open({ path, readOnly: true, poolSize: 1 });
    await exportSnapshot(store, join(dir, 'snapshot'));
    store.close();
    replicas = await Promise.all([startReplica(join(dir, 'snapshot')), startReplica(join(dir, 'snapshot'))]);
    const port = await freePort();
    const conf = join(dir, 'nginx');
    await mkdir(conf);
    await writeFile(
      join(conf, 'nginx.conf'),
      nginxConfig(
        conf,
        port,
        replicas.map((r) => new URL(r.url).host),
      ),
    );
    nginx = spawn(NGINX!, ['-p', conf, '-c', join(conf, 'nginx.conf'), '-e', join(conf, 'error.log')], {
      stdio: 'ignore',
    });
    front = `http://127.0.0.1:${port}/graphql`;
    // Wait until nginx answers.
    for (let i = 0; i < 50; i++) {
      const ok = await fetch(front, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"query":"{ indicators { code } }"}',
      }).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      await new Promise((r) => setTimeout(r, 100));
    }
  }, 90_000);

  afterAll(async () => {
    nginx?.kill('SIGTERM');
    for (const r of replicas ?? []) if (r.child.exitCode === null) r.child.kill('SIGTERM');
    await rm(dir, { recursive: true, force: true });
  });

  it('every replica and the load balancer give the same answers', async () => {
    const answers = await Promise.all(
      [...replicas.map((r) => r.url), front].map((url) =>
        getSdk(new GraphQLClient(url)).Revisions({ code: 'village/huoi-song', indicator: 'households' }),
      ),
    );
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
  });

  it('one replica killed mid-traffic loses no request: nginx retries on the other', async () => {
    const sdk = getSdk(new GraphQLClient(front));
    const expected = await sdk.Revisions({ code: 'village/huoi-song', indicator: 'households' });
    let sent = 0;
    const failures: string[] = [];
    const worker = async () => {
      while (sent < 300) {
        const n = ++sent;
        if (n === 100) replicas[0]!.child.kill('SIGKILL');
        try {
          expect(await sdk.Revisions({ code: 'village/huoi-song', indicator: 'households' })).toEqual(expected);
        } catch (error) {
          failures.push(`request ${n}: ${String(error).slice(0, 200)}`);
        }
      }
    };
    await Promise.all(Array.from({ length: 6 }, worker));
    expect(
      replicas[0]!.child.signalCode ?? (await new Promise((r) => replicas[0]!.child.once('exit', (_c, s) => r(s)))),
    ).toBe('SIGKILL');
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(300);
  }, 90_000);
});
