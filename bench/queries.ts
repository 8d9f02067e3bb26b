import { QUALIFIERS } from '../src/domain/rows.js';

/**
 * The benchmark mix: each question as a GraphQL request and twice as SQL run straight on
 * DuckDB: `sql` as a DuckDB user would write it on the tables of record (`current_observations`,
 * latest revisions), and `servingSql` on the serving layer the server reads (the same values,
 * precomputed and keyed by integers): the limit of this machine for the question.
 */
export interface BenchQuery {
  readonly name: string;
  readonly description: string;
  readonly graphql: string;
  readonly variables: (pick: Picker) => Record<string, unknown>;
  readonly sql: (vars: Record<string, unknown>) => string;
  readonly servingSql: (vars: Record<string, unknown>) => string;
  readonly runs: number;
  /** Not part of issue 6's mix: measured only with BENCH_EXTRA=1 (keeps the default run short). */
  readonly extra?: boolean;
  /**
   * The same question with new arguments on every request (issue 21): the operation, with the
   * arguments the mix fixes as variables, and a draw of them. `sql` and `servingSql` take its
   * variables too (defaulting to the mix's).
   */
  readonly fresh?: {
    readonly graphql: string;
    readonly variables: (pick: FreshPicker) => Record<string, unknown>;
  };
}

/** Draws for the fresh-argument runs; the caller keeps every draw of a run distinct. */
export interface FreshPicker extends Picker {
  random(): number;
  /** A province number, 1-based. */
  provinceNumber(): number;
  /** A village indicator summed when rolled up. */
  villageIndicator(): string;
}

export interface Picker {
  commune(): { commune: string; committee: string; province: string; provinceCommittee: string };
  province(): {
    province: string;
    provinceGlobalId: string;
    provinceCommittee: string;
    provinceCommitteeGlobalId: string;
  };
}

const q = (s: unknown) => `'${String(s).replace(/'/g, "''")}'`;
const QUALIFIER_LIST = `[${QUALIFIERS.map(q).join(', ')}]`;
const COMMITTEE_SERIES = ['members', 'em_members', 'new_members', 'admission_target', 'subordinate_party_orgs'];
const keyOf = (id: unknown) => `(SELECT unit_key FROM serving_units WHERE unit_id = ${q(id)})`;
/** Keys of the children of `parent` (any link date, as the rollups count them by date). */
const childKeys = (parent: string) =>
  `(SELECT s.unit_key FROM unit_links l JOIN serving_units s ON s.unit_id = l.child_id WHERE l.parent_id = ${parent})`;

export const QUERIES: readonly BenchQuery[] = [
  {
    name: 'Q1',
    description:
      "commune profile: 5 indicators 2010–2026 of its Party committee plus its villages' latest poor households",
    graphql: `query Q1($code: String!) { locality(code: $code) { name ... on Commune {
      partyCommittee { ${COMMITTEE_SERIES.map((c, i) => `s${i}: series(indicator: "${c}", from: "2010", to: "2026") { points { period value qualifier } }`).join(' ')} }
      villages(first: 100) { nodes { code latest(indicator: "poor_households") { period value qualifier } } } } } }`,
    variables: (p) => ({ code: p.commune().commune }),
    sql: (v) => `
      SELECT indicator, period, value, qualifier FROM current_observations
      WHERE subject_id = (SELECT id FROM units WHERE admin_unit_id = ${q(v['code'])} AND kind = 'PARTY_COMMITTEE')
        AND indicator IN (${COMMITTEE_SERIES.map(q).join(', ')}) AND period_start BETWEEN ${yearStart(v['from'] ?? '2010')} AND ${yearEnd(v['to'] ?? '2026')}
      ORDER BY indicator, period_start;
      SELECT o.subject_id, o.period, o.value, o.qualifier FROM current_observations o
      WHERE o.subject_id IN (SELECT child_id FROM unit_links WHERE parent_id = ${q(v['code'])}) AND o.indicator = ${q(v['indicator'] ?? 'poor_households')}
      QUALIFY row_number() OVER (PARTITION BY o.subject_id ORDER BY o.period_start DESC) = 1`,
    servingSql: (v) => `
      SELECT indicator, period, value, qualifier FROM serving_values
      WHERE unit_key = ${keyOf(String(v['code']).replace('commune/', 'party-committee/'))} AND rollup_from = ''
        AND indicator IN (${COMMITTEE_SERIES.map(q).join(', ')}) AND period_start BETWEEN ${yearStart(v['from'] ?? '2010')} AND ${yearEnd(v['to'] ?? '2026')}
      ORDER BY indicator, period_start;
      SELECT unit_key, period, value, qualifier FROM serving_values
      WHERE unit_key IN ${childKeys(q(v['code']))} AND indicator = ${q(v['indicator'] ?? 'poor_households')} AND rollup_from = ''
      QUALIFY row_number() OVER (PARTITION BY unit_key ORDER BY period_start DESC) = 1`,
    runs: 40,
    // a new commune, window start and village indicator each time (3,366 × 7 × 14 questions)
    fresh: {
      graphql: `query Q1fresh($code: String!, $from: String!, $indicator: String!) { locality(code: $code) { name ... on Commune {
      partyCommittee { ${COMMITTEE_SERIES.map((c, i) => `s${i}: series(indicator: "${c}", from: $from, to: "2026") { points { period value qualifier } }`).join(' ')} }
      villages(first: 100) { nodes { code latest(indicator: $indicator) { period value qualifier } } } } } }`,
      variables: (p) => ({
        code: p.commune().commune,
        from: String(2010 + Math.floor(p.random() * 7)),
        to: '2026',
        indicator: p.villageIndicator(),
      }),
    },
  },
  {
    name: 'Q2',
    description: 'top 20 communes nationwide by percent decline in poor households 2024→2025 (villages rolled up)',
    graphql: `query Q2 { ranking(indicator: "poor_households", kind: COMMUNE, by: PERCENT_CHANGE, from: "2024", to: "2025", order: ASC, rollup: VILLAGE, first: 20) {
      peerCount entries { rank sortValue locality { code name } } } }`,
    variables: () => ({}),
    sql: (v) => {
      const [i, a, b] = [q(v['indicator'] ?? 'poor_households'), q(v['from'] ?? '2024'), q(v['to'] ?? '2025')];
      return `
      WITH sums AS (
        SELECT l.parent_id AS commune, sum(o.value) FILTER (WHERE o.period = ${a}) AS v2024, sum(o.value) FILTER (WHERE o.period = ${b}) AS v2025
        FROM current_observations o JOIN unit_links l ON l.child_id = o.subject_id
        JOIN units c ON c.id = l.parent_id AND c.kind = 'COMMUNE'
        WHERE o.indicator = ${i} AND o.period IN (${a}, ${b})
        GROUP BY l.parent_id
      )
      SELECT commune, (v2025 / v2024 - 1) * 100 AS pct, rank() OVER (ORDER BY (v2025 / v2024 - 1)) AS rank
      FROM sums WHERE v2024 > 0 AND v2025 IS NOT NULL ORDER BY pct LIMIT 20`;
    },
    servingSql: (v) => {
      const [i, a, b] = [q(v['indicator'] ?? 'poor_households'), q(v['from'] ?? '2024'), q(v['to'] ?? '2025')];
      return `
      WITH pairs AS (
        SELECT unit_key, any_value(value) FILTER (WHERE period = ${a}) AS v2024, any_value(value) FILTER (WHERE period = ${b}) AS v2025
        FROM serving_values WHERE indicator = ${i} AND rollup_from IN ('', 'VILLAGE') AND period IN (${a}, ${b})
          AND unit_key IN (SELECT s.unit_key FROM units u JOIN serving_units s ON s.unit_id = u.id WHERE u.kind = 'COMMUNE')
        GROUP BY unit_key
      )
      SELECT unit_key, (v2025 / v2024 - 1) * 100 AS pct, rank() OVER (ORDER BY (v2025 / v2024 - 1)) AS rank
      FROM pairs WHERE v2024 > 0 AND v2025 IS NOT NULL ORDER BY pct LIMIT 20`;
    },
    runs: 20,
    // a new indicator and pair of years each time (14 × 136 questions)
    fresh: {
      graphql: `query Q2fresh($indicator: String!, $from: String!, $to: String!) { ranking(indicator: $indicator, kind: COMMUNE, by: PERCENT_CHANGE, from: $from, to: $to, order: ASC, rollup: VILLAGE, first: 20) {
      peerCount entries { rank sortValue locality { code name } } } }`,
      variables: (p) => ({ indicator: p.villageIndicator(), ...yearPair(p) }),
    },
  },
  {
    name: 'Q3',
    description:
      "a province's Party members per year with the ethnic-minority share, rolled up from commune committees",
    graphql: `query Q3($code: String!) { locality(code: $code) {
      members: series(indicator: "members", rollup: PARTY_COMMITTEE) { points { period value lower upper reporting expected } }
      share: series(indicator: "em_member_share", rollup: PARTY_COMMITTEE) { points { period value lower upper } } } }`,
    variables: (p) => ({ code: p.province().provinceCommittee }),
    sql: (v) => `
      SELECT o.period, sum(o.value) FILTER (WHERE o.indicator = 'members') AS members,
             sum(o.value) FILTER (WHERE o.indicator = 'em_members') / sum(o.value) FILTER (WHERE o.indicator = 'members') AS share
      FROM current_observations o JOIN unit_links l ON l.child_id = o.subject_id AND l.parent_id = ${q(v['code'])}
      WHERE o.indicator IN ('members', 'em_members') GROUP BY o.period ORDER BY o.period`,
    servingSql: (v) => `
      SELECT indicator, period, value, lower, upper, reporting, expected FROM serving_values
      WHERE unit_key = ${keyOf(v['code'])} AND indicator IN ('members', 'em_member_share') AND rollup_from IN ('', 'PARTY_COMMITTEE')
      ORDER BY indicator, period_start`,
    runs: 30,
  },
  {
    name: 'Q4',
    description: "dashboard table: one province's communes × 3 indicators × 3 years, pivoted (villages rolled up)",
    graphql: `query Q4($within: ID!) { table(kind: COMMUNE, within: $within, indicators: ["households", "poor_households", "coffee_area"], periods: ["2023", "2024", "2025"], rollup: VILLAGE) {
      pivot { periods rows { locality { code } indicator values qualifiers } } } }`,
    variables: (p) => sameProvince(p),
    sql: (v) => {
      const indicators = ((v['indicators'] as string[] | undefined) ?? Q4_INDICATORS).map(q).join(', ');
      const [y1, y2, y3] = ((v['periods'] as string[] | undefined) ?? Q4_PERIODS).map(q);
      return `
      SELECT l.parent_id AS commune, o.indicator,
             sum(o.value) FILTER (WHERE o.period = ${y1}) AS y2023, sum(o.value) FILTER (WHERE o.period = ${y2}) AS y2024,
             sum(o.value) FILTER (WHERE o.period = ${y3}) AS y2025
      FROM unit_links pl JOIN unit_links l ON l.parent_id = pl.child_id
      JOIN current_observations o ON o.subject_id = l.child_id
      WHERE pl.parent_id = ${q(v['province'])} AND o.indicator IN (${indicators}) AND o.period IN (${y1}, ${y2}, ${y3})
      GROUP BY l.parent_id, o.indicator ORDER BY 1, 2`;
    },
    servingSql: (v) => {
      const indicators = ((v['indicators'] as string[] | undefined) ?? Q4_INDICATORS).map(q).join(', ');
      const periods = ((v['periods'] as string[] | undefined) ?? Q4_PERIODS).map(q).join(', ');
      return `
      SELECT unit_key, indicator, list(value ORDER BY period_start) AS "values", list(qualifier ORDER BY period_start) AS qualifiers
      FROM serving_values
      WHERE unit_key IN ${childKeys(q(v['province']))} AND indicator IN (${indicators})
        AND rollup_from IN ('', 'VILLAGE') AND period IN (${periods})
      GROUP BY unit_key, indicator ORDER BY 1, 2`;
    },
    runs: 30,
    // a new province, three indicators and three years each time
    fresh: {
      graphql: `query Q4fresh($within: ID!, $indicators: [String!]!, $periods: [String!]!) { table(kind: COMMUNE, within: $within, indicators: $indicators, periods: $periods, rollup: VILLAGE) {
      pivot { periods rows { locality { code } indicator values qualifiers } } } }`,
      variables: (p) => {
        const indicators = new Set<string>();
        while (indicators.size < 3) indicators.add(p.villageIndicator());
        const first = 2010 + Math.floor(p.random() * 15);
        return {
          ...sameProvince(p),
          indicators: [...indicators].sort(),
          periods: [first, first + 1, first + 2].map(String),
        };
      },
    },
  },
  {
    name: 'Q5',
    description:
      "bulk pull: every village's coffee area 2015–2026, packed around shared axes (locality once per row, period and qualifier as indexes)",
    graphql: `query Q5 { table(kind: VILLAGE, indicators: ["coffee_area"], from: "2015", to: "2026") { packed { localityCodes rowOffsets periods periodIndexes values qualifiers qualifierIndexes } } }`,
    variables: () => ({}),
    // The same shape in one statement: the points in table order, the row and period axes beside them.
    sql: () => `
      WITH points AS MATERIALIZED (
        SELECT o.subject_id, o.period, o.period_start, o.value, o.qualifier FROM current_observations o JOIN units u ON u.id = o.subject_id AND u.kind = 'VILLAGE'
        WHERE o.indicator = 'coffee_area' AND o.period_start BETWEEN DATE '2015-01-01' AND DATE '2026-12-31'),
      period_axis AS (SELECT period, row_number() OVER (ORDER BY min(period_start), period) - 1 AS i FROM points GROUP BY period),
      row_axis AS (SELECT subject_id, sum(count(*)) OVER (ORDER BY subject_id) - count(*) AS start FROM points GROUP BY subject_id)
      SELECT * FROM (SELECT pa.i, p.value, list_position(${QUALIFIER_LIST}, p.qualifier) - 1 FROM points p JOIN period_axis pa USING (period) ORDER BY p.subject_id, p.period_start)
      POSITIONAL JOIN (SELECT subject_id, start FROM row_axis ORDER BY start)
      POSITIONAL JOIN (SELECT period FROM period_axis ORDER BY i)`,
    servingSql: () => `
      WITH points AS MATERIALIZED (
        SELECT v.unit_key, v.period, v.period_start, v.value, v.qualifier FROM serving_values v
        JOIN serving_units s USING (unit_key) JOIN units u ON u.id = s.unit_id AND u.kind = 'VILLAGE'
        WHERE v.indicator = 'coffee_area' AND v.rollup_from = '' AND v.period_start BETWEEN DATE '2015-01-01' AND DATE '2026-12-31'),
      period_axis AS (SELECT period, row_number() OVER (ORDER BY min(period_start), period) - 1 AS i FROM points GROUP BY period),
      row_axis AS (SELECT unit_key, sum(count(*)) OVER (ORDER BY unit_key) - count(*) AS start FROM points GROUP BY unit_key)
      SELECT * FROM (SELECT pa.i, p.value, list_position(${QUALIFIER_LIST}, p.qualifier) - 1 FROM points p JOIN period_axis pa USING (period) ORDER BY p.unit_key, p.period_start)
      POSITIONAL JOIN (SELECT s.unit_id, r.start FROM row_axis r JOIN serving_units s USING (unit_key) ORDER BY r.start)
      POSITIONAL JOIN (SELECT period FROM period_axis ORDER BY i)`,
    runs: 5,
  },
  {
    name: 'Q5-columns',
    description: 'the same bulk pull in the flat column-oriented shape (a string per point)',
    extra: true,
    graphql: `query Q5columns { table(kind: VILLAGE, indicators: ["coffee_area"], from: "2015", to: "2026") { columns { localityCodes periods values qualifiers } } }`,
    variables: () => ({}),
    sql: () => `
      SELECT list(subject_id), list(period), list(value), list(qualifier) FROM (
        SELECT o.subject_id, o.period, o.value, o.qualifier FROM current_observations o JOIN units u ON u.id = o.subject_id AND u.kind = 'VILLAGE'
        WHERE o.indicator = 'coffee_area' AND o.period_start BETWEEN DATE '2015-01-01' AND DATE '2026-12-31'
        ORDER BY o.subject_id, o.period_start)`,
    servingSql: () => `
      SELECT list(s.unit_id), list(v.period), list(v.value), list(v.qualifier) FROM (
        SELECT unit_key, period, value, qualifier, period_start FROM serving_values
        WHERE indicator = 'coffee_area' AND rollup_from = '' AND period_start BETWEEN DATE '2015-01-01' AND DATE '2026-12-31'
      ) v JOIN serving_units s USING (unit_key) JOIN units u ON u.id = s.unit_id AND u.kind = 'VILLAGE'`,
    runs: 3,
  },
  {
    name: 'Q6',
    description: 'year-over-year change 2024→2025 of poor households for all communes of a province, ranked',
    graphql: `query Q6($within: ID!) { ranking(indicator: "poor_households", kind: COMMUNE, within: $within, by: ABSOLUTE_CHANGE, from: "2024", to: "2025", order: ASC, rollup: VILLAGE, first: 1000) {
      peerCount entries { rank sortValue locality { code } change { absolute { value lower upper qualifier } } } } }`,
    variables: (p) => sameProvince(p),
    sql: (v) => `
      WITH sums AS (
        SELECT l.parent_id AS commune, sum(o.value) FILTER (WHERE o.period = '2024') AS v2024, sum(o.value) FILTER (WHERE o.period = '2025') AS v2025
        FROM unit_links pl JOIN unit_links l ON l.parent_id = pl.child_id JOIN current_observations o ON o.subject_id = l.child_id
        WHERE pl.parent_id = ${q(v['province'] ?? '')} AND o.indicator = 'poor_households' AND o.period IN ('2024', '2025')
        GROUP BY l.parent_id
      )
      SELECT commune, v2025 - v2024 AS change, rank() OVER (ORDER BY v2025 - v2024) AS rank FROM sums ORDER BY rank`,
    servingSql: (v) => `
      WITH pairs AS (
        SELECT unit_key, any_value(value) FILTER (WHERE period = '2024') AS v2024, any_value(value) FILTER (WHERE period = '2025') AS v2025
        FROM serving_values WHERE unit_key IN ${childKeys(q(v['province'] ?? ''))} AND indicator = 'poor_households'
          AND rollup_from IN ('', 'VILLAGE') AND period IN ('2024', '2025')
        GROUP BY unit_key
      )
      SELECT unit_key, v2025 - v2024 AS change, rank() OVER (ORDER BY v2025 - v2024) AS rank FROM pairs ORDER BY rank`,
    runs: 30,
  },
];

const Q4_INDICATORS = ['households', 'poor_households', 'coffee_area'];
const Q4_PERIODS = ['2023', '2024', '2025'];
const yearStart = (y: unknown) => `DATE '${Number(y)}-01-01'`;
const yearEnd = (y: unknown) => `DATE '${Number(y)}-12-31'`;

/** Two different years of 2010–2026, earlier first. */
function yearPair(p: FreshPicker): { from: string; to: string } {
  const a = 2010 + Math.floor(p.random() * 17);
  let b = a;
  while (b === a) b = 2010 + Math.floor(p.random() * 17);
  return { from: String(Math.min(a, b)), to: String(Math.max(a, b)) };
}

/** One province for both the GraphQL request and its SQL (picked twice, they had asked about two). */
function sameProvince(p: Picker): Record<string, unknown> {
  const province = p.province();
  return { within: province.provinceGlobalId, province: province.province };
}

/** Q5 as an export: the same points, every village's coffee area 2015–2026, as URL parameters. */
export const Q5_EXPORT_QUERY = 'indicators=coffee_area&kind=VILLAGE&from=2015&to=2026';
/** The columns of Q5's packed answer (unit, period, value, qualifier), for `?columns=`. */
export const Q5_EXPORT_COLUMNS = 'locality_code,period,value,qualifier';

/**
 * Q5's export rows written by DuckDB straight from the serving layer, as an analyst would with
 * COPY: the same rows and columns as `/export.parquet` (docs/clients.md#exports), provenance
 * included, in the same order. The floor for a columnar answer of that content on this machine.
 */
export function q5ExportSql(path: string): string {
  return `COPY (
    WITH titles AS (
      SELECT l.ids, string_agg(s.title, ' | ' ORDER BY s.id) AS titles
      FROM (SELECT DISTINCT source_ids AS ids FROM serving_values WHERE indicator = 'coffee_area') l JOIN sources s ON list_contains(l.ids, s.id)
      GROUP BY l.ids
    )
    SELECT su.unit_id AS locality_code, u.name AS locality_name, u.kind AS locality_kind, v.indicator, v.period,
           v.period_start, v.period_end, v.granularity, v.value, v.qualifier, v.lower, v.upper, v.basis, v.derived,
           array_to_string(v.source_ids, ';') AS source_codes, v.observation_id::VARCHAR AS observation_id,
           v.reporting, v.expected, v.formula,
           t.titles AS source_titles, o.quote, o.scope
    FROM serving_values v JOIN serving_units su USING (unit_key) JOIN units u ON u.id = su.unit_id AND u.kind = 'VILLAGE'
    LEFT JOIN titles t ON t.ids = v.source_ids LEFT JOIN observations o ON o.id = v.observation_id
    WHERE v.indicator = 'coffee_area' AND v.rollup_from = '' AND v.period_start <= DATE '2026-12-31' AND coalesce(v.period_end, current_date) >= DATE '2015-01-01'
    ORDER BY su.unit_id, v.indicator, v.period_start, v.period
  ) TO '${path.replaceAll("'", "''")}' (FORMAT parquet, COMPRESSION zstd)`;
}
