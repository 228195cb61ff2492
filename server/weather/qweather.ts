import { z } from 'zod';
import { isoDate } from '../../core/plan.ts';
import { ProviderError, type ProviderAnswer, type WeatherProvider } from './provider.ts';

/**
 * QWeather (和风天气) daily forecast, `GET {host}/v7/weather/3d?location=…`, key in the
 * `X-QW-Api-Key` header. The answer (JSON, gzip, every number a string):
 *
 *   { "code": "200", "updateTime": "2021-11-15T16:35+08:00",
 *     "daily": [ { "fxDate": "2021-11-15", "tempMax": "12", "tempMin": "-1",
 *                  "textDay": "多云", "textNight": "晴", … }, … ] }
 *
 * A refusal is either HTTP 200 with another `code` (older hosts) or an HTTP error with
 * `{ "error": { "status", "title", "detail" } }` (newer ones). The daytime condition is said:
 * the forecast is spoken at 10:00.
 */
const degrees = z
  .string()
  .regex(/^-?\d+(\.\d+)?$/, 'not a temperature')
  .transform((s) => Math.round(Number(s)));

const answerSchema = z.object({
  code: z.string(),
  updateTime: z.string().optional(),
  daily: z
    .array(
      z.object({
        fxDate: isoDate,
        tempMax: degrees,
        tempMin: degrees,
        textDay: z.string().trim().min(1).max(20),
      }),
    )
    .optional(),
});

const errorSchema = z.object({
  error: z.object({
    status: z.number().optional(),
    title: z.string(),
    detail: z.string().optional(),
  }),
});

/** What QWeather's status codes mean, for the person reading the console. */
const CODES: Record<string, string> = {
  '204': 'no data for this location',
  '400': 'the request was refused: check WEATHER_LOCATION',
  '401': 'the key was refused: check WEATHER_KEY',
  '402': 'the account is out of requests or credit',
  '403': 'this key may not use this API or host',
  '404': 'no such location: check WEATHER_LOCATION',
  '429': 'too many requests',
  '500': 'the provider failed',
};

export function qweather(options: { url: string; key: string; location: string }): WeatherProvider {
  const base = options.url.endsWith('/') ? options.url : `${options.url}/`;
  const url = new URL('v7/weather/3d', base);
  url.searchParams.set('location', options.location);
  url.searchParams.set('lang', 'zh');
  url.searchParams.set('unit', 'm');
  return {
    name: 'qweather',
    location: options.location,
    async fetchDays(signal: AbortSignal): Promise<ProviderAnswer> {
      const res = await fetch(url, {
        headers: { 'X-QW-Api-Key': options.key, Accept: 'application/json' },
        signal,
      });
      const text = await res.text();
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        throw new ProviderError(`QWeather answered HTTP ${res.status} with something not JSON`);
      }
      if (!res.ok) {
        const e = errorSchema.safeParse(body);
        const why = e.success
          ? `${e.data.error.title}${e.data.error.detail ? `: ${e.data.error.detail}` : ''}`
          : (CODES[String(res.status)] ?? 'refused');
        throw new ProviderError(`QWeather answered HTTP ${res.status}: ${why}`);
      }
      const parsed = answerSchema.safeParse(body);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new ProviderError(
          `QWeather's answer is not a 3-day forecast (${issue?.path.join('.') || 'answer'}: ${issue?.message ?? 'invalid'})`,
        );
      }
      const { code, updateTime, daily } = parsed.data;
      if (code !== '200')
        throw new ProviderError(`QWeather answered code ${code}: ${CODES[code] ?? 'refused'}`);
      if (!daily?.length) throw new ProviderError('QWeather answered no days');
      return {
        days: daily.map((d) => ({
          date: d.fxDate,
          condition: d.textDay,
          low: Math.min(d.tempMin, d.tempMax),
          high: Math.max(d.tempMin, d.tempMax),
        })),
        ...(updateTime ? { issuedAt: updateTime } : {}),
      };
    },
  };
}
