import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventRecord } from '../../server/events/event-types.ts';
import { startServer, withCast, type Json, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let cast: Awaited<ReturnType<typeof withCast>>;
// A shared machine may be slow to start a server; the tests themselves are quick.
beforeAll(async () => {
  server = await startServer();
  cast = await withCast(server);
}, 30_000);
afterAll(() => server.close());

const eventsAfter = (id: number): EventRecord[] => {
  const e = server.ctx.bus.since(id);
  return e === 'resync' ? [] : e;
};

describe('repeats and the pause between them', () => {
  it('keeps the repeat count and interval, and sends both to the players', async () => {
    const mark = server.ctx.bus.latestId();
    const r = await cast.desk.post('/api/announcements', {
      text: '请车牌号为沪A·12345的车主到地下车库',
      repeat: 3,
      intervalS: 120,
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ repeat: 3, intervalS: 120 });
    const [event] = eventsAfter(mark);
    expect(event?.type).toBe('announcement');
    expect(event?.payload).toMatchObject({ id: r.body.id, repeat: 3, intervalS: 120 });
    const listed = (await cast.device.get('/api/announcements')).body.announcements as Json[];
    expect(listed.find((a) => a.id === r.body.id)).toMatchObject({ repeat: 3, intervalS: 120 });
    expect(server.ctx.announcements.get(r.body.id as number)?.intervalS).toBe(120);
  });

  it('pauses 1 s between repeats unless told otherwise, as players always did', async () => {
    const r = await cast.desk.post('/api/announcements', { text: '测试', repeat: 2 });
    expect(r.body.intervalS).toBe(1);
    const none = await cast.desk.post('/api/announcements', { text: '测试', intervalS: 0 });
    expect(none.body.intervalS).toBe(0);
  });

  it('takes a template’s usual interval, or the one given', async () => {
    const own = await cast.announcer.post('/api/announcements/templates', {
      name: '寄存提醒',
      title: '寄存提醒',
      text: '寄存柜的物品请在闭店前取走。',
      repeat: 2,
      intervalS: 300,
    });
    expect(own.status).toBe(201);
    const usual = await cast.desk.post('/api/announcements/from-template', {
      template: own.body.id,
    });
    expect(usual.body).toMatchObject({ repeat: 2, intervalS: 300 });
    const given = await cast.desk.post('/api/announcements/from-template', {
      template: own.body.id,
      intervalS: 30,
    });
    expect(given.body.intervalS).toBe(30);
  });

  it('refuses a pause that is not whole seconds from 0 to an hour, naming it', async () => {
    for (const intervalS of [-1, 3601, 1.5, '60']) {
      const r = await cast.desk.post('/api/announcements', { text: '测试', intervalS });
      expect(r.status, String(intervalS)).toBe(400);
      expect(r.body.field).toBe('intervalS');
    }
  });
});
