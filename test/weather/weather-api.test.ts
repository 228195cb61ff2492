import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../core/zoned-time.ts';
import type { EventRecord } from '../../server/events/event-types.ts';
import { startServer, withCast, type Json, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let cast: Awaited<ReturnType<typeof withCast>>;
/** A coming day whose plan has the 10:00 weather window (not a closed day). */
let date: string;
const events: EventRecord[] = [];

beforeAll(async () => {
  server = await startServer();
  cast = await withCast(server);
  const today = server.ctx.schedules.today();
  date =
    [0, 1, 2, 3, 4, 5, 6]
      .map((i) => addDays(today, i))
      .find((d) => server.ctx.schedules.plan(d).items.some((i) => i.slot === 'weather')) ?? today;
  server.ctx.bus.subscribe((e) => events.push(e));
}, 60_000);
afterAll(() => server?.close());

const weatherItems = async (d: string) =>
  ((await cast.device.get(`/api/plan?date=${d}`)).body.items as Json[]).filter(
    (i) => i.slot === 'weather' && i.layer === 'voice',
  );

describe('weather: typed in', () => {
  it('says plainly that the 10:00 slot plays the reminders alone when there is no forecast', async () => {
    const r = await cast.announcer.get(`/api/weather?date=${date}`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ date, forecast: null, spoken: null, fallback: true });
    expect(r.body.providerStatus).toMatchObject({ configured: false });
    // The compiler, given no forecast, plays the reminders (recordings) and no forecast.
    const items = await weatherItems(date);
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.kind === 'speech' && i.media)).toBe(true);
    expect(r.body.plays.map((p: Json) => p.title)).toEqual(items.map((i) => i.title));
    expect(r.body.window.start).toMatch(/T10:00:00\+08:00$/);
  });

  it('puts a typed-in forecast into the plan of that date at once, and tells the players', async () => {
    events.length = 0;
    const before = (await cast.device.get(`/api/plan?date=${date}`)).headers.get('etag');
    const put = await cast.announcer.put('/api/weather', {
      date,
      condition: '多云',
      low: -2,
      high: 8,
    });
    expect(put.status).toBe(200);
    expect(put.body.forecast).toMatchObject({
      date,
      source: 'manual',
      condition: '多云',
      low: -2,
      high: 8,
      setBy: 'announcer1',
    });
    expect(Date.parse(put.body.forecast.setAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(put.body.fallback).toBe(false);

    const plan = await cast.device.get(`/api/plan?date=${date}`);
    expect(plan.headers.get('etag')).not.toBe(before);
    const forecast = (plan.body.items as Json[]).find((i) => i.kind === 'weather');
    expect(forecast?.text).toMatch(
      /^各位顾客，今天是\d+月\d+日，星期.。今天天气多云，气温零下2到8摄氏度。$/,
    );
    expect(forecast?.start).toMatch(/T10:00:00\+08:00$/);
    // The page shows exactly the sentence the players will say.
    expect(put.body.spoken).toBe(forecast?.text);
    expect((await cast.desk.get(`/api/weather?date=${date}`)).body.spoken).toBe(forecast?.text);

    const changed = events.find((e) => e.type === 'plan-changed');
    expect(changed?.payload).toMatchObject({ dates: expect.arrayContaining([date]) });
    expect(events.some((e) => e.type === 'weather-changed')).toBe(true);
  });

  it('previews the sentence without storing anything', async () => {
    const r = await cast.announcer.post('/api/weather/preview', {
      date,
      condition: '雷阵雨',
      low: 20,
      high: 31,
    });
    expect(r.status).toBe(200);
    expect(r.body.text).toMatch(/今天天气雷阵雨，气温20到31摄氏度。$/);
    expect((await cast.announcer.get(`/api/weather?date=${date}`)).body.forecast.condition).toBe(
      '多云',
    );
  });

  it('clears the typed-in forecast, back to the reminders alone', async () => {
    const del = await cast.announcer.delete(`/api/weather?date=${date}`);
    expect(del.status).toBe(200);
    expect(del.body).toMatchObject({ forecast: null, fallback: true, spoken: null });
    expect((await weatherItems(date)).some((i) => i.kind === 'weather')).toBe(false);
    const again = await cast.announcer.delete(`/api/weather?date=${date}`);
    expect(again.status).toBe(404);
    expect(again.body.message).toContain('no typed-in forecast');
  });

  it.each([
    [{ condition: '晴', low: 10, high: 5 }, 'high', 'high must not be below low'],
    [{ condition: '晴', low: -61, high: 5 }, 'low', 'at least -60'],
    [{ condition: '晴', low: 0, high: 61 }, 'high', 'at most 60'],
    [{ condition: '晴', low: 1.5, high: 5 }, 'low', 'whole number'],
    [{ condition: '晴', low: '3', high: 5 }, 'low', 'must be a number'],
    [{ low: 1, high: 5 }, 'condition', 'is required'],
    [{ condition: '  ', low: 1, high: 5 }, 'condition', 'is required'],
    [{ condition: '晴\u0000转多云', low: 1, high: 5 }, 'condition', 'NUL'],
    [{ condition: '晴', low: 1, high: 5, city: 'Shang\u0000hai' }, 'city', 'NUL'],
    [{ condition: '很'.repeat(21), low: 1, high: 5 }, 'condition', 'at most 20'],
    [{ condition: '晴', low: 1, high: 5, date: '2026-13-01' }, 'date', 'not a date'],
  ])('refuses %j at its field', async (body, field, message) => {
    const r = await cast.announcer.put('/api/weather', { date, ...body });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ error: 'invalid', field });
    expect(r.body.message).toContain(message);
    expect((await cast.announcer.get(`/api/weather?date=${date}`)).body.forecast).toBeNull();
  });

  it('refuses a day that is over or too far ahead', async () => {
    const today = server.ctx.schedules.today();
    for (const d of [addDays(today, -1), addDays(today, 15)]) {
      const r = await cast.announcer.put('/api/weather', {
        date: d,
        condition: '晴',
        low: 1,
        high: 5,
      });
      expect(r.status, d).toBe(400);
      expect(r.body.field).toBe('date');
    }
    const ok = await cast.admin.put('/api/weather', {
      date: addDays(today, 14),
      condition: '晴',
      low: 1,
      high: 5,
    });
    expect(ok.status).toBe(200);
    expect(ok.body.forecast.setBy).toBe('admin');
  });

  it('lets desk staff read the forecast but not set it', async () => {
    expect((await cast.desk.get(`/api/weather?date=${date}`)).status).toBe(200);
    const r = await cast.desk.put('/api/weather', { date, condition: '晴', low: 1, high: 5 });
    expect(r.status).toBe(403);
  });

  it('keeps a typed-in forecast across a restart', async () => {
    const put = await cast.announcer.put('/api/weather', {
      date,
      condition: '小雨',
      low: 3,
      high: 9,
      city: '上海',
    });
    expect(put.status).toBe(200);
    const dataDir = server.dataDir;
    await server.close();
    server = await startServer({}, dataDir);
    const plan = server.ctx.schedules.plan(date);
    expect(plan.items.find((i) => i.kind === 'weather')?.text).toContain('小雨，气温3到9摄氏度');
    expect(server.ctx.weather.stored(date).manual).toMatchObject({
      city: '上海',
      setBy: 'announcer1',
    });
  });
});
