-- The serving layer: every value the default analytics read can return (one per unit, indicator,
-- period; own values and values rolled up from each kind of descendant), computed once by the
-- same SQL the general path runs and stored sorted for lookups. It is derived, never a record:
-- a refresh may rebuild it from observations at any time, and a store whose layer is behind its
-- latest import is served by the general path until it is refreshed.

-- Integer keys, because DuckDB's min/max statistics keep only the first 8 bytes of a string, and
-- ids such as 'village/p01-c001-v01' share them: only an integer key lets a lookup skip row groups.
CREATE TABLE serving_units (
  unit_key INTEGER NOT NULL,
  unit_id  VARCHAR NOT NULL
);

CREATE TABLE serving_values (
  unit_key       INTEGER NOT NULL,
  indicator      VARCHAR NOT NULL,
  rollup_from    VARCHAR NOT NULL,        -- '' for the unit's own values, else the descendant kind summed
  period         VARCHAR NOT NULL,
  period_start   DATE NOT NULL,
  period_end     DATE,
  granularity    VARCHAR NOT NULL,
  value          DOUBLE,
  qualifier      VARCHAR,
  lower          DOUBLE,
  upper          DOUBLE,
  source_ids     VARCHAR[],
  observation_id BIGINT,
  derived        BOOLEAN,
  basis          VARCHAR NOT NULL,
  reporting      INTEGER,
  expected       INTEGER,
  recorded_at    TIMESTAMP
);

-- One row: the import the layer reflects. Fresh when it equals the latest import.
CREATE TABLE serving_state (
  import_id    INTEGER NOT NULL,
  refreshed_at TIMESTAMP NOT NULL,
  how          VARCHAR NOT NULL           -- 'full' or 'incremental'
);
