import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, withCast, type Json, type TestServer } from '../helpers/server.ts';
import { at } from './reports.ts';

let server: TestServer;
let cast: Awaited<ReturnType<typeof withCast>>;
const D1 = '2026-05-01';
const D2 = '2026-05-02';

beforeAll(async () => {
  server = await startServer();
  cast = await withCast(server);
  const tea = { promoId: 'tea-spring', merchant: '茶语', title: '茶语 春季新品' };
  const shoes = { promoId: 'shoes-sale', merchant: '步步高鞋业', title: '鞋 全场八折' };
  const music = { kind: 'music', slot: 'music-morning', promoId: undefined, merchant: undefined };
  const r = await cast.device.post('/api/plays', {
    reports: [
      // Sent out of order, as a player's backlog may be: the log is in play order.
      at(D1, '10:20', { ...shoes, status: 'failed', reason: 'decode error' }),
      at(D1, '10:00', tea),
      at(D1, '10:10', shoes),
      at(D1, '09:00', { ...music, title: '轻音乐 1' }),
      at(D1, '10:30', { ...tea, status: 'skipped', reason: 'announcement' }),
      at(D2, '10:00', tea),
      at(D2, '10:05', { ...tea, slot: 'promos-evening' }),
    ],
  });
  expect(r.body.accepted).toBe(7);
});
afterAll(() => server.close());

const titles = (body: Json) =>
  body.plays.map((p: Json) => `${p.actualAt.slice(11, 16)} ${p.title}`);

describe('GET /api/plays', () => {
  it('lists a day in play order, times on the mall clock', async () => {
    const r = await cast.desk.get(`/api/plays?date=${D1}`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ from: D1, to: D1, timezone: 'Asia/Shanghai', total: 5 });
    expect(titles(r.body)).toEqual([
      '09:00 轻音乐 1',
      '10:00 茶语 春季新品',
      '10:10 鞋 全场八折',
      '10:20 鞋 全场八折',
      '10:30 茶语 春季新品',
    ]);
    expect(r.body.plays[0]).toMatchObject({
      planDate: D1,
      device: 'player-1',
      plannedAt: `${D1}T09:00:00+08:00`,
      actualAt: `${D1}T09:00:01+08:00`,
      status: 'ended',
    });
    expect(r.body.nextCursor).toBeNull();
  });

  it("lists today's plays when no date is given", async () => {
    const today = server.ctx.schedules.today();
    await cast.device.post('/api/plays', { reports: [at(today, '08:00', { title: '今天' })] });
    const r = await cast.announcer.get('/api/plays');
    expect(r.body.from).toBe(today);
    expect(titles(r.body)).toEqual(['08:00 今天']);
  });

  it('narrows by slot, promo, merchant, status, device and date range', async () => {
    const q = async (query: string) => titles((await cast.desk.get(`/api/plays?${query}`)).body);
    expect(await q(`date=${D1}&slot=music-morning`)).toEqual(['09:00 轻音乐 1']);
    expect(await q(`date=${D1}&promo=tea-spring`)).toEqual([
      '10:00 茶语 春季新品',
      '10:30 茶语 春季新品',
    ]);
    expect(await q(`date=${D1}&merchant=${encodeURIComponent('步步高鞋业')}`)).toEqual([
      '10:10 鞋 全场八折',
      '10:20 鞋 全场八折',
    ]);
    expect(await q(`date=${D1}&status=failed`)).toEqual(['10:20 鞋 全场八折']);
    expect(await q(`from=${D1}&to=${D2}&promo=tea-spring&status=ended`)).toEqual([
      '10:00 茶语 春季新品',
      '10:00 茶语 春季新品',
      '10:05 茶语 春季新品',
    ]);
    expect(await q(`from=${D2}&slot=promos-evening`)).toEqual(['10:05 茶语 春季新品']);
    const device = server.ctx.auth.devices().find((d) => d.name === 'player-1')!.id;
    expect(await q(`date=${D2}&device=${device}`)).toHaveLength(2);
    expect(await q(`date=${D2}&device=${device + 100}`)).toEqual([]);
    expect(await q(`date=${D1}&promo=no-such-promo`)).toEqual([]);
  });

  it('pages with a cursor or an offset', async () => {
    const pages: string[][] = [];
    let cursor: string | null = null;
    do {
      const r = await cast.desk.get(
        `/api/plays?from=${D1}&to=${D2}&limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(r.body.total).toBe(7);
      pages.push(titles(r.body));
      cursor = r.body.nextCursor;
    } while (cursor && pages.length < 10);
    expect(pages.map((p) => p.length)).toEqual([3, 3, 1]);
    const all = titles((await cast.desk.get(`/api/plays?from=${D1}&to=${D2}`)).body);
    expect(pages.flat()).toEqual(all);
    const r = await cast.desk.get(`/api/plays?from=${D1}&to=${D2}&limit=2&offset=5`);
    expect(titles(r.body)).toEqual(all.slice(5, 7));
  });

  it('refuses bad filters naming the field', async () => {
    const cases: [string, string][] = [
      ['date=2026-02-30', 'date'],
      ['date=tomorrow', 'date'],
      [`date=${D1}&from=${D1}`, 'date'],
      [`to=${D2}`, 'from'],
      [`from=${D2}&to=${D1}`, 'to'],
      ['from=2026-01-01&to=2027-12-31', 'to'],
      [`date=${D1}&status=paused`, 'status'],
      [`date=${D1}&device=abc`, 'device'],
      [`date=${D1}&limit=1001`, 'limit'],
      [`date=${D1}&limit=0`, 'limit'],
      [`date=${D1}&offset=-1`, 'offset'],
      [`date=${D1}&cursor=not%20a%20cursor`, 'cursor'],
      [`date=${D1}&cursor=bm9wZQ`, 'cursor'],
      [`date=${D1}&cursor=bm9wZQ&offset=2`, 'offset'],
    ];
    for (const [query, field] of cases) {
      const r = await cast.desk.get(`/api/plays?${query}`);
      expect(r.status, query).toBe(400);
      expect(r.body, query).toMatchObject({ error: 'invalid', field });
    }
  });

  it('is for staff only', async () => {
    expect((await cast.anonymous.get(`/api/plays?date=${D1}`)).status).toBe(401);
    expect((await cast.device.get(`/api/plays?date=${D1}`)).status).toBe(403);
    expect((await cast.device.get(`/api/plays/summary?date=${D1}`)).status).toBe(403);
    expect((await cast.device.get(`/api/plays/export.csv?date=${D1}`)).status).toBe(403);
    expect((await cast.anonymous.get(`/api/plays/export.csv?date=${D1}`)).status).toBe(401);
  });
});

describe('GET /api/plays/summary', () => {
  it('counts completed, skipped and failed plays per promo, merchant and slot', async () => {
    const r = await cast.desk.get(`/api/plays/summary?from=${D1}&to=${D2}`);
    expect(r.status).toBe(200);
    expect(r.body.promos).toEqual([
      {
        promoId: 'shoes-sale',
        merchant: '步步高鞋业',
        title: '鞋 全场八折',
        ended: 1,
        started: 0,
        skipped: 0,
        failed: 1,
        devices: 1,
        firstPlayedAt: `${D1}T10:10:01+08:00`,
        lastPlayedAt: `${D1}T10:10:01+08:00`,
      },
      {
        promoId: 'tea-spring',
        merchant: '茶语',
        title: '茶语 春季新品',
        ended: 3,
        started: 0,
        skipped: 1,
        failed: 0,
        devices: 1,
        firstPlayedAt: `${D1}T10:00:01+08:00`,
        lastPlayedAt: `${D2}T10:05:01+08:00`,
      },
    ]);
    expect(
      r.body.merchants.map((m: Json) => [m.merchant, m.promos, m.ended, m.skipped, m.failed]),
    ).toEqual([
      ['步步高鞋业', 1, 1, 0, 1],
      ['茶语', 1, 3, 1, 0],
    ]);
    expect(r.body.slots.map((s: Json) => [s.slot, s.ended, s.skipped, s.failed])).toEqual([
      ['music-morning', 1, 0, 0],
      ['promos-morning', 3, 1, 1],
      ['promos-evening', 1, 0, 0],
    ]);
    expect(r.body.totals).toMatchObject({ ended: 5, skipped: 1, failed: 1, started: 0 });
  });

  it('covers only the dates and the merchant asked for, and is empty where nothing played', async () => {
    const one = await cast.desk.get(`/api/plays/summary?date=${D2}`);
    expect(one.body.promos.map((p: Json) => [p.promoId, p.ended])).toEqual([['tea-spring', 2]]);
    const merchant = await cast.desk.get(
      `/api/plays/summary?from=${D1}&to=${D2}&merchant=${encodeURIComponent('茶语')}`,
    );
    expect(merchant.body.merchants.map((m: Json) => [m.merchant, m.ended])).toEqual([['茶语', 3]]);
    expect(merchant.body.slots.map((s: Json) => [s.slot, s.ended, s.skipped])).toEqual([
      ['promos-morning', 2, 1],
      ['promos-evening', 1, 0],
    ]);
    const none = await cast.desk.get('/api/plays/summary?date=2026-06-30');
    expect(none.body).toMatchObject({ promos: [], merchants: [], slots: [] });
    expect(none.body.totals).toMatchObject({ ended: 0, firstPlayedAt: null });
    expect((await cast.desk.get('/api/plays/summary?date=2026-13-01')).status).toBe(400);
  });
});
