import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OFFLINE_AFTER_MS, REPORT_GRACE_MS } from '../../server/system/alerts.ts';
import { Client, startServer, withCast, type TestServer } from '../helpers/server.ts';
import { openStream } from '../helpers/sse.ts';

let server: TestServer;
let cast: Awaited<ReturnType<typeof withCast>>;
beforeAll(async () => {
  server = await startServer();
  cast = await withCast(server);
}, 60_000);
afterAll(() => server.close());

/** Runs `fn` with the server's clock at `at` (ms). */
async function at<T>(ms: number, fn: () => Promise<T>): Promise<T> {
  const real = server.ctx.now;
  server.ctx.now = () => new Date(ms);
  try {
    return await fn();
  } finally {
    server.ctx.now = real;
  }
}

const alerts = async (who: Client = cast.desk) => {
  const r = await who.get('/api/alerts');
  expect(r.status).toBe(200);
  return r.body.alerts as {
    level: string;
    kind: string;
    deviceId: number;
    zh: string;
    en: string;
  }[];
};

async function newPlayer(name: string) {
  const r = await cast.admin.post('/api/devices', { name, kind: 'player' });
  return { id: r.body.device.id as number, client: new Client(server.url, r.body.token as string) };
}

describe('GET /api/alerts', () => {
  it('warns about a player whose sound is blocked, then one that has gone quiet', async () => {
    const p = await newPlayer('PA-blocked');
    await p.client.post('/api/playback-state', { state: 'blocked', audioBlocked: true });
    const blocked = (await alerts()).filter((a) => a.deviceId === p.id);
    expect(blocked).toEqual([
      expect.objectContaining({ level: 'danger', kind: 'blocked', page: 'players' }),
    ]);
    expect(blocked[0]?.zh).toContain('PA-blocked');

    const quiet = await at(Date.now() + OFFLINE_AFTER_MS + 5000, () => alerts());
    expect(quiet.filter((a) => a.deviceId === p.id).map((a) => a.kind)).toEqual(['offline']);
  });

  it('warns about a planned item a player has not reported, until it reports it', async () => {
    const p = await newPlayer('PA-missed');
    const today = server.ctx.schedules.today();
    const plan = server.ctx.schedules.plan(today);
    // The day's last speech: nothing of its layer comes after it.
    const speech = plan.items.filter((i) => i.layer === 'voice').at(-1);
    expect(speech, 'the shipped program speaks every day').toBeDefined();
    if (!speech) return;
    const t = Date.parse(speech.start) + REPORT_GRACE_MS + 30_000;
    // Signed in at that time: it may be more than a session's lifetime from now.
    const desk = await at(t, () => new Client(server.url).login('desk1', 'desk1-password'));
    const mine = async () =>
      (await at(t, () => alerts(desk))).filter((a) => a.deviceId === p.id && a.kind === 'missed');

    await at(t, () => p.client.post('/api/playback-state', { state: 'idle', planDate: today }));
    const missed = await mine();
    const about = missed.find((a) => a.en.includes(speech.title));
    expect(about, JSON.stringify(missed)).toBeDefined();
    expect(about?.level).toBe('warning');
    expect(about?.zh).toContain(speech.start.slice(11, 16));

    const r = await p.client.post('/api/plays', {
      reports: [
        {
          reportId: 'r-missed-1',
          planDate: today,
          itemId: speech.id,
          slot: speech.slot,
          kind: speech.kind,
          title: speech.title,
          status: 'started',
          plannedAt: speech.start,
          actualAt: speech.start,
        },
      ],
    });
    expect(r.status, r.text).toBe(200);
    expect((await mine()).find((a) => a.en.includes(speech.title))).toBeUndefined();
  });

  it('warns, with a link to the calendar, when next year has no public holidays in it', async () => {
    // The shipped calendar holds 2026's holidays and not 2027's.
    const warned = async (ms: number) => {
      const desk = await at(ms, () => new Client(server.url).login('desk1', 'desk1-password'));
      return (await at(ms, () => alerts(desk))).filter(
        (a) => a.kind === 'next-year-holidays-missing',
      );
    };
    const december = await warned(Date.UTC(2026, 11, 15, 4));
    expect(december).toEqual([expect.objectContaining({ level: 'warning', page: 'calendar' })]);
    expect(december[0]?.zh).toContain('2027');
    // In June nobody could know them yet.
    expect(await warned(Date.UTC(2026, 5, 15, 4))).toEqual([]);
  });

  it('is for staff, who all see the banner', async () => {
    expect((await cast.anonymous.get('/api/alerts')).status).toBe(401);
    expect((await cast.device.get('/api/alerts')).status).toBe(403);
    expect((await cast.announcer.get('/api/alerts')).status).toBe(200);
  });
});

describe('GET /api/devices/status', () => {
  it('lists every live device: online, what it plays, its clock, its plan version', async () => {
    const p = await newPlayer('PA-status');
    const today = server.ctx.schedules.today();
    const etag = server.ctx.schedules.compiled(today).etag;
    await p.client.post('/api/playback-state', {
      state: 'playing',
      planDate: today,
      planEtag: etag,
      itemId: 'background#1',
      title: '轻音乐',
      clockOffsetMs: 37,
      pendingReports: 2,
    });
    const r = await cast.announcer.get('/api/devices/status');
    expect(r.status).toBe(200);
    expect(r.body.offlineAfterMs).toBe(OFFLINE_AFTER_MS);
    const d = (r.body.devices as { name: string }[]).find((x) => x.name === 'PA-status');
    expect(d).toMatchObject({
      kind: 'player',
      online: true,
      state: { state: 'playing', title: '轻音乐', clockOffsetMs: 37, pendingReports: 2 },
      plan: { date: today, etag, current: true },
    });
    expect((d as unknown as { heardAt: string }).heardAt).toMatch(/\+08:00$/);

    // A plan the server has since changed is outdated.
    await p.client.post('/api/playback-state', { state: 'idle', planDate: today, planEtag: '"x"' });
    const after = (await cast.announcer.get('/api/devices/status')).body.devices.find(
      (x: { name: string }) => x.name === 'PA-status',
    );
    expect(after.plan.current).toBe(false);
  });

  it('counts a guide screen online while its page keeps an event stream open', async () => {
    const r = await cast.admin.post('/api/devices', { name: 'guide-status', kind: 'guide' });
    const id = r.body.device.id as number;
    const find = async () =>
      (await cast.admin.get('/api/devices/status')).body.devices.find(
        (x: { id: number }) => x.id === id,
      );
    expect((await find()).online).toBe(false);
    const stream = await openStream(`${server.url}/api/events?token=${r.body.token}`);
    await stream.waitFor(1);
    expect(await find()).toMatchObject({ online: true, streams: 1 });
    // Still online minutes later with no request of its own: the open stream is its heartbeat.
    expect(await at(Date.now() + 5 * 60_000, find)).toMatchObject({ online: true, streams: 1 });
    await stream.close();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await find()).toMatchObject({ online: true, streams: 0 }); // just left
    const later = await at(Date.now() + OFFLINE_AFTER_MS + 5000, find);
    expect(later.online).toBe(false);
  });

  it('leaves revoked devices out, and desk staff too', async () => {
    const p = await newPlayer('PA-revoked');
    await cast.admin.delete(`/api/devices/${p.id}`);
    const names = (await cast.admin.get('/api/devices/status')).body.devices.map(
      (x: { name: string }) => x.name,
    );
    expect(names).not.toContain('PA-revoked');
    expect((await cast.desk.get('/api/devices/status')).status).toBe(403);
  });
});
