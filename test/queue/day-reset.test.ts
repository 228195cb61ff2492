import { afterEach, describe, expect, it } from 'vitest';
import { steppableClock, type SteppableClock } from '../helpers/clock.ts';
import {
  ADMIN_PASSWORD,
  Client,
  startServer,
  withCast,
  type TestServer,
} from '../helpers/server.ts';
import { MONDAY_10, openCounter, queueServer, take, type QueueServer } from './helpers.ts';

let q: QueueServer;
afterEach(async () => {
  await q?.close();
});

describe('the day’s reset', () => {
  it('starts numbers again on a new date and closes yesterday’s unfinished tickets', async () => {
    q = await queueServer('2026-12-07T16:00:00+08:00');
    const waiting = await take(q.guide, 'enquiry');
    const serving = await take(q.guide, 'enquiry');
    const done = await take(q.guide, 'enquiry');
    const noShow = await take(q.guide, 'enquiry');
    await openCounter(q.desk, 1);
    await openCounter(q.desk, 2);
    await q.desk.post('/api/queue/counters/1/call', { code: done.code });
    await q.desk.post('/api/queue/counters/1/finish', { category: '其他' });
    await q.desk.post('/api/queue/counters/1/call', { code: noShow.code });
    await q.desk.post('/api/queue/counters/1/no-show');
    await q.desk.post('/api/queue/counters/2/call', { code: serving.code });
    await q.desk.post('/api/queue/counters/2/start');

    // The evening, the desk closed (the server looks at its clock all along), then the next
    // morning (sessions last 12 hours: the desk signs in again).
    q.setTime('2026-12-07T21:00:00+08:00');
    await q.guide.get('/api/queue/state');
    q.setTime('2026-12-08T09:40:00+08:00');
    const admin = await new Client(q.server.url).login('admin', ADMIN_PASSWORD);
    const first = await take(q.guide, 'enquiry');
    expect(first).toMatchObject({ code: 'A001', date: '2026-12-08' });

    const status = async (id: number) =>
      (await admin.get(`/api/queue/tickets/${id}`)).body.ticket as {
        status: string;
        closedAt?: string;
      };
    expect(await status(waiting.id)).toMatchObject({
      status: 'closed',
      closedAt: '2026-12-08T09:40:00+08:00',
    });
    expect((await status(serving.id)).status).toBe('closed');
    expect((await status(done.id)).status).toBe('done');
    expect((await status(noShow.id)).status).toBe('no-show');
    const state = (await q.guide.get('/api/queue/state')).body;
    expect(state.date).toBe('2026-12-08');
    expect(state.counters.every((c: { status: string }) => c.status === 'closed')).toBe(true);
    expect(state.recentCalls).toEqual([]);
    expect(q.published('queue-changed').map((p) => p.reason)).toContain('new day');
    // Archived, never deleted: yesterday is still in the figures.
    const figures = (await admin.get('/api/queue/figures?from=2026-12-07&to=2026-12-07')).body;
    expect(figures.totals).toMatchObject({ taken: 4, served: 1, noShows: 1, closed: 2 });
    // A code is a code of today: yesterday's A002 is not there to be called.
    await openCounter(admin, 1);
    const r = await admin.post('/api/queue/counters/1/call', { code: serving.code });
    expect([r.status, r.body.error]).toEqual([404, 'not-found']);
  }, 60_000);

  it('resets at the day runner’s rollover, before anyone takes a ticket', async () => {
    q = await queueServer('2026-12-07T17:00:00+08:00');
    await take(q.guide, 'enquiry');
    q.setTime('2026-12-07T23:00:00+08:00');
    await q.guide.get('/api/queue/state');
    q.setTime('2026-12-08T00:00:05+08:00');
    // What the day runner does at 00:00:05.
    q.server.ctx.schedules.invalidate('new day 2026-12-08');
    expect(q.published('queue-changed').map((p) => p.reason)).toContain('new day');
    const row = q.server.ctx.db
      .prepare('SELECT status FROM queue_tickets WHERE id = 1')
      .pluck()
      .get();
    expect(row).toBe('closed');
  }, 60_000);
});

const DAY = 86_400_000;

/** A server on a steppable clock, and what a restart on the same data needs. */
async function steppedServer(clock: SteppableClock, dataDir?: string) {
  const server = await startServer({}, dataDir, { now: clock.now });
  running.push(server);
  const admin = await new Client(server.url).login('admin', ADMIN_PASSWORD);
  let guide: Client;
  if (dataDir === undefined) {
    await withCast(server);
    const g = await admin.post('/api/devices', { name: 'guide-1', kind: 'guide' });
    guide = new Client(server.url, g.body.token as string);
    guideToken = g.body.token as string;
  } else guide = new Client(server.url, guideToken);
  return {
    server,
    admin,
    guide,
    /** Today's waiting tickets by the queue, and the date it serves. */
    async waiting() {
      // Signed in afresh: a step may have run the last session out.
      const who = await new Client(server.url).login('admin', ADMIN_PASSWORD);
      const r = await who.get('/api/queue/waiting');
      return {
        date: r.body.date as string,
        codes: (r.body.tickets as { code: string }[]).map((t) => t.code),
      };
    },
  };
}
let guideToken = '';
const running: TestServer[] = [];
afterEach(async () => {
  for (const s of running.splice(0)) await s.close();
});

describe('the day’s reset under clock steps', () => {
  it('keeps the day’s waiting tickets when a restart comes up a day ahead and the clock is then fixed', async () => {
    const clock = steppableClock(new Date(MONDAY_10));
    const first = await steppedServer(clock);
    for (let i = 0; i < 3; i++) await take(first.guide, 'enquiry');
    await first.server.close();

    // A wrong BIOS clock: the server comes back a day ahead, in the middle of the service.
    clock.step(DAY);
    const ahead = await steppedServer(clock, first.server.dataDir);
    expect(await ahead.waiting()).toEqual({
      date: '2026-12-07',
      codes: ['A001', 'A002', 'A003'],
    });
    expect((await take(ahead.guide, 'enquiry')).code).toBe('A004');
    // NTP fixes it: nothing was closed, numbers go on.
    clock.step(-DAY);
    expect((await take(ahead.guide, 'enquiry')).code).toBe('A005');
    expect(await ahead.waiting()).toEqual({
      date: '2026-12-07',
      codes: ['A001', 'A002', 'A003', 'A004', 'A005'],
    });
    const closed = ahead.server.ctx.db
      .prepare("SELECT count(*) FROM queue_tickets WHERE status = 'closed'")
      .pluck()
      .get();
    expect(closed).toBe(0);
  }, 60_000);

  it('numbers on, never from A001 again, when the clock steps back a day while running', async () => {
    const clock = steppableClock(new Date(MONDAY_10));
    const s = await steppedServer(clock);
    await take(s.guide, 'enquiry');
    await take(s.guide, 'enquiry');
    clock.step(-DAY);
    const next = await take(s.guide, 'enquiry');
    expect(next).toMatchObject({ code: 'A003', date: '2026-12-07' });
    expect((await s.waiting()).codes).toEqual(['A001', 'A002', 'A003']);
  }, 60_000);

  it('still resets at the next real midnight after a clock glitch', async () => {
    const clock = steppableClock(new Date(MONDAY_10));
    const s = await steppedServer(clock);
    const before = await take(s.guide, 'enquiry');
    // A day ahead and back, live: the queue must not be left thinking it is tomorrow already.
    clock.step(DAY);
    await take(s.guide, 'enquiry');
    clock.step(-DAY);
    await take(s.guide, 'enquiry');

    // The evening, then the clock runs over midnight by itself.
    clock.set(new Date('2026-12-07T23:59:59+08:00'));
    expect((await s.waiting()).date).toBe('2026-12-07');
    while (clock.now() < new Date('2026-12-08T00:00:00.500+08:00'))
      await new Promise((r) => setTimeout(r, 100));
    const admin = await new Client(s.server.url).login('admin', ADMIN_PASSWORD);
    const r = await admin.get('/api/queue/waiting');
    expect(r.body).toMatchObject({ date: '2026-12-08', tickets: [] });
    expect((await admin.get(`/api/queue/tickets/${before.id}`)).body.ticket.status).toBe('closed');
    clock.set(new Date('2026-12-08T09:40:00+08:00'));
    expect(await take(s.guide, 'enquiry')).toMatchObject({ code: 'A001', date: '2026-12-08' });
  }, 60_000);

  it('resets by itself over midnight, with nobody using the queue', async () => {
    const clock = steppableClock(new Date(MONDAY_10));
    const s = await steppedServer(clock);
    const desk = await new Client(s.server.url).login('desk1', 'desk1-password');
    await openCounter(desk, 1);
    clock.set(new Date('2026-12-07T23:59:57+08:00'));
    expect((await s.guide.get('/api/queue/state')).body.date).toBe('2026-12-07');
    const reasons: string[] = [];
    s.server.ctx.bus.subscribe((e) => {
      if (e.type === 'queue-changed') reasons.push((e.payload as { reason: string }).reason);
    });
    // No request from here on: the server's own check of its clock runs the reset.
    await expect.poll(() => reasons, { timeout: 40_000, interval: 500 }).toContain('new day');
    const counters = (await s.guide.get('/api/queue/state')).body.counters as {
      number: number;
      status: string;
    }[];
    expect(counters.find((c) => c.number === 1)?.status).toBe('closed');
  }, 60_000);
});
