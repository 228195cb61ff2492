-- Merchants (商户) as records of their own, shared by the promos and the guide screen's
-- directory; promos reference their merchant instead of carrying a copy of it. Never deleted:
-- a retired merchant keeps its row so proof-of-play reports still name it.

CREATE TABLE merchants (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  -- The shop's name in hanzi, as on its sign (兰亭沙发); one merchant per name.
  name TEXT NOT NULL UNIQUE,
  -- The directory searches these: the brand in Latin letters (LANTING), the name's pinyin as
  -- toneless lower-case syllables separated by spaces (lan ting sha fa) and its initials
  -- (ltsf, derived from the pinyin). NULL when not known, never an empty string.
  name_latin TEXT,
  pinyin TEXT,
  initials TEXT,
  -- 1F, 2F… or B1, B2; the unit as on the mall's plan (A201).
  floor TEXT NOT NULL,
  unit TEXT,
  -- One of server/merchants/categories.ts, `other` when none fits.
  category TEXT NOT NULL DEFAULT 'other',
  -- HH:MM on the mall's clock; both NULL = the mall's own hours.
  opens TEXT,
  closes TEXT,
  phone TEXT,
  contact TEXT,
  description TEXT,
  -- `<sha256>.<ext>` under DATA_DIR/images, served at /images/<logo>.
  logo TEXT,
  retired INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  CHECK ((opens IS NULL) = (closes IS NULL))
);
CREATE INDEX merchants_floor ON merchants (floor, unit);
CREATE INDEX merchants_initials ON merchants (initials);

-- Who changed what and when, for merchants and their promos (entity_id: the merchant's id or
-- the promo's). `fields` is the JSON list of the fields that changed.
CREATE TABLE merchant_changes (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  entity TEXT NOT NULL CHECK (entity IN ('merchant', 'promo')),
  entity_id TEXT NOT NULL,
  merchant_id INTEGER NOT NULL,
  action TEXT NOT NULL,
  fields TEXT NOT NULL DEFAULT '[]',
  changed_by TEXT NOT NULL,
  changed_at TEXT NOT NULL
);
CREATE INDEX merchant_changes_merchant ON merchant_changes (merchant_id, id);

-- The merchants the promos carried, one row per name (the first floor and unit seen).
INSERT INTO merchants (name, floor, unit, created_at, created_by, updated_at, updated_by)
SELECT merchant_name, min(merchant_floor), min(merchant_unit), min(created_at), 'migration',
  min(created_at), 'migration'
FROM promos GROUP BY merchant_name ORDER BY min(created_at), merchant_name;

CREATE TABLE promos_012 (
  id TEXT PRIMARY KEY,
  merchant_id INTEGER NOT NULL REFERENCES merchants (id),
  title TEXT NOT NULL,
  media TEXT,
  text TEXT,
  valid_from TEXT,
  valid_to TEXT,
  -- JSON array of day-part names; NULL = every part of the day.
  day_parts TEXT,
  weight INTEGER NOT NULL DEFAULT 1 CHECK (weight BETWEEN 1 AND 100),
  -- Set: played this often an hour of promo loop instead of by weight.
  plays_per_hour INTEGER CHECK (plays_per_hour BETWEEN 1 AND 60),
  retired INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  CHECK (media IS NOT NULL OR text IS NOT NULL)
);
INSERT INTO promos_012 (id, merchant_id, title, media, text, valid_from, valid_to, day_parts,
  weight, retired, created_at, created_by, updated_at, updated_by)
SELECT p.id, m.id, p.title, p.media, p.text, p.valid_from, p.valid_to, p.day_parts, p.weight,
  p.retired, p.created_at, p.updated_by, p.updated_at, p.updated_by
FROM promos p JOIN merchants m ON m.name = p.merchant_name;
DROP TABLE promos;
ALTER TABLE promos_012 RENAME TO promos;
CREATE INDEX promos_merchant ON promos (merchant_id);
