// Bundles the browser pages (GraphiQL IDE, /explore charts and map) from npm packages into dist/ui,
// so the server never needs a CDN, with the map's simplified boundaries (derived data, committed:
// build-boundaries.ts) beside them. Runs before `npm start` and `npm test`; skips when nothing changed.
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT as ROOT } from '../project-root.js';
import { PROVINCE_BOUNDARIES } from './build-boundaries.js';
import { MAP_LAYERS } from './map-layers.js';

export const UI_DIR = join(ROOT, 'dist/ui');
const ENTRIES = { ide: join(ROOT, 'src/ui/ide.ts'), explore: join(ROOT, 'src/ui/explore.ts') };
const BOUNDARIES = existsSync(PROVINCE_BOUNDARIES) ? [PROVINCE_BOUNDARIES] : [];
const PROVINCES_ASSET = join(UI_DIR, MAP_LAYERS.find((l) => l.kind === 'PROVINCE')!.asset);

function newest(paths: string[]): number {
  return Math.max(...paths.map((p) => statSync(p).mtimeMs));
}

function stale(): boolean {
  const outputs = ['ide.js', 'ide.css', 'explore.js'].map((f) => join(UI_DIR, f));
  if (BOUNDARIES.length > 0) outputs.push(PROVINCES_ASSET);
  if (!outputs.every(existsSync)) return true;
  const sources = readdirSync(join(ROOT, 'src/ui')).map((f) => join(ROOT, 'src/ui', f));
  return (
    newest([...sources, ...BOUNDARIES, join(ROOT, 'package-lock.json')]) >
    Math.min(...outputs.map((p) => statSync(p).mtimeMs))
  );
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
// Without the boundaries the pages still build; /explore's map then says its boundaries are missing.
mkdirSync(UI_DIR, { recursive: true });
if (BOUNDARIES.length > 0) copyFileSync(PROVINCE_BOUNDARIES, PROVINCES_ASSET);
else console.warn(`no ${PROVINCE_BOUNDARIES}: /explore is built without its map (npm run derive:boundaries)`);
console.log(`ui bundled into ${UI_DIR} in ${Date.now() - started} ms`);
