-- The people the sources name and the roles they held: a village head, the secretary of a Party
-- cell or committee. Each row cites its source and the sentence it comes from, like a figure.
-- Only additions.

CREATE TABLE people (
  id            VARCHAR PRIMARY KEY,      -- 'person/<slug>', e.g. 'person/vang-a-dia'
  name          VARCHAR NOT NULL,         -- as the source writes it
  name_folded   VARCHAR NOT NULL,         -- lower case, no diacritics: for search
  party_member  BOOLEAN,                  -- NULL: the sources do not say
  party_joined  VARCHAR,                  -- the period they were admitted to the Party (YYYY), when stated
  source_id     VARCHAR NOT NULL,
  quote         VARCHAR,                  -- the sentence that says they are (or joined as) a Party member
  note          VARCHAR,
  import_id     INTEGER NOT NULL
);

-- A role held in a unit or Party organisation during a period ("2026": at the time the article
-- was written). Replaced as a set by the origin that loaded it, like links.
CREATE TABLE roles (
  person_id     VARCHAR NOT NULL,
  role          VARCHAR NOT NULL,         -- VILLAGE_HEAD, PARTY_CELL_SECRETARY, ... (src/people/roles.ts)
  unit_id       VARCHAR NOT NULL,
  period        VARCHAR NOT NULL,         -- the period grammar of observations
  period_start  DATE NOT NULL,
  period_end    DATE,                     -- NULL: open ("since July 2025")
  title         VARCHAR NOT NULL,         -- the title as the source words it
  source_id     VARCHAR NOT NULL,
  quote         VARCHAR NOT NULL,
  note          VARCHAR,
  import_id     INTEGER NOT NULL
);
