import { z } from 'zod';

const port = z.coerce.number().int().min(0).max(65535);
const bytes = z.coerce.number().int().positive();

/** Everything the server reads from its environment; the only reader of `process.env`. */
const envSchema = z.object({
  PORT: port.default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('data'),
  SCHEDULES_DIR: z.string().min(1).default('schedules'),
  MEDIA_DIR: z.string().min(1).default('media'),
  /** First start only: the admin's password instead of a printed one-time password. */
  ADMIN_PASSWORD: z.string().min(8, 'at least 8 characters').optional(),
  MAX_UPLOAD_BYTES: bytes.default(200 * 1024 * 1024),
  /** Set when the server is reached over HTTPS, so cookies are marked Secure. */
  SECURE_COOKIES: z.enum(['0', '1', 'true', 'false']).default('0'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /** Keep this many nightly backups. */
  BACKUPS_KEPT: z.coerce.number().int().min(1).default(14),
  /** The mall's name on every page, in Chinese and in English (the seed's mall by default). */
  MALL_NAME: z.string().trim().min(1).max(40).default('红星国际家居'),
  MALL_NAME_EN: z.string().trim().min(1).max(60).default('Red Star International Home'),
  /** The weather provider (server/weather/): its API host, key and location; all three or none. */
  WEATHER_PROVIDER: z.enum(['qweather']).default('qweather'),
  WEATHER_URL: z.url({ protocol: /^https?$/, error: 'an http(s) URL' }).optional(),
  WEATHER_KEY: z.string().trim().min(1).optional(),
  WEATHER_LOCATION: z.string().trim().min(1).max(100).optional(),
  /** Said for `{city}` in the weather template when a forecast names none. */
  WEATHER_CITY: z.string().trim().min(1).max(20).optional(),
  WEATHER_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  schedulesDir: string;
  mediaDir: string;
  adminPassword?: string;
  maxUploadBytes: number;
  secureCookies: boolean;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  backupsKept: number;
  mall: { name: string; nameEn: string };
  weather: WeatherConfig;
}

/** Where forecasts come from: `provider` is absent when none is configured. */
export interface WeatherConfig {
  provider?: { kind: 'qweather'; url: string; key: string; location: string };
  city?: string;
  timeoutMs: number;
}

/** The folders `npm run program` reads when not given `--schedules`/`--media`: the server's. */
export function readFolders(
  env: NodeJS.ProcessEnv = process.env,
): { schedulesDir: string; mediaDir: string } | { errors: string[] } {
  // Only these two: a CLI run should not fail on a server setting it does not use.
  const parsed = envSchema.pick({ SCHEDULES_DIR: true, MEDIA_DIR: true }).safeParse(env);
  if (!parsed.success)
    return { errors: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) };
  return { schedulesDir: parsed.data.SCHEDULES_DIR, mediaDir: parsed.data.MEDIA_DIR };
}

/** Parses the environment; on bad values returns each variable's problem instead. */
export function readConfig(
  env: NodeJS.ProcessEnv = process.env,
): { config: Config } | { errors: string[] } {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    return { errors: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) };
  }
  const e = parsed.data;
  const weatherVars = {
    WEATHER_URL: e.WEATHER_URL,
    WEATHER_KEY: e.WEATHER_KEY,
    WEATHER_LOCATION: e.WEATHER_LOCATION,
  };
  const missing = Object.entries(weatherVars).filter(([, v]) => v === undefined);
  if (missing.length > 0 && missing.length < 3) {
    return {
      errors: missing.map(
        ([name]) => `${name}: set WEATHER_URL, WEATHER_KEY and WEATHER_LOCATION together`,
      ),
    };
  }
  const weather: WeatherConfig = { timeoutMs: e.WEATHER_TIMEOUT_MS };
  if (e.WEATHER_URL && e.WEATHER_KEY && e.WEATHER_LOCATION)
    weather.provider = {
      kind: e.WEATHER_PROVIDER,
      url: e.WEATHER_URL,
      key: e.WEATHER_KEY,
      location: e.WEATHER_LOCATION,
    };
  if (e.WEATHER_CITY) weather.city = e.WEATHER_CITY;
  const config: Config = {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    schedulesDir: e.SCHEDULES_DIR,
    mediaDir: e.MEDIA_DIR,
    maxUploadBytes: e.MAX_UPLOAD_BYTES,
    secureCookies: e.SECURE_COOKIES === '1' || e.SECURE_COOKIES === 'true',
    logLevel: e.LOG_LEVEL,
    backupsKept: e.BACKUPS_KEPT,
    mall: { name: e.MALL_NAME, nameEn: e.MALL_NAME_EN },
    weather,
  };
  if (e.ADMIN_PASSWORD) config.adminPassword = e.ADMIN_PASSWORD;
  return { config };
}
