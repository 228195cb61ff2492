import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, dateInZone } from '../../core/zoned-time.ts';
import type { EventRecord } from '../../server/events/event-types.ts';
import { wavDurationMs } from '../../server/tts/wav.ts';
import { Client, startServer, withCast, type Json, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let cast: Awaited<ReturnType<typeof withCast>>;
let playerId: number;
beforeAll(async () => {
  server = await startServer();
  cast = await withCast(server);
  playerId = server.ctx.auth.devices().find((d) => d.name === 'player-1')!.id;
});
afterAll(() => server.close());

const eventsAfter = (id: number): EventRecord[] => {
  const e = server.ctx.bus.since(id);
  return e === 'resync' ? [] : e;
};
/** An instant `ms` from now, written in the mall's offset as the console would send it. */
const fromNow = (ms: number) =>
  new Date(Date.now() + ms + 8 * 3600_000).toISOString().replace('Z', '+08:00');
const mallDate = (iso: string) => dateInZone('Asia/Shanghai', Date.parse(iso));

describe('announcements', () => {
  it('speaks text with TTS, serves the audio, and pushes the announcement to players', async () => {
    const mark = server.ctx.bus.latestId();
    const r = await cast.desk.post('/api/announcements', {
      text: '请A012号顾客到2号窗口',
      priority: 'urgent',
      repeat: 2,
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      kind: 'text',
      text: '请A012号顾客到2号窗口',
      priority: 'urgent',
      repeat: 2,
      at: null,
      targets: 'all',
      status: 'scheduled',
      createdBy: 'desk1',
    });
    expect(r.body.audioUrl).toMatch(/^\/tts\/[0-9a-f]{64}\.wav$/);
    expect(r.body.durationMs).toBeGreaterThan(1000);

    const audio = await fetch(server.url + r.body.audioUrl, {
      headers: { Authorization: `Bearer ${cast.device.bearer}` },
    });
    expect(audio.status).toBe(200);
    expect(audio.headers.get('content-type')).toBe('audio/wav');
    expect(audio.headers.get('cache-control')).toContain('immutable');
    const bytes = new Uint8Array(await audio.arrayBuffer());
    expect(wavDurationMs(bytes, bytes.length)).toBe(r.body.durationMs);
    expect(existsSync(join(server.dataDir, 'tts', r.body.audioUrl.slice(5)))).toBe(true);

    const events = eventsAfter(mark);
    expect(events.map((e) => e.type)).toEqual(['announcement']);
    expect(events[0]!.payload).toEqual(r.body);
  });

  it('reads a plate number digit by digit (the same speech as writing the digits out)', async () => {
    const typed = await cast.desk.post('/api/announcements', { text: '请沪A·12345车主挪车' });
    const spelled = await cast.desk.post('/api/announcements', { text: '请沪A一二三四五车主挪车' });
    const asNumber = await cast.desk.post('/api/announcements', {
      text: '请沪A一万二千三百四十五车主挪车',
    });
    expect(typed.status).toBe(201);
    expect(typed.body.audioUrl).toBe(spelled.body.audioUrl);
    expect(typed.body.audioUrl).not.toBe(asNumber.body.audioUrl);
  });

  it('plays a recording from the media library', async () => {
    const item = server.ctx.media.catalogue().items.find((m) => m.id.startsWith('speech/'))!;
    const r = await cast.announcer.post('/api/announcements', { mediaId: item.id });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      kind: 'media',
      mediaId: item.id,
      title: item.title,
      durationMs: item.durationMs,
      audioUrl: `/media/${item.file}`,
    });
    const audio = await cast.device.get(r.body.audioUrl);
    expect(audio.status).toBe(200);
    expect(audio.headers.get('content-type')).toMatch(/^audio\//);
  });

  it('refuses media that is not in the library', async () => {
    const r = await cast.desk.post('/api/announcements', { mediaId: 'speech/../../etc/passwd' });
    expect(r.status).toBe(400);
    expect(r.body.field).toBe('mediaId');
  });

  it('sets an announcement for later, listed on the day it is due', async () => {
    const at = fromNow(2 * 3600_000);
    const r = await cast.desk.post('/api/announcements', {
      text: '顾客朋友们，商场将举行抽奖活动',
      at,
    });
    expect(r.status).toBe(201);
    expect(r.body.at).toBe(new Date(Date.parse(at)).toISOString());
    const day = await cast.device.get(`/api/announcements?date=${mallDate(at)}`);
    expect(day.status).toBe(200);
    expect((day.body.announcements as Json[]).map((a) => a.id)).toContain(r.body.id);
    const dayBefore = new Date(Date.parse(at) - 86_400_000).toISOString();
    const other = await cast.device.get(`/api/announcements?date=${mallDate(dayBefore)}`);
    expect((other.body.announcements as Json[]).map((a) => a.id)).not.toContain(r.body.id);
  });

  it("lists today's announcements by default, in the mall's zone", async () => {
    const r = await cast.device.get('/api/announcements');
    expect(r.status).toBe(200);
    expect(r.body.date).toBe(server.ctx.schedules.today());
    expect((r.body.announcements as Json[]).some((a) => a.text === '请A012号顾客到2号窗口')).toBe(
      true,
    );
    expect((await cast.device.get('/api/announcements?date=2026-13-01')).status).toBe(400);
  });

  it('lists a range of days for the console: yesterday to a week ahead', async () => {
    const later = await cast.desk.post('/api/announcements', {
      text: '三天后的广播',
      at: fromNow(3 * 86_400_000),
    });
    const now = await cast.desk.post('/api/announcements', { text: '今天的广播' });
    const today = server.ctx.schedules.today();
    const range = await cast.desk.get(
      `/api/announcements?from=${addDays(today, -1)}&to=${addDays(today, 7)}`,
    );
    expect(range.status).toBe(200);
    expect(range.body).toMatchObject({ from: addDays(today, -1), to: addDays(today, 7) });
    const ids = (range.body.announcements as Json[]).map((a) => a.id);
    expect(ids).toEqual(expect.arrayContaining([now.body.id, later.body.id]));
    const todayOnly = (await cast.desk.get('/api/announcements')).body.announcements as Json[];
    expect(todayOnly.map((a) => a.id)).not.toContain(later.body.id);
    for (const [q, field] of [
      [`to=${today}`, 'from'],
      [`from=${today}&to=${addDays(today, -1)}`, 'to'],
      [`from=${today}&to=${addDays(today, 15)}`, 'to'],
      [`date=${today}&from=${today}`, 'date'],
    ] as const) {
      const r = await cast.desk.get(`/api/announcements?${q}`);
      expect(r.status, q).toBe(400);
      expect(r.body.field, q).toBe(field);
    }
  });

  it('refuses a time without an offset, in the past, or more than 7 days ahead', async () => {
    const cases = [
      '2026-12-02T15:30:00', // no offset: whose 15:30?
      'tomorrow',
      '2026-02-30T10:00:00+08:00',
      fromNow(-5 * 60_000),
      fromNow(8 * 86_400_000),
    ];
    for (const at of cases) {
      const r = await cast.desk.post('/api/announcements', { text: '测试', at });
      expect(r.status, at).toBe(400);
      expect(r.body.field, at).toBe('at');
    }
    // Half a minute late is a slow form, not a mistake.
    const late = await cast.desk.post('/api/announcements', { text: '测试', at: fromNow(-30_000) });
    expect(late.status).toBe(201);
  });

  it('targets registered players only, and a player is sent only what is meant for it', async () => {
    const guide = await cast.admin.post('/api/devices', { name: 'guide-1', kind: 'guide' });
    const other = await cast.admin.post('/api/devices', { name: 'player-2', kind: 'player' });
    for (const targets of [[999], [guide.body.device.id], 'some']) {
      const r = await cast.desk.post('/api/announcements', { text: '测试', targets });
      expect(r.status, JSON.stringify(targets)).toBe(400);
      expect(r.body.field).toMatch(/^targets/);
    }
    const mine = await cast.desk.post('/api/announcements', {
      text: '一号播放器',
      targets: [playerId],
    });
    expect(mine.status).toBe(201);
    expect(mine.body.targets).toEqual([playerId]);
    const theirs = await cast.desk.post('/api/announcements', {
      text: '二号播放器',
      targets: [other.body.device.id],
    });
    expect(theirs.status).toBe(201);
    const seen = ((await cast.device.get('/api/announcements')).body.announcements as Json[]).map(
      (a) => a.id,
    );
    expect(seen).toContain(mine.body.id);
    expect(seen).not.toContain(theirs.body.id);
    const staff = ((await cast.desk.get('/api/announcements')).body.announcements as Json[]).map(
      (a) => a.id,
    );
    expect(staff).toEqual(expect.arrayContaining([mine.body.id, theirs.body.id]));
  });

  it('answers bad input with the field that is wrong, storing nothing', async () => {
    const before = (await cast.desk.get('/api/announcements')).body.announcements.length;
    const cases: [Json, string][] = [
      [{}, 'text'],
      [{ text: '测试', mediaId: 'speech/x' }, 'text'],
      [{ text: '   ' }, 'text'],
      [{ text: 42 }, 'text'],
      [{ text: '长'.repeat(501) }, 'text'],
      [{ text: '测试', repeat: 11 }, 'repeat'],
      [{ text: '测试', repeat: 0 }, 'repeat'],
      [{ text: '测试', priority: 'loud' }, 'priority'],
      [{ text: '测试', targets: [] }, 'targets'],
    ];
    for (const [body, field] of cases) {
      const r = await cast.desk.post('/api/announcements', body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.field, JSON.stringify(body)).toBe(field);
    }
    const huge = await cast.desk.post('/api/announcements', {
      text: '测试',
      title: 'x'.repeat(70_000),
    });
    expect(huge.status).toBe(413);
    expect((await cast.desk.get('/api/announcements')).body.announcements.length).toBe(before);
  });

  it('speaks with no espeak-ng or ffmpeg on the PATH: the engine comes from npm', async () => {
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      const r = await cast.desk.post('/api/announcements', { text: '一段从未说过的话' });
      expect(r.status).toBe(201);
      expect(r.body.durationMs).toBeGreaterThan(1000);
      expect((await cast.device.get(r.body.audioUrl)).text.startsWith('RIFF')).toBe(true);
    } finally {
      process.env.PATH = path;
    }
  });
});

describe('announcement templates', () => {
  it('lists the lost-child, car-to-move and closing-soon templates with their fields', async () => {
    const r = await cast.desk.get('/api/announcements/templates');
    expect(r.status).toBe(200);
    const byId = new Map((r.body.templates as Json[]).map((t) => [t.id, t]));
    expect([...byId.keys()]).toEqual(['lost-child', 'move-car', 'closing-soon']);
    expect(byId.get('move-car')!.fields.map((f: Json) => [f.name, f.label])).toEqual([
      ['plate', '车牌号'],
      ['location', '停车位置'],
    ]);
    expect(byId.get('lost-child')!.text).toContain('{name}');
  });

  it('fills a template and announces it with the template’s usual priority', async () => {
    const r = await cast.desk.post('/api/announcements/from-template', {
      template: 'lost-child',
      fields: { name: '乐乐', age: 5, clothes: '红色外套', place: '一楼服务台' },
    });
    expect(r.status).toBe(201);
    expect(r.body.text).toBe(
      '紧急寻人：一位5岁的小朋友乐乐，身穿红色外套，正在一楼服务台等候家长。请乐乐小朋友的家长听到广播后，尽快到一楼服务台领回孩子。谢谢！',
    );
    expect(r.body).toMatchObject({
      title: '寻人：乐乐',
      template: 'lost-child',
      fields: { name: '乐乐', age: '5', clothes: '红色外套', place: '一楼服务台' },
      priority: 'urgent',
      repeat: 2,
    });
    expect(r.body.audioUrl).toMatch(/^\/tts\//);
    const moveCar = await cast.desk.post('/api/announcements/from-template', {
      template: 'move-car',
      fields: { plate: '沪a 12345', location: '地下二层B区' },
      priority: 'emergency',
      repeat: 3,
    });
    expect(moveCar.status).toBe(201);
    expect(moveCar.body).toMatchObject({
      title: '挪车：沪A 12345',
      priority: 'emergency',
      repeat: 3,
    });
  });

  it('names the field that is missing, unknown or wrong', async () => {
    const cases: [Json, string][] = [
      [
        { template: 'lost-child', fields: { name: '乐乐', clothes: '红色外套', place: '服务台' } },
        'fields.age',
      ],
      [
        { template: 'lost-child', fields: { name: '乐乐', age: 'five', clothes: 'x', place: 'y' } },
        'fields.age',
      ],
      [
        { template: 'move-car', fields: { plate: '沪A·12345', location: 'B2', colour: '红' } },
        'fields.colour',
      ],
      [{ template: 'move-car', fields: { plate: '12345', location: 'B2' } }, 'fields.plate'],
      [{ template: 'move-car', fields: { plate: '沪A·12345', location: '  ' } }, 'fields.location'],
      [{ template: 'closing-soon', fields: { minutes: 0 } }, 'fields.minutes'],
      [{ template: 'closing-soon', fields: { minutes: '{minutes}' } }, 'fields.minutes'],
      [{ template: 'fire-drill', fields: {} }, 'template'],
      [{ template: 'closing-soon', fields: { minutes: 15 }, at: 'soon' }, 'at'],
    ];
    for (const [body, field] of cases) {
      const r = await cast.desk.post('/api/announcements/from-template', body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.field, JSON.stringify(body)).toBe(field);
    }
  });
});

describe('cancelling an announcement', () => {
  it('cancels once, tells the players, and refuses a second cancel or an unknown id', async () => {
    const at = fromNow(3600_000);
    const a = await cast.desk.post('/api/announcements', { text: '即将取消的广播', at });
    const mark = server.ctx.bus.latestId();
    const r = await cast.desk.post(`/api/announcements/${a.body.id}/cancel`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: a.body.id, status: 'cancelled', cancelledBy: 'desk1' });
    expect(eventsAfter(mark).map((e) => [e.type, e.payload])).toEqual([
      ['announcement-cancelled', { id: a.body.id }],
    ]);
    const listed = (await cast.device.get(`/api/announcements?date=${mallDate(at)}`)).body
      .announcements as Json[];
    expect(listed.find((x) => x.id === a.body.id)?.status).toBe('cancelled');

    const twice = await cast.announcer.post(`/api/announcements/${a.body.id}/cancel`);
    expect(twice.status).toBe(409);
    expect(twice.body.error).toBe('already-cancelled');
    expect((await cast.desk.post('/api/announcements/99999/cancel')).status).toBe(404);
    expect((await cast.desk.post('/api/announcements/abc/cancel')).status).toBe(400);
    expect(eventsAfter(mark)).toHaveLength(1);
  });

  it('reaches a player on its event stream', async () => {
    const a = await cast.desk.post('/api/announcements', { text: '事件流测试' });
    const ctrl = new AbortController();
    const res = await fetch(`${server.url}/api/events`, {
      headers: {
        Authorization: `Bearer ${cast.device.bearer}`,
        'Last-Event-ID': String(server.ctx.bus.latestId()),
      },
      signal: ctrl.signal,
    });
    const reader = res.body!.getReader();
    await cast.desk.post(`/api/announcements/${a.body.id}/cancel`);
    let text = '';
    while (!text.includes('event: announcement-cancelled')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    ctrl.abort();
    expect(text).toMatch(
      new RegExp(`event: announcement-cancelled\\ndata: \\{"id":${a.body.id}\\}`),
    );
  });
});

describe('who may announce', () => {
  it('lets staff announce and cancel, devices only read, and nobody anonymous', async () => {
    expect((await cast.announcer.post('/api/announcements', { text: '测试' })).status).toBe(201);
    expect((await cast.admin.post('/api/announcements', { text: '测试' })).status).toBe(201);
    const byDevice = await cast.device.post('/api/announcements', { text: '测试' });
    expect(byDevice.status).toBe(403);
    expect(
      (
        await cast.device.post('/api/announcements/from-template', {
          template: 'closing-soon',
          fields: { minutes: 5 },
        })
      ).status,
    ).toBe(403);
    expect((await cast.device.get('/api/announcements/templates')).status).toBe(403);
    expect((await cast.device.post('/api/announcements/1/cancel')).status).toBe(403);
    expect((await cast.device.get('/api/announcements')).status).toBe(200);
    expect((await cast.anonymous.get('/api/announcements')).status).toBe(401);
    expect((await cast.anonymous.post('/api/announcements', { text: '测试' })).status).toBe(401);
    const noCsrf = new Client(server.url);
    noCsrf.cookie = cast.desk.cookie;
    expect((await noCsrf.post('/api/announcements', { text: '测试' })).body.error).toBe('csrf');
    expect(server.ctx.announcements.get(1)?.status).toBe('scheduled');
  });
});
