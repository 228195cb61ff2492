-- The media library: audio the program, promos and announcements play, stored under
-- <DATA_DIR>/media/ by content hash so a file name never changes meaning (immutable caching).

CREATE TABLE media (
  -- The id the program files use (`background/light/01-quiet-garden`); never changes.
  id TEXT PRIMARY KEY,
  -- `<sha256>.<ext>`: the stored file; several ids may share one file.
  file TEXT NOT NULL,
  title TEXT NOT NULL,
  -- JSON array of tags: what playlists select on.
  tags TEXT NOT NULL DEFAULT '[]',
  duration_ms INTEGER NOT NULL CHECK (duration_ms > 0),
  -- Integrated loudness (EBU R128); null when it could not be measured (no ffmpeg).
  loudness_lufs REAL,
  size INTEGER NOT NULL,
  mime TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  original_name TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX media_file ON media (file);
