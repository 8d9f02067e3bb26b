// Bundles the browser pages (GraphiQL IDE, /explore charts) from npm packages into dist/ui, so the
// server never needs a CDN. Runs before `npm start` and `npm test`; skips when nothing changed.
import { build } from 'esbuild';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT as ROOT } from '../project-root.js';

export const UI_DIR = join(ROOT, 'dist/ui');
const ENTRIES = { ide: join(ROOT, 'src/ui/ide.ts'), explore: join(ROOT, 'src/ui/explore.ts') };

function newest(paths: string[]): number {
  return Math.max(...paths.map((p) => statSync(p).mtimeMs));
}

function stale(): boolean {
  const outputs = ['ide.js', 'ide.css', 'explore.js'].map((f) => join(UI_DIR, f));
  if (!outputs.every(existsSync)) return true;
  const sources = readdirSync(join(ROOT, 'src/ui')).map((f) => join(ROOT, 'src/ui', f));
  return newest([...sources, join(ROOT, 'package-lock.json')]) > Math.min(...outputs.map((p) => statSync(p).mtimeMs));
}

if (process.argv.includes('--if-stale') && !stale()) process.exit(0);
const started = Date.now();
await build({
  entryPoints: ENTRIES,
  outdir: UI_DIR,
  bundle: true,
  minify: true,
  format: 'iife',
  target: 'es2020',
  platform: 'browser',
  define: { 'process.env.NODE_ENV': '"production"' },
  loader: { '.woff': 'dataurl', '.woff2': 'dataurl', '.ttf': 'dataurl', '.svg': 'dataurl' },
  logLevel: 'warning',
});
console.log(`ui bundled into ${UI_DIR} in ${Date.now() - started} ms`);
