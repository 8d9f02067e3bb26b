-- Foundation: reference tables (units, organisations, sources, documents, indicators) and the
-- append-only observation store. Reference rows carry the import that wrote them; observations
-- are never updated in place: a changed value is a new revision with a later recorded_at.

CREATE TABLE imports (
  id           INTEGER PRIMARY KEY,
  kind         VARCHAR NOT NULL,          -- 'seed', 'file', 'mutation'
  origin       VARCHAR NOT NULL,          -- directory, file or client that supplied the rows
  content_hash VARCHAR NOT NULL,
  started_at   TIMESTAMP NOT NULL,
  rows_written INTEGER NOT NULL
);

CREATE TABLE sources (
  id         VARCHAR PRIMARY KEY,
  kind       VARCHAR NOT NULL,            -- ARTICLE, LAW, DATASET, SYNTHETIC ...
  title      VARCHAR NOT NULL,
  publisher  VARCHAR,
  author     VARCHAR,
  published  VARCHAR,                     -- ISO 8601 date, possibly partial ('2025')
  url        VARCHAR,
  seed_file  VARCHAR,
  note       VARCHAR,
  import_id  INTEGER NOT NULL
);

CREATE TABLE units (
  id            VARCHAR PRIMARY KEY,      -- '<kind-slug>/<slug>', e.g. 'commune/tia-dinh'
  kind          VARCHAR NOT NULL CHECK (kind IN ('PROVINCE','DISTRICT','COMMUNE','VILLAGE','PARTY_COMMITTEE','PARTY_CELL')),
  name          VARCHAR NOT NULL,
  name_folded   VARCHAR NOT NULL,         -- lower(strip_accents(name)) with đ→d, for search
  level         VARCHAR,                  -- administrative level a Party organisation sits at
  admin_unit_id VARCHAR,                  -- for Party organisations: the unit they sit in
  valid_from    DATE,                     -- NULL: start not known (existed before the first figure)
  valid_to      DATE,                     -- exclusive; NULL: still valid
  source_id     VARCHAR,
  note          VARCHAR,
  import_id     INTEGER NOT NULL
);

CREATE TABLE unit_links (
  child_id   VARCHAR NOT NULL,
  parent_id  VARCHAR NOT NULL,
  valid_from DATE,
  valid_to   DATE,                        -- exclusive
  source_id  VARCHAR,
  note       VARCHAR,
  import_id  INTEGER NOT NULL
);

CREATE TABLE indicators (
  code        VARCHAR PRIMARY KEY,
  name        VARCHAR NOT NULL,
  unit        VARCHAR NOT NULL,
  value_type  VARCHAR NOT NULL CHECK (value_type IN ('COUNT','SHARE','AREA','AMOUNT')),
  aggregation VARCHAR NOT NULL CHECK (aggregation IN ('SUM','RATIO','NONE')),
  numerator   VARCHAR,
  denominator VARCHAR,
  description VARCHAR NOT NULL,
  import_id   INTEGER NOT NULL
);

CREATE TABLE documents (
  id           VARCHAR PRIMARY KEY,
  number       VARCHAR NOT NULL,
  kind         VARCHAR NOT NULL,
  title        VARCHAR NOT NULL,
  issuer       VARCHAR NOT NULL,
  issued_on    DATE,
  period_start DATE,
  period_end   DATE,
  period_note  VARCHAR,
  source_id    VARCHAR NOT NULL,
  quote        VARCHAR,
  import_id    INTEGER NOT NULL
);

CREATE TABLE document_links (
  document_id VARCHAR NOT NULL,
  unit_id     VARCHAR NOT NULL,
  role        VARCHAR NOT NULL CHECK (role IN ('ISSUED_BY','GOVERNS','APPLIED_BY')),
  source_id   VARCHAR NOT NULL,
  import_id   INTEGER NOT NULL
);

CREATE SEQUENCE observation_id_seq;

CREATE TABLE observations (
  -- Unique by construction (one sequence); no index: an ART over tens of millions of ids costs
  -- memory and load time, and rows are stored in id order so zone maps find an id anyway.
  id           BIGINT NOT NULL DEFAULT nextval('observation_id_seq'),
  subject_id   VARCHAR NOT NULL,
  indicator    VARCHAR NOT NULL,
  period       VARCHAR NOT NULL,          -- ISO 8601: 2024, 2024-Q3, 2024-07, 2024-07-15, 2025-07/..
  period_start DATE NOT NULL,
  period_end   DATE,                      -- inclusive; NULL: open-ended ('since July 2025')
  granularity  VARCHAR NOT NULL CHECK (granularity IN ('YEAR','QUARTER','MONTH','DAY','RANGE')),
  value        DOUBLE NOT NULL,
  qualifier    VARCHAR NOT NULL CHECK (qualifier IN ('EXACT','MORE_THAN','NEARLY','JUST_OVER','ABOUT','AT_LEAST','LESS_THAN','AT_MOST')),
  lower        DOUBLE,                    -- NULL: unbounded below
  upper        DOUBLE,                    -- NULL: unbounded above
  source_id    VARCHAR NOT NULL,
  derived      BOOLEAN NOT NULL,
  formula      VARCHAR,
  quote        VARCHAR,
  note         VARCHAR,
  recorded_at  TIMESTAMP NOT NULL,
  import_id    INTEGER NOT NULL
);

-- The latest revision of each (subject, indicator, period, source): what queries read by default.
CREATE VIEW current_observations AS
SELECT * EXCLUDE (revision_rank) FROM (
  SELECT *, row_number() OVER (
    PARTITION BY subject_id, indicator, period, source_id ORDER BY recorded_at DESC, id DESC
  ) AS revision_rank
  FROM observations
) WHERE revision_rank = 1;

-- Period grammar shared by every load path. NULL means "not a period".
CREATE MACRO period_granularity(p) AS CASE
  WHEN regexp_full_match(p, '\d{4}') THEN 'YEAR'
  WHEN regexp_full_match(p, '\d{4}-Q[1-4]') THEN 'QUARTER'
  WHEN regexp_full_match(p, '\d{4}-(0[1-9]|1[0-2])') THEN 'MONTH'
  WHEN regexp_full_match(p, '\d{4}-\d{2}-\d{2}') AND try_strptime(p, '%Y-%m-%d') IS NOT NULL THEN 'DAY'
  WHEN regexp_full_match(p, '[0-9Q-]+/([0-9Q-]+|\.\.)') THEN 'RANGE'
END;

CREATE MACRO period_point_start(p) AS CASE
  WHEN regexp_full_match(p, '\d{4}') THEN make_date(p::INTEGER, 1, 1)
  WHEN regexp_full_match(p, '\d{4}-Q[1-4]') THEN make_date(p[1:4]::INTEGER, (p[7]::INTEGER - 1) * 3 + 1, 1)
  WHEN regexp_full_match(p, '\d{4}-(0[1-9]|1[0-2])') THEN make_date(p[1:4]::INTEGER, p[6:7]::INTEGER, 1)
  WHEN regexp_full_match(p, '\d{4}-\d{2}-\d{2}') THEN try_strptime(p, '%Y-%m-%d')::DATE
END;

CREATE MACRO period_point_end(p) AS CASE
  WHEN regexp_full_match(p, '\d{4}') THEN make_date(p::INTEGER, 12, 31)
  WHEN regexp_full_match(p, '\d{4}-Q[1-4]') THEN (period_point_start(p) + INTERVAL 3 MONTH - INTERVAL 1 DAY)::DATE
  WHEN regexp_full_match(p, '\d{4}-(0[1-9]|1[0-2])') THEN (period_point_start(p) + INTERVAL 1 MONTH - INTERVAL 1 DAY)::DATE
  WHEN regexp_full_match(p, '\d{4}-\d{2}-\d{2}') THEN try_strptime(p, '%Y-%m-%d')::DATE
END;

CREATE MACRO period_start(p) AS CASE
  WHEN contains(p, '/') THEN period_point_start(split_part(p, '/', 1))
  ELSE period_point_start(p)
END;

CREATE MACRO period_end(p) AS CASE
  WHEN contains(p, '/') THEN (CASE WHEN split_part(p, '/', 2) = '..' THEN NULL ELSE period_point_end(split_part(p, '/', 2)) END)
  ELSE period_point_end(p)
END;

-- The interval a qualified figure stands for (documented on the Qualifier enum).
CREATE MACRO qualifier_lower(v, q) AS CASE q
  WHEN 'EXACT' THEN v WHEN 'MORE_THAN' THEN v WHEN 'AT_LEAST' THEN v WHEN 'JUST_OVER' THEN v
  WHEN 'NEARLY' THEN v * 0.9 WHEN 'ABOUT' THEN v * 0.95
  ELSE NULL END;

CREATE MACRO qualifier_upper(v, q) AS CASE q
  WHEN 'EXACT' THEN v WHEN 'LESS_THAN' THEN v WHEN 'AT_MOST' THEN v WHEN 'NEARLY' THEN v
  WHEN 'JUST_OVER' THEN v * 1.1 WHEN 'ABOUT' THEN v * 1.05
  ELSE NULL END;
