-- The real country (data/national/): a unit version is its GSO code plus its validity, so a code
-- reused by the 2025 reform names two units (03385 was Háng Lìa until 2025-07-01, then Tìa Dình).
-- Only additions: rows already loaded keep every value; the new columns are NULL on them.

ALTER TABLE units ADD COLUMN gso_code VARCHAR;   -- GSO code (2 digits province, 3 district, 5 commune-level)
ALTER TABLE units ADD COLUMN unit_type VARCHAR;  -- PROVINCE, CENTRAL_CITY, DISTRICT, ... (src/units/unit-types.ts)
ALTER TABLE units ADD COLUMN name_en VARCHAR;    -- English name, as the GSO writes it

-- Lineage gains CONTINUED (a unit that kept its code and name and took in others), an unknown
-- share (weight NULL: a split whose shares no source gives) and every source that states a row.
-- DuckDB cannot alter a CHECK constraint, so the table is rebuilt with its rows copied unchanged.
CREATE TABLE unit_lineage_next (
  predecessor_id  VARCHAR NOT NULL,
  successor_id    VARCHAR,                 -- NULL only for an ABOLISH without successor
  changed_on      DATE NOT NULL,           -- first day of the successor's existence in this form
  kind            VARCHAR NOT NULL CHECK (kind IN ('MERGE','SPLIT','RENAME','CONTINUED','ABOLISH')),
  weight          DOUBLE CHECK (weight IS NULL OR (weight > 0 AND weight <= 1)),  -- NULL: share not known
  source_id       VARCHAR NOT NULL,        -- the first source stating the row
  note            VARCHAR,
  import_id       INTEGER NOT NULL,
  also_source_ids VARCHAR[]                -- other sources stating the same row
);
INSERT INTO unit_lineage_next BY NAME SELECT * FROM unit_lineage;
DROP TABLE unit_lineage;
ALTER TABLE unit_lineage_next RENAME TO unit_lineage;

-- What an import found wrong or incomplete in its sources (data-quality report). Replaced as a
-- set by the origin that loaded it, like links.
CREATE TABLE data_findings (
  kind          VARCHAR NOT NULL,          -- SOURCES_DISAGREE, SPLIT_WITHOUT_SHARES, ... (src/national/findings.ts)
  severity      VARCHAR NOT NULL CHECK (severity IN ('ERROR','WARNING','INFO')),
  unit_id       VARCHAR,                   -- the unit version the finding is about
  other_unit_id VARCHAR,                   -- the other end of an edge, when there is one
  message       VARCHAR NOT NULL,
  source_ids    VARCHAR[] NOT NULL,
  import_id     INTEGER NOT NULL
);
