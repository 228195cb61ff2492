-- Complaints (顾客投诉登记): every change is an entry, kept for good; `complaints.record` is
-- the complaint as its entries make it (JSON), with the columns lists are found by.
CREATE TABLE complaints (
  id INTEGER PRIMARY KEY,
  received_at TEXT NOT NULL,
  status TEXT NOT NULL,
  category TEXT NOT NULL,
  merchant_id INTEGER,
  floor TEXT,
  record TEXT NOT NULL
);
CREATE INDEX complaints_open ON complaints (status, received_at);
CREATE INDEX complaints_received ON complaints (received_at);

CREATE TABLE complaint_entries (
  id INTEGER PRIMARY KEY,
  complaint_id INTEGER NOT NULL REFERENCES complaints (id),
  at TEXT NOT NULL,
  by TEXT NOT NULL,
  action TEXT NOT NULL,
  data TEXT NOT NULL
);
CREATE INDEX complaint_entries_of ON complaint_entries (complaint_id, id);

-- Nothing is deleted and no entry is changed: a correction is a new entry.
CREATE TRIGGER complaints_kept BEFORE DELETE ON complaints
BEGIN SELECT RAISE (ABORT, 'complaints are kept: record a correction instead'); END;
CREATE TRIGGER complaint_entries_kept BEFORE DELETE ON complaint_entries
BEGIN SELECT RAISE (ABORT, 'complaint entries are kept: record a correction instead'); END;
CREATE TRIGGER complaint_entries_fixed BEFORE UPDATE ON complaint_entries
BEGIN SELECT RAISE (ABORT, 'complaint entries are kept as written: record a correction instead'); END;
