import type { IsoDate } from '../../core/zoned-time.ts';

/** One day of a provider's forecast, in the shape the program speaks. */
export interface ProviderDay {
  date: IsoDate;
  condition: string;
  low: number;
  high: number;
}

/** What a provider answered: its days (today first, as it sees them) and when it issued them. */
export interface ProviderAnswer {
  days: ProviderDay[];
  issuedAt?: string;
}

/**
 * A weather provider, behind one call: fetch the coming days' forecasts. The service times
 * the call out through `signal`, caches the answer and keeps the last good one on a failure,
 * so an adapter only speaks its provider's HTTP and maps its answer.
 */
export interface WeatherProvider {
  /** `qweather`: recorded as who set a fetched forecast. */
  readonly name: string;
  readonly location: string;
  fetchDays(signal: AbortSignal): Promise<ProviderAnswer>;
}

/** A provider refused or answered something unusable; the message says what to fix. */
export class ProviderError extends Error {}
