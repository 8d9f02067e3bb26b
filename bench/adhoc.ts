/**
 * The ad-hoc section of the bench (issue 21): questions a researcher asks that the mix does not,
 * each with new arguments on every request, as GraphQL and twice as the SQL an analyst would
 * write for it: on the tables of record (`current_observations`, `units`, `unit_links`) and on the
 * serving layer (`serving_values`, keyed by `serving_units`).
 */

/** Draws the variables of one ad-hoc request; every draw of a run is new (see `freshDraws`). */
export interface AdhocPicker {
  random(): number;
  /** A province number, 1-based. */
  provinceNumber(): number;
  /** Indicators every village reports, summed when rolled up. */
  villageIndicator(): string;
}

export interface AdhocShape {
  readonly name: string;
  readonly description: string;
  readonly graphql: string;
  readonly variables: (pick: AdhocPicker) => Record<string, unknown>;
  /** An analyst's SQL on the tables of record. */
  readonly recordSql: (vars: Record<string, unknown>) => string;
  /** An analyst's SQL on the serving layer. */
  readonly servingSql: (vars: Record<string, unknown>) => string;
}

/** Village indicators with the SUM aggregation (the generator gives every village each of them). */
export const VILLAGE_SUM_INDICATORS = [
  'households',
  'poor_households',
  'near_poor_households',
  'residents',
  'em_residents',
  'coffee_area',
  'rice_area',
  'cassava_area',
  'forest_area',
  'school_age_children',
  'children_in_school',
  'households_with_electricity',
  'households_with_clean_water',
  'health_insured_residents',
] as const;

const q = (s: unknown) => `'${String(s).replace(/'/g, "''")}'`;
const p2 = (n: number) => String(n).padStart(2, '0');
const b64 = (s: string) => Buffer.from(s).toString('base64url');
const year = (y: unknown) => String(y);

export const ADHOC_SHAPES: readonly AdhocShape[] = [
  {
    name: 'A1 village growth ranking',
    description: 'nationwide ranking of the 117,810 villages by compound growth of an indicator over ten years, top 50',
    graphql: `query A1($indicator: String!, $from: String!, $to: String!) {
      ranking(indicator: $indicator, kind: VILLAGE, by: PERCENT_CHANGE, from: $from, to: $to, order: DESC, first: 50) {
        peerCount entries { rank sortValue locality { code } change { cagr { value } } } } }`,
    variables: (p) => {
      const from = 2010 + Math.floor(p.random() * 7);
      return { indicator: p.villageIndicator(), from: year(from), to: year(from + 10) };
    },
    recordSql: (v) => `
      WITH a AS (SELECT subject_id, value FROM current_observations WHERE indicator = ${q(v['indicator'])} AND period = ${q(v['from'])}),
           b AS (SELECT subject_id, value FROM current_observations WHERE indicator = ${q(v['indicator'])} AND period = ${q(v['to'])})
      SELECT b.subject_id, (power(b.value / a.value, 1 / 10.0) - 1) * 100 AS cagr,
             rank() OVER (ORDER BY b.value / a.value DESC) AS rank
      FROM a JOIN b USING (subject_id) JOIN units u ON u.id = b.subject_id AND u.kind = 'VILLAGE'
      WHERE a.value <> 0 ORDER BY rank LIMIT 50`,
    servingSql: (v) => `
      WITH pairs AS (
        SELECT unit_key, any_value(value) FILTER (WHERE period = ${q(v['from'])}) AS a, any_value(value) FILTER (WHERE period = ${q(v['to'])}) AS b
        FROM serving_values WHERE indicator = ${q(v['indicator'])} AND rollup_from = '' AND period IN (${q(v['from'])}, ${q(v['to'])})
        GROUP BY unit_key)
      SELECT s.unit_id, (power(b / a, 1 / 10.0) - 1) * 100 AS cagr, rank() OVER (ORDER BY b / a DESC) AS rank
      FROM pairs JOIN serving_units s USING (unit_key) JOIN units u ON u.id = s.unit_id AND u.kind = 'VILLAGE'
      WHERE a <> 0 AND b IS NOT NULL ORDER BY rank LIMIT 50`,
  },
  {
    name: 'A2 availability',
    description: 'the availability matrix of an indicator: units, figures and periods per level, earliest and latest',
    graphql: `query A2($indicator: String) { availability(indicator: $indicator) {
      indicator { code } kind granularity unitCount observationCount periodCount periods earliest latest } }`,
    variables: (p) => ({ indicator: p.villageIndicator() }),
    recordSql: (v) => `
      SELECT u.kind, o.granularity, count(DISTINCT o.subject_id) AS units, count(*) AS figures, count(DISTINCT o.period) AS periods,
             list(DISTINCT o.period ORDER BY o.period) AS labels, min(o.period_start) AS earliest, max(coalesce(o.period_end, o.period_start)) AS latest
      FROM current_observations o JOIN units u ON u.id = o.subject_id
      WHERE o.indicator = ${q(v['indicator'])} GROUP BY ALL ORDER BY ALL`,
    servingSql: (v) => `
      SELECT u.kind, o.granularity, count(DISTINCT o.unit_key) AS units, count(*) AS figures, count(DISTINCT o.period) AS periods,
             list(DISTINCT o.period ORDER BY o.period) AS labels, min(o.period_start) AS earliest, max(coalesce(o.period_end, o.period_start)) AS latest
      FROM serving_values o JOIN serving_units s USING (unit_key) JOIN units u ON u.id = s.unit_id
      WHERE o.indicator = ${q(v['indicator'])} AND o.rollup_from = '' GROUP BY ALL ORDER BY ALL`,
  },
  {
    name: "A3 a province's communes by change",
    description: "a province's 99 communes ranked by the change of an indicator between two years (villages rolled up)",
    graphql: `query A3($indicator: String!, $within: ID!, $from: String!, $to: String!) {
      ranking(indicator: $indicator, kind: COMMUNE, within: $within, by: ABSOLUTE_CHANGE, from: $from, to: $to, order: ASC, rollup: VILLAGE, first: 1000) {
        peerCount entries { rank sortValue locality { code } change { absolute { value } percent { value } } } } }`,
    variables: (p) => {
      const province = p.provinceNumber();
      const from = 2010 + Math.floor(p.random() * 15);
      const to = from + 1 + Math.floor(p.random() * (2026 - from));
      return {
        indicator: p.villageIndicator(),
        within: b64(`Province:province/p${p2(province)}`),
        province: `province/p${p2(province)}`,
        from: year(from),
        to: year(to),
      };
    },
    recordSql: (v) => `
      WITH sums AS (
        SELECT l.parent_id AS commune, sum(o.value) FILTER (WHERE o.period = ${q(v['from'])}) AS a, sum(o.value) FILTER (WHERE o.period = ${q(v['to'])}) AS b
        FROM unit_links pl JOIN unit_links l ON l.parent_id = pl.child_id JOIN current_observations o ON o.subject_id = l.child_id
        WHERE pl.parent_id = ${q(v['province'])} AND o.indicator = ${q(v['indicator'])} AND o.period IN (${q(v['from'])}, ${q(v['to'])})
        GROUP BY l.parent_id)
      SELECT commune, b - a AS change, (b / a - 1) * 100 AS percent, rank() OVER (ORDER BY b - a) AS rank FROM sums ORDER BY rank`,
    servingSql: (v) => `
      WITH pairs AS (
        SELECT unit_key, any_value(value) FILTER (WHERE period = ${q(v['from'])}) AS a, any_value(value) FILTER (WHERE period = ${q(v['to'])}) AS b
        FROM serving_values
        WHERE unit_key IN (SELECT s.unit_key FROM unit_links l JOIN serving_units s ON s.unit_id = l.child_id WHERE l.parent_id = ${q(v['province'])})
          AND indicator = ${q(v['indicator'])} AND rollup_from IN ('', 'VILLAGE') AND period IN (${q(v['from'])}, ${q(v['to'])})
        GROUP BY unit_key)
      SELECT s.unit_id, b - a AS change, (b / a - 1) * 100 AS percent, rank() OVER (ORDER BY b - a) AS rank
      FROM pairs JOIN serving_units s USING (unit_key) ORDER BY rank`,
  },
  {
    name: 'A4 ethnic-minority share by committee',
    description:
      'share of ethnic-minority Party members of each commune Party committee of a province, year by year from a start year',
    graphql: `query A4($within: ID!, $from: String!) {
      table(kind: PARTY_COMMITTEE, within: $within, indicators: ["em_member_share"], from: $from, to: "2026", rollup: PARTY_CELL) {
        pivot { periods rows { locality { code } values } } } }`,
    variables: (p) => {
      const province = p.provinceNumber();
      return {
        within: b64(`PartyCommittee:party-committee/p${p2(province)}`),
        committee: `party-committee/p${p2(province)}`,
        from: year(2010 + Math.floor(p.random() * 10)),
      };
    },
    recordSql: (v) => `
      SELECT o.subject_id, o.period, sum(o.value) FILTER (WHERE o.indicator = 'em_members') / sum(o.value) FILTER (WHERE o.indicator = 'members') AS share
      FROM unit_links l JOIN current_observations o ON o.subject_id = l.child_id
      WHERE l.parent_id = ${q(v['committee'])} AND o.indicator IN ('members', 'em_members') AND o.period_start >= ${q(`${String(v['from'])}-01-01`)}::DATE
      GROUP BY o.subject_id, o.period ORDER BY 1, 2`,
    servingSql: (v) => `
      SELECT unit_key, list(value ORDER BY period_start) AS "values" FROM serving_values
      WHERE unit_key IN (SELECT s.unit_key FROM unit_links l JOIN serving_units s ON s.unit_id = l.child_id WHERE l.parent_id = ${q(v['committee'])})
        AND indicator = 'em_member_share' AND rollup_from IN ('', 'PARTY_CELL') AND period_start >= ${q(`${String(v['from'])}-01-01`)}::DATE
      GROUP BY unit_key ORDER BY 1`,
  },
  {
    name: 'A5 provinces rolled up',
    description:
      "every province's total of a village indicator in one year (117,810 villages rolled up), with coverage",
    graphql: `query A5($indicator: String!, $year: String!) {
      table(kind: PROVINCE, indicators: [$indicator], periods: [$year], rollup: VILLAGE) {
        rows { locality { code } period value qualifier reporting expected } } }`,
    variables: (p) => ({ indicator: p.villageIndicator(), year: year(2010 + Math.floor(p.random() * 17)) }),
    recordSql: (v) => `
      SELECT pl.parent_id AS province, sum(o.value) AS value, count(*) AS reporting
      FROM unit_links pl JOIN unit_links l ON l.parent_id = pl.child_id JOIN current_observations o ON o.subject_id = l.child_id
      JOIN units p ON p.id = pl.parent_id AND p.kind = 'PROVINCE'
      WHERE o.indicator = ${q(v['indicator'])} AND o.period = ${q(v['year'])}
      GROUP BY pl.parent_id ORDER BY 1`,
    servingSql: (v) => `
      SELECT s.unit_id, o.value, o.qualifier, o.reporting, o.expected
      FROM serving_values o JOIN serving_units s USING (unit_key) JOIN units u ON u.id = s.unit_id AND u.kind = 'PROVINCE'
      WHERE o.indicator = ${q(v['indicator'])} AND o.period = ${q(v['year'])} AND o.rollup_from IN ('', 'VILLAGE') ORDER BY 1`,
  },
  {
    name: 'A6 series of 50 random villages',
    description: 'the 2010–2026 series of an indicator for 50 villages drawn at random across the country',
    graphql: `query A6($localities: [ID!]!, $indicator: String!) {
      table(localities: $localities, indicators: [$indicator], from: "2010", to: "2026") {
        rows { locality { code } period value qualifier } } }`,
    variables: (p) => {
      const ids = Array.from(
        { length: 50 },
        () =>
          `village/p${p2(p.provinceNumber())}-c${String(1 + Math.floor(p.random() * 99)).padStart(3, '0')}-v${p2(1 + Math.floor(p.random() * 35))}`,
      );
      return {
        localities: ids.map((id) => b64(`Village:${id}`)),
        ids,
        indicator: p.villageIndicator(),
      };
    },
    recordSql: (v) => `
      SELECT subject_id, period, value, qualifier FROM current_observations
      WHERE subject_id IN (${(v['ids'] as string[]).map(q).join(', ')}) AND indicator = ${q(v['indicator'])}
        AND period_start BETWEEN DATE '2010-01-01' AND DATE '2026-12-31'
      QUALIFY row_number() OVER (PARTITION BY subject_id, period ORDER BY recorded_at DESC) = 1
      ORDER BY subject_id, period`,
    servingSql: (v) => `
      SELECT unit_key, period, value, qualifier FROM serving_values
      WHERE unit_key IN (SELECT unit_key FROM serving_units WHERE unit_id IN (${(v['ids'] as string[]).map(q).join(', ')}))
        AND indicator = ${q(v['indicator'])} AND rollup_from = '' AND period_start BETWEEN DATE '2010-01-01' AND DATE '2026-12-31'
      ORDER BY unit_key, period_start`,
  },
];
