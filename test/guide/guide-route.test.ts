import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, type Json } from '../helpers/server.ts';
import { busyMall, type GuideMall } from './guide-fixture.ts';

let mall: GuideMall;
let screen: Client;

beforeAll(async () => {
  mall = await busyMall();
  screen = new Client(mall.server.url, mall.guide);
}, 60_000);
afterAll(() => mall?.server.close());

const eventsAfter = (id: number) =>
  mall.server.ctx.bus.since(id) as { type: string; payload: Json }[];

describe('GET /api/guide', () => {
  it('gives a guide screen the mall, today, the weather, merchants, valid offers, maps and its place', async () => {
    const r = await screen.get('/api/guide');
    expect(r.status).toBe(200);
    const b = r.body;
    expect(b.site).toMatchObject({ name: '红星国际家居', nameEn: 'Red Star International Home' });
    expect(b.today.hours).toEqual({
      opens: expect.stringMatching(/^\d\d:\d\d$/),
      closes: expect.stringMatching(/^\d\d:\d\d$/),
    });
    expect(b.weather).toEqual({ condition: '多云', low: 8, high: 15, city: '杭州' });
    // The shipped five and the demo file's 41, bottom floor first, each with its pinyin.
    expect(b.merchants).toHaveLength(46);
    expect(b.merchants[0].floor).toBe('1F');
    const milan = (b.merchants as Json[]).find((m) => m.name === '米兰之家意式轻奢家具旗舰店');
    expect(milan).toMatchObject({
      floor: '2F',
      unit: 'A210',
      category: 'furniture',
      pinyin: 'mi lan zhi jia yi shi qing she jia ju qi jian dian',
    });
    expect((b.promos as Json[]).find((p) => p.merchantId === milan?.id)).toMatchObject({
      title: '年终特惠 全场七折起',
    });
    expect(b.floors.map((f: Json) => f.id)).toEqual(['1F', '2F', '3F', '4F']);
    expect(b.floors[1].svg).toMatch(/^<svg /);
    expect(b.here).toMatchObject({ id: '1f-entrance', floor: '1F', element: 'here-1f-entrance' });
    expect(b.services.map((s: Json) => s.id)).toEqual([
      'enquiry',
      'complaint',
      'return',
      'prize',
      'merchant',
      'lost-found',
    ]);
    expect(r.headers.get('cache-control')).toBe('no-cache');
  });

  it('answers 304 to the same ETag, and a new answer once a merchant changes', async () => {
    const first = await screen.get('/api/guide');
    const etag = first.headers.get('etag') ?? '';
    expect((await screen.get('/api/guide', { 'If-None-Match': etag })).status).toBe(304);
    const id = (first.body.merchants as Json[]).find((m) => m.name === '茶语')?.id;
    const mark = mall.server.ctx.bus.latestId();
    await mall.cast.announcer.patch(`/api/merchants/${id}`, { phone: '0571-0000 0000' });
    expect(eventsAfter(mark).map((e) => e.type)).toContain('merchants-changed');
    const again = await screen.get('/api/guide', { 'If-None-Match': etag });
    expect(again.status).toBe(200);
    expect((again.body.merchants as Json[]).find((m) => m.id === id)?.phone).toBe('0571-0000 0000');
  });

  it('leaves out retired merchants and offers outside their dates', async () => {
    const all = (await screen.get('/api/guide')).body;
    const yiju = (all.merchants as Json[]).find((m) => m.name === '宜居家');
    await mall.cast.announcer.post(`/api/merchants/${yiju?.id}/retire`);
    const past = await mall.cast.announcer.post('/api/promos', {
      merchantId: (all.merchants as Json[]).find((m) => m.name === '茶语')?.id,
      title: '去年的活动',
      text: '已结束',
      validFrom: '2020-01-01',
      validTo: '2020-01-31',
    });
    expect(past.status).toBe(201);
    const b = (await screen.get('/api/guide')).body;
    expect((b.merchants as Json[]).map((m) => m.name)).not.toContain('宜居家');
    expect((b.promos as Json[]).map((p) => p.title)).not.toContain('去年的活动');
  });

  it('is for guide screens and staff: a PA player and strangers are refused', async () => {
    expect((await mall.cast.device.get('/api/guide')).status).toBe(403);
    expect((await mall.cast.anonymous.get('/api/guide')).status).toBe(401);
    for (const who of [mall.cast.desk, mall.cast.announcer, mall.cast.admin]) {
      const r = await who.get('/api/guide');
      expect(r.status).toBe(200);
      // A person is nowhere: no "you are here".
      expect(r.body.here).toBeNull();
    }
  });
});

describe('a guide screen\'s "you are here"', () => {
  it('is set by an admin to a place of floors.yaml, and the screen is told', async () => {
    const list = await mall.cast.admin.get('/api/guide/screens');
    expect(list.status).toBe(200);
    expect(list.body.screens).toEqual([
      { deviceId: mall.guideId, name: 'guide-1', here: '1f-entrance' },
    ]);
    expect(list.body.here.map((h: Json) => h.id)).toContain('3f-atrium');
    expect(list.body.problems).toEqual([]);
    // Every demo shop's unit is drawn; one on a unit the maps lack is named for the admin.
    expect(list.body.unmapped).toEqual([]);
    const odd = await mall.cast.announcer.post('/api/merchants', {
      name: '新来的店',
      floor: '2F',
      unit: 'A299',
      category: '其他',
    });
    expect((await mall.cast.admin.get('/api/guide/screens')).body.unmapped).toEqual([
      { id: odd.body.id, name: '新来的店', floor: '2F', unit: 'A299' },
    ]);
    const mark = mall.server.ctx.bus.latestId();
    const r = await mall.cast.admin.put(`/api/guide/screens/${mall.guideId}`, {
      here: '3f-atrium',
    });
    expect(r.status).toBe(200);
    expect(eventsAfter(mark).find((e) => e.type === 'guide-changed')?.payload).toEqual({
      reason: 'here',
      deviceIds: [mall.guideId],
    });
    expect((await screen.get('/api/guide')).body.here).toMatchObject({
      id: '3f-atrium',
      floor: '3F',
    });
    await mall.cast.admin.put(`/api/guide/screens/${mall.guideId}`, { here: '1f-entrance' });
  });

  it('refuses a place the maps do not have, a player, and anyone but an admin', async () => {
    const bad = await mall.cast.admin.put(`/api/guide/screens/${mall.guideId}`, { here: 'roof' });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({
      field: 'here',
      message: expect.stringContaining('floors.yaml has no place "roof" (1f-entrance, 1f-desk'),
    });
    const player = (await mall.cast.admin.get('/api/devices')).body.devices.find(
      (d: Json) => d.kind === 'player',
    );
    expect(
      (await mall.cast.admin.put(`/api/guide/screens/${player.id}`, { here: '1f-desk' })).status,
    ).toBe(400);
    expect(
      (await mall.cast.announcer.put(`/api/guide/screens/${mall.guideId}`, { here: '1f-desk' }))
        .status,
    ).toBe(403);
    expect(
      (await screen.put(`/api/guide/screens/${mall.guideId}`, { here: '1f-desk' })).status,
    ).toBe(403);
  });
});

describe('the guide page', () => {
  it('is served at /guide and linked from the start page', async () => {
    const page = await fetch(`${mall.server.url}/guide`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<dc-guide-app>');
    const home = await (await fetch(`${mall.server.url}/`)).text();
    expect(home).toContain('href="/guide"');
    expect(home).toContain('导视屏');
  });
});
