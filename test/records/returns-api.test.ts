import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { steppableClock } from '../helpers/clock.ts';
import { startServer, withCast, type Json, type TestServer } from '../helpers/server.ts';

// 00:30 on 2 March in the mall (Asia/Shanghai): still 1 March in UTC and in the tests' zone.
const LAST_DAY = new Date('2026-03-01T16:30:00Z');
// 00:10 on 3 March in the mall: 2 March in UTC.
const DAY_AFTER = new Date('2026-03-02T16:10:00Z');
const clock = steppableClock(DAY_AFTER);
let server: TestServer;
let cast: Awaited<ReturnType<typeof withCast>>;

beforeAll(async () => {
  server = await startServer({}, undefined, { now: clock.now });
  // Signed in at the last instant the tests look at: earlier ones do not end the session.
  cast = await withCast(server);
});
afterAll(() => server?.close());

/** Bought on the last day of January: the 30 days end on 2 March, February being short. */
const mattress = {
  customerName: '赵女士',
  customerPhone: '138 0013 8000',
  orderNo: 'HX-20260131-0042',
  merchantName: '顾家家居',
  product: '乳胶床垫 1.8 m',
  purchaseDate: '2026-01-31',
  reason: '睡感不合适',
};

describe('the 30-day return register', () => {
  it('takes a return on the 30th day in the mall’s zone and refuses it on the 31st, saying the dates', async () => {
    clock.set(LAST_DAY);
    const inTime = await cast.desk.post('/api/returns', mattress);
    expect(inTime.status).toBe(201);
    expect(inTime.body.return).toMatchObject({
      returnDate: '2026-03-02',
      daysAfterPurchase: 30,
      status: 'registered',
    });

    clock.set(DAY_AFTER);
    const count = () => server.ctx.db.prepare('SELECT count(*) FROM returns').pluck().get();
    const before = count();
    const late = await cast.desk.post('/api/returns', mattress);
    expect(count()).toBe(before);
    expect(late.status).toBe(422);
    expect(late.body).toMatchObject({
      error: 'past-return-window',
      purchaseDate: '2026-01-31',
      returnDate: '2026-03-03',
      lastDay: '2026-03-02',
      days: 31,
    });
    expect(late.body.message).toMatch(/购买日期 2026-01-31，退货日期 2026-03-03.*超过 30 天/);
    expect(late.body.message).toMatch(
      /bought on 2026-01-31, returned on 2026-03-03: 31 days, past the 30-day limit/,
    );
  });

  it('lets only the department manager waive the 30 days, and keeps the reason', async () => {
    clock.set(DAY_AFTER);
    const override = { reason: '商户同意延期退货' };
    const byDesk = await cast.desk.post('/api/returns', { ...mattress, override });
    expect(byDesk.status).toBe(403);
    expect(byDesk.body.message).toMatch(/部门经理.*department manager/);
    const byManager = await cast.manager.post('/api/returns', { ...mattress, override });
    expect(byManager.status).toBe(201);
    expect(byManager.body.return.override).toMatchObject({
      reason: '商户同意延期退货',
      by: 'manager1',
    });
  });

  it('records the outcome, sums it by outcome and merchant, and masks the phone in the list', async () => {
    clock.set(DAY_AFTER);
    const merchant = server.ctx.merchants.list()[0]!;
    const id = (
      await cast.desk.post('/api/returns', {
        ...mattress,
        merchantName: undefined,
        merchantId: merchant.id,
        purchaseDate: '2026-02-20',
      })
    ).body.return.id as number;
    const done = await cast.desk.post(`/api/returns/${id}/actions`, {
      action: 'outcome',
      outcome: 'refunded',
      amountFen: 259_900,
    });
    expect(done.status).toBe(200);
    expect(done.body.return).toMatchObject({ status: 'refunded', merchantName: merchant.name });
    const again = await cast.desk.post(`/api/returns/${id}/actions`, {
      action: 'outcome',
      outcome: 'exchanged',
    });
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/refunded/);

    const list = await cast.desk.get('/api/returns?from=2026-03-01&to=2026-03-31');
    expect(list.status).toBe(200);
    expect(list.body.returns.every((r: Json) => r.customerPhone === '138****8000')).toBe(true);
    const mine = list.body.summary.byMerchant.find((m: Json) => m.merchantName === merchant.name);
    expect(mine).toMatchObject({ count: 1, refundedFen: 259_900 });
    expect(list.body.summary.byOutcome.refunded).toEqual({ count: 1, amountFen: 259_900 });
    expect((await cast.desk.get(`/api/returns/${id}`)).body.return.customerPhone).toBe(
      '138 0013 8000',
    );
  });

  it('keeps every entry: a correction is one more, and deleting or editing is refused', async () => {
    clock.set(DAY_AFTER);
    const id = (await cast.desk.post('/api/returns', { ...mattress, purchaseDate: '2026-02-27' }))
      .body.return.id as number;
    const fixed = await cast.manager.post(`/api/returns/${id}/actions`, {
      action: 'correct',
      fields: { orderNo: 'HX-20260227-0007' },
    });
    expect(fixed.body.return.orderNo).toBe('HX-20260227-0007');
    const record = (await cast.desk.get(`/api/returns/${id}`)).body;
    expect(record.entries.map((e: Json) => [e.action, e.by])).toEqual([
      ['open', 'desk1'],
      ['correct', 'manager1'],
    ]);
    expect(record.entries[0].data.orderNo).toBe('HX-20260131-0042');
    const db = server.ctx.db;
    expect(() => db.prepare('DELETE FROM returns WHERE id = ?').run(id)).toThrow(/kept/);
    expect(() => db.prepare('DELETE FROM return_entries WHERE record_id = ?').run(id)).toThrow(
      /kept/,
    );
    expect(() =>
      db.prepare("UPDATE return_entries SET by = 'x' WHERE record_id = ?").run(id),
    ).toThrow(/kept/);
  });

  it('names the field at fault and writes nothing', async () => {
    clock.set(DAY_AFTER);
    const before = server.ctx.db.prepare('SELECT count(*) FROM return_entries').pluck().get();
    const cases: [Json, string][] = [
      [{ ...mattress, purchaseDate: '2026-02-30' }, 'purchaseDate'],
      [{ ...mattress, returnDate: '2026-03-04' }, 'returnDate'],
      [{ ...mattress, purchaseDate: '2026-03-03', returnDate: '2026-03-02' }, 'purchaseDate'],
      [{ ...mattress, merchantName: undefined }, 'merchantName'],
      [{ ...mattress, merchantName: undefined, merchantId: 99_999 }, 'merchantId'],
      [{ ...mattress, customerPhone: 'call me' }, 'customerPhone'],
    ];
    for (const [body, field] of cases) {
      const r = await cast.desk.post('/api/returns', body);
      expect([r.status, r.body.field], field).toEqual([400, field]);
    }
    const bad = await cast.desk.post('/api/returns/1/actions', {
      action: 'outcome',
      outcome: 'refunded',
      amountFen: 12.5,
    });
    expect([bad.status, bad.body.field]).toEqual([400, 'amountFen']);
    expect(server.ctx.db.prepare('SELECT count(*) FROM return_entries').pluck().get()).toBe(before);
    expect((await cast.announcer.get('/api/returns?from=2026-03-01&to=2026-03-31')).status).toBe(
      403,
    );
  });
});
