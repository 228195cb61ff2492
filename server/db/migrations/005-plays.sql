-- The as-played log: what each player reported doing with each plan item (proof of play).

CREATE TABLE plays (
  id INTEGER PRIMARY KEY,
  -- No foreign key: a revoked device's plays stay proof of what went on air.
  device_id INTEGER NOT NULL,
  -- Made by the player once per report, so a batch re-sent after an outage is counted once.
  report_id TEXT NOT NULL,
  plan_date TEXT NOT NULL,
  item_id TEXT NOT NULL,
  slot TEXT NOT NULL,
  kind TEXT NOT NULL,
  promo_id TEXT,
  merchant TEXT,
  media_id TEXT,
  title TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('started', 'ended', 'skipped', 'failed')),
  -- Instants in UTC (toISOString), so text order is time order.
  planned_at TEXT NOT NULL,
  actual_at TEXT NOT NULL,
  reason TEXT,
  received_at TEXT NOT NULL,
  UNIQUE (device_id, report_id)
);
-- Listing and exporting walk a date range in play order; the others narrow it first.
CREATE INDEX plays_date ON plays (plan_date, actual_at, id);
CREATE INDEX plays_promo ON plays (promo_id, plan_date) WHERE promo_id IS NOT NULL;
CREATE INDEX plays_merchant ON plays (merchant, plan_date) WHERE merchant IS NOT NULL;
CREATE INDEX plays_slot ON plays (slot, plan_date);
CREATE INDEX plays_device ON plays (device_id, plan_date);
