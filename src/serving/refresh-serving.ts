import type { Store, Transaction } from '../store/store.js';
import * as q from './serving-sql.js';

export type RefreshOutcome = 'full' | 'incremental' | 'left-stale';

/**
 * Indicators per pass: fewer passes scan the observations fewer times, but a pass's memory grows
 * with its indicators (national, DuckDB at 3GB: 3.1 GB peak with one, 3.3 with two, 4.0 with four).
 */
const INDICATORS_PER_PASS = 2;

/** One pass of a full build: neighbouring indicators (in layer order) summed from the same kinds. */
interface BuildPass {
  readonly indicators: string[];
  readonly rollups: readonly string[];
}

/**
 * Passes in indicator order, so that each pass, written sorted, extends the layer in its order:
 * a pass takes the next indicators as long as they roll up from the same kinds.
 */
function passes(kinds: readonly { indicator: string; kinds: string[] }[]): BuildPass[] {
  const out: BuildPass[] = [];
  for (const { indicator, kinds: rollups } of kinds) {
    const last = out.at(-1);
    if (last && last.indicators.length < INDICATORS_PER_PASS && last.rollups.join(',') === rollups.join(','))
      last.indicators.push(indicator);
    else out.push({ indicators: [indicator], rollups });
  }
  return out;
}

/** Empties the layer, numbers the units afresh and plans the passes (indicators sorted by code). */
async function startBuild(tx: Transaction): Promise<void> {
  for (const f of q.clearServing()) await tx.run('serving.clear', f);
  await tx.run('serving.number-units', q.numberAllUnits());
}

async function planBuild(tx: Pick<Transaction, 'all'>): Promise<BuildPass[]> {
  return passes(
    await tx.all<{ indicator: string; kinds: string[] }>('serving.rollup-kinds', q.rollupKindsPerIndicator()),
  );
}

async function runPass(tx: Transaction, { indicators, rollups }: BuildPass): Promise<void> {
  if (rollups.length <= 1) {
    await tx.run('serving.insert', q.insertOwnAndRolled(indicators, rollups[0] ?? null));
  } else {
    await tx.run('serving.own', q.createOwnTable(indicators));
    await tx.run('serving.insert-own-and-rolled', q.insertOwnAndRolledFromOwn(indicators, rollups));
    await tx.run('serving.drop-own', q.dropOwnTable());
  }
}

async function finishBuild(tx: Transaction): Promise<void> {
  const [state] = await tx.all<{ latestImport: number | null }>('serving.state', q.servingState());
  for (const f of q.markRefreshed(state?.latestImport ?? 0, 'full')) await tx.run('serving.mark', f);
}

/**
 * Rebuilds the serving layer from the observations, inside the caller's transaction: readers see
 * the old layer or the new one, never a half-built one.
 */
export async function rebuildServing(tx: Transaction, onStep: (step: string) => void = () => {}): Promise<void> {
  await startBuild(tx);
  for (const pass of await planBuild(tx)) {
    await runPass(tx, pass);
    onStep(pass.indicators.join(', '));
  }
  await finishBuild(tx);
}

/**
 * The same build with every pass committed on its own and noted in the store, so that a build
 * that was killed goes on at its next pass when run again. Between passes the layer is half
 * built: only for a store that nobody serves yet (the generator's, before it is put in place).
 */
export async function rebuildServingInSteps(store: Store, onStep: (step: string) => void = () => {}): Promise<void> {
  const done = await store.transaction(async (tx) => {
    await tx.run('serving.build-progress', q.createBuildProgress());
    return new Set((await tx.all<{ step: string }>('serving.build-steps', q.buildStepsDone())).map((r) => r.step));
  });
  const step = async (name: string, work: (tx: Transaction) => Promise<void>) => {
    if (done.has(name)) return onStep(`${name} (done before)`);
    await store.transaction(async (tx) => {
      await work(tx);
      await tx.run('serving.build-step', q.markBuildStep(name));
    });
    onStep(name);
  };
  await step('units numbered', startBuild);
  for (const pass of await store.transaction(planBuild))
    await step(pass.indicators.join(', '), (tx) => runPass(tx, pass));
  await store.transaction(async (tx) => {
    await finishBuild(tx);
    await tx.run('serving.build-progress-drop', q.dropBuildProgress());
  });
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
  const [scope] = await tx.all<{
    indicators: string[] | null;
    from: string | null;
    to: string | null;
    periods: string[] | null;
  }>('serving.touched-scope', q.touchedScope());
  if (scope?.indicators && scope.from !== null && scope.to !== null) {
    const touched = { indicators: scope.indicators, from: scope.from, to: scope.to, periods: scope.periods };
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
