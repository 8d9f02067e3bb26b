import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVER_ENTRY, SERVER_NODE_FLAGS, SERVER_THREADPOOL_SIZE } from '../../src/build/server-build.js';
import { projectPath } from '../../src/project-root.js';

describe("the server's node flags", () => {
  it('npm start runs the compiled entry with the flags the bench starts it with', () => {
    const scripts = (
      JSON.parse(readFileSync(projectPath('package.json'), 'utf8')) as { scripts: Record<string, string> }
    ).scripts;
    const command = /\bnode ((?:--\S+ )*)(\S+)/.exec(scripts['start'] ?? '');
    expect(command, `start script: ${scripts['start']}`).not.toBeNull();
    expect(command![2]).toBe(relative(projectPath('.'), SERVER_ENTRY));
    expect(command![1]!.trim().split(' ').filter(Boolean)).toEqual([...SERVER_NODE_FLAGS]);
    // `grassroots serve` gives the server the same thread pool when UV_THREADPOOL_SIZE is unset.
    expect(scripts['start']).toContain(`UV_THREADPOOL_SIZE=\${UV_THREADPOOL_SIZE:-${SERVER_THREADPOOL_SIZE}}`);
  });
});
