import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareStore } from '../../src/store/build-store.js';
import { Store } from '../../src/store/store.js';
import { sql } from '../../src/store/sql.js';
import { fileInputs, hashInputs } from '../../src/ingest/file-inputs.js';
import { runLoad } from '../../src/ingest/run-load.js';
import { runQuery } from '../../src/cli/run-query.js';
import { csvLine, readDataFiles, rowsOf, withoutUnits, writeDataFiles } from '../support/data-copy.js';

const cleanup: string[] = [];
afterAll(async () => {
  for (const dir of cleanup) await rm(dir, { recursive: true, force: true });
});

async function count(store: Store, query: ReturnType<typeof sql>): Promise<number> {
  const [row] = await store.all<Record<string, number | bigint>>('test.count', query);
  return Number(Object.values(row!)[0]);
}

type Figure = { indicator: string; period: string; value: number };

/** A unit's figures through GraphQL, as now or as the store was at `asOf`. */
async function figures(store: Store, code: string, asOf?: string): Promise<Figure[]> {
  const args = asOf ? `(asOf: "${asOf}")` : '';
  const answer = await runQuery(
    store,
    `{ locality(code: "${code}") { observations${args} { indicator { code } period value } } }`,
  );
  expect(answer.errors).toBeUndefined();
  type Answer = { locality: { observations: { indicator: { code: string }; period: string; value: number }[] } };
  return (answer.data as Answer).locality.observations.map((o) => ({
    indicator: o.indicator.code,
    period: o.period,
    value: o.value,
  }));
}

/** A kind that may sit directly under each kind that has children. */
const CHILD_KIND: Record<string, string> = {
  PROVINCE: 'COMMUNE',
  DISTRICT: 'COMMUNE',
  COMMUNE: 'VILLAGE',
  PARTY_COMMITTEE: 'PARTY_CELL',
};

describe('a re-import of a changed seed retires what it no longer states', { timeout: 240_000 }, () => {
  it("moves the seed's dropped units and links to history, retracts its dropped figures, and keeps what a user's rows use", async () => {
    const data = await readDataFiles();
    // Two units the seed states and has figures for, whatever the seed holds: the last and the
    // first subject of its figures. The changed seed drops both (as the seed's look-alike units
    // are dropped for the national ones) with everything that names them.
    const seedUnits = new Set(rowsOf(data['units.csv']!).map((u) => u.id!));
    const seedFigures = rowsOf(data['observations.csv']!);
    const subjects = [...new Set(seedFigures.map((o) => o.subject_id!))].filter((id) => seedUnits.has(id));
    const dropped = subjects.at(-1)!;
    const used = subjects[0]!;
    expect(dropped).not.toBe(used);
    const changed = withoutUnits(data, [dropped, used]);
    expect(changed.removed['observations.csv']).toBeGreaterThan(1);

    const dir = await mkdtemp(join(tmpdir(), 'grassroots-retire-'));
    cleanup.push(dir);
    const before = await writeDataFiles(data);
    const after = await writeDataFiles(changed.files);
    cleanup.push(before, after);
    const path = join(dir, 'store.duckdb');
    await prepareStore(path, before);

    // A user's rows that use `used`: a corrected figure (a new revision of one of the seed's) and
    // a hamlet of theirs linked to it.
    const usedRow = rowsOf(data['units.csv']!).find((u) => u.id === used)!;
    const usedFigure = seedFigures.find((o) => o.subject_id === used)!;
    const mine = join(dir, 'mine');
    await mkdir(mine);
    // A unit of the kind that sits under `used` (a loaded link must respect the hierarchy's kinds).
    const childKind = CHILD_KIND[usedRow.kind!]!;
    const mineId = `${childKind.toLowerCase().replace('_', '-')}/user-unit`;
    const units = ['id,kind,name,level,admin_unit_id,valid_from,valid_to,source_id,note,gso_code,unit_type,name_en'];
    units.push(csvLine([mineId, childKind, 'User Unit', '', '', '', '', usedRow.source_id!, '', '', '', '']));
    await writeFile(join(mine, 'units.csv'), units.join('\n') + '\n');
    await writeFile(
      join(mine, 'unit_links.csv'),
      `child_id,parent_id,valid_from,valid_to,source_id,note\n${mineId},${used},,,${usedRow.source_id},\n`,
    );
    const observationColumns = Object.keys(usedFigure);
    const corrected: Record<string, string> = { ...usedFigure, value: String(Number(usedFigure.value) + 1) };
    await writeFile(
      join(mine, 'observations.csv'),
      `${observationColumns.join(',')}\n${csvLine(observationColumns.map((c) => corrected[c] ?? ''))}\n`,
    );
    let store = await Store.open({ path, poolSize: 1 });
    const inputs = await fileInputs(mine);
    const origin = `file:${mine}`;
    const userLoad = await runLoad(store, inputs, { kind: 'file', origin, hash: await hashInputs(inputs) });
    expect(userLoad.observationsWritten).toBe(1);
    const [{ at: beforeRetirement }] = (await store.all<{ at: string }>(
      'test.now',
      sql`SELECT strftime(max(recorded_at), '%Y-%m-%dT%H:%M:%S.%gZ') AS at FROM observations`,
    )) as [{ at: string }];
    const droppedFigures = await figures(store, dropped);
    expect(droppedFigures.length).toBeGreaterThan(0);
    const usedFiguresBefore = await figures(store, used);
    store.close();

    const result = await prepareStore(path, after);
    expect(result.seed.retired).toMatchObject({
      // Every dropped figure but the one whose current revision is the user's.
      observations: changed.removed['observations.csv']! - 1,
      units: changed.units.length - 1,
      unit_links: changed.removed['unit_links.csv'],
      ...(changed.removed['document_links.csv'] ? { document_links: changed.removed['document_links.csv'] } : {}),
    });
    expect(result.seed.inUse).toEqual([
      { table: 'units', key: used, usedBy: `observations (${origin}); unit_links (${origin})` },
    ]);

    store = await Store.open({ path, poolSize: 1 });
    try {
      // The dropped unit left the live tables for row_history, with who wrote and who retired it.
      expect(await count(store, sql`SELECT count(*) FROM units WHERE id = ${dropped}`)).toBe(0);
      const [retired] = await store.all<{ change: string; writtenBy: string; replacedBy: number; name: string }>(
        'test.history',
        sql`SELECT h.change, w.origin AS "writtenBy", h.replaced_by AS "replacedBy", h.old_row->>'name' AS name
          FROM row_history h JOIN imports w ON w.id = h.written_by WHERE h.table_name = 'units' AND h.row_key = ${dropped}`,
      );
      expect(retired).toEqual({
        change: 'RETIRED',
        writtenBy: 'seed',
        replacedBy: result.seed.importId,
        name: rowsOf(data['units.csv']!).find((u) => u.id === dropped)!.name,
      });
      expect(
        await count(store, sql`SELECT count(*) FROM unit_links WHERE child_id = ${dropped} OR parent_id = ${dropped}`),
      ).toBe(0);
      expect(
        await count(
          store,
          sql`SELECT count(*) FROM row_history WHERE table_name = 'unit_links' AND change = 'RETIRED' AND row_key LIKE '%' || ${dropped} || '%'`,
        ),
      ).toBeGreaterThan(0);
      // Its figures are retracted, not deleted: a read as of before the re-import still sees them.
      expect(await count(store, sql`SELECT count(*) FROM current_observations WHERE subject_id = ${dropped}`)).toBe(0);
      expect(
        await count(
          store,
          sql`SELECT count(*) FROM observations o JOIN superseded_observations s ON s.id = o.id
            WHERE o.subject_id = ${dropped} AND s.retracted_by = ${result.seed.importId!}`,
        ),
      ).toBe(droppedFigures.length);

      // The used unit stays, with the user's figure and link; the seed's other figures on it are
      // retracted, and an earlier read still sees them.
      expect(await count(store, sql`SELECT count(*) FROM units WHERE id = ${used}`)).toBe(1);
      expect(
        await count(store, sql`SELECT count(*) FROM unit_links WHERE child_id = ${mineId} AND parent_id = ${used}`),
      ).toBe(1);
      expect(await figures(store, used)).toEqual([
        { indicator: corrected.indicator, period: corrected.period, value: Number(corrected.value) },
      ]);
      expect(await figures(store, used, beforeRetirement)).toEqual(usedFiguresBefore);
      expect(usedFiguresBefore).toContainEqual({
        indicator: corrected.indicator,
        period: corrected.period,
        value: Number(corrected.value),
      });
    } finally {
      store.close();
    }

    // Starting again on the same files changes nothing.
    const again = await prepareStore(path, after);
    expect(again.seed.skipped).toBe(true);
  });
});
