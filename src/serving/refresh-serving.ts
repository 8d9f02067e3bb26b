import type { Store, Transaction } from '../store/store.js';
import * as q from './serving-sql.js';

export type RefreshOutcome = 'full' | 'incremental' | 'left-stale';

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
  for (const f of q.writeBuildInLayerOrder()) await tx.run('serving.write', f);
  onStep('(written in layer order)');
  const [state] = await tx.all<{ latestImport: number | null }>('serving.state', q.servingState());
  for (const f of q.markRefreshed(state?.latestImport ?? 0, 'full')) await tx.run('serving.mark', f);
}

/**
 * Keeps a fresh serving layer fresh after an import, inside the import's transaction. A layer
 * that was already behind stays behind (a partial refresh cannot make it whole): the general path
 * answers until `ensureServingFresh` rebuilds it. An import that changed units, links or the
 * catalogue rebuilds the layer (any rollup may change); one that wrote figures recomputes only
 * the (unit, indicator, period) keys it touched and their ancestors' rollups, as sets in SQL
 * (`createTouchedKeys`), however many units it touched.
 */
export async function refreshAfterImport(tx: Transaction, importId: number): Promise<RefreshOutcome> {
  const [before] = await tx.all<{ previous: number | null; served: number | null }>(
    'serving.before',
    q.stateBefore(importId),
  );
  if (before?.served == null || before.served !== before.previous) return 'left-stale';
  const [structure] = await tx.all<{ changed: boolean }>('serving.structure', q.importChangedStructure(importId));
  if (structure?.changed) {
    await rebuildServing(tx);
    return 'full';
  }
  await tx.run('serving.touched', q.createTouchedKeys(importId));
  const [scope] = await tx.all<{ indicators: string[] | null; from: string | null; to: string | null }>(
    'serving.touched-scope',
    q.touchedScope(),
  );
  if (scope?.indicators && scope.from !== null && scope.to !== null) {
    const touched = { indicators: scope.indicators, from: scope.from, to: scope.to };
    await tx.run('serving.rolled', q.createRolledKeys());
    for (const f of q.deleteTouchedValues()) await tx.run('serving.delete', f);
    await tx.run('serving.insert-own', q.insertTouchedOwn(touched));
    // Rollups read the own values just written, not a second computation of them.
    await tx.run('serving.rolled-own', q.createRolledOwn(touched));
    for (const { kind } of await tx.all<{ kind: string }>('serving.rolled-kinds', q.rolledOwnKinds()))
      await tx.run('serving.insert-rolled', q.insertTouchedRolled(kind, touched));
  }
  for (const f of q.dropTouched()) await tx.run('serving.drop-touched', f);
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
