-- Unit lineage: merges, splits, renames and abolitions as data. Each row is one edge from a unit
-- that stopped existing (or changed) to a unit that carries on from `changed_on`. A split is one
-- row per successor with the weight (share of the predecessor it took, as census crosswalks
-- publish); weights of one split sum to 1. Rows are replaced as a set by the origin that loaded
-- them, like unit_links.

CREATE TABLE unit_lineage (
  predecessor_id VARCHAR NOT NULL,
  successor_id   VARCHAR,                 -- NULL only for an ABOLISH without successor
  changed_on     DATE NOT NULL,           -- first day of the successor's existence in this form
  kind           VARCHAR NOT NULL CHECK (kind IN ('MERGE','SPLIT','RENAME','ABOLISH')),
  weight         DOUBLE NOT NULL CHECK (weight > 0 AND weight <= 1),
  source_id      VARCHAR NOT NULL,
  note           VARCHAR,
  import_id      INTEGER NOT NULL
);
