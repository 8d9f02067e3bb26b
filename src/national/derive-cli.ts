import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { commandLineOrExit } from '../settings/command.js';
import { DERIVE_NATIONAL } from '../settings/commands.js';
import { csvText } from './csv-text.js';
import { deriveNational, type NationalRows } from './derive-national.js';

/**
 * `npm run derive:national -- [UPSTREAM_DIR] [OUT_DIR]`: re-derives data/national/ from the
 * upstream files (default ../shared/datasets/vn-admin beside the checkout, as SOURCE.md lays them
 * out). Deterministic: unchanged upstream files give byte-identical output.
 */
export const NATIONAL_FILES: Record<keyof NationalRows, { file: string; columns: readonly string[] }> = {
  sources: {
    file: 'sources.csv',
    columns: ['id', 'kind', 'title', 'publisher', 'author', 'published', 'url', 'seed_file', 'note'],
  },
  units: {
    file: 'units.csv',
    columns: [
      'id',
      'kind',
      'name',
      'level',
      'admin_unit_id',
      'valid_from',
      'valid_to',
      'source_id',
      'note',
      'gso_code',
      'unit_type',
      'name_en',
    ],
  },
  links: { file: 'unit_links.csv', columns: ['child_id', 'parent_id', 'valid_from', 'valid_to', 'source_id', 'note'] },
  lineage: {
    file: 'lineage.csv',
    columns: ['predecessor_id', 'successor_id', 'changed_on', 'kind', 'weight', 'source_id', 'note', 'also_source_ids'],
  },
  findings: {
    file: 'findings.csv',
    columns: ['kind', 'severity', 'unit_id', 'other_unit_id', 'message', 'source_ids'],
  },
};

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
