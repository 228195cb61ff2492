import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { steppableClock } from '../helpers/clock.ts';
import { startServer, withCast, type Json, type TestServer } from '../helpers/server.ts';

// 11:00 on 1 May in the mall: the Labour Day draw.
const clock = steppableClock(new Date('2026-05-01T03:00:00Z'));
let server: TestServer;
let cast: Awaited<ReturnType<typeof withCast>>;

beforeAll(async () => {
  server = await startServer({}, undefined, { now: clock.now });
  cast = await withCast(server);
});
afterAll(() => server?.close());

const handout = {
  campaign: '五一购物节抽奖',
  prize: '电饭煲',
  customerName: '刘先生',
  customerPhone: '137 0000 1234',
};

describe('the prize handout register', () => {
  it('records who got which prize and who handed it over, masks the phone and totals per campaign', async () => {
    const one = await cast.desk.post('/api/prizes', handout);
    expect(one.status).toBe(201);
    expect(one.body.prize).toMatchObject({ day: '2026-05-01', quantity: 1, handedBy: 'desk1' });
    await cast.desk.post('/api/prizes', {
      ...handout,
      prize: '购物袋',
      quantity: 3,
      handedBy: '张敏',
    });
    const wrong = (await cast.desk.post('/api/prizes', handout)).body.prize.id as number;
    const voided = await cast.desk.post(`/api/prizes/${wrong}/actions`, {
      action: 'void',
      reason: '重复登记',
    });
    expect(voided.body.prize.status).toBe('void');

    const list = await cast.desk.get('/api/prizes?from=2026-05-01&to=2026-05-05');
    expect(list.body.prizes).toHaveLength(3);
    expect(list.body.prizes[0].customerPhone).toBe('137****1234');
    expect(list.body.totals).toMatchObject({ handouts: 2, quantity: 4 });
    expect(list.body.totals.byCampaign[0].prizes).toEqual([
      { prize: '电饭煲', handouts: 1, quantity: 1 },
      { prize: '购物袋', handouts: 1, quantity: 3 },
    ]);
    const again = await cast.desk.post(`/api/prizes/${wrong}/actions`, {
      action: 'correct',
      fields: { quantity: 2 },
    });
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/void/);
    const entries = (await cast.desk.get(`/api/prizes/${wrong}`)).body.entries as Json[];
    expect(entries.map((e) => e.action)).toEqual(['open', 'void']);
    expect(() =>
      server.ctx.db.prepare('DELETE FROM prize_handouts WHERE id = ?').run(wrong),
    ).toThrow(/kept/);
  });

  it('names a missing field, and a wrong date range', async () => {
    const r = await cast.desk.post('/api/prizes', { ...handout, campaign: ' ' });
    expect([r.status, r.body.field]).toEqual([400, 'campaign']);
    const range = await cast.desk.get('/api/prizes?from=2026-05-05&to=2026-05-01');
    expect([range.status, range.body.field]).toEqual([400, 'to']);
  });
});
