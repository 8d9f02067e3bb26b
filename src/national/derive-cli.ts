import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { commandLineOrExit } from '../settings/command.js';
import { DERIVE_NATIONAL } from '../settings/commands.js';
import { csvText } from './csv-text.js';
import { TABLES } from '../ingest/tables.js';
import { deriveNational, type NationalRows } from './derive-national.js';

/**
 * `npm run derive:national -- [UPSTREAM_DIR] [OUT_DIR]`: re-derives data/national/ from the
 * upstream files (default ../shared/datasets/vn-admin beside the checkout, as SOURCE.md lays them
 * out). Deterministic: unchanged upstream files give byte-identical output.
 */
export const NATIONAL_FILES: Record<keyof NationalRows, { file: string; columns: readonly string[] }> = {
  sources: fileOf('sources.csv'),
  units: fileOf('units.csv'),
  links: fileOf('unit_links.csv'),
  lineage: fileOf('lineage.csv'),
  findings: fileOf('findings.csv'),
};

/** A derived file has the columns the load reads (src/ingest/tables.ts), in that order. */
function fileOf(file: string): { file: string; columns: readonly string[] } {
  const spec = TABLES.find((t) => t.file === file);
  if (!spec) throw new Error(`no table is loaded from ${file}`);
  return { file, columns: spec.columns };
}

export async function writeNational(upstreamDir: string, outDir: string): Promise<Record<string, number>> {
  const rows = await deriveNational(upstreamDir);
  await mkdir(outDir, { recursive: true });
  const counts: Record<string, number> = {};
  for (const [key, spec] of Object.entries(NATIONAL_FILES) as [
    keyof NationalRows,
    (typeof NATIONAL_FILES)[keyof NationalRows],
  ][]) {
    await writeFile(join(outDir, spec.file), csvText(spec.columns, rows[key]));
    counts[spec.file] = rows[key].length;
  }
  await writeFile(
    join(outDir, 'LICENSE.vietnamese-provinces-database'),
    await readFile(join(upstreamDir, 'LICENSE.vietnamese-provinces-database')),
  );
  await writeFile(join(outDir, CHECKSUMS), await checksums(outDir));
  return counts;
}

/** The derived files' SHA-256 sums, in `sha256sum` format: `cd data/national && sha256sum -c SHA256SUMS`. */
export const CHECKSUMS = 'SHA256SUMS';

export async function checksums(dir: string): Promise<string> {
  const names = [...Object.values(NATIONAL_FILES).map((f) => f.file), 'LICENSE.vietnamese-provinces-database'].sort();
  const lines = await Promise.all(
    names.map(
      async (name) =>
        `${createHash('sha256')
          .update(await readFile(join(dir, name)))
          .digest('hex')}  ${name}`,
    ),
  );
  return lines.join('\n') + '\n';
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { upstream, out } = commandLineOrExit(DERIVE_NATIONAL).values;
  writeNational(upstream, out).then(
    (counts) => console.log(JSON.stringify({ msg: 'derived', from: upstream, to: out, rows: counts })),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
