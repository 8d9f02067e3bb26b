import type { Transaction } from '../store/store.js';
import * as q from '../sql/ingest-sql.js';
import * as r from '../sql/retire-sql.js';
import { TABLES, type TableSpec } from './tables.js';
import { MAX_REPORTED } from './load-error.js';

/** What a load did with the rows of one reference table (sources, indicators, units, documents). */
export interface ReferenceCounts {
  /** New keys. */
  readonly added: number;
  /** Keys whose stored row differed: the old version went to row_history. */
  readonly replaced: number;
  /** Rows equal to the stored ones: not written, no history. */
  readonly unchanged: number;
  /** Keys a re-import of a bundled origin left as another origin wrote them. */
  readonly kept: number;
}

/** A key a bundled re-import did not overwrite, and whose load it kept instead. */
export interface KeptKey {
  readonly table: string;
  readonly key: string;
  readonly heldBy: number;
  readonly heldByOrigin: string;
}

/** A row a bundled re-import no longer states but did not retire, and what uses it. */
export interface InUseKey {
  readonly table: string;
  readonly key: string;
  /** The referring tables with their origins, e.g. "observations (file:/data/mine.csv)". */
  readonly usedBy: string;
}

/** What one load's writes did to reference rows and links, gathered as it goes. */
export interface ChangeTally {
  readonly counts: Record<string, ReferenceCounts>;
  readonly kept: KeptKey[];
  readonly retired: Record<string, number>;
  readonly inUse: InUseKey[];
}

export const newTally = (): ChangeTally => ({ counts: {}, kept: [], retired: {}, inUse: [] });

/** Writes one reference table's staged rows by the rule in planReferenceWrite, and tallies them. */
export async function writeReferences(
  tx: Transaction,
  spec: TableSpec,
  origin: string,
  importId: number,
  tally: ChangeTally,
): Promise<void> {
  for (const f of q.planReferenceWrite(spec, origin)) await tx.run(`ingest.plan.${spec.table}`, f);
  const [count] = await tx.all<{ staged: number; added: number; replaced: number; kept: number }>(
    `ingest.count.${spec.table}`,
    q.countReferenceWrite(spec),
  );
  const { staged, added, replaced, kept } = count!;
  if (staged > 0) tally.counts[spec.table] = { added, replaced, unchanged: staged - added - replaced - kept, kept };
  if (kept > 0 && tally.kept.length < MAX_REPORTED)
    tally.kept.push(
      ...(await tx.all<KeptKey>(`ingest.kept.${spec.table}`, q.keptReferences(spec, MAX_REPORTED - tally.kept.length))),
    );
  for (const f of q.writeReferences(spec, importId)) await tx.run(`ingest.write.${spec.table}`, f);
}

/**
 * After every table is written: a bundled origin's re-import retires what it no longer states
 * (the rule is in src/sql/retire-sql.ts), and any load counts the rows it retired, links
 * included.
 */
export async function retireUnstated(
  tx: Transaction,
  origin: string,
  importId: number,
  tally: ChangeTally,
): Promise<void> {
  if (q.isBundled(origin)) {
    await tx.run('ingest.retract', r.retractUnstatedObservations(origin, importId));
    await tx.run('ingest.retract-changes', r.retractUnstatedChanges(origin, importId));
    for (const table of r.RETIRE_ORDER) {
      for (const f of r.planRetirement(table, origin)) await tx.run(`ingest.plan-retire.${table}`, f);
      if (tally.inUse.length < MAX_REPORTED)
        tally.inUse.push(
          ...(await tx.all<InUseKey>(`ingest.in-use.${table}`, r.heldRows(table, MAX_REPORTED - tally.inUse.length))),
        );
      for (const f of r.retire(table, importId)) await tx.run(`ingest.retire.${table}`, f);
    }
    const [retracted] = await tx.all<{ n: number }>('ingest.count-retracted', r.countRetracted(importId));
    if (retracted!.n > 0) tally.retired.observations = retracted!.n;
    const [changes] = await tx.all<{ n: number }>('ingest.count-retracted-changes', r.countRetractedChanges(importId));
    if (changes!.n > 0) tally.retired.reported_changes = changes!.n;
  }
  for (const row of await tx.all<{ table: string; n: number }>('ingest.count-retired', r.countRetired(importId)))
    tally.retired[row.table] = row.n;
}

export async function dropReferencePlans(tx: Transaction): Promise<void> {
  for (const spec of TABLES.filter((s) => s.mode === 'reference'))
    for (const f of q.dropReferencePlan(spec)) await tx.run('ingest.drop-plan', f);
}

/** The tallies a load's result carries, each only when the load touched it. */
export interface Reported {
  references?: Record<string, ReferenceCounts>;
  kept?: KeptKey[];
  retired?: Record<string, number>;
  inUse?: InUseKey[];
}

export function reported(tally: ChangeTally): Reported {
  const out: Reported = {};
  if (Object.keys(tally.counts).length > 0) out.references = tally.counts;
  if (tally.kept.length > 0) out.kept = tally.kept;
  if (Object.keys(tally.retired).length > 0) out.retired = tally.retired;
  if (tally.inUse.length > 0) out.inUse = tally.inUse;
  return out;
}
