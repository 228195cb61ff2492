-- The day's weather forecast (天气预报), one row per date and source: what staff typed in
-- (`manual`, which wins) and what the weather provider last answered (`provider`). A failed
-- fetch leaves the provider's rows as they were: the last good answer keeps being spoken.
-- Instants are UTC (toISOString), so text order is time order.
CREATE TABLE weather_forecasts (
  date TEXT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('manual', 'provider')),
  condition TEXT NOT NULL CHECK (length(condition) BETWEEN 1 AND 20),
  -- Degrees Celsius.
  low INTEGER NOT NULL,
  high INTEGER NOT NULL CHECK (low <= high),
  city TEXT,
  -- Who: the username that typed it in, or the provider (`qweather`) that answered it.
  set_by TEXT NOT NULL,
  set_at TEXT NOT NULL,
  -- When the provider says it issued the forecast (its `updateTime`), as it wrote it.
  issued_at TEXT,
  PRIMARY KEY (date, source)
);

-- The provider's last fetch, good or bad: what the console shows as its status.
CREATE TABLE weather_provider_status (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  provider TEXT NOT NULL,
  last_attempt_at TEXT,
  last_success_at TEXT,
  last_error TEXT,
  last_error_at TEXT
);
