-- Earlier files of a media item (the original before loudness normalisation): still served, so
-- an announcement or a kiosk's cached plan that names one keeps playing, and the original can
-- be put back.
CREATE TABLE media_versions (
  id TEXT NOT NULL REFERENCES media (id) ON DELETE CASCADE,
  file TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  size INTEGER NOT NULL,
  mime TEXT NOT NULL,
  duration_ms INTEGER NOT NULL,
  loudness_lufs REAL,
  sample_rate INTEGER,
  channels INTEGER,
  -- Why it was replaced: 'normalised'.
  reason TEXT NOT NULL,
  replaced_at TEXT NOT NULL,
  PRIMARY KEY (id, file)
);
CREATE INDEX media_versions_file ON media_versions (file);

-- The decoded stream's format, as measured at upload (null for rows measured before this).
ALTER TABLE media ADD COLUMN sample_rate INTEGER;
ALTER TABLE media ADD COLUMN channels INTEGER;
