import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Debian's nginx, installed on first use (the bench is run by hand or in CI, both as root). */
export function ensureNginx(): boolean {
  if (spawnSync('sh', ['-c', 'command -v nginx']).status === 0) return true;
  const install = spawnSync(
    'sh',
    [
      '-c',
      'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx',
    ],
    { stdio: 'inherit' },
  );
  return install.status === 0 && spawnSync('sh', ['-c', 'command -v nginx']).status === 0;
}

/** nginx on loopback balancing over the given upstream ports; retries a failed upstream on the next one. */
export async function startNginx(
  upstreams: number[],
): Promise<{ url: string; stop: () => void; process: ChildProcess }> {
  const dir = mkdtempSync(join(tmpdir(), 'grassroots-nginx-'));
  const port = await freePort();
  const conf = `worker_processes 1; daemon off; pid ${dir}/nginx.pid; error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fcgi; uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  upstream grassroots { ${upstreams.map((p) => `server 127.0.0.1:${p} max_fails=1 fail_timeout=5s;`).join(' ')} keepalive 64; }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://grassroots; proxy_http_version 1.1; proxy_set_header Connection "";
      # GraphQL reads are safe to repeat: retry them on the other replica when one goes down
      proxy_next_upstream error timeout http_502 http_503 non_idempotent;
    }
  }
}`;
  writeFileSync(join(dir, 'nginx.conf'), conf);
  const child = spawn('nginx', ['-c', join(dir, 'nginx.conf'), '-p', dir], { stdio: 'inherit' });
  await new Promise((r) => setTimeout(r, 500));
  return { url: `http://127.0.0.1:${port}/graphql`, stop: () => child.kill('SIGQUIT'), process: child };
}
