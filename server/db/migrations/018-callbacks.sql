-- Sales on file (顾客信息档案), the callbacks generated from them and from resolved complaints
-- (电话回访记录台帐), and customer visits (月度上门拜访顾客填报表). As with complaints: every
-- change is an entry, kept for good; `record` is the thing as its entries make it (JSON), with
-- the columns lists are found by.
CREATE TABLE sales (
  id INTEGER PRIMARY KEY,
  sold_on TEXT NOT NULL,
  order_no TEXT NOT NULL,
  status TEXT NOT NULL,
  record TEXT NOT NULL
);
-- One record per sales order: a batch sent twice is refused, not filed twice.
CREATE UNIQUE INDEX sales_order ON sales (order_no) WHERE status = 'active';
CREATE INDEX sales_sold ON sales (sold_on);

CREATE TABLE sale_entries (
  id INTEGER PRIMARY KEY,
  sale_id INTEGER NOT NULL REFERENCES sales (id),
  at TEXT NOT NULL,
  by TEXT NOT NULL,
  action TEXT NOT NULL,
  data TEXT NOT NULL
);
CREATE INDEX sale_entries_of ON sale_entries (sale_id, id);

-- `due_on` is a date on the mall's calendar; `status` is due, done or withdrawn.
CREATE TABLE callbacks (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  source TEXT NOT NULL,
  source_id INTEGER NOT NULL,
  due_on TEXT NOT NULL,
  status TEXT NOT NULL,
  outcome TEXT,
  tries INTEGER NOT NULL,
  record TEXT NOT NULL
);
-- At most one of each kind per record: generating again finds it instead of adding another.
CREATE UNIQUE INDEX callbacks_of ON callbacks (source, source_id, kind);
-- The due, overdue and upcoming lists.
CREATE INDEX callbacks_open ON callbacks (status, due_on);
-- Completion per week and month, read from the index alone.
CREATE INDEX callbacks_due ON callbacks (due_on, kind, status, outcome, tries);

CREATE TABLE callback_entries (
  id INTEGER PRIMARY KEY,
  callback_id INTEGER NOT NULL REFERENCES callbacks (id),
  at TEXT NOT NULL,
  by TEXT NOT NULL,
  action TEXT NOT NULL,
  data TEXT NOT NULL
);
CREATE INDEX callback_entries_of ON callback_entries (callback_id, id);

CREATE TABLE visits (
  id INTEGER PRIMARY KEY,
  planned_on TEXT NOT NULL,
  visited_on TEXT,
  status TEXT NOT NULL,
  record TEXT NOT NULL
);
CREATE INDEX visits_planned ON visits (planned_on);
CREATE INDEX visits_visited ON visits (visited_on);

CREATE TABLE visit_entries (
  id INTEGER PRIMARY KEY,
  visit_id INTEGER NOT NULL REFERENCES visits (id),
  at TEXT NOT NULL,
  by TEXT NOT NULL,
  action TEXT NOT NULL,
  data TEXT NOT NULL
);
CREATE INDEX visit_entries_of ON visit_entries (visit_id, id);

-- Nothing is deleted and no entry is changed: a correction is a new entry.
CREATE TRIGGER sales_kept BEFORE DELETE ON sales
BEGIN SELECT RAISE (ABORT, 'sales are kept: record a correction instead'); END;
CREATE TRIGGER sale_entries_kept BEFORE DELETE ON sale_entries
BEGIN SELECT RAISE (ABORT, 'sale entries are kept: record a correction instead'); END;
CREATE TRIGGER sale_entries_fixed BEFORE UPDATE ON sale_entries
BEGIN SELECT RAISE (ABORT, 'sale entries are kept as written: record a correction instead'); END;
CREATE TRIGGER callbacks_kept BEFORE DELETE ON callbacks
BEGIN SELECT RAISE (ABORT, 'callbacks are kept, done or not'); END;
CREATE TRIGGER callbacks_done_fixed BEFORE UPDATE ON callbacks WHEN OLD.status = 'done'
BEGIN SELECT RAISE (ABORT, 'a done callback is kept as it was'); END;
CREATE TRIGGER callback_entries_kept BEFORE DELETE ON callback_entries
BEGIN SELECT RAISE (ABORT, 'callback entries are kept'); END;
CREATE TRIGGER callback_entries_fixed BEFORE UPDATE ON callback_entries
BEGIN SELECT RAISE (ABORT, 'callback entries are kept as written'); END;
CREATE TRIGGER visits_kept BEFORE DELETE ON visits
BEGIN SELECT RAISE (ABORT, 'visits are kept: record a correction instead'); END;
CREATE TRIGGER visit_entries_kept BEFORE DELETE ON visit_entries
BEGIN SELECT RAISE (ABORT, 'visit entries are kept: record a correction instead'); END;
CREATE TRIGGER visit_entries_fixed BEFORE UPDATE ON visit_entries
BEGIN SELECT RAISE (ABORT, 'visit entries are kept as written: record a correction instead'); END;
