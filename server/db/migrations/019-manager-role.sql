-- The department manager (部门经理) becomes a role. SQLite cannot widen a CHECK in place, so
-- `users` is rebuilt as SQLite's own procedure says: new table, copy, drop, rename. The runner
-- turns foreign keys off meanwhile, so sessions and pairing approvals keep pointing at their
-- users (same ids), and checks them before this commits.
CREATE TABLE users_new (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE COLLATE NOCASE,
  display_name TEXT NOT NULL DEFAULT '',
  role TEXT NOT NULL CHECK (role IN ('admin', 'announcer', 'desk', 'manager')),
  password_hash TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  must_change_password INTEGER NOT NULL DEFAULT 0
);
INSERT INTO users_new (id, username, display_name, role, password_hash, disabled, created_at, must_change_password)
SELECT id, username, display_name, role, password_hash, disabled, created_at, must_change_password FROM users;
DROP TABLE users;
ALTER TABLE users_new RENAME TO users;
