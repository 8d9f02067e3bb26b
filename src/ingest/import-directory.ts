import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Store, Transaction } from '../store/store.js';
import * as q from '../sql/ingest-sql.js';
import { TABLES, type TableSpec } from './tables.js';
import { LoadError, type LoadProblem } from './load-error.js';

export interface ImportResult {
  readonly skipped: boolean;
  readonly importId?: number;
  readonly observationsWritten: number;
}

const MAX_REPORTED = 50;

/** A fingerprint of a directory's CSV files, to skip re-importing what the store already has. */
export async function hashDirectory(dir: string): Promise<string> {
  const hash = createHash('sha256');
  for (const spec of TABLES) {
    const path = join(dir, spec.file);
    hash.update(spec.file);
    if (existsSync(path)) hash.update(await readFile(path));
  }
  return hash.digest('hex');
}

/**
 * Imports a directory of CSV files (the layout of data/) in one transaction: every row is
 * validated first, and one bad cell anywhere rejects the whole load with all problems listed.
 * Re-importing unchanged files is a no-op; changed observations become new revisions.
 * `origin` names who owns the rows: the seed is always 'seed', wherever the checkout lives.
 */
export async function importDirectory(store: Store, dir: string, kind = 'seed', origin = kind === 'seed' ? 'seed' : `${kind}:${resolve(dir)}`): Promise<ImportResult> {
  const hash = await hashDirectory(dir);
  const [last] = await store.all<{ content_hash: string }>('ingest.last-hash', q.lastImportHash(kind, origin));
  if (last?.content_hash === hash) return { skipped: true, observationsWritten: 0 };

  return store.transaction(async (tx) => {
    await stageAll(tx, dir);
    const problems = await collectProblems(tx, origin);
    if (problems.length > 0) throw new LoadError(problems.slice(0, MAX_REPORTED), problems.length);

    const before = await countObservations(tx);
    const [record] = await tx.all<{ id: number }>('ingest.record-import', q.recordImport(kind, origin, hash, 0));
    const importId = Number(record!.id);
    for (const spec of TABLES) {
      if (spec.table === 'observations') await tx.run('ingest.append-observations', q.appendObservationRevisions(importId));
      else if (spec.table.endsWith('_links')) for (const f of q.replaceLinks(spec, origin, importId)) await tx.run(`ingest.links.${spec.table}`, f);
      else await tx.run(`ingest.upsert.${spec.table}`, q.upsertReference(spec, importId));
    }
    const written = (await countObservations(tx)) - before;
    return { skipped: false, importId, observationsWritten: written };
  });
}

async function stageAll(tx: Transaction, dir: string): Promise<void> {
  for (const spec of TABLES) {
    const path = join(dir, spec.file);
    if (!existsSync(path)) {
      await tx.run(`ingest.stage-empty.${spec.table}`, q.stageEmpty(spec));
      continue;
    }
    try {
      await tx.run(`ingest.stage.${spec.table}`, q.stageCsv(spec, path));
    } catch (error) {
      throw new LoadError([{ file: spec.file, row: 0, column: '*', reason: `unreadable CSV: ${(error as Error).message.split('\n')[0]}` }], 1);
    }
  }
}

async function collectProblems(tx: Transaction, origin: string): Promise<LoadProblem[]> {
  const problems: LoadProblem[] = [];
  for (const spec of TABLES) {
    const headerProblems = await checkHeader(tx, spec);
    problems.push(...headerProblems);
    if (headerProblems.length > 0) continue;
    const rows = await tx.all<{ row: number; column: string; reason: string }>(`ingest.validate.${spec.table}`, q.findProblems(spec));
    problems.push(...rows.map((r) => ({ file: spec.file, row: Number(r.row), column: r.column, reason: r.reason })));
    if (!spec.table.endsWith('_links') && spec.table !== 'observations') {
      const conflicts = await tx.all<{ row: number; column: string; reason: string }>(`ingest.conflicts.${spec.table}`, q.conflictingReferences(spec, origin));
      problems.push(...conflicts.map((r) => ({ file: spec.file, row: Number(r.row), column: r.column, reason: r.reason })));
    }
  }
  return problems;
}

async function checkHeader(tx: Transaction, spec: TableSpec): Promise<LoadProblem[]> {
  const present = new Set((await tx.all<{ name: string }>('ingest.staged-columns', q.stagedColumns(spec))).map((r) => r.name));
  present.delete('_row');
  const missing = spec.columns.filter((c) => !present.has(c));
  const unknown = [...present].filter((c) => !spec.columns.includes(c));
  return [
    ...missing.map((column) => ({ file: spec.file, row: 0, column, reason: 'column missing from the header' })),
    ...unknown.map((column) => ({ file: spec.file, row: 0, column, reason: `unknown column; expected ${spec.columns.join(', ')}` })),
  ];
}

async function countObservations(tx: Transaction): Promise<number> {
  const [row] = await tx.all<{ n: number }>('ingest.count-observations', q.countRows('observations'));
  return Number(row!.n);
}
