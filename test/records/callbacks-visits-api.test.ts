import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { steppableClock } from '../helpers/clock.ts';
import { startServer, withCast, type Json, type TestServer } from '../helpers/server.ts';

const mall = (local: string) => new Date(`${local}:00+08:00`);
const clock = steppableClock(mall('2026-03-01T10:00'));
let server: TestServer;
let cast: Awaited<ReturnType<typeof withCast>>;

beforeAll(async () => {
  server = await startServer({}, undefined, { now: clock.now });
  clock.set(mall('2027-01-01T10:00'));
  cast = await withCast(server);
});
afterAll(() => server?.close());

const plan = (plannedOn: string, n: number) => ({
  plannedOn,
  customerName: `顾客${n}`,
  customerPhone: '138 0013 8000',
  address: '滨江区江南大道 1 号',
  purpose: '上门回访',
});
const month = async (m: string) => (await cast.desk.get(`/api/visits?month=${m}`)).body;

describe('customer visits (月度上门拜访)', () => {
  it('counts the month’s visits made against the target of five', async () => {
    clock.set(mall('2026-03-01T10:00'));
    const ids: number[] = [];
    for (let i = 1; i <= 6; i++) {
      const r = await cast.desk.post(
        '/api/visits',
        plan(`2026-03-${String(i * 4).padStart(2, '0')}`, i),
      );
      expect(r.status).toBe(201);
      ids.push(r.body.visit.id as number);
    }
    clock.set(mall('2026-03-30T18:00'));
    for (const id of ids.slice(0, 4)) {
      const r = await cast.desk.post(`/api/visits/${id}/actions`, {
        action: 'visit',
        outcome: 'satisfied',
        note: '家具使用正常',
      });
      expect(r.status).toBe(200);
    }
    await cast.desk.post(`/api/visits/${ids[4]}/actions`, { action: 'cancel', reason: '顾客出差' });
    let m = await month('2026-03');
    expect(m.month).toEqual({
      month: '2026-03',
      target: 5,
      planned: 5,
      visited: 4,
      met: false,
      short: 1,
    });
    expect(m.visits).toHaveLength(6);
    expect(m.visits[0].customerPhone).toBe('138****8000');

    const twice = await cast.desk.post(`/api/visits/${ids[0]}/actions`, {
      action: 'visit',
      outcome: 'satisfied',
    });
    expect(twice.status).toBe(409);
    const future = await cast.desk.post(`/api/visits/${ids[5]}/actions`, {
      action: 'visit',
      visitedOn: '2026-03-31',
      outcome: 'satisfied',
    });
    expect(future.status).toBe(400);
    expect(future.body.field).toBe('visitedOn');

    await cast.desk.post(`/api/visits/${ids[5]}/actions`, {
      action: 'visit',
      visitedOn: '2026-03-29',
      outcome: 'not-satisfied',
      note: '茶几抽屉卡住，已约商户维修',
    });
    m = await month('2026-03');
    expect(m.month).toMatchObject({ visited: 5, met: true, short: 0 });
  });

  it('counts a visit in the month it was made, not the month it was planned for', async () => {
    clock.set(mall('2026-04-02T10:00'));
    const id = (await cast.desk.post('/api/visits', plan('2026-03-31', 9))).body.visit.id as number;
    await cast.desk.post(`/api/visits/${id}/actions`, { action: 'visit', outcome: 'satisfied' });
    expect((await month('2026-04')).month).toMatchObject({ visited: 1, planned: 0 });
    // The current month by the mall's clock when none is asked for.
    expect((await cast.desk.get('/api/visits')).body.month.month).toBe('2026-04');
    const record = (await cast.desk.get(`/api/visits/${id}`)).body;
    expect(record.visit).toMatchObject({
      status: 'visited',
      visitedOn: '2026-04-02',
      visitedBy: 'desk1',
    });
    expect(record.entries.map((e: Json) => e.action)).toEqual(['plan', 'visit']);
    expect(() => server.ctx.db.prepare('DELETE FROM visits WHERE id = ?').run(id)).toThrow(/kept/);
    expect(() =>
      server.ctx.db.prepare("UPDATE visit_entries SET by = 'x' WHERE visit_id = ?").run(id),
    ).toThrow(/kept/);
  });

  it('names a bad field', async () => {
    const bad = await cast.desk.post('/api/visits', { ...plan('2026-04-31', 1) });
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('plannedOn');
    expect((await cast.desk.get('/api/visits?month=2026-13')).body.field).toBe('month');
  });
});
