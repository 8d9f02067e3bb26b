// Simplifies the upstream boundary files into the small TopoJSON the /explore map draws, with
// mapshaper (npm): topology-preserving simplification, so neighbouring units keep a shared border.
// The result is derived data, committed (data/geo/provinces.topojson, its provenance in
// data/geo/README.md), so a checkout or an installed package draws the map without
// the upstream files: `npm run derive:boundaries` remakes it from them.
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { projectPath } from '../project-root.js';

/** The simplified provinces, derived from the upstream files and committed (data/geo/README.md). */
export const PROVINCE_BOUNDARIES = projectPath('data', 'geo', 'provinces.topojson');

/**
 * The upstream boundaries (SOURCE.md of vn-admin describes them): `GRASSROOTS_GEO_DIR`, else
 * ../shared/datasets/vn-admin/geo beside the checkout, as `npm run derive:national` finds its files.
 */
export const GEO_DIR = process.env['GRASSROOTS_GEO_DIR'] ?? projectPath('..', 'shared', 'datasets', 'vn-admin', 'geo');

/** The 34 provinces' files (one FeatureCollection each, the GSO code in `properties.code`), or [] without them. */
export function provinceFiles(): string[] {
  const dir = join(GEO_DIR, 'provinces');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.geojson'))
    .sort()
    .map((f) => join(dir, f));
}

/**
 * 7.8 MB of GeoJSON to about 40 kB: 4% of the removable vertices kept (every province keeps a
 * shape, islands included), only `code` and `name` kept, coordinates quantised to 1e5 steps.
 */
export async function buildProvinceBoundaries(files: string[], out: string): Promise<void> {
  mkdirSync(dirname(out), { recursive: true });
  // Loaded only when boundaries are (re)built: it is large, and `--if-stale` runs before every start.
  // @ts-expect-error mapshaper ships no type declarations; runCommands(argv: string[]) returns a Promise.
  const { default: mapshaper } = (await import('mapshaper')) as {
    default: { runCommands: (argv: string[]) => Promise<void> };
  };
  const runCommands = mapshaper.runCommands;
  await runCommands([
    '-i',
    ...files,
    'combine-files',
    '-merge-layers',
    'force',
    'name=provinces',
    '-simplify',
    '4%',
    'keep-shapes',
    '-filter-fields',
    'code,name',
    '-o',
    out,
    'format=topojson',
    'quantization=1e5',
    '-quiet',
  ]);
}
