import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store } from '../store/store.js';
import { migrate } from '../store/migrate.js';
import { GrassrootsReader } from '../readers/grassroots-reader.js';
import { LoadError } from '../ingest/load-error.js';
import { formatTable } from '../cli/format-table.js';
import { FINDING_KINDS, type FindingKind } from './findings.js';
import { importNational, nationalDir } from './import-national.js';
import { writeNational } from './derive-cli.js';
import { commandLineOrExit, type Command } from '../settings/command.js';
import { CHECK_DATA } from '../settings/commands.js';

const EXAMPLES = 3;

/** `grassroots check-data` / `npm run check-data` (src/cli/check-data.ts runs it). */
export async function checkData(
  argv: readonly string[],
  command: Command<typeof CHECK_DATA.settings> = CHECK_DATA,
): Promise<number> {
  const { values } = commandLineOrExit(command, argv);
  const dataDir = values.data;
  let status = 0;
  const upstream = values.upstream;
  if (existsSync(upstream)) status = Math.max(status, await compareWithUpstream(upstream, nationalDir(dataDir)));
  else console.log(`Upstream files not found at ${upstream}: the committed files were not derived again.\n`);

  const store = await Store.open({ path: ':memory:', poolSize: 1 });
  try {
    await migrate(store);
    const loaded = await importNational(store, dataDir);
    if (!loaded) {
      console.error(`${nationalDir(dataDir)} does not exist: nothing to check`);
      return 1;
    }
    const reader = new GrassrootsReader(store);
    const filter = { kinds: values.kind ? [values.kind] : null, severities: null, unitId: null };
    const counts = await reader.countFindings(filter);
    const total = counts.reduce((sum, c) => sum + c.count, 0);
    console.log(`Data-quality report of ${nationalDir(dataDir)}: ${total} findings (${loaded.rowsRead} rows loaded)\n`);
    console.log(formatTable(counts.map((c) => ({ severity: c.severity, kind: c.kind, count: c.count }))));
    for (const c of counts) {
      const limit = values.all ? c.count : EXAMPLES;
      const rows = await reader.readFindings({ ...filter, kinds: [c.kind], severities: [c.severity] }, 0, limit);
      console.log(`\n${c.severity} ${c.kind} (${c.count}): ${FINDING_KINDS[c.kind as FindingKind]}`);
      for (const r of rows) console.log(`  - ${r.unitId ? `[${r.unitId}] ` : ''}${r.message}`);
      if (c.count > rows.length) console.log(`  ... and ${c.count - rows.length} more (--kind ${c.kind} --all)`);
    }
    return status;
  } catch (error) {
    if (!(error instanceof LoadError)) throw error;
    console.error(`${nationalDir(dataDir)} does not load:\n${error.message}`);
    return 1;
  } finally {
    store.close();
  }
}

/** Derives the directory again into a scratch one and says which files differ from the committed ones. */
async function compareWithUpstream(upstream: string, committed: string): Promise<number> {
  const scratch = await mkdtemp(join(tmpdir(), 'grassroots-derive-'));
  try {
    await writeNational(upstream, scratch);
    const differ: string[] = [];
    for (const name of await readdir(scratch)) {
      const mine = existsSync(join(committed, name)) ? await readFile(join(committed, name)) : null;
      if (!mine || !mine.equals(await readFile(join(scratch, name)))) differ.push(name);
    }
    if (differ.length === 0) {
      console.log(`${committed} is what ${upstream} gives (derived again and compared byte for byte).\n`);
      return 0;
    }
    console.log(
      `${committed} differs from what ${upstream} gives now: ${differ.join(', ')}. Run npm run derive:national.\n`,
    );
    return 1;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
