-- Proof of play for merchants: planned vs played per promo (server/plays/report*.ts).

-- Each promo plan item's outcome over every player, kept up to date by a trigger as reports
-- arrive: the report groups these (one row per item) instead of every player's reports (ten
-- per item with ten players), so a year's summary reads ~100k rows, not ~1M.
CREATE TABLE plays_promo_items (
  plan_date TEXT NOT NULL,
  promo_id TEXT NOT NULL,
  merchant TEXT NOT NULL,
  item_id TEXT NOT NULL,
  slot TEXT NOT NULL,
  -- 1 once any player reported it so.
  ended INTEGER NOT NULL,
  failed INTEGER NOT NULL,
  skipped INTEGER NOT NULL,
  -- `ended` reports, one per player.
  plays INTEGER NOT NULL,
  -- The earliest and latest planned instants reported (start, end): the item's own length.
  planned_first TEXT NOT NULL,
  planned_last TEXT NOT NULL,
  PRIMARY KEY (plan_date, promo_id, merchant, item_id)
) WITHOUT ROWID;

INSERT INTO plays_promo_items
SELECT plan_date, promo_id, coalesce(merchant, ''), item_id, max(slot), max(status = 'ended'),
  max(status = 'failed'), max(status = 'skipped'), sum(status = 'ended'), min(planned_at),
  max(planned_at)
FROM plays WHERE promo_id IS NOT NULL GROUP BY plan_date, promo_id, coalesce(merchant, ''), item_id;

-- Reports are only ever added (an upload is idempotent: a duplicate inserts nothing).
CREATE TRIGGER plays_promo_item AFTER INSERT ON plays WHEN NEW.promo_id IS NOT NULL
BEGIN
  INSERT INTO plays_promo_items VALUES (NEW.plan_date, NEW.promo_id, coalesce(NEW.merchant, ''),
    NEW.item_id, NEW.slot, NEW.status = 'ended', NEW.status = 'failed', NEW.status = 'skipped',
    NEW.status = 'ended', NEW.planned_at, NEW.planned_at)
  ON CONFLICT DO UPDATE SET ended = max(ended, excluded.ended),
    failed = max(failed, excluded.failed), skipped = max(skipped, excluded.skipped),
    plays = plays + excluded.plays, planned_first = min(planned_first, excluded.planned_first),
    planned_last = max(planned_last, excluded.planned_last);
END;

-- With a player chosen, the report reads that player's own reports: this index holds every
-- column it needs, in group order, so SQLite neither sorts nor reads the table.
CREATE INDEX plays_report ON plays
  (device_id, plan_date, promo_id, merchant, item_id, status, planned_at, slot)
  WHERE promo_id IS NOT NULL;

-- The report's detail: every promo play's outcome in day and time order. Only those rows are
-- in it, so a year's export walks its quarter million plays, not every report of the year.
CREATE INDEX plays_detail ON plays (plan_date, actual_at, id)
  WHERE promo_id IS NOT NULL AND status != 'started';

-- What the plan of a past day held, per promo and slot, counted from its compiled plan once
-- the day is over. Kept, so that an edit to the program or a retired promo does not rewrite what
-- a merchant was promised, and so that a year's report compiles no plans at all.
CREATE TABLE plays_planned_days (
  plan_date TEXT PRIMARY KEY,
  frozen_at TEXT NOT NULL
);
CREATE TABLE plays_planned (
  plan_date TEXT NOT NULL REFERENCES plays_planned_days (plan_date) ON DELETE CASCADE,
  promo_id TEXT NOT NULL,
  merchant TEXT NOT NULL,
  slot TEXT NOT NULL,
  title TEXT NOT NULL,
  planned INTEGER NOT NULL,
  planned_ms INTEGER NOT NULL,
  PRIMARY KEY (plan_date, promo_id, merchant, slot)
) WITHOUT ROWID;
