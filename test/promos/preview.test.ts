import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, withCast, type Json, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let cast: Awaited<ReturnType<typeof withCast>>;
let merchantId: number;
beforeAll(async () => {
  server = await startServer();
  cast = await withCast(server);
  merchantId = (
    await cast.admin.post('/api/merchants', { name: '橙光窗帘', floor: '3F', unit: 'B330' })
  ).body.id as number;
}, 60_000);
afterAll(() => server.close());

const DATE = '2026-12-02';
const hourly = (over: Json = {}): Json => ({
  id: 'chengguang-hourly',
  merchantId,
  title: '窗帘整点优惠',
  text: '橙光窗帘，三楼B三三零，窗帘布艺全场八八折。',
  validFrom: '2026-11-01',
  playsPerHour: 4,
  ...over,
});
const promoItems = (items: Json[]) =>
  items.filter((i) => i.kind === 'promo').map((i) => `${i.start} ${i.promo.id} ${i.title}`);
const planOf = async () => (await cast.device.get(`/api/plan?date=${DATE}`)).body;

describe('promo preview', () => {
  it('shows the day’s promo loop with an edited promo set, storing nothing', async () => {
    const planBefore = await planOf();
    const r = await cast.announcer.post('/api/promos/preview', { date: DATE, promos: [hourly()] });
    expect(r.status).toBe(200);
    expect(r.body.counts.find((c: Json) => c.promoId === 'chengguang-hourly')).toMatchObject({
      merchant: '橙光窗帘',
      plays: expect.any(Number),
    });
    const mine = (r.body.items as Json[]).filter((i) => i.promo?.id === 'chengguang-hourly');
    // 10:05–11:30 and 14:00–15:30 at four an hour: 10:05, 10:20 … 11:20 and 14:00 … 15:15.
    expect(mine.map((i) => i.start.slice(11, 16)).filter((t) => t < '12:00')).toHaveLength(6);
    expect(mine.map((i) => i.start.slice(11, 16)).filter((t) => t >= '12:00')).toHaveLength(6);
    expect((r.body.items as Json[]).every((i) => i.kind === 'promo')).toBe(true);
    expect((await cast.admin.get('/api/promos/chengguang-hourly')).status).toBe(404);
    expect(await planOf()).toEqual(planBefore);
  });

  it('matches, item for item, the plan compiled after saving', async () => {
    const preview = await cast.announcer.post('/api/promos/preview', {
      date: DATE,
      promos: [
        hourly(),
        { ...hourly({ id: undefined, playsPerHour: undefined, weight: 3, title: '新品' }) },
      ],
    });
    expect(preview.status).toBe(200);
    expect((await cast.announcer.post('/api/promos', hourly())).status).toBe(201);
    const second = await cast.announcer.post(
      '/api/promos',
      hourly({ id: undefined, playsPerHour: undefined, weight: 3, title: '新品' }),
    );
    expect(second.status).toBe(201);
    const plan = await planOf();
    expect(promoItems(plan.items)).toEqual(promoItems(preview.body.items));
    expect(plan.items.filter((i: Json) => i.kind === 'promo')).toEqual(preview.body.items);
    expect(promoItems(plan.items).some((s) => s.includes(second.body.id))).toBe(true);
  });

  it('previews an edit of a stored promo by its id: fewer plays an hour, fewer plays', async () => {
    const now = await cast.announcer.post('/api/promos/preview', { date: DATE, promos: [] });
    const edited = await cast.announcer.post('/api/promos/preview', {
      date: DATE,
      promos: [hourly({ playsPerHour: 1 })],
    });
    const count = (body: Json) =>
      body.counts.find((c: Json) => c.promoId === 'chengguang-hourly').plays;
    expect(count(now.body)).toBe(12);
    // Once an hour: 10:05 and 11:05, 14:00 and 15:00.
    expect(count(edited.body)).toBe(4);
    // Retired in the preview: gone from it, still playing in the stored plan.
    const retired = await cast.announcer.post('/api/promos/preview', {
      date: DATE,
      promos: [hourly({ retired: true })],
    });
    expect(retired.body.counts.some((c: Json) => c.promoId === 'chengguang-hourly')).toBe(false);
    expect(promoItems((await planOf()).items).some((s) => s.includes('chengguang-hourly'))).toBe(
      true,
    );
  });

  it('refuses a preview with every problem named', async () => {
    const r = await cast.announcer.post('/api/promos/preview', {
      date: '2026-02-30',
      promos: [hourly({ weight: 2, validTo: '2020-01-01', text: null })],
    });
    expect(r.status).toBe(400);
    expect(r.body.field).toBe('date');
    const rules = await cast.announcer.post('/api/promos/preview', {
      date: DATE,
      promos: [hourly({ weight: 2, validTo: '2020-01-01', text: null })],
    });
    expect(rules.status).toBe(400);
    expect((rules.body.issues as Json[]).map((i) => i.field).sort()).toEqual([
      'promos.0.playsPerHour',
      'promos.0.text',
      'promos.0.validTo',
    ]);
    const part = await cast.announcer.post('/api/promos/preview', {
      date: DATE,
      promos: [hourly({ dayParts: ['evening'] })],
    });
    expect(part.status).toBe(422);
    expect(part.body.message).toContain('unknown day part "evening"');
    expect((await cast.desk.post('/api/promos/preview', { date: DATE, promos: [] })).status).toBe(
      403,
    );
  });

  it('switches a promo between plays per hour and weight', async () => {
    const toWeight = await cast.announcer.patch('/api/promos/chengguang-hourly', { weight: 2 });
    expect(toWeight.status).toBe(200);
    expect(toWeight.body.weight).toBe(2);
    expect(toWeight.body.playsPerHour).toBeUndefined();
    const toHour = await cast.announcer.patch('/api/promos/chengguang-hourly', { playsPerHour: 2 });
    expect(toHour.body).toMatchObject({ weight: 1, playsPerHour: 2 });
    const both = await cast.announcer.patch('/api/promos/chengguang-hourly', {
      weight: 3,
      playsPerHour: 3,
    });
    expect(both.status).toBe(400);
    expect(both.body.field).toBe('playsPerHour');
    const plays = (await planOf()).items.filter((i: Json) => i.promo?.id === 'chengguang-hourly');
    expect(plays).toHaveLength(6);
  });
});
