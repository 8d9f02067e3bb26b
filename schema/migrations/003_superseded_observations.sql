-- Which revisions a later one replaced. Recording it when a revision lands lets the current view
-- be a plain filter instead of ranking every revision of the table on every read: at tens of
-- millions of rows that ranking, not the lookup, was the cost of a query. Append-only like
-- observations; asOf reads still rank revisions by recorded_at and do not use this table.
CREATE TABLE superseded_observations (
  id            BIGINT NOT NULL,          -- the revision replaced
  superseded_by BIGINT NOT NULL,          -- the revision that replaced it
  superseded_at TIMESTAMP NOT NULL
);

INSERT INTO superseded_observations
SELECT id, next_id, next_at FROM (
  SELECT id,
         lead(id) OVER w AS next_id,
         lead(recorded_at) OVER w AS next_at
  FROM observations
  WINDOW w AS (PARTITION BY subject_id, indicator, period, source_id ORDER BY recorded_at, id)
) WHERE next_id IS NOT NULL;

CREATE OR REPLACE VIEW current_observations AS
SELECT * FROM observations WHERE id NOT IN (SELECT id FROM superseded_observations);
