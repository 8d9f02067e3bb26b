import { FINDING_KINDS } from '../national/findings.js';
import { raw, sql, type Fragment } from '../store/sql.js';
import { unitValidityAfterLoad } from '../sql/ingest-sql.js';
import { ROLES } from '../people/roles.js';
import {
  DEFAULT_MEASURE,
  DOMAINS,
  MEASURES,
  VALUE_TYPES,
  sqlList,
  typesWith,
  type Domain,
} from '../domain/indicator-semantics.js';

/**
 * The CSV files a data directory may hold, their columns, and the checks each row must pass.
 * Checks are SQL predicates over the staged (all-VARCHAR) table `s`; a row matching one is
 * rejected with that reason. They are static text, never built from input.
 */
export interface Check {
  readonly column: string;
  readonly reason: string;
  readonly when: string;
}

export interface TableSpec {
  readonly file: string;
  readonly table: string;
  readonly columns: readonly string[];
  readonly required: readonly string[];
  readonly key: readonly string[];
  /** Columns a CSV header may leave out (added after files in the wild were written); absent ones are NULL. */
  readonly optional?: readonly string[];
  readonly checks: readonly Check[];
  /**
   * How staged rows are written: reference rows by key, the last load winning (planReferenceWrite),
   * link sets replaced as a whole per origin, observations and reported changes appended as revisions.
   */
  readonly mode: 'reference' | 'links' | 'observations' | 'changes';
  /**
   * Columns computed once as rows are staged, so checks and the write read them instead of
   * re-parsing text per check (the period grammar is several regular expressions).
   */
  readonly computed?: readonly { readonly name: string; readonly type: string; readonly expr: string }[];
  /**
   * A table the checks read through a join to the staged table `s` (at most one row per staged
   * row): the statement that builds it before the checks, the join, and the table's name.
   */
  readonly lookups?: {
    readonly prepare: (origin: string) => Fragment;
    readonly join: string;
    readonly table: string;
  };
}

const KINDS = `('PROVINCE','DISTRICT','COMMUNE','VILLAGE','PARTY_COMMITTEE','PARTY_CELL')`;
const QUALIFIERS = `('EXACT','MORE_THAN','NEARLY','JUST_OVER','ABOUT','AT_LEAST','LESS_THAN','AT_MOST')`;
const known = (table: string, column: string, value: string) =>
  // the staged side skips NULL keys (refused by their own check): one NULL would make NOT IN pass every row
  `${value} IS NOT NULL AND ${value} NOT IN (SELECT ${column} FROM ${table} UNION ALL SELECT ${column} FROM stage_${table} WHERE ${column} IS NOT NULL)`;
/**
 * Indicator codes of the given value types, as this load will leave the catalogue: a definition
 * staged in the same load wins over the stored one (a load may retype an indicator and carry
 * figures that only fit the new type).
 */
const indicatorsOfType = (types: string) => `(SELECT code FROM stage_indicators WHERE value_type IN ${types}
  UNION ALL SELECT code FROM indicators WHERE value_type IN ${types} AND code NOT IN (SELECT code FROM stage_indicators WHERE code IS NOT NULL))`;
const num = (c: string) => `try_cast(${c} AS DOUBLE)`;
/** Indicators of the value types whose domain `pick` selects, as an IN list's right side. */
const indicatorsWhere = (pick: (d: Domain) => boolean) => indicatorsOfType(sqlList(typesWith(pick)));

/**
 * A value outside its indicator's domain (src/domain/indicator-semantics.ts): below the minimum,
 * above the maximum, or a fraction of a whole-number type. One check per value type and bound,
 * each naming the domain in the words of the table.
 */
function valueDomainChecks(column: string): Check[] {
  const checks: Check[] = [];
  for (const type of VALUE_TYPES) {
    const d = DOMAINS[type];
    const out = [
      d.min === null ? null : `${num(column)} < ${d.min}`,
      d.max === null ? null : `${num(column)} > ${d.max}`,
    ].filter((x) => x !== null);
    if (out.length > 0)
      checks.push({
        column,
        reason: `outside the indicator's domain: ${d.words}`,
        when: `(${out.join(' OR ')}) AND indicator IN ${indicatorsOfType(sqlList([type]))}`,
      });
  }
  checks.push({
    column,
    reason: `outside the indicator's domain: ${DOMAINS.COUNT.words}`,
    when: `${num(column)} <> floor(${num(column)}) AND indicator IN ${indicatorsWhere((d) => d.whole)}`,
  });
  return checks;
}

/** Bounds outside the domain (bounds of a count may be fractions: 233 / 1.0135 = 229.9). */
function boundDomainChecks(): Check[] {
  const checks: Check[] = [];
  for (const type of VALUE_TYPES) {
    const d = DOMAINS[type];
    const outside = (c: string) =>
      [d.min === null ? null : `${num(c)} < ${d.min}`, d.max === null ? null : `${num(c)} > ${d.max}`]
        .filter((x) => x !== null)
        .join(' OR ');
    if (d.min === null && d.max === null) continue;
    checks.push({
      column: 'lower',
      reason: `a bound outside the indicator's domain: ${d.words}`,
      when: `(${outside('lower')} OR ${outside('upper')}) AND indicator IN ${indicatorsOfType(sqlList([type]))}`,
    });
  }
  return checks;
}
/** The qualifiers whose value is itself a bound of the interval ("more than 49,000": 49,000 is the lower bound). */
const VALUE_IS_LOWER = `('EXACT','MORE_THAN','AT_LEAST','JUST_OVER')`;
const VALUE_IS_UPPER = `('EXACT','LESS_THAN','AT_MOST','NEARLY')`;
/**
 * A qualified number (`value`, `qualifier`, `lower`, `upper`): the qualifier is known, the bounds
 * are numbers in order, and the interval holds the value and says what the qualifier says. One
 * list for figures and reported changes.
 */
const INTERVAL_CHECKS: readonly Check[] = [
  {
    column: 'qualifier',
    reason: `must be one of ${QUALIFIERS.replace(/[()']/g, '')}`,
    when: `qualifier NOT IN ${QUALIFIERS}`,
  },
  { column: 'lower', reason: 'not a number', when: `lower IS NOT NULL AND try_cast(lower AS DOUBLE) IS NULL` },
  { column: 'upper', reason: 'not a number', when: `upper IS NOT NULL AND try_cast(upper AS DOUBLE) IS NULL` },
  {
    column: 'upper',
    reason: 'lower bound is above upper bound',
    when: `try_cast(lower AS DOUBLE) > try_cast(upper AS DOUBLE)`,
  },
  // The interval must hold the value and say what the qualifier says: "more than 10" has 10 as
  // its lower bound and no upper bound below 10; "exactly 10" is [10, 10].
  { column: 'lower', reason: 'the value lies below its lower bound', when: `${num('lower')} > ${num('value')}` },
  { column: 'upper', reason: 'the value lies above its upper bound', when: `${num('upper')} < ${num('value')}` },
  {
    column: 'lower',
    reason: `contradicts the qualifier: with ${VALUE_IS_LOWER.replace(/[()']/g, '').replace(/,/g, ', ')} the value is the lower bound (leave lower blank or equal to it)`,
    when: `qualifier IN ${VALUE_IS_LOWER} AND ${num('lower')} <> ${num('value')}`,
  },
  {
    column: 'upper',
    reason: `contradicts the qualifier: with ${VALUE_IS_UPPER.replace(/[()']/g, '').replace(/,/g, ', ')} the value is the upper bound (leave upper blank or equal to it)`,
    when: `qualifier IN ${VALUE_IS_UPPER} AND ${num('upper')} <> ${num('value')}`,
  },
];
const NOT_A_PERIOD = 'not a period: expected YYYY, YYYY-Qn, YYYY-MM, YYYY-MM-DD or START/END (END may be ..)';
/** A period label that the grammar does not parse (its staged granularity, start and end are NULL), or a range ending before it starts. */
const notAPeriod = (label: string, granularity: string, start: string, end: string) =>
  `${granularity} IS NULL OR ${start} IS NULL OR (contains(${label}, '/') AND split_part(${label}, '/', 2) <> '..' AND (${end} IS NULL OR ${end} < ${start}))`;
/**
 * The row's subject did not exist for all of the period [start, end], as this load leaves the
 * units (`unitValidityAfterLoad`: a unit the load re-states is checked with its new dates): some
 * version of the unit ended on or before the start, or began after the end, that is, the start
 * is on or after the earliest end of its versions, or the end before the latest beginning. Read
 * from SUBJECT_VALIDITY, joined once per staged row by the subject alone; an EXISTS over the
 * row's own dates was answered per distinct (subject, start, end), seconds for a million rows.
 */
const unitNotValidIn = (start: string, end: string) =>
  `(s.${start} >= _validity.earliest_end OR coalesce(s.${end}, current_date) < _validity.latest_start)`;
/**
 * Per unit id, its versions after the load: the earliest end and the latest beginning (NULL: none
 * dated). Built into a table of its own before the checks run (`prepare`): DuckDB takes a table
 * written in the running transaction for an empty one, and joining the staged rows to a subquery
 * over units, thought larger, built its hash table on the million staged rows.
 */
const VALIDITY_TABLE = 'stage_subject_validity';
const SUBJECT_VALIDITY = {
  prepare: (origin: string) => sql`CREATE OR REPLACE TEMP TABLE ${raw(VALIDITY_TABLE)} AS
    SELECT id, min(valid_to) AS earliest_end, max(valid_from) AS latest_start FROM (${unitValidityAfterLoad(origin)})
    GROUP BY id`,
  join: `LEFT JOIN ${VALIDITY_TABLE} _validity ON _validity.id = s.subject_id`,
  table: VALIDITY_TABLE,
};
/** The kinds a unit of each kind may sit directly under (a province sits under nothing). */
const parentKinds = (
  childKind: string,
) => `CASE ${childKind} WHEN 'DISTRICT' THEN ['PROVINCE'] WHEN 'COMMUNE' THEN ['DISTRICT','PROVINCE'] WHEN 'VILLAGE' THEN ['COMMUNE']
  WHEN 'PARTY_COMMITTEE' THEN ['PARTY_COMMITTEE'] WHEN 'PARTY_CELL' THEN ['PARTY_COMMITTEE'] ELSE [] END`;
/** A unit's kind as this load leaves it (a unit staged in the same load wins over the stored one). */
const kindOf = (c: string) =>
  `coalesce((SELECT kind FROM stage_units WHERE id = ${c} LIMIT 1), (SELECT kind FROM units WHERE id = ${c}))`;
const badDate = (c: string) => `${c} IS NOT NULL AND try_strptime(${c}, '%Y-%m-%d') IS NULL`;
/** Space-separated source ids that are not sources. */
const unknownSources = (c: string) =>
  `${c} IS NOT NULL AND EXISTS (SELECT 1 FROM unnest(string_split(trim(${c}), ' ')) t(x) WHERE x <> '' AND x NOT IN (SELECT id FROM sources UNION ALL SELECT id FROM stage_sources))`;
/** Each role's code and the kind of unit it is held in, as SQL: the single list in src/people/roles.ts. */
const ROLE_CODES = `(${Object.keys(ROLES)
  .map((r) => `'${r}'`)
  .join(',')})`;
const ROLE_KIND = `CASE role ${Object.entries(ROLES)
  .map(([r, { held }]) => `WHEN '${r}' THEN '${held}'`)
  .join(' ')} END`;
/** The unit types each administrative kind takes (src/units/unit-types.ts). */
const TYPES_OF_KIND = `CASE kind WHEN 'PROVINCE' THEN ['PROVINCE','CENTRAL_CITY'] WHEN 'DISTRICT' THEN ['DISTRICT','URBAN_DISTRICT','TOWN','PROVINCIAL_CITY'] WHEN 'COMMUNE' THEN ['COMMUNE','WARD','TOWNSHIP','SPECIAL_ZONE'] ELSE [] END`;
/**
 * A unit version is its GSO code plus its validity: two versions of one kind and code may not be
 * valid on the same day, whether both are in this load or one is stored (and not replaced by it).
 */
const overlappingVersion = `gso_code IS NOT NULL AND EXISTS (
  SELECT 1 FROM (
    SELECT id, kind, gso_code, valid_from, valid_to FROM units WHERE gso_code IS NOT NULL AND id NOT IN (SELECT id FROM stage_units)
    UNION ALL SELECT id, kind, nullif(trim(gso_code), ''), try_strptime(valid_from, '%Y-%m-%d')::DATE, try_strptime(valid_to, '%Y-%m-%d')::DATE FROM stage_units
  ) o
  WHERE o.gso_code = trim(s.gso_code) AND o.kind = s.kind AND o.id <> s.id
    AND (o.valid_to IS NULL OR s.valid_from IS NULL OR o.valid_to > try_strptime(s.valid_from, '%Y-%m-%d')::DATE)
    AND (s.valid_to IS NULL OR o.valid_from IS NULL OR try_strptime(s.valid_to, '%Y-%m-%d')::DATE > o.valid_from))`;

export const TABLES: readonly TableSpec[] = [
  {
    file: 'sources.csv',
    table: 'sources',
    mode: 'reference',
    columns: ['id', 'kind', 'title', 'publisher', 'author', 'published', 'url', 'seed_file', 'note'],
    required: ['id', 'kind', 'title'],
    key: ['id'],
    checks: [
      {
        column: 'published',
        reason: 'not an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD)',
        when: `published IS NOT NULL AND NOT regexp_full_match(published, '\\d{4}(-\\d{2}(-\\d{2})?)?')`,
      },
    ],
  },
  {
    file: 'indicators.csv',
    table: 'indicators',
    mode: 'reference',
    columns: [
      'code',
      'name',
      'unit',
      'value_type',
      'aggregation',
      'numerator',
      'denominator',
      'description',
      'measure',
    ],
    required: ['code', 'name', 'unit', 'value_type', 'aggregation', 'description'],
    key: ['code'],
    optional: ['measure'],
    checks: [
      {
        column: 'value_type',
        reason: `must be one of ${VALUE_TYPES.join(', ')}`,
        when: `value_type NOT IN ${sqlList(VALUE_TYPES)}`,
      },
      {
        column: 'measure',
        reason: `must be one of ${MEASURES.join(', ')} (blank: ${DEFAULT_MEASURE})`,
        when: `measure IS NOT NULL AND trim(measure) <> '' AND trim(measure) NOT IN ${sqlList(MEASURES)}`,
      },
      {
        column: 'aggregation',
        reason: 'must be one of SUM, RATIO, NONE',
        when: `aggregation NOT IN ('SUM','RATIO','NONE')`,
      },
      {
        column: 'aggregation',
        reason: 'a share is never summed: declare it a RATIO of its numerator and denominator, or NONE',
        when: `value_type = 'SHARE' AND aggregation = 'SUM'`,
      },
      {
        column: 'numerator',
        reason: 'a RATIO indicator needs a numerator and a denominator',
        when: `aggregation = 'RATIO' AND (numerator IS NULL OR denominator IS NULL)`,
      },
      { column: 'numerator', reason: 'unknown indicator', when: known('indicators', 'code', 'numerator') },
      { column: 'denominator', reason: 'unknown indicator', when: known('indicators', 'code', 'denominator') },
    ],
  },
  {
    file: 'units.csv',
    table: 'units',
    mode: 'reference',
    columns: [
      'id',
      'kind',
      'name',
      'level',
      'admin_unit_id',
      'valid_from',
      'valid_to',
      'source_id',
      'note',
      'gso_code',
      'unit_type',
      'name_en',
    ],
    required: ['id', 'kind', 'name', 'source_id'],
    key: ['id'],
    optional: ['gso_code', 'unit_type', 'name_en'],
    checks: [
      { column: 'kind', reason: `must be one of ${KINDS.replace(/[()']/g, '')}`, when: `kind NOT IN ${KINDS}` },
      {
        column: 'id',
        reason: "must be '<kind>/<slug>' with the kind in kebab case (e.g. village/huoi-song)",
        when: `split_part(id, '/', 1) <> replace(lower(kind), '_', '-') OR NOT regexp_full_match(id, '[a-z-]+/[a-z0-9-]+')`,
      },
      { column: 'valid_from', reason: 'not a date (YYYY-MM-DD)', when: badDate('valid_from') },
      { column: 'valid_to', reason: 'not a date (YYYY-MM-DD)', when: badDate('valid_to') },
      {
        column: 'valid_to',
        reason: 'must be after valid_from',
        when: `try_strptime(valid_to, '%Y-%m-%d') <= try_strptime(valid_from, '%Y-%m-%d')`,
      },
      { column: 'admin_unit_id', reason: 'unknown unit', when: known('units', 'id', 'admin_unit_id') },
      { column: 'source_id', reason: 'unknown source', when: known('sources', 'id', 'source_id') },
      {
        column: 'gso_code',
        reason: 'a GSO code is 2 (province), 3 (district) or 5 (commune-level) digits',
        when: `gso_code IS NOT NULL AND trim(gso_code) <> '' AND NOT regexp_full_match(trim(gso_code), '\\d{2}|\\d{3}|\\d{5}')`,
      },
      {
        column: 'unit_type',
        reason:
          'not a type of this kind: PROVINCE or CENTRAL_CITY; DISTRICT, URBAN_DISTRICT, TOWN or PROVINCIAL_CITY; COMMUNE, WARD, TOWNSHIP or SPECIAL_ZONE',
        when: `unit_type IS NOT NULL AND trim(unit_type) <> '' AND NOT list_contains(${TYPES_OF_KIND}, trim(unit_type))`,
      },
      {
        column: 'gso_code',
        reason: 'another version of this kind with this code is valid on some of the same days',
        when: overlappingVersion,
      },
    ],
  },
  {
    file: 'unit_links.csv',
    table: 'unit_links',
    mode: 'links',
    columns: ['child_id', 'parent_id', 'valid_from', 'valid_to', 'source_id', 'note'],
    required: ['child_id', 'parent_id', 'source_id'],
    key: ['child_id', 'parent_id', 'valid_from'],
    checks: [
      { column: 'child_id', reason: 'unknown unit', when: known('units', 'id', 'child_id') },
      { column: 'parent_id', reason: 'unknown unit', when: known('units', 'id', 'parent_id') },
      { column: 'parent_id', reason: 'a unit cannot be its own parent', when: `parent_id = child_id` },
      {
        column: 'parent_id',
        reason:
          'a unit of this kind cannot sit under a unit of that kind (district under province; commune under district or province; village under commune; Party committee or cell under a Party committee)',
        when: `NOT list_contains(${parentKinds(kindOf('s.child_id'))}, ${kindOf('s.parent_id')})`,
      },
      { column: 'valid_from', reason: 'not a date (YYYY-MM-DD)', when: badDate('valid_from') },
      { column: 'valid_to', reason: 'not a date (YYYY-MM-DD)', when: badDate('valid_to') },
      { column: 'source_id', reason: 'unknown source', when: known('sources', 'id', 'source_id') },
    ],
  },
  {
    // Lineage sits after units so a load can add the new units and their lineage together.
    file: 'lineage.csv',
    table: 'unit_lineage',
    mode: 'links',
    columns: ['predecessor_id', 'successor_id', 'changed_on', 'kind', 'weight', 'source_id', 'note', 'also_source_ids'],
    required: ['predecessor_id', 'changed_on', 'kind', 'source_id'],
    key: ['predecessor_id', 'successor_id', 'changed_on'],
    optional: ['also_source_ids'],
    checks: [
      { column: 'predecessor_id', reason: 'unknown unit', when: known('units', 'id', 'predecessor_id') },
      { column: 'successor_id', reason: 'unknown unit', when: known('units', 'id', 'successor_id') },
      {
        column: 'successor_id',
        reason: 'required unless kind is ABOLISH',
        when: `(successor_id IS NULL OR trim(successor_id) = '') AND kind <> 'ABOLISH'`,
      },
      { column: 'successor_id', reason: 'a unit cannot succeed itself', when: `successor_id = predecessor_id` },
      { column: 'changed_on', reason: 'not a date (YYYY-MM-DD)', when: badDate('changed_on') },
      {
        column: 'kind',
        reason: 'must be one of MERGE, SPLIT, RENAME, CONTINUED, ABOLISH',
        when: `kind NOT IN ('MERGE','SPLIT','RENAME','CONTINUED','ABOLISH')`,
      },
      {
        column: 'weight',
        reason: 'must be a number above 0 and at most 1',
        when: `weight IS NOT NULL AND trim(weight) <> '' AND coalesce(NOT (try_cast(weight AS DOUBLE) > 0 AND try_cast(weight AS DOUBLE) <= 1), true)`,
      },
      // A split's shares are all known or all unknown (blank: no source gives them); known ones add up.
      {
        column: 'weight',
        reason: 'give the weight of every successor of this SPLIT, or of none (shares unknown)',
        when: `kind = 'SPLIT' AND (SELECT count(*) FILTER (WHERE trim(x.weight) <> '') NOT IN (0, count(*)) FROM stage_unit_lineage x WHERE x.predecessor_id = s.predecessor_id AND x.changed_on = s.changed_on AND x.kind = 'SPLIT')`,
      },
      {
        column: 'weight',
        reason: 'the weights of one SPLIT must sum to 1',
        when: `kind = 'SPLIT' AND weight IS NOT NULL AND trim(weight) <> '' AND abs((SELECT sum(try_cast(x.weight AS DOUBLE)) FROM stage_unit_lineage x WHERE x.predecessor_id = s.predecessor_id AND x.changed_on = s.changed_on AND x.kind = 'SPLIT') - 1) > 0.001`,
      },
      { column: 'source_id', reason: 'unknown source', when: known('sources', 'id', 'source_id') },
      {
        column: 'also_source_ids',
        reason: 'unknown source (ids separated by spaces)',
        when: unknownSources('also_source_ids'),
      },
    ],
  },
  {
    // The data-quality report of an import (findings.csv beside its units): replaced as a set.
    file: 'findings.csv',
    table: 'data_findings',
    mode: 'links',
    columns: ['kind', 'severity', 'unit_id', 'other_unit_id', 'message', 'source_ids'],
    required: ['kind', 'severity', 'message', 'source_ids'],
    key: ['kind', 'unit_id', 'other_unit_id', 'message'],
    checks: [
      {
        column: 'kind',
        reason: `must be one of ${Object.keys(FINDING_KINDS).join(', ')}`,
        when: `kind NOT IN (${Object.keys(FINDING_KINDS)
          .map((k) => `'${k}'`)
          .join(',')})`,
      },
      {
        column: 'severity',
        reason: 'must be one of ERROR, WARNING, INFO',
        when: `severity NOT IN ('ERROR','WARNING','INFO')`,
      },
      { column: 'unit_id', reason: 'unknown unit', when: known('units', 'id', 'unit_id') },
      { column: 'other_unit_id', reason: 'unknown unit', when: known('units', 'id', 'other_unit_id') },
      { column: 'source_ids', reason: 'unknown source (ids separated by spaces)', when: unknownSources('source_ids') },
    ],
  },
  {
    file: 'documents.csv',
    table: 'documents',
    mode: 'reference',
    columns: [
      'id',
      'number',
      'kind',
      'title',
      'issuer',
      'issued_on',
      'period_start',
      'period_end',
      'period_note',
      'source_id',
      'quote',
    ],
    required: ['id', 'number', 'kind', 'title', 'issuer', 'source_id'],
    key: ['id'],
    checks: [
      { column: 'issued_on', reason: 'not a date (YYYY-MM-DD)', when: badDate('issued_on') },
      { column: 'period_start', reason: 'not a date (YYYY-MM-DD)', when: badDate('period_start') },
      { column: 'period_end', reason: 'not a date (YYYY-MM-DD)', when: badDate('period_end') },
      { column: 'source_id', reason: 'unknown source', when: known('sources', 'id', 'source_id') },
    ],
  },
  {
    file: 'document_links.csv',
    table: 'document_links',
    mode: 'links',
    columns: ['document_id', 'unit_id', 'role', 'source_id'],
    required: ['document_id', 'unit_id', 'role', 'source_id'],
    key: ['document_id', 'unit_id', 'role'],
    checks: [
      { column: 'document_id', reason: 'unknown document', when: known('documents', 'id', 'document_id') },
      { column: 'unit_id', reason: 'unknown unit', when: known('units', 'id', 'unit_id') },
      {
        column: 'role',
        reason: 'must be one of ISSUED_BY, GOVERNS, APPLIED_BY',
        when: `role NOT IN ('ISSUED_BY','GOVERNS','APPLIED_BY')`,
      },
      { column: 'source_id', reason: 'unknown source', when: known('sources', 'id', 'source_id') },
    ],
  },
  {
    file: 'people.csv',
    table: 'people',
    mode: 'reference',
    columns: ['id', 'name', 'party_member', 'party_joined', 'source_id', 'quote', 'note'],
    required: ['id', 'name', 'source_id'],
    key: ['id'],
    checks: [
      {
        column: 'id',
        reason: "must be 'person/<slug>' (e.g. person/vang-a-dia)",
        when: `NOT regexp_full_match(id, 'person/[a-z0-9-]+')`,
      },
      {
        column: 'party_member',
        reason: 'must be true or false, or blank when the sources do not say',
        when: `party_member IS NOT NULL AND trim(party_member) <> '' AND lower(party_member) NOT IN ('true','false')`,
      },
      {
        column: 'party_joined',
        reason: 'a year (YYYY), not after today',
        when: `party_joined IS NOT NULL AND trim(party_joined) <> '' AND (NOT regexp_full_match(trim(party_joined), '\\d{4}') OR trim(party_joined)::INTEGER > year(current_date))`,
      },
      {
        column: 'party_joined',
        reason: 'a person who joined the Party is a Party member: party_member must not be false',
        when: `party_joined IS NOT NULL AND trim(party_joined) <> '' AND lower(party_member) = 'false'`,
      },
      { column: 'source_id', reason: 'unknown source', when: known('sources', 'id', 'source_id') },
    ],
  },
  {
    // A role a person held in a unit during a period, each with its quote: replaced as a set per origin.
    file: 'roles.csv',
    table: 'roles',
    mode: 'links',
    columns: ['person_id', 'role', 'unit_id', 'period', 'title', 'source_id', 'quote', 'note'],
    required: ['person_id', 'role', 'unit_id', 'period', 'title', 'source_id', 'quote'],
    key: ['person_id', 'role', 'unit_id', 'period'],
    computed: [
      { name: '_start', type: 'DATE', expr: 'period_start(period)' },
      { name: '_end', type: 'DATE', expr: 'period_end(period)' },
    ],
    checks: [
      { column: 'person_id', reason: 'unknown person', when: known('people', 'id', 'person_id') },
      { column: 'unit_id', reason: 'unknown unit', when: known('units', 'id', 'unit_id') },
      {
        column: 'role',
        reason: `must be one of ${Object.keys(ROLES).join(', ')}`,
        when: `role NOT IN ${ROLE_CODES}`,
      },
      {
        column: 'unit_id',
        reason:
          'not the kind of unit this role is held in (a village head in a village, a cell secretary in a Party cell, a committee post in a Party committee)',
        when: `role IN ${ROLE_CODES} AND ${ROLE_KIND} <> ${kindOf('s.unit_id')}`,
      },
      {
        column: 'period',
        reason: 'not a period: expected YYYY, YYYY-Qn, YYYY-MM, YYYY-MM-DD or START/END (END may be ..)',
        when: `_start IS NULL`,
      },
      { column: 'period', reason: 'starts in the future', when: `_start > current_date` },
      { column: 'source_id', reason: 'unknown source', when: known('sources', 'id', 'source_id') },
    ],
  },
  {
    file: 'observations.csv',
    table: 'observations',
    mode: 'observations',
    columns: [
      'subject_id',
      'indicator',
      'period',
      'value',
      'qualifier',
      'lower',
      'upper',
      'source_id',
      'derived',
      'formula',
      'quote',
      'note',
      'scope',
    ],
    required: ['subject_id', 'indicator', 'period', 'value', 'qualifier', 'source_id'],
    key: ['subject_id', 'indicator', 'period', 'source_id'],
    lookups: SUBJECT_VALIDITY,
    // The part of the unit a figure is about ("one household"); blank: the whole unit.
    optional: ['scope'],
    computed: [
      { name: '_granularity', type: 'VARCHAR', expr: 'period_granularity(period)' },
      { name: '_start', type: 'DATE', expr: 'period_start(period)' },
      { name: '_end', type: 'DATE', expr: 'period_end(period)' },
    ],
    checks: [
      { column: 'subject_id', reason: 'unknown unit', when: known('units', 'id', 'subject_id') },
      { column: 'indicator', reason: 'unknown indicator', when: known('indicators', 'code', 'indicator') },
      { column: 'period', reason: NOT_A_PERIOD, when: notAPeriod('period', '_granularity', '_start', '_end') },
      { column: 'period', reason: 'starts in the future', when: `_start > current_date` },
      {
        column: 'value',
        reason: 'not a number',
        when: `try_cast(value AS DOUBLE) IS NULL OR NOT isfinite(try_cast(value AS DOUBLE))`,
      },
      ...valueDomainChecks('value'),
      ...INTERVAL_CHECKS,
      ...boundDomainChecks(),
      { column: 'source_id', reason: 'unknown source', when: known('sources', 'id', 'source_id') },
      {
        column: 'derived',
        reason: 'must be true or false',
        when: `derived IS NOT NULL AND lower(derived) NOT IN ('true','false')`,
      },
      {
        column: 'formula',
        reason: 'a derived figure needs its formula',
        when: `lower(derived) = 'true' AND formula IS NULL`,
      },
      { column: 'subject_id', reason: 'unit is not valid in this period', when: unitNotValidIn('_start', '_end') },
    ],
  },
  {
    // Changes a source states between two periods ("down by more than 20 compared to 2024"):
    // appended as revisions like observations, keyed by unit, indicator, both periods and source.
    file: 'changes.csv',
    table: 'reported_changes',
    mode: 'changes',
    columns: [
      'subject_id',
      'indicator',
      'from_period',
      'to_period',
      'value',
      'qualifier',
      'lower',
      'upper',
      'source_id',
      'quote',
      'note',
    ],
    required: ['subject_id', 'indicator', 'from_period', 'to_period', 'value', 'qualifier', 'source_id'],
    key: ['subject_id', 'indicator', 'from_period', 'to_period', 'source_id'],
    lookups: SUBJECT_VALIDITY,
    computed: [
      { name: '_from_granularity', type: 'VARCHAR', expr: 'period_granularity(from_period)' },
      { name: '_from_start', type: 'DATE', expr: 'period_start(from_period)' },
      { name: '_from_end', type: 'DATE', expr: 'period_end(from_period)' },
      { name: '_to_granularity', type: 'VARCHAR', expr: 'period_granularity(to_period)' },
      { name: '_to_start', type: 'DATE', expr: 'period_start(to_period)' },
      { name: '_to_end', type: 'DATE', expr: 'period_end(to_period)' },
    ],
    checks: [
      { column: 'subject_id', reason: 'unknown unit', when: known('units', 'id', 'subject_id') },
      { column: 'indicator', reason: 'unknown indicator', when: known('indicators', 'code', 'indicator') },
      {
        column: 'from_period',
        reason: NOT_A_PERIOD,
        when: notAPeriod('from_period', '_from_granularity', '_from_start', '_from_end'),
      },
      {
        column: 'to_period',
        reason: NOT_A_PERIOD,
        when: notAPeriod('to_period', '_to_granularity', '_to_start', '_to_end'),
      },
      {
        column: 'from_period',
        reason: 'a change runs from a closed period: the earlier period needs an end',
        when: `_from_start IS NOT NULL AND _from_end IS NULL`,
      },
      {
        column: 'from_period',
        reason: 'must end before to_period starts: a change runs from the earlier period to the later one',
        when: `_from_end >= _to_start`,
      },
      { column: 'to_period', reason: 'starts in the future', when: `_to_start > current_date` },
      {
        column: 'value',
        reason: 'not a number',
        when: `try_cast(value AS DOUBLE) IS NULL OR NOT isfinite(try_cast(value AS DOUBLE))`,
      },
      // A change is signed: a count may fall, but by whole units; a share moves within [-1, 1].
      {
        column: 'value',
        reason: 'a change of a count must be a whole number',
        when: `${num('value')} <> floor(${num('value')}) AND indicator IN ${indicatorsOfType(`('COUNT')`)}`,
      },
      {
        column: 'value',
        reason: 'a change of a share must lie between -1 and 1',
        when: `abs(${num('value')}) > 1 AND indicator IN ${indicatorsOfType(`('SHARE')`)}`,
      },
      ...INTERVAL_CHECKS,
      {
        column: 'lower',
        reason: 'a bound of a change of a share must lie between -1 and 1',
        when: `(abs(${num('lower')}) > 1 OR abs(${num('upper')}) > 1) AND indicator IN ${indicatorsOfType(`('SHARE')`)}`,
      },
      { column: 'source_id', reason: 'unknown source', when: known('sources', 'id', 'source_id') },
      {
        column: 'subject_id',
        reason: 'unit is not valid in the later period (to_period)',
        when: unitNotValidIn('_to_start', '_to_end'),
      },
    ],
  },
];
