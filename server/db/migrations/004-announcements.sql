-- Ad-hoc announcements (临时广播): text spoken by TTS or a recording, now or at a time.

CREATE TABLE announcements (
  -- AUTOINCREMENT: an id is never reused, so a player's "already played" memory stays right.
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL CHECK (kind IN ('text', 'media')),
  title TEXT NOT NULL,
  text TEXT,
  media_id TEXT,
  -- What the player fetches: /tts/<sha256>.wav for text, /media/<file> for a recording.
  audio_url TEXT NOT NULL,
  duration_ms INTEGER NOT NULL,
  -- When to play, an instant in UTC (toISOString); NULL = as soon as it arrives.
  at TEXT,
  repeat INTEGER NOT NULL DEFAULT 1 CHECK (repeat BETWEEN 1 AND 10),
  priority TEXT NOT NULL CHECK (priority IN ('normal', 'urgent', 'emergency')),
  -- JSON: "all", or an array of device ids.
  targets TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'cancelled')),
  template TEXT,
  -- JSON object of the template's fields as given.
  fields TEXT,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  cancelled_by TEXT,
  cancelled_at TEXT,
  CHECK ((kind = 'text' AND text IS NOT NULL) OR (kind = 'media' AND media_id IS NOT NULL))
);
-- A day's announcements are those due (or, when immediate, made) within it.
CREATE INDEX announcements_due ON announcements (coalesce(at, created_at));
