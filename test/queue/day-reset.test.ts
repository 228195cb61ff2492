import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, Client } from '../helpers/server.ts';
import { openCounter, queueServer, take, type QueueServer } from './helpers.ts';

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

    // The next morning (sessions last 12 hours: the desk signs in again).
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
  });

  it('resets at the day runner’s rollover, before anyone takes a ticket', async () => {
    q = await queueServer('2026-12-07T17:00:00+08:00');
    await take(q.guide, 'enquiry');
    q.setTime('2026-12-08T00:00:05+08:00');
    // What the day runner does at 00:00:05.
    q.server.ctx.schedules.invalidate('new day 2026-12-08');
    expect(q.published('queue-changed').map((p) => p.reason)).toContain('new day');
    const row = q.server.ctx.db
      .prepare('SELECT status FROM queue_tickets WHERE id = 1')
      .pluck()
      .get();
    expect(row).toBe('closed');
  });
});
