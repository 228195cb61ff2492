/** The weather API's shapes as the console uses them (server/weather/weather-view.ts). */

/** The conditions offered in the form's list; anything else is typed in. */
export const COMMON_CONDITIONS = [
  '晴',
  '多云',
  '晴间多云',
  '阴',
  '小雨',
  '中雨',
  '大雨',
  '暴雨',
  '阵雨',
  '雷阵雨',
  '雨夹雪',
  '小雪',
  '中雪',
  '大雪',
  '雾',
  '霾',
  '扬沙',
] as const;

export interface StoredForecast {
  date: string;
  source: 'manual' | 'provider';
  condition: string;
  low: number;
  high: number;
  city?: string;
  setBy: string;
  setAt: string;
  issuedAt?: string;
}

export interface ProviderStatus {
  configured: boolean;
  provider?: string;
  location?: string;
  fetching: boolean;
  fetchTimes: string[];
  timeoutMs: number;
  lastAttemptAt?: string;
  lastSuccessAt?: string;
  lastError?: string;
  lastErrorAt?: string;
}

export interface WindowPlay {
  kind: string;
  title: string;
  start: string;
  end: string;
  text?: string;
}

/** GET /api/weather?date= */
export interface WeatherDay {
  date: string;
  today: string;
  forecast: StoredForecast | null;
  manual: StoredForecast | null;
  provider: StoredForecast | null;
  spoken: string | null;
  window: { start: string; end: string } | null;
  plays: WindowPlay[];
  fallback: boolean;
  warnings: string[];
  providerStatus: ProviderStatus;
}

/** The form's content, as PUT /api/weather and POST /api/weather/preview take it. */
export interface ForecastDraft {
  date: string;
  condition: string;
  low?: number;
  high?: number;
}

/** `HH:MM` of an instant the server wrote with the mall's offset (`…T10:00:00+08:00`). */
export const clockOf = (iso: string) => iso.slice(11, 16);

/** When something was set, on the mall's clock: `12月3日 09:41`. */
export function whenSet(iso: string, timezone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: timezone,
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? '';
  return `${Number(part('month'))}月${Number(part('day'))}日 ${part('hour')}:${part('minute')}`;
}

/** Providers by the names people know them by. */
export const PROVIDER_NAMES: Readonly<Record<string, string>> = { qweather: '和风天气 QWeather' };
export const providerName = (name: string) => PROVIDER_NAMES[name] ?? name;
