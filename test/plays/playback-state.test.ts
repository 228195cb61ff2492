import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventRecord } from '../../server/events/event-types.ts';
import { Client, startServer, withCast, type TestServer } from '../helpers/server.ts';
import { openStream } from '../helpers/sse.ts';

let server: TestServer;
let cast: Awaited<ReturnType<typeof withCast>>;
beforeAll(async () => {
  server = await startServer();
  cast = await withCast(server);
});
afterAll(() => server.close());

describe('POST /api/playback-state', () => {
  it("tells the console's event streams what the player is doing", async () => {
    // Staff watch players; other devices are not told (events/audience.ts).
    const stream = await openStream(`${server.url}/api/events`, { Cookie: cast.announcer.cookie });
    expect(stream.status).toBe(200);
    await stream.waitFor(1); // hello
    const published: EventRecord[] = [];
    const unsubscribe = server.ctx.bus.subscribe((e) => published.push(e));
    const r = await cast.device.post('/api/playback-state', {
      state: 'playing',
      planDate: '2026-03-02',
      itemId: 'promos-morning#3',
      title: '茶语 春季新品',
      clockOffsetMs: -42,
      audioBlocked: false,
    });
    unsubscribe();
    expect(r.status).toBe(200);
    expect(published.map((e) => e.type)).toEqual(['playback-state']);
    const messages = await stream.waitFor(2);
    await stream.close();
    const event = messages.find((m) => m.event === 'playback-state');
    expect(event?.id).toBe(String(r.body.eventId));
    expect(JSON.parse(event?.data ?? '{}')).toMatchObject({
      deviceId: server.ctx.auth.devices().find((d) => d.name === 'player-1')!.id,
      device: 'player-1',
      state: 'playing',
      itemId: 'promos-morning#3',
      title: '茶语 春季新品',
      clockOffsetMs: -42,
    });
  });

  it("lists each player's latest state for the console, blocked audio included", async () => {
    const r = await cast.admin.post('/api/devices', { name: 'player-2', kind: 'player' });
    const second = new Client(server.url, r.body.token as string);
    await cast.device.post('/api/playback-state', { state: 'idle' });
    await second.post('/api/playback-state', { state: 'playing', itemId: 'music#1' });
    await second.post('/api/playback-state', {
      state: 'blocked',
      audioBlocked: true,
      message: 'tap the screen to allow sound',
    });
    const list = await cast.announcer.get('/api/playback-state');
    expect(list.status).toBe(200);
    expect(list.body.devices).toEqual([
      expect.objectContaining({ device: 'player-1', state: 'idle' }),
      expect.objectContaining({ device: 'player-2', state: 'blocked', audioBlocked: true }),
    ]);
    expect(list.body.devices[1].itemId).toBeUndefined();
    expect(list.body.devices[0].receivedAt).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+\+08:00$/);
  });

  it('refuses a state it does not know, naming the field', async () => {
    for (const [body, field] of [
      [{ state: 'dancing' }, 'state'],
      [{}, 'state'],
      [{ state: 'idle', audioBlocked: 'yes' }, 'audioBlocked'],
      [{ state: 'idle', clockOffsetMs: 'soon' }, 'clockOffsetMs'],
      [{ state: 'idle', planDate: '2026-02-30' }, 'planDate'],
    ] as const) {
      const r = await cast.device.post('/api/playback-state', body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.field).toBe(field);
    }
  });

  it('takes states from players only, and shows them to staff only', async () => {
    const before = (await cast.admin.get('/api/playback-state')).body;
    const body = { state: 'offline-recovered' };
    expect((await cast.anonymous.post('/api/playback-state', body)).status).toBe(401);
    expect((await cast.admin.post('/api/playback-state', body)).status).toBe(403);
    expect((await cast.desk.post('/api/playback-state', body)).status).toBe(403);
    expect((await cast.anonymous.get('/api/playback-state')).status).toBe(401);
    expect((await cast.device.get('/api/playback-state')).status).toBe(403);
    expect((await cast.admin.get('/api/playback-state')).body).toEqual(before);
  });
});
