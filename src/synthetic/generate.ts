import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Store } from '../store/store.js';
import { sql } from '../store/sql.js';
import { importDirectory } from '../ingest/import-directory.js';
import * as g from './generate-sql.js';
import type { Scale } from './scales.js';

export interface GenerateResult {
  readonly observations: number;
  readonly units: number;
  readonly seconds: number;
}

/** The scale whose synthetic data the store holds (written in one transaction: all of it), or null. */
export async function generatedScale(store: Store): Promise<string | null> {
  const [row] = await store.all<{ scale: string }>('synthetic.scale', g.generatedScale());
  return row?.scale ?? null;
}

/** Fills a freshly migrated store with a synthetic country of the given scale, in one transaction. */
export async function generateSynthetic(
  store: Store,
  scale: Scale,
  seedDir: string,
  progress: (msg: string) => void = () => {},
): Promise<GenerateResult> {
  const started = performance.now();
  // The indicator catalogue is definitions, not data: take the seed's so queries read the same.
  const catalogue = await mkdtemp(join(tmpdir(), 'grassroots-catalogue-'));
  await copyFile(join(seedDir, 'indicators.csv'), join(catalogue, 'indicators.csv'));
  await importDirectory(store, catalogue, 'catalogue', 'seed-catalogue');
  await rm(catalogue, { recursive: true, force: true });

  await store.transaction(async (tx) => {
    const [row] = await tx.all<{ id: number }>(
      'synthetic.import',
      sql`
      INSERT INTO imports SELECT coalesce(max(id), 0) + 1, 'synthetic', ${`synthetic:${scale.name}`}, ${scale.name}, now(), 0 FROM imports RETURNING id`,
    );
    const importId = Number(row!.id);
    await tx.run('synthetic.source', g.insertSource(importId, scale));
    await tx.run('synthetic.indicators', g.insertExtraIndicators(importId));
    for (const [i, statement] of g.insertUnits(importId, scale).entries())
      await tx.run(`synthetic.units.${i}`, statement);
    progress('units written');
    for (const [subject, indicators] of [
      ['village', g.VILLAGE],
      ['cell', g.CELL],
      ['commune', g.COMMUNE],
    ] as const) {
      for (const [i, statement] of g.insertObservations(importId, scale, subject, indicators).entries())
        await tx.run(`synthetic.observations.${subject}.${i}`, statement);
      progress(`${subject} observations written`);
    }
  });
  const [counts] = await store.all<{ observations: number; units: number }>(
    'synthetic.counts',
    sql`
    SELECT (SELECT count(*) FROM observations)::INTEGER AS observations, (SELECT count(*) FROM units)::INTEGER AS units`,
  );
  return {
    observations: Number(counts!.observations),
    units: Number(counts!.units),
    seconds: (performance.now() - started) / 1000,
  };
}
