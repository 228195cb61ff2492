import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventRecord } from '../../server/events/event-types.ts';
import { Client, startServer, withCast, type Json, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let cast: Awaited<ReturnType<typeof withCast>>;
let ikea: number;
beforeAll(async () => {
  server = await startServer();
  cast = await withCast(server);
  const m = await cast.admin.post('/api/merchants', {
    name: '宜家家居',
    nameLatin: 'IKEA',
    floor: '1F',
    unit: 'A101',
    category: '家具',
  });
  expect(m.status).toBe(201);
  ikea = m.body.id as number;
}, 60_000);
afterAll(() => server.close());

// The shipped plan for this date plays promos morning and afternoon (schedules/program.yaml).
const DATE = '2026-12-02';
const promoIdsInPlan = async (date = DATE): Promise<string[]> => {
  const r = await cast.device.get(`/api/plan?date=${date}`);
  expect(r.status).toBe(200);
  return [...new Set((r.body.items as Json[]).filter((i) => i.promo).map((i) => i.promo.id))];
};
const eventsAfter = (id: number): EventRecord[] => {
  const e = server.ctx.bus.since(id);
  return e === 'resync' ? [] : e;
};
const newPromo = (over: Json = {}): Json => ({
  id: 'ikea-winter',
  merchantId: ikea,
  title: '冬季家居节',
  text: '宜家家居冬季家居节，全场满一千减一百，欢迎到一楼选购。',
  validFrom: '2026-11-01',
  validTo: '2027-01-31',
  weight: 5,
  ...over,
});

describe('promos', () => {
  it('are imported from schedules/promos.yaml on first start', async () => {
    const r = await cast.announcer.get('/api/promos');
    expect(r.status).toBe(200);
    const ids = (r.body.promos as Json[]).map((p) => p.id);
    expect(ids).toEqual(
      expect.arrayContaining(['lanting-sofa', 'mubai-wood', 'jiale-ceramics', 'lumi-lighting']),
    );
    const sofa = (r.body.promos as Json[]).find((p) => p.id === 'lanting-sofa');
    expect(sofa).toMatchObject({
      merchantId: expect.any(Number),
      merchant: { name: '兰亭沙发', floor: '2F', unit: 'A201' },
      media: 'promos/lanting-sofa',
      weight: 2,
      retired: false,
      updatedBy: 'import',
    });
    expect(await promoIdsInPlan()).toContain('lanting-sofa');
  });

  it('reads one promo, and answers 404 for an unknown one', async () => {
    const r = await cast.desk.get('/api/promos/mubai-wood');
    expect(r.status).toBe(200);
    expect(r.body.title).toBe('买满五千送茶几');
    const missing = await cast.desk.get('/api/promos/no-such-promo');
    expect(missing.status).toBe(404);
    expect(missing.body.error).toBe('not-found');
  });

  it('creates a promo that then plays in the plan, and tells the kiosks', async () => {
    expect(await promoIdsInPlan()).not.toContain('ikea-winter');
    const mark = server.ctx.bus.latestId();
    const r = await cast.announcer.post('/api/promos', newPromo());
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ id: 'ikea-winter', retired: false, updatedBy: 'announcer1' });
    expect(await promoIdsInPlan()).toContain('ikea-winter');
    const events = eventsAfter(mark);
    expect(events.find((e) => e.type === 'promos-changed')?.payload).toEqual({
      ids: ['ikea-winter'],
    });
    expect(events.some((e) => e.type === 'plan-changed')).toBe(true);
    const item = (await cast.device.get(`/api/plan?date=${DATE}`)).body.items.find(
      (i: Json) => i.promo?.id === 'ikea-winter',
    );
    expect(item).toMatchObject({
      title: '宜家家居：冬季家居节',
      text: newPromo().text,
      promo: { merchant: '宜家家居', floor: '1F', unit: 'A101' },
    });
  });

  it('refuses a second promo with the same id', async () => {
    const r = await cast.announcer.post('/api/promos', newPromo({ title: '另一个' }));
    expect(r.status).toBe(409);
    expect(r.body.field).toBe('id');
    expect((await cast.admin.get('/api/promos/ikea-winter')).body.title).toBe('冬季家居节');
  });

  it('makes an id when none is given', async () => {
    const muji = await cast.admin.post('/api/merchants', {
      name: '无印良品',
      nameLatin: 'MUJI',
      floor: '2F',
    });
    const latin = await cast.admin.post(
      '/api/promos',
      newPromo({ id: undefined, merchantId: muji.body.id, title: 'Winter Sale' }),
    );
    expect(latin.status).toBe(201);
    expect(latin.body.id).toBe('muji-winter-sale');
    const hongxing = await cast.admin.post('/api/merchants', { name: '红星美凯龙', floor: '5F' });
    const chinese = await cast.admin.post(
      '/api/promos',
      newPromo({ id: undefined, merchantId: hongxing.body.id, title: '年货节' }),
    );
    expect(chinese.status).toBe(201);
    expect(chinese.body.id).toMatch(/^promo-[0-9a-f]{8}$/);
    // The same merchant and title again is a double submit, not a second promo.
    const again = await cast.admin.post(
      '/api/promos',
      newPromo({ id: undefined, merchantId: hongxing.body.id, title: '年货节' }),
    );
    expect(again.status).toBe(409);
  });

  it('edits only the fields given, and the plan follows', async () => {
    const r = await cast.announcer.patch('/api/promos/ikea-winter', {
      title: '冬季大促',
      validTo: null,
    });
    expect(r.status).toBe(200);
    expect(r.body.title).toBe('冬季大促');
    // The merchant's place comes from its record: edit the merchant, and the plan follows.
    expect(r.body.merchant).toEqual({ name: '宜家家居', floor: '1F', unit: 'A101' });
    expect((await cast.announcer.patch(`/api/merchants/${ikea}`, { unit: null })).status).toBe(200);
    expect((await cast.announcer.get('/api/promos/ikea-winter')).body.merchant).toEqual({
      name: '宜家家居',
      floor: '1F',
    });
    expect(r.body.validTo).toBeUndefined();
    expect(r.body.validFrom).toBe('2026-11-01');
    expect(r.body.text).toBe(newPromo().text);
    const item = (await cast.device.get(`/api/plan?date=${DATE}`)).body.items.find(
      (i: Json) => i.promo?.id === 'ikea-winter',
    );
    expect(item.title).toBe('宜家家居：冬季大促');
    expect(item.promo.unit).toBeUndefined();
  });

  it('refuses an edit that leaves a promo with nothing to play, or an id change', async () => {
    const noAudio = await cast.announcer.patch('/api/promos/ikea-winter', { text: null });
    expect(noAudio.status).toBe(400);
    expect(noAudio.body.message).toMatch(/media .* or text/);
    const rename = await cast.announcer.patch('/api/promos/ikea-winter', { id: 'other' });
    expect(rename.status).toBe(400);
    const empty = await cast.announcer.patch('/api/promos/ikea-winter', {});
    expect(empty.status).toBe(400);
    const unknown = await cast.announcer.patch('/api/promos/no-such-promo', { title: 'x' });
    expect(unknown.status).toBe(404);
    expect((await cast.admin.get('/api/promos/ikea-winter')).body.text).toBe(newPromo().text);
  });

  it('retires a promo: it stops playing and drops out of ?active=1, but is still listed', async () => {
    const mark = server.ctx.bus.latestId();
    const r = await cast.announcer.post('/api/promos/ikea-winter/retire');
    expect(r.status).toBe(200);
    expect(r.body.retired).toBe(true);
    expect(await promoIdsInPlan()).not.toContain('ikea-winter');
    expect(eventsAfter(mark).find((e) => e.type === 'promos-changed')?.payload).toEqual({
      ids: ['ikea-winter'],
    });
    const all = await cast.desk.get('/api/promos');
    expect((all.body.promos as Json[]).find((p) => p.id === 'ikea-winter')?.retired).toBe(true);
    const active = await cast.desk.get('/api/promos?active=1');
    const activeIds = (active.body.promos as Json[]).map((p) => p.id);
    expect(activeIds).not.toContain('ikea-winter');
    expect(activeIds).toContain('lanting-sofa');
    expect(server.ctx.promos.all().find((p) => p.id === 'ikea-winter')?.retired).toBe(true);
  });

  it('unretires it, and it plays again', async () => {
    const r = await cast.announcer.post('/api/promos/ikea-winter/unretire');
    expect(r.status).toBe(200);
    expect(r.body.retired).toBe(false);
    expect(await promoIdsInPlan()).toContain('ikea-winter');
  });

  it('lists only promos valid today with ?active=1', async () => {
    const today = server.ctx.schedules.today();
    await cast.admin.post(
      '/api/promos',
      newPromo({ id: 'expired', validFrom: '2020-01-01', validTo: '2020-01-31' }),
    );
    const active = (await cast.desk.get('/api/promos?active=1')).body.promos as Json[];
    expect(active.map((p) => p.id)).not.toContain('expired');
    for (const p of active) {
      expect(p.retired).toBe(false);
      if (p.validFrom) expect(p.validFrom <= today).toBe(true);
      if (p.validTo) expect(p.validTo >= today).toBe(true);
    }
  });

  it('filters by merchant', async () => {
    const r = await cast.desk.get(`/api/promos?merchant=${encodeURIComponent('兰亭')}`);
    expect(r.status).toBe(200);
    expect((r.body.promos as Json[]).map((p) => p.id)).toEqual(['lanting-sofa']);
  });

  it('refuses a promo with unknown media, storing nothing', async () => {
    const mark = server.ctx.bus.latestId();
    const r = await cast.announcer.post(
      '/api/promos',
      newPromo({ id: 'ghost', text: undefined, media: 'promos/does-not-exist' }),
    );
    expect(r.status).toBe(422);
    expect(r.body.error).toBe('invalid-promo');
    expect(r.body.message).toContain('promos/does-not-exist');
    expect(r.body.issues[0].message).toContain('unknown media');
    expect((await cast.admin.get('/api/promos/ghost')).status).toBe(404);
    expect(eventsAfter(mark)).toEqual([]);
  });

  it('refuses an edit to unknown media or an unknown day part, keeping the promo as it was', async () => {
    const media = await cast.announcer.patch('/api/promos/lanting-sofa', { media: 'nope/nothing' });
    expect(media.status).toBe(422);
    const part = await cast.announcer.patch('/api/promos/lanting-sofa', { dayParts: ['midnight'] });
    expect(part.status).toBe(422);
    expect(part.body.message).toContain('unknown day part "midnight"');
    const sofa = (await cast.admin.get('/api/promos/lanting-sofa')).body;
    expect(sofa.media).toBe('promos/lanting-sofa');
    expect(sofa.dayParts).toBeUndefined();
  });

  it('limits a promo to a day part', async () => {
    const r = await cast.announcer.patch('/api/promos/ikea-winter', { dayParts: ['afternoon'] });
    expect(r.status).toBe(200);
    const plan = (await cast.device.get(`/api/plan?date=${DATE}`)).body;
    const plays = (plan.items as Json[]).filter((i) => i.promo?.id === 'ikea-winter');
    expect(plays.length).toBeGreaterThan(0);
    for (const p of plays) expect(p.start.slice(11, 16) >= '12:00').toBe(true);
  });

  it('answers bad input with the field that is wrong', async () => {
    const cases: [Json, string][] = [
      [newPromo({ id: 'w0', weight: 0 }), 'weight'],
      [newPromo({ id: 'w-str', weight: 'heavy' }), 'weight'],
      [newPromo({ id: 'dates', validFrom: '2027-01-01', validTo: '2026-01-01' }), 'validTo'],
      [newPromo({ id: 'baddate', validFrom: '2026-02-30' }), 'validFrom'],
      [newPromo({ id: 'Bad Id!' }), 'id'],
      [newPromo({ id: 'nomerchant', merchantId: undefined }), 'merchantId'],
      [newPromo({ id: 'badmerchant', merchantId: 'ikea' }), 'merchantId'],
      [newPromo({ id: 'extra', colour: 'red' }), ''],
      [newPromo({ id: 'longtitle', title: '长'.repeat(201) }), 'title'],
    ];
    for (const [body, field] of cases) {
      const r = await cast.announcer.post('/api/promos', body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      if (field) expect(r.body.field).toBe(field);
    }
    const neither = await cast.announcer.post(
      '/api/promos',
      newPromo({ id: 'silent', text: undefined }),
    );
    expect(neither.status).toBe(400);
    expect(neither.body.message).toContain('media (a recording) or text');
    const huge = await cast.announcer.post(
      '/api/promos',
      newPromo({ id: 'huge', text: 'x'.repeat(70_000) }),
    );
    expect(huge.status).toBe(413);
    const notJson = await cast.announcer.post('/api/promos', '{not json', {
      'Content-Type': 'application/json',
    });
    expect(notJson.status).toBe(400);
    const listed = (await cast.admin.get('/api/promos')).body.promos as Json[];
    expect(listed.map((p) => p.id)).not.toEqual(expect.arrayContaining(['w0', 'dates', 'silent']));
  });

  it('lets staff read, but only admins and announcers change promos', async () => {
    expect((await cast.desk.get('/api/promos')).status).toBe(200);
    const desk = await cast.desk.post('/api/promos', newPromo({ id: 'by-desk' }));
    expect(desk.status).toBe(403);
    expect((await cast.desk.patch('/api/promos/lanting-sofa', { weight: 9 })).status).toBe(403);
    expect((await cast.desk.post('/api/promos/lanting-sofa/retire')).status).toBe(403);
    expect((await cast.device.get('/api/promos')).status).toBe(403);
    expect((await cast.device.post('/api/promos', newPromo({ id: 'by-device' }))).status).toBe(403);
    expect((await cast.anonymous.get('/api/promos')).status).toBe(401);
    expect((await cast.anonymous.post('/api/promos/lanting-sofa/retire')).status).toBe(401);
    const noCsrf = new Client(server.url);
    noCsrf.cookie = cast.announcer.cookie;
    expect((await noCsrf.post('/api/promos/lanting-sofa/retire')).body.error).toBe('csrf');
    const sofa = (await cast.admin.get('/api/promos/lanting-sofa')).body;
    expect(sofa).toMatchObject({ weight: 2, retired: false });
    expect((await cast.admin.get('/api/promos/by-desk')).status).toBe(404);
  });
});

describe('promos across a restart', () => {
  it(
    'keeps the edited promos and does not import the file again',
    { timeout: 60_000 },
    async () => {
      const s = await startServer();
      const c = await withCast(s);
      await c.admin.post('/api/promos/mubai-wood/retire');
      await c.admin.patch('/api/promos/lanting-sofa', { title: '沙发七折' });
      const before = (await c.admin.get('/api/promos')).body.promos as Json[];
      await s.close();
      const again = await startServer({}, s.dataDir);
      try {
        const admin = await new Client(again.url).login('admin', 'admin-test-password');
        const after = (await admin.get('/api/promos')).body.promos as Json[];
        expect(after).toEqual(before);
        expect(after.find((p) => p.id === 'lanting-sofa')?.title).toBe('沙发七折');
        expect(again.ctx.promos.all().find((p) => p.id === 'mubai-wood')?.retired).toBe(true);
      } finally {
        await again.close();
      }
    },
  );
});
