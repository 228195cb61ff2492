import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { addDays, wallTimeToInstant } from '../../core/zoned-time.ts';
import { readConfig } from '../../server/config.ts';
import { createLogger } from '../../server/log.ts';
import { startDayRunner } from '../../server/runner/day-runner.ts';
import { qweather } from '../../server/weather/qweather.ts';
import { weatherService } from '../../server/weather/weather-service.ts';
import { weatherStore } from '../../server/weather/weather-store.ts';
import { startServer, withCast, type Json, type TestServer } from '../helpers/server.ts';
import { qweatherStandIn } from './qweather-stand-in.ts';

let standIn: Awaited<ReturnType<typeof qweatherStandIn>>;
let server: TestServer;
let cast: Awaited<ReturnType<typeof withCast>>;
let today: string;

const CLOUDY = [
  { textDay: '多云', tempMin: '-1', tempMax: '12' },
  { textDay: '小雨', tempMin: '4', tempMax: '9' },
  { textDay: '晴', tempMin: '2', tempMax: '14' },
];

beforeAll(async () => {
  standIn = await qweatherStandIn();
  server = await startServer({
    WEATHER_URL: standIn.url,
    WEATHER_KEY: 'stand-in-key',
    WEATHER_LOCATION: '101020100',
    WEATHER_TIMEOUT_MS: '500',
  });
  cast = await withCast(server);
  today = server.ctx.schedules.today();
}, 60_000);
afterAll(async () => {
  await server?.close();
  await standIn?.close();
});
afterEach(() => {
  vi.useRealTimers();
});

const spokenOn = (date: string) =>
  server.ctx.schedules.plan(date).items.find((i) => i.kind === 'weather')?.text;

describe('weather provider (QWeather, against a stand-in)', () => {
  it('fetches the three days, stores them and speaks them', async () => {
    standIn.answerWith({ kind: 'forecast', today, days: CLOUDY });
    const r = await cast.announcer.post('/api/weather/refresh');
    expect(r.status).toBe(200);
    expect(r.body.dates).toEqual([today, addDays(today, 1), addDays(today, 2)]);
    const asked = standIn.requests.at(-1)!;
    expect(asked.path).toBe('/v7/weather/3d');
    expect(asked.key).toBe('stand-in-key');
    expect(asked.query.get('location')).toBe('101020100');

    const tomorrow = await cast.desk.get(`/api/weather?date=${addDays(today, 1)}`);
    expect(tomorrow.body.forecast).toMatchObject({
      source: 'provider',
      condition: '小雨',
      low: 4,
      high: 9,
      setBy: 'qweather',
      issuedAt: `${today}T05:35+08:00`,
    });
    expect(tomorrow.body.providerStatus).toMatchObject({
      configured: true,
      provider: 'qweather',
      location: '101020100',
      fetchTimes: ['06:00', '09:30'],
    });
    expect(tomorrow.body.providerStatus.lastSuccessAt).toBeDefined();
    expect(tomorrow.body.providerStatus.lastError).toBeUndefined();
    // Whichever of the three days has the 10:00 slot says the provider's forecast.
    const withSlot = [0, 1, 2].map((i) => addDays(today, i)).find((d) => spokenOn(d));
    expect(withSlot).toBeDefined();
    const i = [0, 1, 2].map((k) => addDays(today, k)).indexOf(withSlot!);
    const day = CLOUDY[i]!;
    expect(spokenOn(withSlot!)).toContain(`今天天气${day.textDay}`);
  });

  it('keeps the last good answer when a fetch fails, and says why', async () => {
    const before = (await cast.desk.get(`/api/weather?date=${today}`)).body;
    for (const [b, why] of [
      [{ kind: 'http-error', status: 500 } as const, 'HTTP 500: Stand-in failure'],
      [{ kind: 'code', code: '401' } as const, 'code 401: the key was refused'],
    ] as const) {
      standIn.answerWith(b);
      const r = await cast.announcer.post('/api/weather/refresh');
      expect(r.status).toBe(502);
      expect(r.body.message).toContain(why);
      const after = (await cast.desk.get(`/api/weather?date=${today}`)).body;
      expect(after.forecast).toEqual(before.forecast);
      expect(after.providerStatus.lastError).toContain(why);
      expect(after.providerStatus.lastSuccessAt).toBe(before.providerStatus.lastSuccessAt);
    }
  });

  it('gives up on a slow answer at the timeout and keeps the last good one', async () => {
    const before = (await cast.desk.get(`/api/weather?date=${today}`)).body.forecast;
    standIn.answerWith({ kind: 'slow', delayMs: 5000, today });
    const r = await cast.announcer.post('/api/weather/refresh');
    expect(r.status).toBe(502);
    expect(r.body.message).toContain('timed out');
    expect((await cast.desk.get(`/api/weather?date=${today}`)).body.forecast).toEqual(before);
  });

  it('lets a typed-in forecast win over the provider, and the provider back when it is cleared', async () => {
    standIn.answerWith({ kind: 'forecast', today, days: CLOUDY });
    const dates = [0, 1, 2].map((i) => addDays(today, i));
    const date = dates.find((d) => spokenOn(d))!;
    const fetched = CLOUDY[dates.indexOf(date)]!.textDay;
    const put = await cast.announcer.put('/api/weather', {
      date,
      condition: '大雨',
      low: 5,
      high: 7,
    });
    expect(put.body.forecast.source).toBe('manual');
    expect(put.body.provider.condition).toBe(fetched);
    expect(spokenOn(date)).toContain('今天天气大雨，气温5到7摄氏度');
    // A later fetch does not undo what staff typed in.
    expect((await cast.announcer.post('/api/weather/refresh')).status).toBe(200);
    expect(spokenOn(date)).toContain('今天天气大雨');
    const del = await cast.announcer.delete(`/api/weather?date=${date}`);
    expect(del.body.forecast.source).toBe('provider');
    expect(spokenOn(date)).toContain(`今天天气${fetched}`);
  });

  it('logs a failed fetch', async () => {
    const lines: string[] = [];
    const service = weatherService({
      store: weatherStore(server.ctx.db),
      schedules: server.ctx.schedules,
      bus: server.ctx.bus,
      log: createLogger('info', (l) => lines.push(l)),
      now: () => new Date(),
      timeoutMs: 500,
      provider: qweather({ url: standIn.url, key: 'k', location: '101020100' }),
    });
    standIn.answerWith({ kind: 'http-error', status: 503 });
    expect(await service.refresh('test')).toMatchObject({ ok: false });
    const logged = lines.map((l) => JSON.parse(l) as Json).find((l) => l.level === 'warn');
    expect(logged).toMatchObject({ provider: 'qweather', reason: 'test' });
    expect(logged?.msg).toContain('weather fetch failed');
    expect(logged?.err).toContain('HTTP 503');
  });

  it('fetches at start and arms the 06:00 and 09:30 fetches on the mall clock', async () => {
    // 10:00 in Shanghai on a day with no answer yet (the test host runs in another zone).
    const zone = 'Asia/Shanghai';
    const day = addDays(today, 10);
    const at = (d: string, h: number, m: number) =>
      new Date(wallTimeToInstant(zone, d, (h * 60 + m) * 60_000)).toISOString();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(at(day, 10, 0)));
    standIn.answerWith({ kind: 'forecast', today: day, days: CLOUDY });
    const asked = standIn.requests.length;
    const runner = startDayRunner(server.ctx, { watchEveryMs: 60_000 });
    try {
      expect(runner.next()).toMatchObject({
        'weather-6:00': at(addDays(day, 1), 6, 0),
        'weather-9:30': at(addDays(day, 1), 9, 30),
      });
      await vi.waitFor(() => expect(standIn.requests.length).toBe(asked + 1));
      await vi.waitFor(() => expect(server.ctx.weather.stored(day).provider).toBeDefined());
    } finally {
      runner.stop();
    }
  });

  it('refuses a partial provider configuration, naming what is missing', () => {
    const r = readConfig({ WEATHER_URL: 'https://devapi.qweather.com', WEATHER_KEY: 'k' });
    expect(r).toEqual({
      errors: ['WEATHER_LOCATION: set WEATHER_URL, WEATHER_KEY and WEATHER_LOCATION together'],
    });
    expect(readConfig({ WEATHER_URL: 'ftp://x', WEATHER_KEY: 'k', WEATHER_LOCATION: '1' })).toEqual(
      {
        errors: [expect.stringContaining('WEATHER_URL')],
      },
    );
  });
});

describe('weather without a provider', () => {
  it('says the provider is not configured when asked to fetch', async () => {
    const plain = await startServer();
    try {
      const { announcer } = await withCast(plain);
      const r = await announcer.post('/api/weather/refresh');
      expect(r.status).toBe(409);
      expect(r.body.message).toContain('WEATHER_URL');
    } finally {
      await plain.close();
    }
  });
});
