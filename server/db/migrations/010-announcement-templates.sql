-- The mall's own announcement templates, and its wording of the built-in ones; and the pause
-- between the repeats of an announcement.

CREATE TABLE announcement_templates (
  -- AUTOINCREMENT: a deleted template's number is never given to another, so the template a
  -- past announcement names ("mall-3") is never a different one.
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  -- NULL for the mall's own (its id is "mall-<seq>"); a built-in's id ("lost-child") for the
  -- mall's wording of it, which "restore the default" deletes.
  builtin_id TEXT UNIQUE,
  name TEXT NOT NULL,
  title TEXT NOT NULL,
  text TEXT NOT NULL,
  -- JSON array of the blanks: { name, label, kind, example, min?, max? }.
  fields TEXT NOT NULL,
  priority TEXT NOT NULL CHECK (priority IN ('normal', 'urgent', 'emergency')),
  repeat INTEGER NOT NULL CHECK (repeat BETWEEN 1 AND 10),
  interval_s INTEGER NOT NULL CHECK (interval_s BETWEEN 0 AND 3600),
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- Seconds of quiet between one play of an announcement and the next; 1 s was the player's
-- fixed gap before it could be chosen.
ALTER TABLE announcements ADD COLUMN interval_s INTEGER NOT NULL DEFAULT 1
  CHECK (interval_s BETWEEN 0 AND 3600);
