-- Reported changes: a change a source states between two periods ("down by more than 20
-- compared to 2024") is a claim of its own, not the difference of two levels. Stored as the
-- signed change with its qualifier and interval, its source and the sentence it comes from.
-- Append-only like observations: a changed statement is a new revision with a later
-- recorded_at, and the revisions it replaced (or a re-import of a bundled origin retracted) are
-- listed in superseded_reported_changes. Only additions, and the qualifier macros (below).

CREATE SEQUENCE reported_change_id_seq;

CREATE TABLE reported_changes (
  id           BIGINT NOT NULL DEFAULT nextval('reported_change_id_seq'),
  subject_id   VARCHAR NOT NULL,
  indicator    VARCHAR NOT NULL,
  from_period  VARCHAR NOT NULL,          -- the earlier period, in the period grammar of observations
  from_start   DATE NOT NULL,
  from_end     DATE NOT NULL,             -- inclusive; a change runs from a closed period
  to_period    VARCHAR NOT NULL,          -- the later period
  to_start     DATE NOT NULL,
  to_end       DATE,                      -- inclusive; NULL: open-ended
  value        DOUBLE NOT NULL,           -- the signed change: "down by more than 20" is -20
  qualifier    VARCHAR NOT NULL CHECK (qualifier IN ('EXACT','MORE_THAN','NEARLY','JUST_OVER','ABOUT','AT_LEAST','LESS_THAN','AT_MOST')),
  lower        DOUBLE,                    -- NULL: unbounded below ("down by more than 20": no lower bound)
  upper        DOUBLE,                    -- NULL: unbounded above
  source_id    VARCHAR NOT NULL,
  quote        VARCHAR,
  note         VARCHAR,
  recorded_at  TIMESTAMP NOT NULL,
  import_id    INTEGER NOT NULL
);

-- Which revisions a later one replaced (superseded_by) or a bundled re-import retracted
-- (retracted_by, no successor): the current view is a plain filter, as for observations.
CREATE TABLE superseded_reported_changes (
  id            BIGINT NOT NULL,
  superseded_by BIGINT,
  superseded_at TIMESTAMP NOT NULL,
  retracted_by  INTEGER
);

CREATE VIEW current_reported_changes AS
SELECT * FROM reported_changes WHERE id NOT IN (SELECT id FROM superseded_reported_changes);

-- Whether period t directly follows period f at the same length (2025 after 2024, 2024-Q3 after
-- 2024-Q2, a month after the previous one, a day after the day before): a year-over-year step.
-- Ranges never are. With the period grammar of migration 001; false for a label it does not parse.
CREATE MACRO periods_consecutive(f, t) AS coalesce(
  period_granularity(f) = period_granularity(t) AND period_granularity(f) <> 'RANGE'
    AND period_point_start(t) = period_point_end(f) + 1,
  false);

-- The qualifier intervals of migration 001, with the widths on the side of |v| so that a negative
-- value (a decline) keeps lower <= upper: NEARLY -20 is [-22, -20], JUST_OVER -20 is [-20, -18].
-- For v >= 0, every figure loaded so far, least/greatest pick the very products they used before.
CREATE OR REPLACE MACRO qualifier_lower(v, q) AS CASE q
  WHEN 'EXACT' THEN v WHEN 'MORE_THAN' THEN v WHEN 'AT_LEAST' THEN v WHEN 'JUST_OVER' THEN v
  WHEN 'NEARLY' THEN least(v * 0.9, v * 1.1) WHEN 'ABOUT' THEN least(v * 0.95, v * 1.05)
  ELSE NULL END;

CREATE OR REPLACE MACRO qualifier_upper(v, q) AS CASE q
  WHEN 'EXACT' THEN v WHEN 'LESS_THAN' THEN v WHEN 'AT_MOST' THEN v WHEN 'NEARLY' THEN v
  WHEN 'JUST_OVER' THEN greatest(v * 0.9, v * 1.1) WHEN 'ABOUT' THEN greatest(v * 0.95, v * 1.05)
  ELSE NULL END;
