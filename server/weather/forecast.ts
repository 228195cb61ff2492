import { z } from 'zod';
import type { IsoDate } from '../../core/zoned-time.ts';
import type { Forecast } from '../program/spoken.ts';

/** Temperatures a forecast may give, °C: anything outside is a typing slip. */
export const TEMP_MIN = -60;
export const TEMP_MAX = 60;
export const CONDITION_MAX_CHARS = 20;

/** The conditions the console offers in its list; anything else may be typed in. */
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

export const SOURCES = ['manual', 'provider'] as const;
export type Source = (typeof SOURCES)[number];

// Control characters (NUL first of all) would reach the speech engine and the database as-is.
const hasControl = (s: string) => [...s].some((ch) => ch.charCodeAt(0) < 0x20 || ch === '\x7f');
const text = (max: number, what: string) =>
  z
    .string()
    .trim()
    .min(1, `${what}不能为空 · is required`)
    .max(max, `${what}最多 ${max} 个字 · at most ${max} characters`)
    .refine(
      (s) => !hasControl(s),
      `${what}含有控制字符（如 NUL）· must not contain control characters such as NUL`,
    );
const degrees = (what: string) =>
  z
    .number({ error: `${what}要填数字 · must be a number` })
    .int(`${what}要填整数 · must be a whole number`)
    .min(TEMP_MIN, `${what}不能低于 ${TEMP_MIN}°C · must be at least ${TEMP_MIN} °C`)
    .max(TEMP_MAX, `${what}不能高于 ${TEMP_MAX}°C · must be at most ${TEMP_MAX} °C`);

/** A forecast as staff type it in: condition and the day's low and high, in °C. */
export const forecastFields = z.object({
  condition: text(CONDITION_MAX_CHARS, '天气'),
  low: degrees('最低气温'),
  high: degrees('最高气温'),
  city: text(20, '城市').optional(),
});

/** Low above high is a slip, said at the high field (the one typed last). */
export const lowNotAboveHigh: [
  (f: { low: number; high: number }) => boolean,
  { path: string[]; message: string },
] = [
  (f) => f.low <= f.high,
  { path: ['high'], message: '最高气温不能低于最低气温 · high must not be below low' },
];

export const forecastInput = forecastFields.refine(...lowNotAboveHigh);
export type ForecastInput = z.infer<typeof forecastInput>;

/** A forecast as stored for a date, with where it came from, who set it and when. */
export interface StoredForecast extends ForecastInput {
  date: IsoDate;
  source: Source;
  /** A username, or the provider's name. */
  setBy: string;
  setAt: string;
  /** When the provider says it issued the forecast. */
  issuedAt?: string;
}

/** Typed in beats fetched: staff override the provider for a date. Pure. */
export function effective(
  manual: StoredForecast | undefined,
  provider: StoredForecast | undefined,
): StoredForecast | undefined {
  return manual ?? provider;
}

/** What the program's template is filled with; `city` falls back to the configured one. */
export function toForecast(f: ForecastInput, city?: string): Forecast {
  const out: Forecast = { condition: f.condition, low: f.low, high: f.high };
  const c = f.city ?? city;
  if (c) out.city = c;
  return out;
}

/** How far ahead a forecast may be typed in. */
export const DAYS_AHEAD = 14;

/** Why a forecast cannot be set for a date, or undefined when it can. Pure. */
export function dateProblem(date: IsoDate, today: IsoDate, last: IsoDate): string | undefined {
  if (date < today) return `${date} 已经过去 · that day is over`;
  if (date > last) return `最多提前 ${DAYS_AHEAD} 天 · at most ${DAYS_AHEAD} days ahead (${last})`;
  return undefined;
}
