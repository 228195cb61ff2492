-- Merchants' promotions (厂商促销信息), one row per promo. Never deleted: a retired promo keeps
-- its row so proof-of-play reports still name it.

CREATE TABLE promos (
  id TEXT PRIMARY KEY,
  merchant_name TEXT NOT NULL,
  merchant_floor TEXT NOT NULL,
  merchant_unit TEXT,
  title TEXT NOT NULL,
  media TEXT,
  text TEXT,
  valid_from TEXT,
  valid_to TEXT,
  -- JSON array of day-part names; NULL = every part of the day.
  day_parts TEXT,
  weight INTEGER NOT NULL DEFAULT 1 CHECK (weight BETWEEN 1 AND 100),
  retired INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  CHECK (media IS NOT NULL OR text IS NOT NULL)
);
CREATE INDEX promos_merchant ON promos (merchant_name);
