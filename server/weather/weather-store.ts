import type { IsoDate } from '../../core/zoned-time.ts';
import type { Db } from '../db/open.ts';
import type { Source, StoredForecast } from './forecast.ts';

interface Row {
  date: string;
  source: Source;
  condition: string;
  low: number;
  high: number;
  city: string | null;
  set_by: string;
  set_at: string;
  issued_at: string | null;
}

interface StatusRow {
  provider: string;
  last_attempt_at: string | null;
  last_success_at: string | null;
  last_error: string | null;
  last_error_at: string | null;
}

/** The provider's last fetch, as the console shows it. */
export interface FetchRecord {
  lastAttemptAt?: string;
  lastSuccessAt?: string;
  lastError?: string;
  lastErrorAt?: string;
}

const fromRow = (r: Row): StoredForecast => ({
  date: r.date,
  source: r.source,
  condition: r.condition,
  low: r.low,
  high: r.high,
  ...(r.city !== null ? { city: r.city } : {}),
  setBy: r.set_by,
  setAt: r.set_at,
  ...(r.issued_at !== null ? { issuedAt: r.issued_at } : {}),
});

/** The weather tables; statements prepared once. */
export function weatherStore(db: Db) {
  const q = {
    get: db.prepare<[string, Source], Row>(
      'SELECT * FROM weather_forecasts WHERE date = ? AND source = ?',
    ),
    upsert: db.prepare(
      `INSERT INTO weather_forecasts (date, source, condition, low, high, city, set_by, set_at, issued_at)
       VALUES (@date, @source, @condition, @low, @high, @city, @set_by, @set_at, @issued_at)
       ON CONFLICT (date, source) DO UPDATE SET condition = excluded.condition, low = excluded.low,
         high = excluded.high, city = excluded.city, set_by = excluded.set_by,
         set_at = excluded.set_at, issued_at = excluded.issued_at`,
    ),
    remove: db.prepare<[string, Source]>(
      'DELETE FROM weather_forecasts WHERE date = ? AND source = ?',
    ),
    status: db.prepare<[], StatusRow>('SELECT * FROM weather_provider_status WHERE id = 1'),
    attempt: db.prepare<[string, string]>(
      `INSERT INTO weather_provider_status (id, provider, last_attempt_at) VALUES (1, ?, ?)
       ON CONFLICT (id) DO UPDATE SET provider = excluded.provider,
         last_attempt_at = excluded.last_attempt_at`,
    ),
    succeeded: db.prepare<[string]>(
      'UPDATE weather_provider_status SET last_success_at = ?, last_error = NULL WHERE id = 1',
    ),
    failed: db.prepare<[string, string]>(
      'UPDATE weather_provider_status SET last_error = ?, last_error_at = ? WHERE id = 1',
    ),
  };
  const put = (f: StoredForecast) =>
    q.upsert.run({
      date: f.date,
      source: f.source,
      condition: f.condition,
      low: f.low,
      high: f.high,
      city: f.city ?? null,
      set_by: f.setBy,
      set_at: f.setAt,
      issued_at: f.issuedAt ?? null,
    });
  return {
    get(date: IsoDate, source: Source): StoredForecast | undefined {
      const row = q.get.get(date, source);
      return row && fromRow(row);
    },
    put,
    /** Whether there was one to remove. */
    remove: (date: IsoDate, source: Source): boolean => q.remove.run(date, source).changes > 0,

    /** A provider's answer: every day of it, or none (a crash mid-way keeps the last good one). */
    putAnswer: db.transaction((days: StoredForecast[], at: string) => {
      for (const d of days) put(d);
      q.succeeded.run(at);
    }),
    fetchStarted(provider: string, at: string): void {
      q.attempt.run(provider, at);
    },
    fetchFailed(error: string, at: string): void {
      q.failed.run(error, at);
    },
    lastFetch(): FetchRecord {
      const r = q.status.get();
      if (!r) return {};
      return {
        ...(r.last_attempt_at ? { lastAttemptAt: r.last_attempt_at } : {}),
        ...(r.last_success_at ? { lastSuccessAt: r.last_success_at } : {}),
        ...(r.last_error ? { lastError: r.last_error } : {}),
        ...(r.last_error_at ? { lastErrorAt: r.last_error_at } : {}),
      };
    },
  };
}
export type WeatherStore = ReturnType<typeof weatherStore>;
