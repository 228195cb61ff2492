import { afterEach, describe, expect, it } from 'vitest';
import { openCounter, queueServer, take, type QueueServer } from './helpers.ts';

let q: QueueServer;
afterEach(async () => {
  await q?.close();
});

describe('taking a ticket', () => {
  it('numbers each service on its own from 001, with its prefix, and publishes the change', async () => {
    q = await queueServer();
    const codes = [];
    for (const service of ['enquiry', 'enquiry', 'complaint', 'enquiry', 'merchant'])
      codes.push((await take(q.guide, service)).code);
    expect(codes).toEqual(['A001', 'A002', 'B001', 'A003', 'E001']);
    expect(q.published('queue-changed').filter((p) => p.reason === 'ticket taken')).toHaveLength(5);
  });

  it('shows the number, the service, people ahead, the estimate and the time taken', async () => {
    q = await queueServer();
    await take(q.guide, 'enquiry');
    await take(q.guide, 'enquiry');
    const r = await q.desk.post('/api/queue/tickets', { service: 'enquiry', priority: 'elderly' });
    expect(r.status).toBe(201);
    expect(r.body.ticket).toMatchObject({
      code: 'A003',
      date: '2026-12-07',
      service: 'enquiry',
      serviceName: '咨询',
      serviceNameEn: 'Enquiry',
      number: 3,
      priority: 'elderly',
      // From the counter page on a customer's behalf.
      source: 'counter',
      status: 'waiting',
      takenAt: '2026-12-07T10:00:00+08:00',
      callCount: 0,
      // A priority ticket goes before the two normal ones.
      ahead: 0,
      estimatedWaitMin: 0,
    });
    expect(r.body.ticket.token).toMatch(/^[\w-]{22}$/);
    const fourth = await take(q.guide, 'enquiry');
    // Three ahead, no counter open, the default 5 minutes each.
    expect(fourth).toMatchObject({ ahead: 3, estimatedWaitMin: 15, source: 'kiosk' });
  });

  it('estimates from today’s service times, shared among the open counters', async () => {
    q = await queueServer();
    await openCounter(q.desk, 1, ['enquiry']);
    await openCounter(q.desk, 2, ['enquiry']);
    // Two customers served in 2 and 4 minutes: a mean of 3.
    for (const minutes of [2, 4]) {
      await take(q.guide, 'enquiry');
      expect((await q.desk.post('/api/queue/counters/1/call-next')).status).toBe(200);
      await q.desk.post('/api/queue/counters/1/start');
      q.tick(minutes * 60_000);
      await q.desk.post('/api/queue/counters/1/finish', { category: '商场导购' });
    }
    for (let i = 0; i < 4; i++) await take(q.guide, 'enquiry');
    const services = (await q.guide.get('/api/queue/services')).body.services;
    // 4 waiting × 3 minutes ÷ 2 counters.
    expect(services.find((s: { id: string }) => s.id === 'enquiry')).toMatchObject({
      waiting: 4,
      estimatedWaitMin: 6,
      open: true,
    });
    // Complaints have no history yet and no counter open: the default, 5 minutes a person.
    await take(q.guide, 'complaint');
    const after = (await q.guide.get('/api/queue/services')).body.services;
    expect(after.find((s: { id: string }) => s.id === 'complaint')).toMatchObject({
      waiting: 1,
      estimatedWaitMin: 5,
    });
  });

  it('gives a retried take with the same Idempotency-Key the same ticket, not a second one', async () => {
    q = await queueServer();
    const key = { 'Idempotency-Key': 'tap-7f3a9c1e' };
    const first = await q.guide.post('/api/queue/tickets', { service: 'enquiry' }, key);
    expect(first.status).toBe(201);
    // The answer was lost (the server was killed after storing it): the machine sends it again.
    const again = await q.guide.post('/api/queue/tickets', { service: 'enquiry' }, key);
    expect(again.status).toBe(200);
    expect(again.body.ticket).toMatchObject({
      id: first.body.ticket.id,
      code: 'A001',
      token: first.body.ticket.token,
    });
    // Nobody holds a ticket that was never handed out: the next one is A002.
    expect((await take(q.guide, 'enquiry')).code).toBe('A002');
    expect((await q.desk.get('/api/queue/waiting')).body.tickets).toHaveLength(2);
    expect(q.published('queue-changed').filter((p) => p.reason === 'ticket taken')).toHaveLength(2);

    // The same key for another take is a mistake, said as such; a malformed key too.
    const other = await q.guide.post('/api/queue/tickets', { service: 'complaint' }, key);
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({
      error: 'idempotency-key-reused',
      field: 'Idempotency-Key',
    });
    expect(other.body.message).toContain('A001');
    const bad = await q.guide.post(
      '/api/queue/tickets',
      { service: 'enquiry' },
      { 'Idempotency-Key': 'x y' },
    );
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ field: 'Idempotency-Key' });
    expect((await take(q.guide, 'complaint')).code).toBe('B001');
  }, 60_000);

  it('lists the services with today’s hours, open or closed now', async () => {
    q = await queueServer('2026-12-07T09:25:00+08:00');
    const early = (await q.anonymous.get('/api/queue/services')).status;
    expect(early).toBe(401);
    const services = (await q.guide.get('/api/queue/services')).body.services;
    expect(services.map((s: { id: string; open: boolean }) => [s.id, s.open])).toEqual([
      ['enquiry', false],
      ['complaint', false],
      ['return', false],
      ['prize', false],
      // Merchants come in before the doors open.
      ['merchant', true],
    ]);
    expect(services[0].hours).toEqual({ from: '09:30', until: '17:20' });
  });

  it('refuses a ticket outside the service’s hours with service-closed', async () => {
    q = await queueServer('2026-12-07T17:25:00+08:00');
    const r = await q.guide.post('/api/queue/tickets', { service: 'enquiry' });
    expect(r.status).toBe(409);
    expect(r.body).toMatchObject({ error: 'service-closed' });
    expect(r.body.message).toContain('09:30–17:20');
    // A Saturday closes later (program.yaml), and the hours follow the plan.
    q.setTime('2026-12-12T17:25:00+08:00');
    expect((await q.guide.post('/api/queue/tickets', { service: 'enquiry' })).status).toBe(201);
  });

  it('refuses an unknown service, a bad priority or source, and a body that is not JSON', async () => {
    q = await queueServer();
    const bad = [
      [{ service: 'parking' }, 400, 'unknown-service', 'service'],
      [{}, 400, 'invalid', 'service'],
      [{ service: 42 }, 400, 'invalid', 'service'],
      [{ service: 'enquiry', priority: 'king' }, 400, 'invalid', 'priority'],
      [{ service: 'enquiry', source: 'fax' }, 400, 'invalid', 'source'],
      [{ service: 'x'.repeat(1000) }, 400, 'invalid', 'service'],
    ] as const;
    for (const [body, status, error, field] of bad) {
      const r = await q.guide.post('/api/queue/tickets', body);
      expect(r.status, JSON.stringify(body)).toBe(status);
      expect(r.body).toMatchObject({ error, field });
    }
    const r = await q.guide.post('/api/queue/tickets', 'service=enquiry', {
      'Content-Type': 'application/x-www-form-urlencoded',
    });
    expect(r.status).toBe(400);
    // Nothing was issued by any of them.
    expect((await take(q.guide, 'enquiry')).code).toBe('A001');
  });

  it('lets a guide screen and the desk take tickets, and no one else', async () => {
    q = await queueServer();
    const take = (c: typeof q.guide) => c.post('/api/queue/tickets', { service: 'enquiry' });
    expect((await take(q.anonymous)).status).toBe(401);
    expect((await take(q.guide)).status).toBe(201);
    expect((await take(q.desk)).status).toBe(201);
    // A PA player is not a ticket machine; announcers see the queue, they do not run it.
    expect((await take(q.device)).status).toBe(403);
    expect((await take(q.announcer)).status).toBe(403);
  });
});

describe('the phone page', () => {
  it('shows the live position by token, without sign-in and without the token or notes', async () => {
    q = await queueServer();
    await take(q.guide, 'enquiry');
    const mine = await take(q.guide, 'enquiry');
    const before = await q.anonymous.get(`/api/queue/public/${mine.token}`);
    expect(before.status).toBe(200);
    expect(before.body).toEqual({
      code: 'A002',
      serviceName: '咨询',
      status: 'waiting',
      ahead: 1,
      estimatedWaitMin: 5,
      takenAt: '2026-12-07T10:00:00+08:00',
    });
    await openCounter(q.desk, 3, ['enquiry']);
    await q.desk.post('/api/queue/counters/3/call-next');
    await q.desk.post('/api/queue/counters/3/finish', { category: '其他', note: 'private note' });
    await q.desk.post('/api/queue/counters/3/call-next');
    const after = await q.anonymous.get(`/api/queue/public/${mine.token}`);
    expect(after.body).toMatchObject({
      status: 'called',
      ahead: 0,
      counter: { number: 3, name: '3号窗口' },
    });
    expect(after.text).not.toContain(mine.token);
  });

  it('answers 404 for a token that is not a ticket’s', async () => {
    q = await queueServer();
    for (const token of ['nope', 'x'.repeat(22), '..%2F..%2Fetc%2Fpasswd']) {
      const r = await q.anonymous.get(`/api/queue/public/${token}`);
      expect(r.status, token).toBe(404);
      expect(r.body.error).toBe('not-found');
    }
    expect((await q.anonymous.get(`/api/queue/public/${'x'.repeat(200)}`)).status).toBe(400);
  });
});

describe('a ticket for staff', () => {
  it('is read by id, and an unknown id is 404', async () => {
    q = await queueServer();
    const t = await take(q.guide, 'prize');
    expect((await q.desk.get(`/api/queue/tickets/${t.id}`)).body.ticket).toMatchObject({
      code: 'D001',
      serviceName: '奖品领取',
    });
    expect((await q.desk.get('/api/queue/tickets/999')).status).toBe(404);
    expect((await q.desk.get('/api/queue/tickets/abc')).status).toBe(400);
    expect((await q.guide.get(`/api/queue/tickets/${t.id}`)).status).toBe(403);
  });
});
