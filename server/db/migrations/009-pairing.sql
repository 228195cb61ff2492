-- A device page with no token asks to be paired: it shows `code`, an admin types it in the
-- console, and the page then collects its device token once with `secret`. Kept in SQLite so
-- a code on a screen stays valid across a server restart, and so approving (the device row and
-- this one) is one transaction.

CREATE TABLE pairing_requests (
  id TEXT PRIMARY KEY,
  -- Six characters the admin reads off the screen; unique among those still pending.
  code TEXT NOT NULL,
  -- sha256 of the page's secret: only the page that asked may collect the token.
  secret_hash TEXT NOT NULL,
  -- What the page says it is (/player: player, /take and /board: guide).
  kind TEXT NOT NULL CHECK (kind IN ('player', 'guide')),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  approved_at TEXT,
  approved_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
  device_id INTEGER REFERENCES devices (id) ON DELETE CASCADE,
  -- Set when the page collected its token: it is handed out this once.
  claimed_at TEXT
);
CREATE INDEX pairing_requests_code ON pairing_requests (code, expires_at);
