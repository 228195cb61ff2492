import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { steppableClock } from '../helpers/clock.ts';
import { startServer, withCast, type Json, type TestServer } from '../helpers/server.ts';

const H = 3600_000;
// 21:30 in the mall (Asia/Shanghai): the answer is due the next evening, across midnight.
const RECEIVED = new Date('2026-12-03T13:30:00Z');
const clock = steppableClock(RECEIVED);
let server: TestServer;
let cast: Awaited<ReturnType<typeof withCast>>;

beforeAll(async () => {
  server = await startServer({}, undefined, { now: clock.now });
  // Signed in by the last instant a test looks at: sessions last 12 h from their last use.
  clock.set(new Date(RECEIVED.getTime() + 40 * H));
  cast = await withCast(server);
});
afterAll(() => server?.close());

const complaint = {
  source: 'phone',
  customerName: '王女士',
  customerPhone: '138 0013 8000',
  merchantName: '米兰之家意式轻奢家具旗舰店',
  floor: '2F',
  category: '商品质量',
  what: '沙发送货两周后扶手开裂。',
  wants: '换货',
};
const ids = (list: Json[]) => list.map((c) => c.id as number);

describe('the complaint register', () => {
  it('lists a complaint as overdue 24 h after it came in, until it is answered', async () => {
    clock.set(RECEIVED);
    const made = await cast.desk.post('/api/complaints', complaint);
    expect(made.status).toBe(201);
    const id = made.body.complaint.id as number;
    expect(made.body.complaint.deadlines.answer.state).toBe('open');
    expect(made.body.complaint.deadlines.answer.leftMs).toBeGreaterThan(23.9 * H);

    clock.set(new Date(RECEIVED.getTime() + 21 * H));
    let due = (await cast.desk.get('/api/complaints/due')).body;
    expect(ids(due.dueSoon)).toContain(id);
    expect(ids(due.overdue)).not.toContain(id);
    // Lists show the phone masked; the record itself shows it to the desk.
    expect(due.dueSoon[0].customerPhone).toBe('138****8000');

    clock.set(new Date(RECEIVED.getTime() + 25 * H));
    due = (await cast.desk.get('/api/complaints/due')).body;
    expect(ids(due.overdue)).toContain(id);

    const answered = await cast.desk.post(`/api/complaints/${id}/actions`, {
      action: 'answer',
      text: '已联系商户，明天上门查看。',
    });
    expect(answered.status).toBe(200);
    expect(answered.body.complaint.deadlines.answer).toMatchObject({ state: 'missed' });
    due = (await cast.desk.get('/api/complaints/due')).body;
    expect(ids(due.overdue)).not.toContain(id);
    const record = (await cast.desk.get(`/api/complaints/${id}`)).body;
    expect(record.complaint.customerPhone).toBe('138 0013 8000');
    expect(record.entries.map((e: Json) => [e.action, e.by])).toEqual([
      ['receive', 'desk1'],
      ['answer', 'desk1'],
    ]);
  });

  it('stops the clock while waiting on the merchant', async () => {
    clock.set(RECEIVED);
    const id = (await cast.desk.post('/api/complaints', complaint)).body.complaint.id as number;
    clock.set(new Date(RECEIVED.getTime() + 20 * H));
    await cast.desk.post(`/api/complaints/${id}/actions`, { action: 'pause', reason: 'merchant' });
    clock.set(new Date(RECEIVED.getTime() + 30 * H));
    let due = (await cast.desk.get('/api/complaints/due')).body;
    expect(ids(due.paused)).toContain(id);
    expect(ids(due.overdue)).not.toContain(id);
    await cast.desk.post(`/api/complaints/${id}/actions`, { action: 'resume' });
    clock.set(new Date(RECEIVED.getTime() + 33 * H));
    due = (await cast.desk.get('/api/complaints/due')).body;
    expect(ids(due.overdue)).not.toContain(id);
    clock.set(new Date(RECEIVED.getTime() + 35 * H));
    due = (await cast.desk.get('/api/complaints/due')).body;
    expect(ids(due.overdue)).toContain(id);
  });

  it('refuses a step its status does not allow, and keeps every entry', async () => {
    const id = (await cast.desk.post('/api/complaints', complaint)).body.complaint.id as number;
    const early = await cast.desk.post(`/api/complaints/${id}/actions`, {
      action: 'resolve',
      text: '好了',
    });
    expect(early.status).toBe(409);
    expect(early.body.message).toMatch(/received/);
    expect((await cast.desk.get(`/api/complaints/${id}`)).body.entries).toHaveLength(1);
    expect(() => server.ctx.db.prepare('DELETE FROM complaints WHERE id = ?').run(id)).toThrow(
      /kept/,
    );
    expect(() =>
      server.ctx.db.prepare("UPDATE complaint_entries SET by = 'x' WHERE complaint_id = ?").run(id),
    ).toThrow(/kept/);
  });

  it('is the desk’s: an announcer and a device are refused, a bad field is named', async () => {
    expect((await cast.announcer.get('/api/complaints/due')).status).toBe(403);
    expect((await cast.device.post('/api/complaints', complaint)).status).toBe(403);
    const bad = await cast.desk.post('/api/complaints', { ...complaint, customerPhone: 'call me' });
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('customerPhone');
  });
});
