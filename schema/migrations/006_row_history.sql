-- Last load wins per key, history kept: a load may replace a reference row (source, indicator,
-- unit, document) that another import wrote, and a re-import of a bundled origin (seed,
-- national) retires the rows its files no longer state. Nothing is lost: every version a load
-- replaced or retired is kept here, whole, with who wrote it and who replaced it.
-- Only additions: no loaded row changes.

CREATE TABLE row_history (
  table_name  VARCHAR NOT NULL,           -- sources, indicators, units, documents, unit_links, ...
  row_key     VARCHAR NOT NULL,           -- the row's id (an indicator's code); a link's key columns joined by ' | '
  old_row     JSON NOT NULL,              -- the whole row as it was, import_id included
  written_by  INTEGER NOT NULL,           -- the import that wrote that version
  replaced_by INTEGER NOT NULL,           -- the import that replaced or retired it
  replaced_at TIMESTAMP NOT NULL,         -- UTC
  change      VARCHAR NOT NULL CHECK (change IN ('REPLACED', 'RETIRED'))
);

-- A figure a bundled origin no longer states is retracted, not deleted: its revision stays in
-- observations and a row here, without a successor, says which import retracted it and when
-- (current reads skip it; a read as of an earlier moment still sees it).
ALTER TABLE superseded_observations ALTER COLUMN superseded_by DROP NOT NULL;
ALTER TABLE superseded_observations ADD COLUMN retracted_by INTEGER;  -- the import that retracted the figure; NULL: superseded by a revision
