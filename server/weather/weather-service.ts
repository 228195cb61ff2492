import type { IsoDate } from '../../core/zoned-time.ts';
import type { EventBus } from '../events/bus.ts';
import type { Logger } from '../log.ts';
import type { Forecast } from '../program/spoken.ts';
import type { ScheduleService } from '../program/schedule-service.ts';
import { effective, toForecast, type ForecastInput, type StoredForecast } from './forecast.ts';
import { ProviderError, type WeatherProvider } from './provider.ts';
import type { FetchRecord, WeatherStore } from './weather-store.ts';

/** When the provider is asked, on the mall's clock: early, and again before the 10:00 slot. */
export const FETCH_TIMES = [
  { hour: 6, minute: 0 },
  { hour: 9, minute: 30 },
] as const;

/** The provider as the console shows it. */
export interface ProviderStatus extends FetchRecord {
  configured: boolean;
  provider?: string;
  location?: string;
  fetching: boolean;
  /** `HH:MM` on the mall's clock. */
  fetchTimes: string[];
  timeoutMs: number;
}

export type RefreshResult = { ok: true; dates: IsoDate[] } | { ok: false; error: string };

/** The forecast the plan of a date speaks: typed in, else fetched, else none. */
export function forecastLookup(store: WeatherStore, city?: string) {
  return (date: IsoDate): Forecast | null => {
    const f = effective(store.get(date, 'manual'), store.get(date, 'provider'));
    return f ? toForecast(f, city) : null;
  };
}

export interface WeatherDeps {
  store: WeatherStore;
  schedules: ScheduleService;
  bus: EventBus;
  log: Logger;
  now: () => Date;
  provider?: WeatherProvider;
  timeoutMs: number;
  city?: string;
}

/**
 * The day's forecast: typed in by staff (which wins), or fetched from the provider and kept,
 * so a failed or slow fetch leaves the last good answer in place. Every change recompiles the
 * plans at once (`plan-changed`), so the players speak the new forecast.
 */
export function weatherService(deps: WeatherDeps) {
  const { store, schedules, bus, log, provider } = deps;
  let inFlight: Promise<RefreshResult> | undefined;

  function changed(dates: IsoDate[], reason: string, replan: boolean): void {
    if (replan) schedules.invalidate(reason);
    bus.publish('weather-changed', { dates, reason });
  }

  /** Why a fetch failed, in words the console can show. */
  function describe(err: unknown): string {
    if (err instanceof ProviderError) return err.message;
    const e = err as Error & { cause?: { code?: string; message?: string } };
    if (e.name === 'TimeoutError' || e.name === 'AbortError')
      return `no answer within ${deps.timeoutMs} ms (timed out)`;
    const cause = e.cause?.code ?? e.cause?.message;
    return `cannot reach the provider: ${e.message}${cause ? ` (${cause})` : ''}`;
  }

  async function fetchOnce(p: WeatherProvider, reason: string): Promise<RefreshResult> {
    const at = deps.now().toISOString();
    store.fetchStarted(p.name, at);
    try {
      const answer = await p.fetchDays(AbortSignal.timeout(deps.timeoutMs));
      const setAt = deps.now().toISOString();
      const days: StoredForecast[] = answer.days.map((d) => ({
        ...d,
        source: 'provider',
        setBy: p.name,
        setAt,
        ...(answer.issuedAt ? { issuedAt: answer.issuedAt } : {}),
      }));
      const differs = days.some((d) => {
        const old = store.get(d.date, 'provider');
        return !old || old.condition !== d.condition || old.low !== d.low || old.high !== d.high;
      });
      store.putAnswer(days, setAt);
      const dates = days.map((d) => d.date);
      log.info('weather fetched', { provider: p.name, reason, dates });
      changed(dates, `weather from ${p.name}`, differs);
      return { ok: true, dates };
    } catch (err) {
      const error = describe(err);
      store.fetchFailed(error, deps.now().toISOString());
      log.warn('weather fetch failed; the last good forecast stays', {
        provider: p.name,
        reason,
        err: error,
      });
      changed([], `weather fetch failed`, false);
      return { ok: false, error };
    }
  }

  return {
    configured: provider !== undefined,
    forecastFor: forecastLookup(store, deps.city),
    /** A typed forecast as the template is filled with it (for a preview). */
    forecastOf: (input: ForecastInput): Forecast => toForecast(input, deps.city),

    /** What is stored for a date: typed in, fetched, and which of them is spoken. */
    stored(date: IsoDate) {
      const manual = store.get(date, 'manual');
      const fetched = store.get(date, 'provider');
      return { manual, provider: fetched, effective: effective(manual, fetched) };
    },

    /** Staff type a forecast in for a date: it overrides the provider's from now on. */
    setManual(date: IsoDate, input: ForecastInput, username: string): StoredForecast {
      const f: StoredForecast = {
        date,
        source: 'manual',
        condition: input.condition,
        low: input.low,
        high: input.high,
        ...(input.city ? { city: input.city } : {}),
        setBy: username,
        setAt: deps.now().toISOString(),
      };
      store.put(f);
      log.info('weather typed in', { date, by: username, condition: f.condition });
      changed([date], `weather for ${date} typed in by ${username}`, true);
      return f;
    },

    /** Drops the typed-in forecast; the provider's (if any) is spoken again. */
    clearManual(date: IsoDate, username: string): boolean {
      const removed = store.remove(date, 'manual');
      if (removed) changed([date], `weather for ${date} cleared by ${username}`, true);
      return removed;
    },

    /** Asks the provider now; concurrent calls share one fetch. Never throws. */
    refresh(reason: string): Promise<RefreshResult> {
      if (!provider) return Promise.resolve({ ok: false, error: 'no provider is configured' });
      inFlight ??= fetchOnce(provider, reason).finally(() => {
        inFlight = undefined;
      });
      return inFlight;
    },

    /** At start: fetch unless today's answer is already in. */
    async refreshIfStale(): Promise<void> {
      if (!provider || store.get(schedules.today(), 'provider')) return;
      await this.refresh('start');
    },

    status(): ProviderStatus {
      const clock = (t: { hour: number; minute: number }) =>
        `${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`;
      return {
        configured: provider !== undefined,
        ...(provider ? { provider: provider.name, location: provider.location } : {}),
        ...(provider ? store.lastFetch() : {}),
        fetching: inFlight !== undefined,
        fetchTimes: FETCH_TIMES.map(clock),
        timeoutMs: deps.timeoutMs,
      };
    },
  };
}
export type WeatherService = ReturnType<typeof weatherService>;
