import { Store } from '../../src/store/store.js';
import { sql, raw } from '../../src/store/sql.js';
import { prepareStore } from '../../src/store/build-store.js';
import { importDirectory } from '../../src/ingest/import-directory.js';
import { syntheticTree, writeDataDir } from './fixtures.js';
import { SEED_DIR } from './seed-dir.js';

/** Villages of syntheticTree(10, 100): enough distinct subjects to key a million rows. */
export const BIG_TREE = { communes: 10, villages: 100 } as const;

/** A store at `path` with the seed and the synthetic units (no figures) the big files refer to. */
export async function syntheticBase(path: string): Promise<void> {
  await prepareStore(path, SEED_DIR);
  const tree = syntheticTree(BIG_TREE.communes, BIG_TREE.villages);
  delete tree['observations.csv'];
  const store = await Store.open({ path, poolSize: 1 });
  await importDirectory(store, await writeDataDir(tree), 'file');
  await store.checkpoint();
  store.close();
}

/**
 * Writes `rows` synthetic household counts (one per village and day from 2000-01-01) as CSV,
 * Parquet or JSON Lines with DuckDB's COPY, for loads against a store holding
 * syntheticTree(BIG_TREE). `valueOffset` makes a second file that revises every figure.
 */
export async function writeBigObservations(
  path: string,
  rows: number,
  format: 'csv' | 'parquet' | 'jsonl',
  valueOffset = 0,
): Promise<void> {
  const villages = BIG_TREE.communes * BIG_TREE.villages;
  const store = await Store.open({ path: ':memory:', poolSize: 1 });
  const options = { csv: '(FORMAT csv, HEADER)', parquet: '(FORMAT parquet)', jsonl: '(FORMAT json)' }[format];
  try {
    await store.all(
      'test.big-file',
      sql`COPY (
      SELECT 'village/c' || (i % ${villages} // ${BIG_TREE.villages} + 1) || '-v' || (i % ${BIG_TREE.villages} + 1) AS subject_id,
             'households' AS indicator, strftime(DATE '2000-01-01' + (i // ${villages})::INTEGER, '%Y-%m-%d') AS period,
             ((i % 500) + ${valueOffset})::VARCHAR AS value, 'EXACT' AS qualifier, NULL::VARCHAR AS lower, NULL::VARCHAR AS upper,
             'synthetic-test' AS source_id, 'false' AS derived, NULL::VARCHAR AS formula, NULL::VARCHAR AS quote, NULL::VARCHAR AS note
      FROM range(${rows}) t(i)) TO '${raw(path.replace(/'/g, "''"))}' ${raw(options)}`,
    );
  } finally {
    store.close();
  }
}

/**
 * Writes `rows` figures for a store generated at province scale (`npm run generate -- --scale
 * province`) as CSV: every village, every summed village indicator (counts and areas: the values are 1 to 500), month after month from January
 * 2024, so a load touches every village and, through the rollups, every commune and the province.
 */
export async function writeProvinceObservations(store: Store, path: string, rows: number): Promise<void> {
  await store.all(
    'test.province-file',
    sql`COPY (
      WITH v AS (SELECT id, (row_number() OVER (ORDER BY id) - 1)::BIGINT AS n FROM units WHERE kind = 'VILLAGE'),
      i AS (SELECT indicator, (row_number() OVER (ORDER BY indicator) - 1)::BIGINT AS n FROM (
        SELECT DISTINCT o.indicator FROM observations o JOIN units u ON u.id = o.subject_id JOIN indicators ind ON ind.code = o.indicator
        WHERE u.kind = 'VILLAGE' AND ind.aggregation = 'SUM')),
      sizes AS (SELECT (SELECT count(*) FROM v) AS villages, (SELECT count(*) FROM i) AS indicators),
      r AS (SELECT t.i, t.i % s.villages AS vn, (t.i // s.villages) % s.indicators AS inn, t.i // (s.villages * s.indicators) AS m
            FROM range(${rows}) t(i), sizes s)
      SELECT v.id AS subject_id, i.indicator, strftime(DATE '2024-01-01' + INTERVAL (r.m) MONTH, '%Y-%m') AS period,
             ((r.i % 500) + 1)::VARCHAR AS value, 'EXACT' AS qualifier, NULL::VARCHAR AS lower, NULL::VARCHAR AS upper,
             'synthetic-grassroots' AS source_id, 'false' AS derived, NULL::VARCHAR AS formula, NULL::VARCHAR AS quote, NULL::VARCHAR AS note
      FROM r JOIN v ON v.n = r.vn JOIN i ON i.n = r.inn ORDER BY r.i) TO '${raw(path.replace(/'/g, "''"))}' (FORMAT csv, HEADER)`,
  );
}
