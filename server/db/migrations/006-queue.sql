-- The front-desk queue (排队叫号): services, counters, tickets and what was done with them.
-- Instants are UTC (toISOString), so text order is time order. Nothing here is ever deleted:
-- a day's tickets stay as the record of that day, with their outcome.

CREATE TABLE queue_services (
  id TEXT PRIMARY KEY,
  prefix TEXT NOT NULL UNIQUE CHECK (length(prefix) = 1),
  name TEXT NOT NULL,
  name_en TEXT NOT NULL,
  -- As queue.yaml writes them: `09:30`, or relative to the day's plan (`opening`, `closing-15m`).
  hours_from TEXT NOT NULL,
  hours_until TEXT NOT NULL,
  sort_order INTEGER NOT NULL
);

CREATE TABLE queue_counters (
  number INTEGER PRIMARY KEY CHECK (number BETWEEN 1 AND 99),
  name TEXT NOT NULL,
  -- JSON arrays of service ids: what it serves by default, and (while open) what it serves now,
  -- in the order it takes them.
  default_services TEXT NOT NULL,
  services TEXT NOT NULL DEFAULT '[]',
  status TEXT NOT NULL DEFAULT 'closed' CHECK (status IN ('closed', 'open', 'paused')),
  opened_by TEXT,
  opened_at TEXT,
  -- Priority tickets this counter called in a row (queue.yaml priorityRun caps it).
  priority_streak INTEGER NOT NULL DEFAULT 0
);

-- Settings and markers: `settings` (JSON from queue.yaml), `day` (the date the queue runs).
CREATE TABLE queue_meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE queue_tickets (
  id INTEGER PRIMARY KEY,
  -- The mall's date it was taken on; numbers run per prefix per date.
  date TEXT NOT NULL,
  prefix TEXT NOT NULL,
  number INTEGER NOT NULL,
  code TEXT NOT NULL,
  -- The service it was taken for, and the one it waits in now (a transfer changes it).
  taken_service TEXT NOT NULL,
  service TEXT NOT NULL,
  priority TEXT NOT NULL CHECK (priority IN ('normal', 'elderly', 'disabled', 'pregnant', 'vip')),
  source TEXT NOT NULL CHECK (source IN ('kiosk', 'counter', 'api')),
  status TEXT NOT NULL CHECK (status IN ('waiting', 'called', 'serving', 'done', 'no-show', 'closed')),
  -- The secret behind the phone page /ticket/<token> and the rating.
  token TEXT NOT NULL UNIQUE,
  taken_at TEXT NOT NULL,
  -- The last call: waiting time is called_at - taken_at (the last call counts, as Qmatic has it).
  called_at TEXT,
  first_called_at TEXT,
  call_count INTEGER NOT NULL DEFAULT 0,
  -- Recalls since the last fresh call (queue.yaml maxRecalls caps them).
  recalls INTEGER NOT NULL DEFAULT 0,
  counter INTEGER,
  started_at TEXT,
  finished_at TEXT,
  no_show_at TEXT,
  closed_at TEXT,
  transfers INTEGER NOT NULL DEFAULT 0,
  category TEXT,
  note TEXT,
  rating TEXT CHECK (rating IN ('satisfied', 'neutral', 'dissatisfied')),
  rated_at TEXT,
  taken_by TEXT NOT NULL,
  -- A number is never given twice on a date, whatever happens.
  UNIQUE (date, prefix, number)
);
-- Call-next and the board read the waiting tickets of a date by service in take order.
CREATE INDEX queue_tickets_waiting ON queue_tickets (date, status, service, taken_at, id);
CREATE INDEX queue_tickets_code ON queue_tickets (date, code);
CREATE INDEX queue_tickets_counter ON queue_tickets (date, counter, status);

-- Everything done with a ticket, in order: the audit trail behind the figures and the board's
-- last calls.
CREATE TABLE queue_actions (
  id INTEGER PRIMARY KEY,
  ticket_id INTEGER NOT NULL REFERENCES queue_tickets (id),
  date TEXT NOT NULL,
  at TEXT NOT NULL,
  action TEXT NOT NULL CHECK (
    action IN ('take', 'call', 'recall', 'no-show', 'start', 'finish', 'transfer', 'rate', 'close')
  ),
  counter INTEGER,
  actor TEXT NOT NULL,
  -- JSON: the transfer's services, the finish's category, …
  detail TEXT
);
CREATE INDEX queue_actions_day ON queue_actions (date, action, id);
CREATE INDEX queue_actions_ticket ON queue_actions (ticket_id, id);
