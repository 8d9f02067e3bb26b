import { sql, stringList, type Fragment } from '../store/sql.js';

export function allIndicators(): Fragment {
  return sql`SELECT code, name, unit, value_type AS "valueType", aggregation, numerator, denominator, description, measure
    FROM indicators ORDER BY code`;
}

const SOURCE_COLUMNS = sql`id, kind, title, publisher, author, published, url, seed_file AS "seedFile", note`;

export function sourcesByIds(ids: readonly string[]): Fragment {
  return sql`SELECT ${SOURCE_COLUMNS} FROM sources WHERE id = ANY(${stringList(ids)})`;
}

export function allSources(): Fragment {
  return sql`SELECT ${SOURCE_COLUMNS} FROM sources ORDER BY published DESC NULLS LAST, id`;
}

const DOCUMENT_COLUMNS = sql`id, number, kind, title, issuer, issued_on AS "issuedOn", period_start AS "periodStart",
  period_end AS "periodEnd", period_note AS "periodNote", source_id AS "sourceId", quote`;

export function documentsByIds(ids: readonly string[]): Fragment {
  return sql`SELECT ${DOCUMENT_COLUMNS} FROM documents WHERE id = ANY(${stringList(ids)})`;
}

export function allDocuments(): Fragment {
  return sql`SELECT ${DOCUMENT_COLUMNS} FROM documents ORDER BY issued_on, id`;
}

export function documentLinksForUnits(unitIds: readonly string[]): Fragment {
  return sql`SELECT document_id AS "documentId", unit_id AS "unitId", role, source_id AS "sourceId"
    FROM document_links WHERE unit_id = ANY(${stringList(unitIds)}) ORDER BY document_id`;
}

export function documentLinksForDocuments(documentIds: readonly string[]): Fragment {
  return sql`SELECT document_id AS "documentId", unit_id AS "unitId", role, source_id AS "sourceId"
    FROM document_links WHERE document_id = ANY(${stringList(documentIds)}) ORDER BY unit_id`;
}

/** What the data is at: every load is an import, so the latest import id and time identify it. */
export function dataVersion(): Fragment {
  return sql`SELECT count(*)::INTEGER AS imports, coalesce(max(id), 0)::INTEGER AS "lastImport",
    coalesce(CAST(max(started_at) AS VARCHAR), '') AS "lastImportAt" FROM imports`;
}

/**
 * Per kind of unit and kind of descendant, the most descendants any one unit has, at any depth and
 * over every link in the record (a province's communes before and after the reform): what a typed
 * list (`communes`, `villages`) can hold at most, for the cost estimate's catalogue.
 */
export function mostDescendantsByKind(): Fragment {
  return sql`WITH RECURSIVE closure(ancestor, descendant, depth) AS (
      SELECT parent_id, child_id, 1 FROM unit_links
      UNION ALL
      SELECT c.ancestor, l.child_id, c.depth + 1 FROM closure c JOIN unit_links l ON l.parent_id = c.descendant
      WHERE c.depth < 4)
    SELECT "parentKind", "childKind", max(n)::INTEGER AS most FROM (
      SELECT a.kind AS "parentKind", d.kind AS "childKind", count(DISTINCT c.descendant) AS n
      FROM closure c JOIN units a ON a.id = c.ancestor JOIN units d ON d.id = c.descendant
      GROUP BY a.kind, d.kind, c.ancestor)
    GROUP BY ALL ORDER BY ALL`;
}

/** Units in force today, per kind: what a table of a kind can hold at most (the cost estimate's catalogue). */
export function unitCountsByKind(): Fragment {
  return sql`SELECT kind, count(*)::INTEGER AS units FROM units
    WHERE valid_to IS NULL OR valid_to > current_date GROUP BY kind ORDER BY kind`;
}
