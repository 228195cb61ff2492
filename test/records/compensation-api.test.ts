import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { steppableClock } from '../helpers/clock.ts';
import { startServer, withCast, type Json, type TestServer } from '../helpers/server.ts';

// 10:00 on 2 March 2026 in the mall, and a week later.
const ASKED = new Date('2026-03-02T02:00:00Z');
const WEEK_LATER = new Date('2026-03-09T02:00:00Z');
const clock = steppableClock(WEEK_LATER);
let server: TestServer;
let cast: Awaited<ReturnType<typeof withCast>>;

beforeAll(async () => {
  server = await startServer({}, undefined, { now: clock.now });
  // Signed in at the last instant the tests look at: earlier ones do not end the session.
  cast = await withCast(server);
  clock.set(ASKED);
});
afterAll(() => server?.close());

const ask = {
  customerName: '王女士',
  customerPhone: '138 0013 8000',
  merchantName: '米兰之家意式轻奢家具旗舰店',
  amountFen: 300_000,
  reason: '商户撤场，顾客订金无法退回',
};
const post = (who: 'desk' | 'manager', id: number, path: string, body: Json) =>
  cast[who].post(`/api/compensations/${id}/${path}`, body);

describe('the advance compensation register', () => {
  it('is approved by the department manager alone: the desk is told so, and nothing is written', async () => {
    const made = await cast.desk.post('/api/compensations', ask);
    expect(made.status).toBe(201);
    const id = made.body.compensation.id as number;
    expect(made.body.compensation).toMatchObject({
      status: 'requested',
      day: '2026-03-02',
      requestedBy: 'desk1',
    });

    const byDesk = await post('desk', id, 'decision', { action: 'approve' });
    expect(byDesk.status).toBe(403);
    expect(byDesk.body.message).toMatch(
      /先行赔偿须由部门经理审批.*only the department manager may approve/,
    );
    expect(
      (await cast.announcer.post(`/api/compensations/${id}/decision`, { action: 'approve' }))
        .status,
    ).toBe(403);
    // Nor through the desk's own route.
    expect((await post('desk', id, 'actions', { action: 'approve' })).status).toBe(400);
    expect((await cast.desk.get(`/api/compensations/${id}`)).body.compensation.status).toBe(
      'requested',
    );
    expect(
      (await cast.desk.get('/api/compensations/pending')).body.compensations.map((c: Json) => c.id),
    ).toContain(id);

    const ok = await post('manager', id, 'decision', {
      action: 'approve',
      amountFen: 280_000,
      note: '按合同',
    });
    expect(ok.status).toBe(200);
    expect(ok.body.compensation).toMatchObject({
      status: 'approved',
      approvedFen: 280_000,
      decision: { by: 'manager1' },
    });
    expect(
      (await cast.desk.get('/api/compensations/pending')).body.compensations.map((c: Json) => c.id),
    ).not.toContain(id);
  });

  it('is paid by the desk and recovered from the merchant in parts, showing what is outstanding', async () => {
    const id = (await cast.desk.post('/api/compensations', ask)).body.compensation.id as number;
    const early = await post('desk', id, 'actions', { action: 'pay', method: 'transfer' });
    expect(early.status).toBe(409);
    expect(early.body.message).toMatch(/requested/);
    await post('manager', id, 'decision', { action: 'approve' });
    const paid = await post('desk', id, 'actions', { action: 'pay', method: 'transfer' });
    expect(paid.body.compensation.payment).toMatchObject({
      date: '2026-03-02',
      amountFen: 300_000,
      by: 'desk1',
    });

    clock.set(WEEK_LATER);
    const future = await post('desk', id, 'actions', {
      action: 'recover',
      amountFen: 1,
      date: '2026-03-10',
    });
    expect([future.status, future.body.field]).toEqual([400, 'date']);
    const part = await post('desk', id, 'actions', { action: 'recover', amountFen: 120_000 });
    expect(part.body.compensation).toMatchObject({
      status: 'paid',
      recoveredFen: 120_000,
      outstandingFen: 180_000,
    });
    const tooMuch = await post('desk', id, 'actions', { action: 'recover', amountFen: 180_001 });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.message).toMatch(/¥1,800.00 outstanding/);
    const rest = await post('desk', id, 'actions', {
      action: 'recover',
      amountFen: 180_000,
      date: '2026-03-08',
    });
    expect(rest.body.compensation).toMatchObject({ status: 'recovered', outstandingFen: 0 });

    const list = await cast.desk.get('/api/compensations?from=2026-03-01&to=2026-03-31');
    expect(list.body.compensations.every((c: Json) => c.customerPhone === '138****8000')).toBe(
      true,
    );
    expect(list.body.totals.recoveredFen).toBe(300_000);
    const entries = (await cast.desk.get(`/api/compensations/${id}`)).body.entries as Json[];
    expect(entries.map((e) => [e.action, e.by])).toEqual([
      ['open', 'desk1'],
      ['approve', 'manager1'],
      ['pay', 'desk1'],
      ['recover', 'desk1'],
      ['recover', 'desk1'],
    ]);
    expect(() =>
      server.ctx.db.prepare('DELETE FROM compensation_entries WHERE record_id = ?').run(id),
    ).toThrow(/kept/);
    expect(() => server.ctx.db.prepare('DELETE FROM compensations WHERE id = ?').run(id)).toThrow(
      /kept/,
    );
  });

  it('checks the complaint it settles and the money, naming the field', async () => {
    clock.set(ASKED);
    const noComplaint = await cast.desk.post('/api/compensations', { ...ask, complaintId: 4242 });
    expect([noComplaint.status, noComplaint.body.field]).toEqual([400, 'complaintId']);
    const yuanNotFen = await cast.desk.post('/api/compensations', { ...ask, amountFen: 3000.5 });
    expect([yuanNotFen.status, yuanNotFen.body.field]).toEqual([400, 'amountFen']);
    expect(yuanNotFen.body.message).toMatch(/fen/);
    const complaint = await cast.desk.post('/api/complaints', {
      source: 'desk',
      customerName: '王女士',
      customerPhone: '138 0013 8000',
      category: '商户撤场',
      what: '订金未退',
    });
    const linked = await cast.desk.post('/api/compensations', {
      ...ask,
      complaintId: complaint.body.complaint.id,
    });
    expect(linked.status).toBe(201);
  });
});
