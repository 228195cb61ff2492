import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventRecord } from '../../server/events/event-types.ts';
import { startServer, withCast, type Json, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let cast: Awaited<ReturnType<typeof withCast>>;
beforeAll(async () => {
  server = await startServer();
  cast = await withCast(server);
}, 60_000);
afterAll(() => server.close());

const eventsAfter = (id: number): EventRecord[] => {
  const e = server.ctx.bus.since(id);
  return e === 'resync' ? [] : e;
};
const names = async (query = '') =>
  ((await cast.desk.get(`/api/merchants${query}`)).body.merchants as Json[]).map((m) => m.name);
const gufeng = {
  name: '顾丰家居',
  nameLatin: 'ＧＵＦＥＮＧ  Home',
  pinyin: 'Gù Fēng jiā jū',
  floor: '5f',
  unit: ' e501 ',
  category: '软装',
  opens: '9:30',
  closes: '18:00',
  phone: '０５７１-8888 6666',
  contact: '孙小姐',
  description: '窗帘、地毯与抱枕。\r\n\r\n\r\n可上门测量。',
};

describe('merchants', () => {
  it('are made from schedules/merchants.yaml and the promos on first start', async () => {
    const r = await cast.desk.get('/api/merchants');
    expect(r.status).toBe(200);
    const sofa = (r.body.merchants as Json[]).find((m) => m.name === '兰亭沙发');
    expect(sofa).toMatchObject({
      nameLatin: 'LANTING SOFA',
      pinyin: 'lan ting sha fa',
      initials: 'ltsf',
      floor: '2F',
      unit: 'A201',
      category: 'furniture',
      retired: false,
      createdBy: 'import',
      promos: { total: 1 },
    });
    const promo = (await cast.desk.get('/api/promos/lanting-sofa')).body;
    expect(promo.merchantId).toBe(sofa!.id);
    expect(r.body.categories.map((c: Json) => c.zh)).toEqual(
      expect.arrayContaining(['家具', '灯饰', '建材', '软装', '卫浴', '床品', '其他']),
    );
  });

  it('creates a merchant with its fields cleaned for the directory', async () => {
    const mark = server.ctx.bus.latestId();
    const r = await cast.announcer.post('/api/merchants', gufeng);
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      name: '顾丰家居',
      nameLatin: 'GUFENG Home',
      pinyin: 'gu feng jia ju',
      initials: 'gfjj',
      floor: '5F',
      unit: 'E501',
      category: 'decor',
      opens: '09:30',
      closes: '18:00',
      phone: '0571-8888 6666',
      description: '窗帘、地毯与抱枕。\n\n可上门测量。',
      logo: null,
      createdBy: 'announcer1',
      updatedBy: 'announcer1',
      promos: { total: 0, active: 0 },
    });
    expect(eventsAfter(mark).find((e) => e.type === 'merchants-changed')?.payload).toEqual({
      ids: [r.body.id],
    });
    expect((await cast.desk.get(`/api/merchants/${r.body.id}`)).body.name).toBe('顾丰家居');
  });

  it('finds merchants by hanzi, pinyin, initials and brand', async () => {
    expect(await names('?q=顾丰')).toEqual(['顾丰家居']);
    expect(await names('?q=gufeng')).toEqual(['顾丰家居']);
    expect(await names('?q=gfjj')).toEqual(['顾丰家居']);
    expect(await names('?q=lanting')).toEqual(['兰亭沙发']);
    expect(await names('?category=lighting')).toEqual(['鹿米灯饰']);
  });

  it('refuses a bad merchant with every problem at its field, storing nothing', async () => {
    const before = await names('?retired=1');
    const r = await cast.announcer.post('/api/merchants', {
      name: 'IKEA',
      floor: '五楼半',
      category: '古董',
      opens: '25:00',
      phone: 'call me',
      pinyin: 'ji1a2',
    });
    expect(r.status).toBe(400);
    expect(r.body.field).toBe('name');
    const fields = (r.body.issues as Json[]).map((i) => i.field).sort();
    expect(fields).toEqual(['category', 'floor', 'name', 'opens', 'phone', 'pinyin']);
    expect(r.body.message.split('\n')).toHaveLength(6);
    expect(r.body.message).toContain('floor: 楼层写作 1F、2F… 或 B1');
    const missing = await cast.announcer.post('/api/merchants', { nameLatin: 'X' });
    expect((missing.body.issues as Json[]).map((i) => i.field).sort()).toEqual(['floor', 'name']);
    const hours = await cast.announcer.post('/api/merchants', {
      name: '半日店',
      floor: '1F',
      opens: '18:00',
      closes: '09:00',
    });
    expect(hours.status).toBe(400);
    expect(hours.body.field).toBe('closes');
    expect(await names('?retired=1')).toEqual(before);
  });

  it('refuses NUL bytes and lone surrogates in text, naming the field', async () => {
    const cases: [Json, string][] = [
      [{ name: '空\u0000字', floor: '1F' }, 'name'],
      [{ name: '代理店', floor: '1F', description: 'ok \ud800 half' }, 'description'],
      [{ name: '代理店', floor: '1F', contact: '\udc00' }, 'contact'],
    ];
    for (const [body, field] of cases) {
      const r = await cast.announcer.post('/api/merchants', body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.field).toBe(field);
      expect(r.body.message).toMatch(/NUL|surrogate/);
    }
    // The same in promos' text.
    const promo = await cast.announcer.post('/api/promos', {
      merchantId: 1,
      title: '坏\ud83d',
      text: '好\u0000',
    });
    expect((promo.body.issues as Json[]).map((i) => i.field).sort()).toEqual(['text', 'title']);
    expect(await names('?q=代理')).toEqual([]);
  });

  it('refuses a second merchant with the same name', async () => {
    const r = await cast.announcer.post('/api/merchants', { name: '顾丰家居', floor: '1F' });
    expect(r.status).toBe(409);
    expect(r.body.field).toBe('name');
  });

  it('edits only what is given, clears with null, and keeps who changed what', async () => {
    const id = (await cast.desk.get('/api/merchants?q=gufeng')).body.merchants[0].id;
    const r = await cast.admin.patch(`/api/merchants/${id}`, {
      floor: 'B1',
      phone: null,
      contact: '',
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ floor: 'B1', phone: null, contact: null, unit: 'E501' });
    expect(r.body.updatedBy).toBe('admin');
    const bad = await cast.admin.patch(`/api/merchants/${id}`, { opens: null });
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('opens');
    expect((await cast.admin.patch(`/api/merchants/${id}`, {})).status).toBe(400);
    expect((await cast.admin.patch('/api/merchants/99999', { floor: '1F' })).status).toBe(404);
    const history = (await cast.desk.get(`/api/merchants/${id}/history`)).body.changes as Json[];
    expect(history.map((h) => [h.action, h.fields, h.changedBy])).toEqual([
      ['edited', ['floor', 'phone', 'contact'], 'admin'],
      ['created', [], 'announcer1'],
    ]);
  });

  it('moves the promos with their merchant: a new floor is in the plan at once', async () => {
    const sofa = (await cast.desk.get('/api/merchants?q=ltsf')).body.merchants[0];
    const r = await cast.announcer.patch(`/api/merchants/${sofa.id}`, {
      floor: '6F',
      unit: 'F601',
    });
    expect(r.status).toBe(200);
    const plan = (await cast.device.get('/api/plan?date=2026-12-02')).body;
    const item = (plan.items as Json[]).find((i) => i.promo?.id === 'lanting-sofa');
    expect(item!.promo).toEqual({
      id: 'lanting-sofa',
      merchant: '兰亭沙发',
      floor: '6F',
      unit: 'F601',
    });
    const history = (await cast.desk.get(`/api/merchants/${sofa.id}/history`)).body.changes;
    expect(history[0]).toMatchObject({ entity: 'merchant', fields: ['floor', 'unit'] });
  });

  it('retires a merchant with its promos, which stop playing; unretiring keeps them retired', async () => {
    const wood = (await cast.desk.get('/api/merchants?q=mubai')).body.merchants[0];
    const r = await cast.announcer.post(`/api/merchants/${wood.id}/retire`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ retired: true, retiredPromos: ['mubai-wood'] });
    expect((await cast.desk.get('/api/promos/mubai-wood')).body.retired).toBe(true);
    const plan = (await cast.device.get('/api/plan?date=2026-12-02')).body;
    expect((plan.items as Json[]).some((i) => i.promo?.id === 'mubai-wood')).toBe(false);
    expect(await names()).not.toContain('木白实木家具');
    expect(await names('?retired=only')).toEqual(['木白实木家具']);
    // A retired merchant's promo cannot be brought back, nor a new one made, until it returns.
    const back = await cast.announcer.post('/api/promos/mubai-wood/unretire');
    expect(back.status).toBe(422);
    expect(back.body.field).toBe('merchantId');
    expect((await cast.announcer.post(`/api/merchants/${wood.id}/unretire`)).body.retired).toBe(
      false,
    );
    expect((await cast.desk.get('/api/promos/mubai-wood')).body.retired).toBe(true);
    expect((await cast.announcer.post('/api/promos/mubai-wood/unretire')).status).toBe(200);
    const history = (await cast.desk.get(`/api/merchants/${wood.id}/history`)).body
      .changes as Json[];
    expect(history.map((h) => `${h.entity} ${h.action} ${h.changedBy}`).slice(0, 4)).toEqual([
      'promo unretired announcer1',
      'merchant unretired announcer1',
      'merchant retired announcer1',
      'promo retired with merchant announcer1',
    ]);
  });

  it('lets staff read, but only admins and announcers change merchants', async () => {
    expect((await cast.desk.get('/api/merchants')).status).toBe(200);
    expect((await cast.desk.post('/api/merchants', { name: '前台店', floor: '1F' })).status).toBe(
      403,
    );
    expect((await cast.desk.patch('/api/merchants/1', { floor: '1F' })).status).toBe(403);
    expect((await cast.device.get('/api/merchants')).status).toBe(403);
    expect((await cast.anonymous.get('/api/merchants')).status).toBe(401);
    expect(await names('?q=前台')).toEqual([]);
  });
});
