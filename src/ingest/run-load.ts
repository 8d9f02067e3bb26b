import { refreshAfterImport, type RefreshOutcome } from '../serving/refresh-serving.js';
import type { Store, Transaction } from '../store/store.js';
import * as q from '../sql/ingest-sql.js';
import { TABLES, type TableSpec } from './tables.js';
import { hierarchyProblems } from '../sql/hierarchy-checks-sql.js';
import { csvReadProblem, LoadError, MAX_REPORTED, type LoadProblem } from './load-error.js';
import { readCsvHeader } from './file-inputs.js';
import {
  dropReferencePlans,
  newTally,
  reported,
  retireUnstated,
  writeReferences,
  type ChangeTally,
  type InUseKey,
  type KeptKey,
  type ReferenceCounts,
} from './reference-writes.js';

export type { InUseKey, KeptKey, ReferenceCounts };
export { MAX_REPORTED };

/** Rows to stage: a file read by DuckDB, or rows handed over in a request. */
export type LoadInput =
  | {
      readonly kind: 'file';
      readonly spec: TableSpec;
      readonly path: string;
      readonly format: q.FileFormat;
      readonly label: string;
      readonly strictHeader: boolean;
    }
  | {
      readonly kind: 'rows';
      readonly spec: TableSpec;
      readonly rows: readonly Record<string, string | null>[];
      readonly label: string;
    };

export interface LoadProgress {
  readonly phase: 'staging' | 'validating' | 'writing' | 'serving';
  readonly label: string;
  readonly percentage: number;
  readonly rowsRead: number;
  readonly seconds: number;
}

export interface LoadOptions {
  /** 'seed', 'file', 'mutation': recorded in `imports`. */
  readonly kind: string;
  /** Who owns the rows this load writes (reference ids, link sets). */
  readonly origin: string;
  /** Fingerprint of the input; a load whose origin last loaded the same fingerprint is skipped. */
  readonly hash: string;
  readonly dryRun?: boolean;
  readonly onProgress?: (progress: LoadProgress) => void;
  /** Called as each phase starts, however short the load. */
  readonly onPhase?: (phase: LoadProgress['phase'], label: string) => void;
}

export interface LoadResult {
  readonly skipped: boolean;
  readonly dryRun: boolean;
  readonly importId?: number;
  readonly rowsRead: number;
  readonly observationsWritten: number;
  /** Revisions of reported changes (changes.csv) the load wrote; absent when none. */
  readonly changesWritten?: number;
  /** Dry run only: the revisions the load would have written. */
  readonly wouldWrite?: number;
  /** Per reference table with rows in the load: added, replaced, unchanged, kept. */
  readonly references?: Readonly<Record<string, ReferenceCounts>>;
  /** The corrections a bundled re-import kept (the first MAX_REPORTED of them; `references` counts all). */
  readonly kept?: readonly KeptKey[];
  /** Rows the load retired (moved to row_history) per table; `observations`: figures retracted. */
  readonly retired?: Readonly<Record<string, number>>;
  /** Rows a bundled re-import no longer states but kept because live rows use them (the first MAX_REPORTED). */
  readonly inUse?: readonly InUseKey[];
  /** How the serving layer followed the load (see refresh-serving). */
  readonly serving?: RefreshOutcome;
  readonly seconds: number;
}

const PROGRESS_EVERY_MS = 1000;

/** Thrown inside the transaction to roll a dry run back once it knows what it would write. */
class DryRunDone extends Error {
  constructor(
    readonly rowsRead: number,
    readonly wouldWrite: number,
    readonly tally: ChangeTally,
  ) {
    super('dry run');
  }
}

// One write at a time per process: DuckDB would fail the second of two concurrent writers with
// a transaction conflict; queuing them gives both a clean outcome.
let writeQueue: Promise<unknown> = Promise.resolve();

/**
 * The one path every load takes (seed directory, CLI file, GraphQL mutation): stage every input
 * as text, validate all rows in SQL, and write only if nothing was rejected, all in a single
 * transaction, so a load commits completely or changes nothing, also if the process dies.
 */
export function runLoad(store: Store, inputs: readonly LoadInput[], options: LoadOptions): Promise<LoadResult> {
  const next = writeQueue.then(() => load(store, inputs, options));
  writeQueue = next.catch(() => undefined);
  return next;
}

async function load(store: Store, inputs: readonly LoadInput[], options: LoadOptions): Promise<LoadResult> {
  const started = Date.now();
  const seconds = () => (Date.now() - started) / 1000;
  const [last] = await store.all<{ content_hash: string }>(
    'ingest.last-hash',
    q.lastImportHash(options.kind, options.origin),
  );
  if (last?.content_hash === options.hash && !options.dryRun)
    return { skipped: true, dryRun: false, rowsRead: 0, observationsWritten: 0, seconds: seconds() };

  try {
    return await store.transaction(
      async (tx) => {
        const track = progressTracker(tx, options.onProgress, options.onPhase, started);
        try {
          for (const spec of TABLES) await tx.run(`ingest.stage-empty.${spec.table}`, q.stageEmpty(spec));
          let rowsRead = 0;
          const problems: LoadProblem[] = [];
          for (const input of inputs) {
            track.phase('staging', input.label, rowsRead);
            const staged = await stage(tx, input);
            rowsRead += staged.rows;
            problems.push(...staged.problems);
          }
          track.phase('validating', `${rowsRead} rows`, rowsRead);
          const found = await collectProblems(tx, options.origin);
          const total = problems.length + found.total;
          if (total > 0) throw new LoadError([...problems, ...found.problems].slice(0, MAX_REPORTED), total);

          track.phase(
            'writing',
            options.dryRun ? `${rowsRead} rows (dry run: rolled back)` : `${rowsRead} rows`,
            rowsRead,
          );
          const before = await countObservations(tx);
          const changesBefore = await countChanges(tx);
          const [record] = await tx.all<{ id: number }>(
            'ingest.record-import',
            q.recordImport(options.kind, options.origin, options.hash, 0),
          );
          const importId = Number(record!.id);
          const tally = newTally();
          for (const spec of TABLES) {
            if (spec.mode === 'observations') {
              await tx.run('ingest.current-observations', q.stageCurrentObservations());
              await tx.run('ingest.append-observations', q.appendObservationRevisions(importId));
              await tx.run('ingest.record-supersessions', q.recordSupersessions(importId));
            } else if (spec.mode === 'changes') {
              await tx.run('ingest.append-changes', q.appendReportedChangeRevisions(importId));
              await tx.run('ingest.record-change-supersessions', q.recordReportedChangeSupersessions(importId));
            } else if (spec.mode === 'links')
              for (const f of q.replaceLinks(spec, options.origin, importId))
                await tx.run(`ingest.links.${spec.table}`, f);
            else await writeReferences(tx, spec, options.origin, importId, tally);
          }
          await retireUnstated(tx, options.origin, importId, tally);
          await dropReferencePlans(tx);
          const written = (await countObservations(tx)) - before;
          const changesWritten = (await countChanges(tx)) - changesBefore;
          // A dry run goes through the write too, so it can say how many revisions a load would
          // add; the rollback undoes it.
          if (options.dryRun) throw new DryRunDone(rowsRead, written, tally);
          await tx.run('ingest.rows-written', q.setRowsWritten(importId, written));
          for (const f of q.dropStaging(TABLES)) await tx.run('ingest.drop-staging', f);
          // In the same transaction: readers never see the load without its serving values.
          track.phase('serving', 'refreshing precomputed values', rowsRead);
          const serving = await refreshAfterImport(tx, importId);
          return {
            skipped: false,
            dryRun: false,
            importId,
            rowsRead,
            observationsWritten: written,
            ...(changesWritten > 0 ? { changesWritten } : {}),
            ...reported(tally),
            serving,
            seconds: seconds(),
          };
        } finally {
          track.stop();
        }
      },
      { trackProgress: options.onProgress !== undefined },
    );
  } catch (error) {
    if (error instanceof DryRunDone)
      return {
        skipped: false,
        dryRun: true,
        rowsRead: error.rowsRead,
        observationsWritten: 0,
        wouldWrite: error.wouldWrite,
        ...reported(error.tally),
        seconds: seconds(),
      };
    throw error;
  }
}

async function stage(tx: Transaction, input: LoadInput): Promise<{ rows: number; problems: LoadProblem[] }> {
  if (input.kind === 'rows') {
    if (input.rows.length > 0)
      await tx.run(`ingest.stage-rows.${input.spec.table}`, q.stageRows(input.spec, input.label, input.rows));
    return { rows: input.rows.length, problems: [] };
  }
  // A failed statement aborts a DuckDB transaction, so an unreadable file ends the load here.
  const unreadable = (error: unknown): never => {
    throw new LoadError(
      [
        {
          file: input.label,
          row: 0,
          column: '*',
          reason: `unreadable ${input.format.toUpperCase()}: ${(error as Error).message.split('\n')[0]}`,
        },
      ],
      1,
    );
  };
  // The header first (no rows read), so a file with wrong columns is not read in full.
  let header: string[];
  if (input.format === 'csv') {
    const names = await readCsvHeader(input.path);
    if (names === null) return unreadable(new Error('its first line (the header) does not end within 64 KiB'));
    header = names;
  } else {
    try {
      await tx.run(`ingest.describe.${input.format}`, q.describeFile(input.format, input.path));
    } catch (error) {
      return unreadable(error);
    }
    header = (await tx.all<{ name: string }>('ingest.staged-columns', q.stagedColumns('stage_raw'))).map((r) => r.name);
  }
  const present = new Set(header);
  const headerProblems = checkHeader(input.spec, input.label, header, input.strictHeader);
  if (headerProblems.length > 0) return { rows: 0, problems: headerProblems };
  try {
    await tx.run(
      `ingest.stage.${input.format}`,
      q.stageFile(input.spec, input.format, input.path, input.label, present, header),
    );
  } catch (error) {
    // DuckDB's reason and row for a CSV record it cannot read: one problem, where it is.
    if (input.format === 'csv') throw new LoadError([csvReadProblem(input.label, error)], 1);
    return unreadable(error);
  }
  const [count] = await tx.all<{ n: number }>('ingest.count-staged', q.countStaged(input.spec, input.label));
  return { rows: Number(count!.n), problems: [] };
}

/**
 * Unknown columns are always an error (a misspelt header would otherwise drop a column
 * silently). A CSV header must name every column; JSON Lines and Parquet writers leave out
 * null fields, so there only required columns must be present.
 */
function checkHeader(spec: TableSpec, file: string, header: readonly string[], strict: boolean): LoadProblem[] {
  const present = new Set(header);
  const needed = strict ? spec.columns.filter((c) => !spec.optional?.includes(c)) : spec.required;
  const missing = needed.filter((c) => !present.has(c));
  const unknown = [...present].filter((c) => !spec.columns.includes(c));
  const twice = [...present].filter((c) => header.indexOf(c) !== header.lastIndexOf(c));
  return [
    ...twice.map((column) => ({ file, row: 0, column, reason: 'column named twice in the header' })),
    ...missing.map((column) => ({ file, row: 0, column, reason: 'column missing from the header' })),
    ...unknown.map((column) => ({
      file,
      row: 0,
      column,
      reason: `unknown column; expected ${spec.columns.join(', ')}`,
    })),
  ];
}

type ProblemRow = { file: string; row: number; column: string; reason: string; total: number };

async function collectProblems(tx: Transaction, origin: string): Promise<{ problems: LoadProblem[]; total: number }> {
  const problems: LoadProblem[] = [];
  let total = 0;
  const add = (rows: ProblemRow[]) => {
    total += rows.length === 0 ? 0 : Number(rows[0]!.total ?? rows.length);
    problems.push(...rows.map((r) => ({ file: r.file, row: Number(r.row), column: r.column, reason: r.reason })));
  };
  // A lookup two tables share (the subjects' validity) is built once: the staged units it reads
  // do not change between their checks.
  const built = new Set<string>();
  for (const spec of TABLES) {
    if (spec.lookups && !built.has(spec.lookups.table)) {
      built.add(spec.lookups.table);
      await tx.run(`ingest.lookups.${spec.lookups.table}`, spec.lookups.prepare(origin));
    }
    add(await tx.all<ProblemRow>(`ingest.validate.${spec.table}`, q.findProblems(spec, MAX_REPORTED)));
    if (spec.table === 'unit_links')
      add(await tx.all<ProblemRow>('ingest.hierarchy', hierarchyProblems(origin, MAX_REPORTED)));
  }
  return { problems, total };
}

async function countObservations(tx: Transaction): Promise<number> {
  const [row] = await tx.all<{ n: number }>('ingest.count-observations', q.countRows('observations'));
  return Number(row!.n);
}

async function countChanges(tx: Transaction): Promise<number> {
  const [row] = await tx.all<{ n: number }>('ingest.count-changes', q.countRows('reported_changes'));
  return Number(row!.n);
}

/**
 * Reports progress once a second, only for loads that last longer than that. While a file is
 * staged, DuckDB's count of rows processed by the running statement stands for rows read; after
 * staging the exact count is known.
 */
function progressTracker(
  tx: Transaction,
  onProgress: LoadOptions['onProgress'],
  onPhase: LoadOptions['onPhase'],
  started: number,
) {
  let current = { phase: 'staging' as LoadProgress['phase'], label: '', rowsBefore: 0 };
  const timer = onProgress
    ? setInterval(() => {
        const p = tx.progress();
        const rowsRead = current.phase === 'staging' ? current.rowsBefore + p.rowsProcessed : current.rowsBefore;
        onProgress({
          phase: current.phase,
          label: current.label,
          percentage: p.percentage,
          rowsRead,
          seconds: (Date.now() - started) / 1000,
        });
      }, PROGRESS_EVERY_MS)
    : null;
  return {
    phase: (phase: LoadProgress['phase'], label: string, rowsBefore: number) => {
      current = { phase, label, rowsBefore };
      onPhase?.(phase, label);
    },
    stop: () => {
      if (timer) clearInterval(timer);
    },
  };
}
