-- Where each guide screen stands: the "you are here" (您在这里) of its floor maps, one of the
-- `here` places of schedules/floors/floors.yaml by id. Set by an admin in the console.
CREATE TABLE guide_screens (
  device_id INTEGER PRIMARY KEY REFERENCES devices (id),
  here TEXT,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
);
