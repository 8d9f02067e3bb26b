-- What an indicator measures and what a figure is about (issue 19). Only additions: every row
-- loaded before keeps its values; the new columns take the meaning the store gave them so far.

-- STOCK (a level at a moment: members at the end of the year) or FLOW (an amount during the
-- period: members admitted). Indicators loaded before were read as levels, so they stay STOCK
-- until a load says otherwise (the seed's catalogue says so on its next import).
ALTER TABLE indicators ADD COLUMN measure VARCHAR DEFAULT 'STOCK';
UPDATE indicators SET measure = 'STOCK' WHERE measure IS NULL;

-- The part of the unit a figure is about, in the source's words ("one household"); NULL: the
-- unit as a whole. A part's figure is kept out of the unit's series, rollups and rankings unless
-- a request includes parts.
ALTER TABLE observations ADD COLUMN scope VARCHAR;

-- Every computed value shows its working; the serving layer keeps it too. The layer is derived
-- (rebuilt from the tables of record), so it is marked stale and rebuilt with the new rules.
ALTER TABLE serving_values ADD COLUMN formula VARCHAR;
DELETE FROM serving_state;
