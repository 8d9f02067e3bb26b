import type { Store, Transaction } from '../store/store.js';
import * as q from './serving-sql.js';
import { allIndicators } from '../sql/catalog-sql.js';

export type RefreshOutcome = 'full' | 'incremental' | 'left-stale';

/** Past this many units to recompute, rebuilding everything is cheaper than deleting and redoing them. */
const INCREMENTAL_LIMIT = 20_000;

/** Indicators per pass: fewer passes scan the observations fewer times, up to memory (see createOwnTable). */
const INDICATORS_PER_PASS = 4;

/** Indicators summed from the same kinds share passes. */
function batches(kinds: { indicator: string; kinds: string[] }[]): { indicators: string[]; rollups: string[] }[] {
  const byKinds = new Map<string, string[]>();
  for (const k of kinds) byKinds.set(k.kinds.join(','), [...(byKinds.get(k.kinds.join(',')) ?? []), k.indicator]);
  const out: { indicators: string[]; rollups: string[] }[] = [];
  for (const [key, indicators] of byKinds) {
    for (let i = 0; i < indicators.length; i += INDICATORS_PER_PASS) {
      out.push({ indicators: indicators.slice(i, i + INDICATORS_PER_PASS), rollups: key === '' ? [] : key.split(',') });
    }
  }
  return out;
}

/**
 * Rebuilds the serving layer from the observations, inside the caller's transaction: readers see
 * the old layer or the new one, never a half-built one.
 */
export async function rebuildServing(tx: Transaction, onStep: (step: string) => void = () => {}): Promise<void> {
  for (const f of q.clearServing()) await tx.run('serving.clear', f);
  await tx.run('serving.number-units', q.numberAllUnits());
  const kinds = await tx.all<{ indicator: string; kinds: string[] }>(
    'serving.rollup-kinds',
    q.rollupKindsPerIndicator(),
  );
  await tx.run('serving.build-table', q.createBuildTable());
  for (const { indicators, rollups } of batches(kinds)) {
    if (rollups.length <= 1) {
      await tx.run('serving.insert', q.insertOwnAndRolled(indicators, rollups[0] ?? null));
    } else {
      await tx.run('serving.own', q.createOwnTable(indicators));
      await tx.run('serving.insert-own', q.insertOwnFromTable(indicators));
      for (const kind of rollups) await tx.run('serving.insert-rolled', q.insertRolledFromOwn(kind, indicators));
    }
    onStep(indicators.join(', '));
  }
  for (const f of q.writeBuildInKeyOrder()) await tx.run('serving.write', f);
  onStep('(written in key order)');
  const [state] = await tx.all<{ latestImport: number | null }>('serving.state', q.servingState());
  for (const f of q.markRefreshed(state?.latestImport ?? 0, 'full')) await tx.run('serving.mark', f);
}

/**
 * Keeps a fresh serving layer fresh after an import, inside the import's transaction. A layer
 * that was already behind stays behind (a partial refresh cannot make it whole): the general path
 * answers until `ensureServingFresh` rebuilds it.
 */
export async function refreshAfterImport(tx: Transaction, importId: number): Promise<RefreshOutcome> {
  const [before] = await tx.all<{ previous: number | null; served: number | null }>(
    'serving.before',
    q.stateBefore(importId),
  );
  if (before?.served == null || before.served !== before.previous) return 'left-stale';
  const [structure] = await tx.all<{ changed: boolean }>('serving.structure', q.importChangedStructure(importId));
  const subjects = (await tx.all<{ id: string }>('serving.subjects', q.importSubjects(importId))).map((r) => r.id);
  const ancestors =
    subjects.length === 0
      ? []
      : (await tx.all<{ id: string }>('serving.ancestors', q.ancestorsOf(subjects))).map((r) => r.id);
  const rolled = [...new Set([...subjects, ...ancestors])];
  if (structure?.changed || rolled.length > INCREMENTAL_LIMIT) {
    await rebuildServing(tx);
    return 'full';
  }
  if (subjects.length > 0) {
    await tx.run('serving.delete', q.deleteValues(subjects, rolled));
    const indicators = (await tx.all<{ code: string }>('catalog.indicators', allIndicators())).map((r) => r.code);
    await tx.run('serving.insert-own', q.insertValues({ ids: subjects }, indicators, null, true));
    for (const { kind } of await tx.all<{ kind: string }>('serving.kinds', q.allKinds())) {
      await tx.run('serving.insert-rolled', q.insertValues({ ids: rolled }, indicators, kind, false));
    }
  }
  for (const f of q.markRefreshed(importId, 'incremental')) await tx.run('serving.mark', f);
  return 'incremental';
}

/** Whether the layer reflects the latest import (an empty store has nothing to serve). */
export async function isServingFresh(store: Pick<Store, 'all'>): Promise<boolean> {
  // A store from before the serving layer (a snapshot of one, say) has no state table: not fresh.
  const [state] = await store
    .all<{ servedImport: number | null; latestImport: number | null }>('serving.state', q.servingState())
    .catch(() => []);
  return state?.servedImport != null && state.servedImport === state.latestImport;
}

/** Rebuilds a stale layer in its own transaction (store start, after generation). */
export async function ensureServingFresh(
  store: Store,
  onStep?: (step: string) => void,
): Promise<RefreshOutcome | 'fresh'> {
  if (await isServingFresh(store)) return 'fresh';
  await store.transaction((tx) => rebuildServing(tx, onStep));
  return 'full';
}
