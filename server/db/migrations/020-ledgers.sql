-- The desk's ledgers (台帐), one pair of tables each: the entries, every change kept for good
-- (who, when, what), and the record as its entries make it (JSON) with the columns its lists
-- are found by: `day` (the ledger's date in the mall's zone), `status` and `merchant`.

-- 30-day no-reason returns (30天无理由退货登记表)
CREATE TABLE returns (
  id INTEGER PRIMARY KEY,
  day TEXT NOT NULL,
  status TEXT NOT NULL,
  merchant TEXT NOT NULL,
  record TEXT NOT NULL
);
CREATE INDEX returns_day ON returns (day);
CREATE INDEX returns_status ON returns (status, day);
CREATE TABLE return_entries (
  id INTEGER PRIMARY KEY,
  record_id INTEGER NOT NULL REFERENCES returns (id),
  at TEXT NOT NULL,
  by TEXT NOT NULL,
  action TEXT NOT NULL,
  data TEXT NOT NULL
);
CREATE INDEX return_entries_of ON return_entries (record_id, id);
CREATE TRIGGER returns_kept BEFORE DELETE ON returns
BEGIN SELECT RAISE (ABORT, 'returns are kept: record a correction instead'); END;
CREATE TRIGGER return_entries_kept BEFORE DELETE ON return_entries
BEGIN SELECT RAISE (ABORT, 'return entries are kept: record a correction instead'); END;
CREATE TRIGGER return_entries_fixed BEFORE UPDATE ON return_entries
BEGIN SELECT RAISE (ABORT, 'return entries are kept as written: record a correction instead'); END;

-- Advance compensation (先行赔偿审批表)
CREATE TABLE compensations (
  id INTEGER PRIMARY KEY,
  day TEXT NOT NULL,
  status TEXT NOT NULL,
  merchant TEXT NOT NULL,
  record TEXT NOT NULL
);
CREATE INDEX compensations_day ON compensations (day);
CREATE INDEX compensations_status ON compensations (status, day);
CREATE TABLE compensation_entries (
  id INTEGER PRIMARY KEY,
  record_id INTEGER NOT NULL REFERENCES compensations (id),
  at TEXT NOT NULL,
  by TEXT NOT NULL,
  action TEXT NOT NULL,
  data TEXT NOT NULL
);
CREATE INDEX compensation_entries_of ON compensation_entries (record_id, id);
CREATE TRIGGER compensations_kept BEFORE DELETE ON compensations
BEGIN SELECT RAISE (ABORT, 'compensations are kept: record a correction instead'); END;
CREATE TRIGGER compensation_entries_kept BEFORE DELETE ON compensation_entries
BEGIN SELECT RAISE (ABORT, 'compensation entries are kept: record a correction instead'); END;
CREATE TRIGGER compensation_entries_fixed BEFORE UPDATE ON compensation_entries
BEGIN SELECT RAISE (ABORT, 'compensation entries are kept as written: record a correction instead'); END;

-- Merchant services with fees: price tags, special-offer signs, sales orders (标价签、特价牌、销售定单)
CREATE TABLE merchant_services (
  id INTEGER PRIMARY KEY,
  day TEXT NOT NULL,
  status TEXT NOT NULL,
  merchant TEXT NOT NULL,
  record TEXT NOT NULL
);
CREATE INDEX merchant_services_day ON merchant_services (day);
CREATE INDEX merchant_services_status ON merchant_services (status, day);
CREATE TABLE merchant_service_entries (
  id INTEGER PRIMARY KEY,
  record_id INTEGER NOT NULL REFERENCES merchant_services (id),
  at TEXT NOT NULL,
  by TEXT NOT NULL,
  action TEXT NOT NULL,
  data TEXT NOT NULL
);
CREATE INDEX merchant_service_entries_of ON merchant_service_entries (record_id, id);
CREATE TRIGGER merchant_services_kept BEFORE DELETE ON merchant_services
BEGIN SELECT RAISE (ABORT, 'merchant services are kept: record a correction instead'); END;
CREATE TRIGGER merchant_service_entries_kept BEFORE DELETE ON merchant_service_entries
BEGIN SELECT RAISE (ABORT, 'merchant service entries are kept: record a correction instead'); END;
CREATE TRIGGER merchant_service_entries_fixed BEFORE UPDATE ON merchant_service_entries
BEGIN SELECT RAISE (ABORT, 'merchant service entries are kept as written: record a correction instead'); END;

-- Prize handouts (奖品发放登记)
CREATE TABLE prize_handouts (
  id INTEGER PRIMARY KEY,
  day TEXT NOT NULL,
  status TEXT NOT NULL,
  merchant TEXT NOT NULL,
  record TEXT NOT NULL
);
CREATE INDEX prize_handouts_day ON prize_handouts (day);
CREATE INDEX prize_handouts_status ON prize_handouts (status, day);
CREATE TABLE prize_handout_entries (
  id INTEGER PRIMARY KEY,
  record_id INTEGER NOT NULL REFERENCES prize_handouts (id),
  at TEXT NOT NULL,
  by TEXT NOT NULL,
  action TEXT NOT NULL,
  data TEXT NOT NULL
);
CREATE INDEX prize_handout_entries_of ON prize_handout_entries (record_id, id);
CREATE TRIGGER prize_handouts_kept BEFORE DELETE ON prize_handouts
BEGIN SELECT RAISE (ABORT, 'prize handouts are kept: record a correction instead'); END;
CREATE TRIGGER prize_handout_entries_kept BEFORE DELETE ON prize_handout_entries
BEGIN SELECT RAISE (ABORT, 'prize handout entries are kept: record a correction instead'); END;
CREATE TRIGGER prize_handout_entries_fixed BEFORE UPDATE ON prize_handout_entries
BEGIN SELECT RAISE (ABORT, 'prize handout entries are kept as written: record a correction instead'); END;
