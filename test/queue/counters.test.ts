import { afterEach, describe, expect, it } from 'vitest';
import { openCounter, queueServer, take, type QueueServer } from './helpers.ts';

let q: QueueServer;
afterEach(async () => {
  await q?.close();
});

const counter = (n: number, action: string, body?: unknown) =>
  q.desk.post(`/api/queue/counters/${n}/${action}`, body ?? {});

/** Presses call-next and returns the code called (or the error). */
async function next(n: number): Promise<string> {
  const r = await counter(n, 'call-next');
  if (r.status !== 200) return `${r.status} ${r.body.error}`;
  const code = r.body.ticket.code as string;
  await counter(n, 'finish', { category: '其他' });
  return code;
}

describe('opening a counter', () => {
  it('opens with the chosen services in order, or its defaults; pauses; closes', async () => {
    q = await queueServer();
    const opened = await openCounter(q.desk, 3, ['complaint', 'enquiry', 'complaint']);
    expect(opened.counter).toMatchObject({
      number: 3,
      name: '3号窗口',
      status: 'open',
      services: ['complaint', 'enquiry'],
      openedBy: 'desk1',
    });
    expect((await openCounter(q.desk, 4)).counter.services).toEqual([
      'complaint',
      'return',
      'enquiry',
    ]);
    const paused = await counter(3, 'pause', { paused: true });
    expect(paused.body.counter.status).toBe('paused');
    expect((await counter(3, 'pause', { paused: false })).body.counter.status).toBe('open');
    expect((await counter(3, 'close')).body.counter).toMatchObject({
      status: 'closed',
      services: [],
    });
    const state = (await q.guide.get('/api/queue/state')).body;
    expect(state.counters.map((c: { status: string }) => c.status)).toEqual([
      'closed',
      'closed',
      'closed',
      'open',
      'closed',
      'closed',
    ]);
    expect(q.published('queue-changed').map((p) => p.reason)).toEqual(
      expect.arrayContaining([
        'counter opened',
        'counter paused',
        'counter resumed',
        'counter closed',
      ]),
    );
  });

  it('refuses unknown counters and services, and a pause of a closed counter', async () => {
    q = await queueServer();
    expect((await counter(7, 'open')).status).toBe(404);
    expect((await counter(0, 'open')).status).toBe(400);
    expect((await counter(1, 'open', { services: ['parking'] })).body).toMatchObject({
      error: 'unknown-service',
      field: 'services',
    });
    expect((await counter(1, 'open', { services: 'enquiry' })).status).toBe(400);
    expect((await counter(1, 'pause', { paused: 'yes' })).status).toBe(400);
    const r = await counter(1, 'pause', { paused: true });
    expect(r.status).toBe(409);
    expect(r.body.error).toBe('counter-closed');
  });

  it('asks before taking over a counter another desk PC has open, and takes it over on confirm', async () => {
    q = await queueServer();
    await openCounter(q.desk, 3, ['enquiry']);
    const ticket = await take(q.guide, 'enquiry');
    expect((await counter(3, 'call-next')).status).toBe(200);
    // Another desk PC (another sign-in) picks counter 3.
    q.tick(60_000);
    const other = q.admin;
    const asked = await other.post('/api/queue/counters/3/open', { services: ['complaint'] });
    expect(asked.status).toBe(409);
    expect(asked.body).toMatchObject({
      error: 'counter-in-use',
      openedBy: 'desk1',
      openedAt: '2026-12-07T10:00:00+08:00',
    });
    expect(asked.body.message).toContain('3号窗口 正由 desk1 使用（10:00 起）');
    // Nothing changed: still desk1's, with its services and its customer.
    const list = (await q.desk.get('/api/queue/counters')).body.counters;
    expect(list.find((c: { number: number }) => c.number === 3)).toMatchObject({
      openedBy: 'desk1',
      services: ['enquiry'],
      yours: true,
      current: { code: ticket.code },
    });
    // The same sign-in opening it again is no takeover.
    expect((await counter(3, 'open', { services: ['enquiry', 'return'] })).status).toBe(200);

    const taken = await other.post('/api/queue/counters/3/open', {
      services: ['complaint'],
      takeover: true,
    });
    expect(taken.status).toBe(200);
    expect(taken.body.counter).toMatchObject({
      openedBy: 'admin',
      services: ['complaint'],
      current: { code: ticket.code },
    });
    const after = (await q.desk.get('/api/queue/counters')).body.counters;
    expect(after.find((c: { number: number }) => c.number === 3).yours).toBe(false);
    expect(
      (await q.desk.post('/api/queue/counters/3/open', { takeover: 'yes' })).body,
    ).toMatchObject({ field: 'takeover' });
  }, 60_000);

  it('is for staff only', async () => {
    q = await queueServer();
    expect((await q.guide.post('/api/queue/counters/1/open', {})).status).toBe(403);
    expect((await q.guide.post('/api/queue/counters/1/call-next')).status).toBe(403);
    expect((await q.anonymous.post('/api/queue/counters/1/call-next')).status).toBe(401);
    expect((await q.guide.get('/api/queue/counters')).status).toBe(403);
  });
});

describe('call next', () => {
  it('calls in order of arrival, only the counter’s services, its first service first', async () => {
    q = await queueServer();
    await take(q.guide, 'enquiry');
    q.tick();
    await take(q.guide, 'complaint');
    q.tick();
    await take(q.guide, 'enquiry');
    q.tick();
    await take(q.guide, 'return');
    await openCounter(q.desk, 3, ['complaint', 'enquiry']);
    expect([await next(3), await next(3), await next(3), await next(3)]).toEqual([
      'B001',
      'A001',
      'A002',
      '404 queue-empty',
    ]);
  });

  it('calls by arrival across services when queue.yaml says callOrder: arrival', async () => {
    q = await queueServer();
    q.server.ctx.db
      .prepare(
        "UPDATE queue_meta SET value = json_set(value, '$.callOrder', 'arrival') WHERE key = 'settings'",
      )
      .run();
    await take(q.guide, 'enquiry');
    q.tick();
    await take(q.guide, 'complaint');
    q.tick();
    await take(q.guide, 'enquiry');
    await openCounter(q.desk, 3, ['complaint', 'enquiry']);
    expect([await next(3), await next(3), await next(3)]).toEqual(['A001', 'B001', 'A002']);
  });

  it('serves priority tickets first, never more than priorityRun (2) in a row at a counter', async () => {
    q = await queueServer();
    for (const p of ['normal', 'normal', 'elderly', 'vip', 'pregnant', 'disabled']) {
      await take(q.guide, 'enquiry', p);
      q.tick();
    }
    await openCounter(q.desk, 1, ['enquiry']);
    await openCounter(q.desk, 2, ['enquiry']);
    // Each counter keeps its own run: counter 1 takes two priority tickets, then a normal one.
    expect(await next(1)).toBe('A003');
    expect(await next(1)).toBe('A004');
    expect(await next(2)).toBe('A005');
    expect(await next(1)).toBe('A001');
    expect(await next(1)).toBe('A006');
    expect(await next(2)).toBe('A002');
  });

  it('refuses a counter that is closed, paused, or still has its ticket', async () => {
    q = await queueServer();
    await take(q.guide, 'enquiry');
    await take(q.guide, 'enquiry');
    let r = await counter(1, 'call-next');
    expect([r.status, r.body.error]).toEqual([409, 'counter-closed']);
    await openCounter(q.desk, 1);
    await counter(1, 'pause', { paused: true });
    r = await counter(1, 'call-next');
    expect([r.status, r.body.error]).toEqual([409, 'counter-paused']);
    await counter(1, 'pause', { paused: false });
    expect((await counter(1, 'call-next')).status).toBe(200);
    r = await counter(1, 'call-next');
    expect([r.status, r.body.error, r.body.code]).toEqual([409, 'counter-busy', 'A001']);
    r = await counter(1, 'close');
    expect([r.status, r.body.error]).toEqual([409, 'counter-busy']);
    // Paused with a ticket still called: it may still be finished.
    await counter(1, 'pause', { paused: true });
    expect((await counter(1, 'finish', { category: '其他' })).status).toBe(200);
  });
});

describe('the ticket at the counter', () => {
  it('goes called → serving → done, keeping every time, the category and the note', async () => {
    q = await queueServer();
    const t = await take(q.guide, 'complaint');
    await openCounter(q.desk, 2);
    q.tick(4 * 60_000);
    expect((await counter(2, 'call-next')).body.ticket).toMatchObject({
      status: 'called',
      calledAt: '2026-12-07T10:04:00+08:00',
      callCount: 1,
      counter: { number: 2, name: '2号窗口' },
    });
    q.tick(30_000);
    expect((await counter(2, 'start')).body.ticket).toMatchObject({
      status: 'serving',
      startedAt: '2026-12-07T10:04:30+08:00',
    });
    let r = await counter(2, 'start');
    expect([r.status, r.body.error]).toEqual([409, 'already-started']);
    r = await counter(2, 'recall');
    expect([r.status, r.body.error]).toEqual([409, 'already-started']);
    q.tick(6 * 60_000);
    r = await counter(2, 'finish', { category: '投诉登记', note: '沙发质量问题，3天内回访' });
    expect(r.body.ticket).toMatchObject({
      status: 'done',
      finishedAt: '2026-12-07T10:10:30+08:00',
      category: '投诉登记',
      note: '沙发质量问题，3天内回访',
    });
    expect((await q.desk.get(`/api/queue/tickets/${t.id}`)).body.ticket.takenAt).toBe(
      '2026-12-07T10:00:00+08:00',
    );
    // Nothing left at the counter.
    for (const action of ['start', 'finish', 'recall', 'no-show', 'transfer']) {
      r = await counter(2, action, { category: 'x', service: 'enquiry' });
      expect([action, r.status, r.body.error]).toEqual([action, 409, 'no-current-ticket']);
    }
  });

  it('refuses a finish without a category, and bad finish and transfer bodies', async () => {
    q = await queueServer();
    await take(q.guide, 'enquiry');
    await openCounter(q.desk, 1);
    await counter(1, 'call-next');
    for (const body of [
      {},
      { category: '' },
      { category: 'x'.repeat(61) },
      { category: 'x', askRating: 'yes' },
    ]) {
      const r = await counter(1, 'finish', body);
      expect(r.status, JSON.stringify(body)).toBe(400);
    }
    expect((await counter(1, 'transfer', { service: 'Parking!' })).status).toBe(400);
    const r = await counter(1, 'transfer', { service: 'parking' });
    expect(r.body).toMatchObject({ error: 'unknown-service', field: 'service' });
    expect((await counter(1, 'transfer', { service: 'enquiry' })).body.error).toBe('same-service');
  });

  it('recalls up to maxRecalls (3), then refuses with recall-limit until marked no-show', async () => {
    q = await queueServer();
    await take(q.guide, 'enquiry');
    await openCounter(q.desk, 1);
    await counter(1, 'call-next');
    for (const expected of [2, 3, 4]) {
      q.tick(20_000);
      const r = await counter(1, 'recall');
      expect(r.body.ticket.callCount).toBe(expected);
    }
    const r = await counter(1, 'recall');
    expect([r.status, r.body.error]).toEqual([409, 'recall-limit']);
    // The last call is the one the waiting time counts from.
    const t = (await counter(1, 'no-show')).body.ticket;
    expect(t).toMatchObject({
      status: 'no-show',
      calledAt: '2026-12-07T10:01:00+08:00',
      callCount: 4,
    });
    expect(q.published('queue-called').map((p) => p.callCount)).toEqual([1, 2, 3, 4]);
  });

  it('calls a no-show back within noShowRecallMinutes (30), and not after', async () => {
    q = await queueServer();
    await take(q.guide, 'enquiry');
    await take(q.guide, 'enquiry');
    await openCounter(q.desk, 1);
    await counter(1, 'call-next');
    await counter(1, 'no-show');
    const list = (await q.desk.get('/api/queue/counters')).body;
    expect(list.noShows).toEqual([
      expect.objectContaining({ code: 'A001', recallableUntil: '2026-12-07T10:30:00+08:00' }),
    ]);
    q.tick(29 * 60_000);
    let r = await counter(1, 'call', { code: 'a1' });
    expect(r.body.ticket).toMatchObject({ code: 'A001', status: 'called', callCount: 2 });
    await counter(1, 'no-show');
    q.tick(31 * 60_000);
    r = await counter(1, 'call', { code: 'A001' });
    expect([r.status, r.body.error]).toEqual([409, 'no-show-expired']);
    expect((await q.desk.get('/api/queue/counters')).body.noShows).toEqual([]);
  });

  it('calls a given number; refuses one finished, one at another counter, or unknown', async () => {
    q = await queueServer();
    for (let i = 0; i < 3; i++) await take(q.guide, 'enquiry');
    await openCounter(q.desk, 1);
    await openCounter(q.desk, 2);
    let r = await counter(1, 'call', { code: 'A003' });
    expect(r.body.ticket).toMatchObject({ code: 'A003', status: 'called' });
    r = await counter(2, 'call', { code: 'A003' });
    expect([r.status, r.body.error]).toEqual([409, 'ticket-taken']);
    await counter(1, 'finish', { category: '其他' });
    r = await counter(2, 'call', { code: 'A003' });
    expect([r.status, r.body.error]).toEqual([409, 'ticket-finished']);
    r = await counter(2, 'call', { code: 'A099' });
    expect([r.status, r.body.error]).toEqual([404, 'not-found']);
    r = await counter(2, 'call', { code: 'hello' });
    expect([r.status, r.body.field]).toEqual([400, 'code']);
    // Call-next goes on with the ones still waiting.
    expect(await next(2)).toBe('A001');
  });

  it('transfers to another service keeping the original take time, so it keeps its place', async () => {
    q = await queueServer();
    await take(q.guide, 'enquiry');
    q.tick(60_000);
    await take(q.guide, 'complaint');
    q.tick(60_000);
    await take(q.guide, 'complaint');
    await openCounter(q.desk, 1, ['enquiry']);
    await openCounter(q.desk, 3, ['complaint']);
    await counter(1, 'call-next');
    await counter(1, 'start');
    const r = await counter(1, 'transfer', { service: 'complaint' });
    expect(r.body.ticket).toMatchObject({
      code: 'A001',
      service: 'complaint',
      status: 'waiting',
      takenAt: '2026-12-07T10:00:00+08:00',
      transfers: 1,
      ahead: 0,
    });
    expect(r.body.ticket.counter).toBeUndefined();
    // Counter 1 is free again; counter 3 calls the transferred ticket first (taken earliest).
    expect((await counter(1, 'call-next')).body.error).toBe('queue-empty');
    expect([await next(3), await next(3), await next(3)]).toEqual(['A001', 'B001', 'B002']);
  });

  it('goes to the service chosen, and is called there afresh, not as a repeat call', async () => {
    q = await queueServer();
    await take(q.guide, 'enquiry');
    await take(q.guide, 'complaint');
    // Counter 1 serves both; the customer needs a return, which counter 4 also serves.
    await openCounter(q.desk, 1, ['enquiry', 'return', 'complaint']);
    await counter(1, 'call-next');
    const r = await counter(1, 'transfer', { service: 'return' });
    expect(r.body.ticket).toMatchObject({ code: 'A001', service: 'return', callCount: 0 });
    // Called again in its new service: a first call (callCount 1), not "再次呼叫（第 2 次）".
    const again = await counter(1, 'call-next');
    expect(again.body.ticket).toMatchObject({ code: 'A001', service: 'return', callCount: 1 });
    expect(q.published('queue-called').map((p) => [p.code, p.callCount])).toEqual([
      ['A001', 1],
      ['A001', 1],
    ]);
    // A transfer names its service: none is chosen for staff.
    await counter(1, 'finish', { category: '其他' });
    await counter(1, 'call-next');
    const none = await counter(1, 'transfer', {});
    expect([none.status, none.body.field]).toEqual([400, 'service']);
  }, 60_000);
});

describe('ratings', () => {
  it('asks the board for a rating at finish, and takes it once per ticket', async () => {
    q = await queueServer();
    const t = await take(q.guide, 'prize');
    await openCounter(q.desk, 5);
    await counter(5, 'call-next');
    let r = await q.guide.post('/api/queue/ratings', { token: t.token, rating: 'satisfied' });
    expect([r.status, r.body.error]).toEqual([409, 'not-finished']);
    await counter(5, 'finish', { category: '奖品领取', askRating: true });
    expect(q.published('queue-rating')).toEqual([
      { ticketId: t.id, ratingId: expect.any(String), counter: { number: 5, name: '5号窗口' } },
    ]);
    expect(JSON.stringify(q.published('queue-rating'))).not.toContain(t.token);
    r = await q.guide.post('/api/queue/ratings', { token: t.token, rating: 'satisfied' });
    expect(r.status).toBe(200);
    expect(r.body.ticket.rating).toBe('satisfied');
    r = await q.guide.post('/api/queue/ratings', { token: t.token, rating: 'dissatisfied' });
    expect([r.status, r.body.error]).toEqual([409, 'already-rated']);
    expect((await q.desk.get(`/api/queue/tickets/${t.id}`)).body.ticket.rating).toBe('satisfied');
  });

  it('refuses an unknown token, a rating not offered, and the signed-out', async () => {
    q = await queueServer();
    expect(
      (await q.guide.post('/api/queue/ratings', { token: 'nope', rating: 'neutral' })).status,
    ).toBe(404);
    expect(
      (await q.guide.post('/api/queue/ratings', { token: 'nope', rating: 'great' })).status,
    ).toBe(400);
    expect(
      (await q.anonymous.post('/api/queue/ratings', { token: 'nope', rating: 'neutral' })).status,
    ).toBe(401);
  });
});
