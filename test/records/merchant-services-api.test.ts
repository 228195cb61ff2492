import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { steppableClock } from '../helpers/clock.ts';
import { startServer, withCast, type Json, type TestServer } from '../helpers/server.ts';

// 00:30 on 1 April in the mall, still 31 March in UTC and in the tests' zone: April's fees.
const clock = steppableClock(new Date('2026-03-31T16:30:00Z'));
let server: TestServer;
let cast: Awaited<ReturnType<typeof withCast>>;

beforeAll(async () => {
  server = await startServer({}, undefined, { now: clock.now });
  cast = await withCast(server);
});
afterAll(() => server?.close());

describe('the merchant fee ledgers', () => {
  it('show the desk the fee per item, charge it by default, and total the month per merchant', async () => {
    const fees = await cast.desk.get('/api/merchant-services/fees');
    expect(fees.status).toBe(200);
    const tagFee = fees.body.fees.find((f: Json) => f.kind === 'price-tag');
    expect(tagFee).toMatchObject({ zh: '商品标价签打印', unitFeeFen: expect.any(Number) });

    const tags = await cast.desk.post('/api/merchant-services', {
      kind: 'price-tag',
      merchantName: '顾家家居',
      quantity: 80,
    });
    expect(tags.status).toBe(201);
    expect(tags.body.service).toMatchObject({
      day: '2026-04-01',
      totalFen: 80 * tagFee.unitFeeFen,
      status: 'unpaid',
    });
    await cast.desk.post('/api/merchant-services', {
      kind: 'offer-sign',
      merchantName: '顾家家居',
      quantity: 2,
      unitFeeFen: 800,
      paid: true,
      method: 'cash',
    });

    const month = await cast.desk.get('/api/merchant-services?from=2026-04-01&to=2026-04-30');
    const row = month.body.totals.byMerchant.find((m: Json) => m.merchantName === '顾家家居');
    expect(row).toMatchObject({ totalFen: 80 * tagFee.unitFeeFen + 1_600, paidFen: 1_600 });
    expect(row.byKind['offer-sign']).toEqual({ quantity: 2, totalFen: 1_600, paidFen: 1_600 });
    expect(
      (await cast.desk.get('/api/merchant-services?from=2026-03-01&to=2026-03-31')).body.services,
    ).toEqual([]);
  });

  it('records a later payment and a correction as entries, and keeps them', async () => {
    const id = (
      await cast.desk.post('/api/merchant-services', {
        kind: 'sales-order',
        merchantName: '芝华仕',
        quantity: 2,
      })
    ).body.service.id as number;
    const fixed = await cast.desk.post(`/api/merchant-services/${id}/actions`, {
      action: 'correct',
      fields: { quantity: 3 },
    });
    expect(fixed.body.service.quantity).toBe(3);
    const paid = await cast.manager.post(`/api/merchant-services/${id}/actions`, {
      action: 'pay',
      method: 'wechat',
    });
    expect(paid.body.service).toMatchObject({
      status: 'paid',
      paidFen: paid.body.service.totalFen,
    });
    const voided = await cast.desk.post(`/api/merchant-services/${id}/actions`, {
      action: 'void',
      reason: '错',
    });
    expect(voided.status).toBe(409);
    expect(voided.body.message).toMatch(/paid/);
    const entries = (await cast.desk.get(`/api/merchant-services/${id}`)).body.entries as Json[];
    expect(entries.map((e) => e.action)).toEqual(['open', 'correct', 'pay']);
    expect(entries[0]!.data.quantity).toBe(2);
    expect(() =>
      server.ctx.db.prepare('UPDATE merchant_service_entries SET data = ?').run('{}'),
    ).toThrow(/kept/);
    expect(() => server.ctx.db.prepare('DELETE FROM merchant_services').run()).toThrow(/kept/);
  });

  it('refuses an unknown service, a fractional fee and a date after today', async () => {
    const base = { kind: 'price-tag', merchantName: '顾家家居', quantity: 1 };
    for (const [body, field] of [
      [{ ...base, kind: 'banner' }, 'kind'],
      [{ ...base, unitFeeFen: 0.5 }, 'unitFeeFen'],
      [{ ...base, quantity: 0 }, 'quantity'],
      [{ ...base, date: '2026-04-02' }, 'date'],
    ] as const) {
      const r = await cast.desk.post('/api/merchant-services', body);
      expect([r.status, r.body.field], field).toEqual([400, field]);
    }
    expect((await cast.announcer.get('/api/merchant-services/fees')).status).toBe(403);
  });
});
