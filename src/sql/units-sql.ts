import { sql, raw, join, stringList, type Fragment } from '../store/sql.js';
import { parseUnitName } from '../units/name-query.js';
import { foldName } from '../units/names.js';
import { UNIT_TYPES, type UnitType } from '../units/unit-types.js';

/** A UnitRow's fields and the columns they come from. */
const UNIT_FIELDS: readonly (readonly [field: string, column: string])[] = [
  ['id', 'id'],
  ['kind', 'kind'],
  ['name', 'name'],
  ['level', 'level'],
  ['adminUnitId', 'admin_unit_id'],
  ['validFrom', 'valid_from'],
  ['validTo', 'valid_to'],
  ['sourceId', 'source_id'],
  ['note', 'note'],
  ['gsoCode', 'gso_code'],
  ['unitType', 'unit_type'],
  ['nameEn', 'name_en'],
];

const UNIT_COLUMNS = UNIT_FIELDS.map(([field, column]) => `u.${column} AS "${field}"`).join(', ');
const UNIT_STRUCT = `{${UNIT_FIELDS.map(([field, column]) => `'${field}': u.${column}`).join(', ')}}`;

/** Rows per JSON chunk of a hierarchy load: the server parses one between requests (~30 ms each). */
const JSON_CHUNK_ROWS = 20_000;

/** How units are listed and paged: what the in-memory hierarchy keeps its units in too. */
const UNIT_ORDER = 'u.kind, u.name_folded, u.id';

/** Which of a unit's links counts as its parent: open-ended first, then the latest end. */
const MOST_RECENT_LINK_FIRST = 'l.valid_to DESC NULLS FIRST, l.valid_from DESC NULLS LAST, l.parent_id';

/** A link or unit is valid at `asOf` when asOf falls in [valid_from, valid_to). */
const validAt = (alias: string, asOf: string | null) =>
  asOf === null
    ? sql`true`
    : sql`(${raw(alias)}.valid_from IS NULL OR ${raw(alias)}.valid_from <= ${asOf}::DATE) AND (${raw(alias)}.valid_to IS NULL OR ${raw(alias)}.valid_to > ${asOf}::DATE)`;

/**
 * The version of a GSO code in force on `asOf`; without a date, the one in force today, or the
 * latest if none is (a district code names a unit that ended in 2025).
 */
export function unitByGsoCode(code: string, asOf: string | null): Fragment {
  return sql`SELECT ${raw(UNIT_COLUMNS)} FROM units u WHERE u.gso_code = ${code} AND ${validAt('u', asOf)}
    ORDER BY (u.valid_to IS NULL OR u.valid_to > current_date) DESC, u.valid_from DESC NULLS LAST, u.id LIMIT 1`;
}

/**
 * The administrative units with a GSO code in force on `asOf`, each with its parent then: what
 * names are matched against. Units without a code (villages, Party organisations, look-alikes a
 * source describes) are not units a statistics office prints.
 */
export function codedUnitsInForce(asOf: string): Fragment {
  return sql`WITH parent AS (
      SELECT child_id, parent_id, row_number() OVER (PARTITION BY child_id ORDER BY ${raw(MOST_RECENT_LINK_FIRST)}) AS rank
      FROM unit_links l WHERE ${validAt('l', asOf)}
    )
    SELECT u.id, u.kind, u.unit_type AS "unitType", u.name, u.name_en AS "nameEn", u.gso_code AS "gsoCode", p.parent_id AS "parentId"
    FROM units u LEFT JOIN parent p ON p.child_id = u.id AND p.rank = 1
    WHERE u.gso_code IS NOT NULL AND u.kind IN ('PROVINCE', 'DISTRICT', 'COMMUNE') AND ${validAt('u', asOf)}
    ORDER BY u.id`;
}

/** Every version of a GSO code, oldest first: what a failed lookup lists. */
export function versionsOfGsoCode(code: string): Fragment {
  return sql`SELECT ${raw(UNIT_COLUMNS)} FROM units u WHERE u.gso_code = ${code} ORDER BY u.valid_from NULLS FIRST, u.id`;
}

export function unitsByIds(ids: readonly string[]): Fragment {
  return sql`SELECT ${raw(UNIT_COLUMNS)} FROM units u WHERE u.id = ANY(${stringList(ids)})`;
}

export interface UnitSearch {
  kinds: readonly string[] | null;
  search: string | null;
  asOf: string | null;
  offset: number;
  limit: number;
}

/** Case and diacritics folded as the store folds `name_folded` (đ read as d). */
export const foldCase = (expr: Fragment) => sql`lower(strip_accents(replace(replace(${expr}, 'đ', 'd'), 'Đ', 'D')))`;
/** Folded, punctuation and spacing evened out. */
const folded = (expr: Fragment) => evened(foldCase(expr));
const evened = (expr: Fragment) => sql`trim(regexp_replace(${expr}, '[^a-z0-9'']+', ' ', 'g'))`;

/** A unit whose type is one of these, or whose type is not known but whose kind is theirs. */
function ofTypes(types: readonly UnitType[]): Fragment {
  const kinds = [...new Set(types.map((t) => UNIT_TYPES[t].level))];
  return sql`(u.unit_type = ANY(${stringList(types)}) OR (u.unit_type IS NULL AND u.kind = ANY(${stringList(kinds)})))`;
}

/**
 * Search reads names as name matching does (src/units/name-query.ts): with or without diacritics
 * and type word ("Xã Tìa Dình", "tia dinh", "Tia Dinh Commune" all find Tìa Dình, and "Xã" keeps
 * wards out), in Vietnamese or English, or a GSO code ("03385" finds every unit that had it).
 */
function nameMatches(search: string): Fragment {
  const query = parseUnitName(search);
  // A text with no letters or digits ("%_%", replacement characters) names nothing.
  const readings = query.readings
    .filter((r) => foldName(r.bare) !== '')
    .map(
      (
        r,
      ) => sql`((contains(${evened(sql`u.name_folded`)}, ${folded(sql`${r.bare}`)}) OR contains(${folded(sql`coalesce(u.name_en, '')`)}, ${folded(sql`${r.bare}`)}))
      AND ${r.types ? ofTypes(r.types) : sql`true`})`,
    );
  if (query.code) readings.push(sql`u.gso_code = ${query.code}`, sql`contains(u.name_folded, ${query.code})`);
  return readings.length === 0 ? sql`false` : sql`(${join(readings, ' OR ')})`;
}

export function searchUnits(f: UnitSearch): Fragment {
  const kinds = f.kinds === null ? sql`true` : sql`u.kind = ANY(${stringList(f.kinds)})`;
  const search = f.search === null ? sql`true` : nameMatches(f.search);
  return sql`SELECT ${raw(UNIT_COLUMNS)}, count(*) OVER ()::INTEGER AS "totalCount"
    FROM units u WHERE ${kinds} AND ${search} AND ${validAt('u', f.asOf)}
    ORDER BY u.kind, u.name_folded, u.id LIMIT ${f.limit} OFFSET ${f.offset}`;
}

/**
 * The parent of each unit. With a date: the link valid then. Without: the most recent link
 * (open-ended first, then the latest end), so a commune merged into a province in 2025 shows
 * the province, while its district is still reachable with an earlier `asOf`.
 */
export function parentsOf(ids: readonly string[], asOf: string | null): Fragment {
  return sql`SELECT * EXCLUDE (rank) FROM (
      SELECT l.child_id AS "anchorId", l.valid_from AS "linkValidFrom", l.valid_to AS "linkValidTo", 1 AS depth, 1 AS "totalCount",
             ${raw(UNIT_COLUMNS)},
             row_number() OVER (PARTITION BY l.child_id ORDER BY ${raw(MOST_RECENT_LINK_FIRST)}) AS rank
      FROM unit_links l JOIN units u ON u.id = l.parent_id
      WHERE l.child_id = ANY(${stringList(ids)}) AND ${validAt('l', asOf)}
    ) WHERE rank = 1`;
}

/** Ancestors of each unit, nearest first, following the same parent choice at every step. */
export function ancestorsOf(ids: readonly string[], asOf: string | null): Fragment {
  return sql`WITH RECURSIVE chosen AS (
      SELECT child_id, parent_id FROM (
        SELECT l.child_id, l.parent_id,
               row_number() OVER (PARTITION BY l.child_id ORDER BY ${raw(MOST_RECENT_LINK_FIRST)}) AS rank
        FROM unit_links l WHERE ${validAt('l', asOf)}
      ) WHERE rank = 1
    ),
    walk(anchor, id, depth) AS (
      SELECT c.child_id, c.parent_id, 1 FROM chosen c WHERE c.child_id = ANY(${stringList(ids)})
      UNION ALL
      SELECT w.anchor, c.parent_id, w.depth + 1 FROM walk w JOIN chosen c ON c.child_id = w.id WHERE w.depth < 16
    )
    SELECT w.anchor AS "anchorId", NULL AS "linkValidFrom", NULL AS "linkValidTo", w.depth::INTEGER AS depth, 0 AS "totalCount", ${raw(UNIT_COLUMNS)}
    FROM walk w JOIN units u ON u.id = w.id ORDER BY w.anchor, w.depth`;
}

export interface DescendantQuery {
  kinds: readonly string[] | null;
  asOf: string | null;
  maxDepth: number; // 1 = direct children only
  offset: number;
  limit: number;
}

/** A unit found under an anchor: the nearest path to it, and the last link on that path. */
export interface FoundDescendant {
  readonly anchor: string;
  readonly id: string;
  readonly depth: number;
  readonly linkFrom: string | null;
  readonly linkTo: string | null;
}

/**
 * Descendants of each unit down the hierarchy (links valid at `asOf`, or any link when no
 * date is given), nearest path first, and of equally near ones the most recent last link. Its own statement: joined in one statement with the
 * units it finds, DuckDB hashed every unit for a walk that finds a few dozen (90 ms, not 10).
 */
export function descendantWalk(ids: readonly string[], q: DescendantQuery): Fragment {
  return sql`WITH RECURSIVE walk(anchor, id, depth, link_from, link_to, link_parent) AS (
      SELECT l.parent_id, l.child_id, 1, l.valid_from, l.valid_to, l.parent_id FROM unit_links l
      WHERE l.parent_id = ANY(${stringList(ids)}) AND ${validAt('l', q.asOf)}
      UNION ALL
      SELECT w.anchor, l.child_id, w.depth + 1, l.valid_from, l.valid_to, l.parent_id FROM walk w JOIN unit_links l ON l.parent_id = w.id
      WHERE w.depth < ${q.maxDepth} AND ${validAt('l', q.asOf)}
    )
    SELECT DISTINCT ON (w.anchor, w.id) w.anchor, w.id, w.depth::INTEGER AS depth, w.link_from::VARCHAR AS "linkFrom", w.link_to::VARCHAR AS "linkTo"
    FROM walk w ORDER BY w.anchor, w.id, w.depth, w.link_to DESC NULLS FIRST, w.link_from DESC NULLS LAST, w.link_parent`;
}

/** The found units filtered by kind and paged per anchor. */
export function descendantUnits(found: readonly FoundDescendant[], q: DescendantQuery): Fragment {
  const kinds = q.kinds === null ? sql`true` : sql`u.kind = ANY(${stringList(q.kinds)})`;
  const column = <K extends keyof FoundDescendant>(k: K) =>
    stringList(found.map((f) => (f[k] === null ? null : String(f[k]))));
  return sql`WITH found AS (
      SELECT unnest(${column('anchor')}) AS anchor, unnest(${column('id')}) AS id, unnest(${column('depth')})::INTEGER AS depth,
             unnest(${column('linkFrom')})::DATE AS link_from, unnest(${column('linkTo')})::DATE AS link_to
    ),
    ranked AS (
      SELECT f.anchor AS "anchorId", f.link_from AS "linkValidFrom", f.link_to AS "linkValidTo", f.depth AS depth,
             ${raw(UNIT_COLUMNS)},
             count(*) OVER (PARTITION BY f.anchor)::INTEGER AS "totalCount",
             row_number() OVER (PARTITION BY f.anchor ORDER BY ${raw(UNIT_ORDER)}) AS position
      FROM found f JOIN units u ON u.id = f.id
      WHERE u.id = ANY(${column('id')}) AND ${kinds}
    )
    SELECT * EXCLUDE (position) FROM ranked WHERE position > ${q.offset} AND position <= ${q.offset + q.limit}
    ORDER BY "anchorId", position`;
}

/** Party organisations sitting in each administrative unit. */
export function partyOrganisationsIn(adminIds: readonly string[]): Fragment {
  return sql`SELECT ${raw(UNIT_COLUMNS)} FROM units u
    WHERE u.admin_unit_id = ANY(${stringList(adminIds)}) ORDER BY ${raw(UNIT_ORDER)}`;
}

/**
 * Every unit in listing order, as JSON arrays of UnitRows in chunks: what the in-memory
 * hierarchy is built from. Converting 185,000 rows value by value in the DuckDB client took
 * 2.3 s of the server's only thread; DuckDB writes the JSON and parsing it takes a tenth of that.
 */
export function allUnitsAsJson(): Fragment {
  return sql`SELECT to_json(list(unit ORDER BY position))::VARCHAR AS rows FROM (
      SELECT ${raw(UNIT_STRUCT)} AS unit, row_number() OVER (ORDER BY ${raw(UNIT_ORDER)}) - 1 AS position FROM units u
    ) GROUP BY position // ${raw(String(JSON_CHUNK_ROWS))} ORDER BY position // ${raw(String(JSON_CHUNK_ROWS))}`;
}

/** Every link as JSON chunks as above, each child's in the order its parent is chosen by. */
export function allLinksAsJson(): Fragment {
  return sql`SELECT to_json(list(link ORDER BY position))::VARCHAR AS rows FROM (
      SELECT {'childId': l.child_id, 'parentId': l.parent_id, 'validFrom': l.valid_from, 'validTo': l.valid_to} AS link,
             row_number() OVER (ORDER BY ${raw(MOST_RECENT_LINK_FIRST)}) - 1 AS position
      FROM unit_links l
    ) GROUP BY position // ${raw(String(JSON_CHUNK_ROWS))} ORDER BY position // ${raw(String(JSON_CHUNK_ROWS))}`;
}

/**
 * What changes whenever units or links do: every load stamps the rows it writes with its import
 * id (replacing a file's rows deletes and rewrites them), so counts and import ids move.
 */
export function hierarchyFingerprint(): Fragment {
  return sql`SELECT concat_ws('/', (SELECT count(*) FROM units), (SELECT max(import_id) FROM units), (SELECT sum(import_id) FROM units),
      (SELECT count(*) FROM unit_links), (SELECT max(import_id) FROM unit_links), (SELECT sum(import_id) FROM unit_links)) AS fingerprint`;
}
