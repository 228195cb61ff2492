import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { steppableClock } from '../helpers/clock.ts';
import { startServer, withCast, type Json, type TestServer } from '../helpers/server.ts';

/** An instant on the mall's clock (Asia/Shanghai, UTC+8); the tests run in New York. */
const mall = (local: string) => new Date(`${local}:00+08:00`);
const clock = steppableClock(mall('2026-01-31T10:00'));
let server: TestServer;
let cast: Awaited<ReturnType<typeof withCast>>;

beforeAll(async () => {
  server = await startServer({}, undefined, { now: clock.now });
  // Signed in after the last instant a test looks at: a session is only touched going forward.
  clock.set(mall('2029-01-01T10:00'));
  cast = await withCast(server);
  const desk = (await cast.admin.get('/api/users')).body.users.find(
    (u: Json) => u.username === 'desk1',
  );
  server.ctx.auth.updateUser(desk.id as number, { displayName: '李丽' });
});
afterAll(() => server?.close());

let order = 0;
const sale = (fields: Json = {}) => ({
  customerName: '王女士',
  customerPhone: '138 0013 8000',
  merchantName: '米兰之家',
  product: '三人位真皮沙发',
  orderNo: `HX-${++order}`,
  soldOn: '2026-01-31',
  ...fields,
});
const complaint = {
  source: 'phone',
  customerName: '张先生',
  customerPhone: '139 1111 2222',
  merchantName: '兰亭沙发',
  product: '布艺沙发',
  category: '商品质量',
  what: '沙发送货后发现污渍。',
  wants: '换货',
};
const ids = (l: { callbacks: Json[] }) => l.callbacks.map((c) => c.id as number);
const due = async () => (await cast.desk.get('/api/callbacks/due?days=7')).body;
const afterSale = (r: { body: Json }) =>
  (r.body.callbacks as Json[]).find((c) => c.kind === 'after-sale') as Json;

describe('callbacks from sales', () => {
  it('falls due 30 days after the sale, across the month’s end, by the mall’s date', async () => {
    clock.set(mall('2026-01-31T10:00'));
    const made = await cast.desk.post('/api/sales', sale({ soldOn: '2026-01-31' }));
    expect(made.status).toBe(201);
    const cb = afterSale(made);
    expect(cb).toMatchObject({ dueOn: '2026-03-02', status: 'due', tries: 0 });

    clock.set(mall('2026-02-25T10:00'));
    let d = await due();
    expect(ids(d.upcoming)).toContain(cb.id);
    expect(d.upcoming.callbacks[0].subject.customerPhone).toBe('138****8000');
    expect(ids(d.today)).not.toContain(cb.id);

    // 00:30 on 2 March in the mall is still 1 March in UTC (and in New York).
    clock.set(mall('2026-03-02T00:30'));
    d = await due();
    expect(d.date).toBe('2026-03-02');
    expect(ids(d.today)).toContain(cb.id);
    expect(ids(d.upcoming)).not.toContain(cb.id);

    clock.set(mall('2026-03-03T09:00'));
    d = await due();
    const late = (d.overdue.callbacks as Json[]).find((c) => c.id === cb.id);
    expect(late).toMatchObject({ standing: 'overdue', overdueDays: 1 });
    expect(d.overdue.count).toBeGreaterThanOrEqual(1);
  });

  it('calls a month before the warranty ends: 31 March → 28 February', async () => {
    clock.set(mall('2026-03-10T10:00'));
    const made = await cast.desk.post(
      '/api/sales',
      sale({ soldOn: '2026-03-10', warrantyEnds: '2027-03-31' }),
    );
    expect((made.body.callbacks as Json[]).map((c) => [c.kind, c.dueOn])).toEqual([
      ['after-sale', '2026-04-09'],
      ['warranty', '2027-02-28'],
    ]);
  });

  it('moves a callback not yet done when the sale is corrected, keeping every entry', async () => {
    clock.set(mall('2026-04-01T10:00'));
    const made = await cast.desk.post('/api/sales', sale({ soldOn: '2026-04-01' }));
    const id = made.body.sale.id as number;
    const cb = afterSale(made);
    expect(cb.dueOn).toBe('2026-05-01');

    clock.set(mall('2026-04-12T10:00'));
    const delivered = await cast.desk.post(`/api/sales/${id}/actions`, {
      action: 'correct',
      fields: { deliveredOn: '2026-04-10' },
      note: '送货日期补录',
    });
    expect(delivered.status).toBe(200);
    expect(afterSale(delivered)).toMatchObject({ id: cb.id, dueOn: '2026-05-10' });

    // A date typed by mistake is cleared: the call counts from the sale again.
    const cleared = await cast.desk.post(`/api/sales/${id}/actions`, {
      action: 'correct',
      fields: { deliveredOn: null },
    });
    expect(afterSale(cleared)).toMatchObject({ id: cb.id, dueOn: '2026-05-01' });
    expect(cleared.body.sale.deliveredOn).toBeUndefined();

    const bad = await cast.desk.post(`/api/sales/${id}/actions`, {
      action: 'correct',
      fields: { deliveredOn: '2026-03-01' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('fields.deliveredOn');

    const record = (await cast.desk.get(`/api/sales/${id}`)).body;
    expect(record.entries.map((e: Json) => e.action)).toEqual(['enter', 'correct', 'correct']);
    expect(record.sale.customerPhone).toBe('138 0013 8000');
    const entries = (await cast.desk.get(`/api/callbacks/${cb.id}`)).body.entries as Json[];
    expect(entries.map((e) => [e.action, e.data.to])).toEqual([
      ['generate', undefined],
      ['move', '2026-05-10'],
      ['move', '2026-05-01'],
    ]);
  });

  it('leaves a done callback where it was, and withdraws the rest of a voided sale', async () => {
    clock.set(mall('2026-04-02T10:00'));
    const made = await cast.desk.post(
      '/api/sales',
      sale({ soldOn: '2026-04-02', warrantyEnds: '2028-04-02' }),
    );
    const id = made.body.sale.id as number;
    const cb = afterSale(made);
    clock.set(mall('2026-05-02T15:00'));
    await cast.desk.post(`/api/callbacks/${cb.id}/calls`, { outcome: 'satisfied' });
    const moved = await cast.desk.post(`/api/sales/${id}/actions`, {
      action: 'correct',
      fields: { deliveredOn: '2026-04-20' },
    });
    expect(afterSale(moved)).toMatchObject({ dueOn: '2026-05-02', status: 'done' });

    const voided = await cast.desk.post(`/api/sales/${id}/actions`, {
      action: 'void',
      reason: '重复录入',
    });
    expect((voided.body.callbacks as Json[]).map((c) => [c.kind, c.status])).toEqual([
      ['after-sale', 'done'],
      ['warranty', 'withdrawn'],
    ]);
    // The order number is free again for the sale entered right.
    const again = await cast.desk.post('/api/sales', sale({ orderNo: voided.body.sale.orderNo }));
    expect(again.status).toBe(201);
  });

  it('files a batch whole or not at all, naming the row that is wrong', async () => {
    clock.set(mall('2026-06-01T10:00'));
    const rows = [sale({ soldOn: '2026-05-30' }), sale({ soldOn: '2026-05-31' })];
    const dup = await cast.desk.post('/api/sales/batch', {
      sales: [...rows, { ...sale(), orderNo: rows[0]?.orderNo }],
    });
    expect(dup.status).toBe(409);
    expect(dup.body.field).toBe('sales.2.orderNo');
    const none = await cast.desk.get('/api/sales?from=2026-05-30&to=2026-05-31');
    expect(none.body.sales).toEqual([]);

    const bad = await cast.desk.post('/api/sales/batch', {
      sales: [...rows, sale({ soldOn: '2026-06-31' })],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('sales.2.soldOn');
    const future = await cast.desk.post('/api/sales/batch', {
      sales: [...rows, sale({ soldOn: '2026-06-02' })],
    });
    expect(future.status).toBe(400);
    expect(future.body.field).toBe('sales.2.soldOn');

    const ok = await cast.desk.post('/api/sales/batch', { sales: rows });
    expect(ok.status).toBe(201);
    expect(ok.body.sales.map((s: Json) => s.callbacks[0].dueOn)).toEqual([
      '2026-06-29',
      '2026-06-30',
    ]);
    const listed = await cast.desk.get('/api/sales?from=2026-05-30&to=2026-05-31');
    expect(listed.body.sales.map((s: Json) => s.customerPhone)).toEqual([
      '138****8000',
      '138****8000',
    ]);
    // Sent again (a retry after a lost answer): refused, not filed twice.
    expect((await cast.desk.post('/api/sales/batch', { sales: rows })).status).toBe(409);
  });

  it('keeps trying an unreachable customer: still due, each try counted', async () => {
    clock.set(mall('2026-06-02T10:00'));
    const cb = afterSale(await cast.desk.post('/api/sales', sale({ soldOn: '2026-05-01' })));
    expect(cb.dueOn).toBe('2026-05-31');
    const first = await cast.desk.post(`/api/callbacks/${cb.id}/calls`, {
      outcome: 'unreachable',
      note: '无人接听',
    });
    expect(first.status).toBe(200);
    expect(first.body.callback).toMatchObject({ status: 'due', tries: 1, standing: 'overdue' });
    expect(ids((await due()).overdue)).toContain(cb.id);

    clock.set(mall('2026-06-03T19:00'));
    const second = await cast.desk.post(`/api/callbacks/${cb.id}/calls`, {
      outcome: 'not-satisfied',
      note: '扶手有划痕，已转商户',
    });
    expect(second.body.callback).toMatchObject({
      status: 'done',
      outcome: 'not-satisfied',
      tries: 2,
      doneBy: 'desk1',
    });
    expect(ids((await due()).overdue)).not.toContain(cb.id);
    const again = await cast.desk.post(`/api/callbacks/${cb.id}/calls`, { outcome: 'satisfied' });
    expect(again.status).toBe(409);
    const entries = (await cast.desk.get(`/api/callbacks/${cb.id}`)).body.entries as Json[];
    expect(entries.map((e) => [e.action, e.data.outcome])).toEqual([
      ['generate', undefined],
      ['call', 'unreachable'],
      ['call', 'not-satisfied'],
    ]);
  });

  it('serves the call script with its blanks filled from the record and the caller', async () => {
    clock.set(mall('2026-06-05T10:00'));
    const cb = afterSale(
      await cast.desk.post('/api/sales', sale({ soldOn: '2026-06-01', product: '餐桌' })),
    );
    const got = (await cast.desk.get(`/api/callbacks/${cb.id}`)).body.callback;
    expect(got.kindZh).toBe('售后30天回访');
    expect(got.subject.customerPhone).toBe('138 0013 8000');
    expect(got.script.opening).toBe('您好，我是李丽，请问您是王女士吗？打扰您了。');
    expect(got.script.question).toContain('2026年6月1日');
    expect(got.script.question).toContain('米兰之家的餐桌');
    expect(got.script.satisfied.closing).toMatch(/再见！$/);
  });
});

describe('callbacks from complaints', () => {
  const resolved = async (at: string) => {
    const id = (await cast.desk.post('/api/complaints', complaint)).body.complaint.id as number;
    await cast.desk.post(`/api/complaints/${id}/actions`, { action: 'answer', text: '已联系商户' });
    await cast.desk.post(`/api/complaints/${id}/actions`, { action: 'plan', text: '上门更换' });
    clock.set(mall(at));
    const r = await cast.desk.post(`/api/complaints/${id}/actions`, {
      action: 'resolve',
      text: '已更换，顾客签收',
    });
    expect(r.status).toBe(200);
    return id;
  };
  const callbackOf = async (complaintId: number, day: string) => {
    const list = await cast.desk.get(`/api/callbacks?from=${day}&to=${day}&kind=complaint`);
    return (list.body.callbacks as Json[]).find((c) => c.source.id === complaintId) as Json;
  };

  it('is due three days after the resolution; its call is the complaint’s call-back', async () => {
    clock.set(mall('2026-07-08T09:00'));
    // 23:30 on 10 July in the mall: 13 July, though UTC is still at 15:30 on the 10th.
    const id = await resolved('2026-07-10T23:30');
    const cb = await callbackOf(id, '2026-07-13');
    expect(cb).toMatchObject({ kind: 'complaint', status: 'due', dueOn: '2026-07-13' });
    expect(cb.subject).toMatchObject({ customerName: '张先生', servedOn: '2026-07-10' });
    expect(cb.script.question).toContain('兰亭沙发的布艺沙发');

    clock.set(mall('2026-07-12T10:00'));
    await cast.desk.post(`/api/callbacks/${cb.id}/calls`, { outcome: 'unreachable' });
    let c = (await cast.desk.get(`/api/complaints/${id}`)).body;
    expect(c.complaint).toMatchObject({ status: 'resolved', callBackTries: 1 });

    const done = await cast.desk.post(`/api/callbacks/${cb.id}/calls`, {
      outcome: 'satisfied',
      note: '顾客满意',
    });
    expect(done.body.callback.status).toBe('done');
    c = (await cast.desk.get(`/api/complaints/${id}`)).body;
    expect(c.complaint.status).toBe('called-back');
    expect(c.entries.map((e: Json) => [e.action, e.data.outcome])).toContainEqual([
      'call-back',
      'satisfied',
    ]);
  });

  it('is done when the call-back is recorded on the complaint itself', async () => {
    clock.set(mall('2026-07-15T09:00'));
    const id = await resolved('2026-07-15T11:00');
    const r = await cast.desk.post(`/api/complaints/${id}/actions`, {
      action: 'call-back',
      outcome: 'not-satisfied',
    });
    expect(r.status).toBe(200);
    const cb = await callbackOf(id, '2026-07-18');
    expect(cb).toMatchObject({ status: 'done', outcome: 'not-satisfied', tries: 1 });
    const again = await cast.desk.post(`/api/callbacks/${cb.id}/calls`, { outcome: 'satisfied' });
    expect(again.status).toBe(409);
  });
});

describe('completion', () => {
  it('is done ÷ due for the month and each ISO week, unreachable and withdrawn aside', async () => {
    clock.set(mall('2027-06-30T10:00'));
    // Sold in June 2027: due in the first week of July (Monday 5 to Sunday 11).
    const made = [];
    for (const soldOn of ['2027-06-05', '2027-06-06', '2027-06-07', '2027-06-08', '2027-06-11'])
      made.push(afterSale(await cast.desk.post('/api/sales', sale({ soldOn }))));
    const [a, b, c, , e] = made as Json[];
    clock.set(mall('2027-07-12T10:00'));
    await cast.desk.post(`/api/callbacks/${a?.id}/calls`, { outcome: 'satisfied' });
    await cast.desk.post(`/api/callbacks/${b?.id}/calls`, { outcome: 'not-satisfied' });
    await cast.desk.post(`/api/callbacks/${c?.id}/calls`, { outcome: 'unreachable' });
    await cast.desk.post(`/api/sales/${e?.source.id}/actions`, { action: 'void', reason: '录错' });

    const month = await cast.desk.get(
      '/api/callbacks/completion?by=month&from=2027-07-01&to=2027-07-31',
    );
    expect(month.status).toBe(200);
    expect(month.body.periods).toHaveLength(1);
    expect(month.body.periods[0]).toMatchObject({
      period: '2027-07',
      due: 4,
      done: 2,
      satisfied: 1,
      notSatisfied: 1,
      open: 2,
      unreachable: 1,
      rate: 0.5,
    });
    const weeks = await cast.desk.get(
      '/api/callbacks/completion?by=week&from=2027-07-05&to=2027-07-12',
    );
    expect(weeks.body.periods.map((p: Json) => [p.period, p.due, p.done])).toEqual([
      ['2027-W27', 4, 2],
      ['2027-W28', 0, 0],
    ]);
    const wrong = await cast.desk.get(
      '/api/callbacks/completion?by=year&from=2027-07-01&to=2027-07-31',
    );
    expect(wrong.status).toBe(400);
    expect(wrong.body.field).toBe('by');
  });
});

describe('the callback ledger', () => {
  it('deletes nothing: no route for it, and the database refuses', async () => {
    clock.set(mall('2026-08-01T10:00'));
    const made = await cast.desk.post('/api/sales', sale({ soldOn: '2026-07-01' }));
    const cb = afterSale(made);
    // No route deletes (404, or 503 where the kiosk pages are not built): both are still there.
    expect((await cast.desk.delete(`/api/callbacks/${cb.id}`)).status).toBeGreaterThanOrEqual(400);
    expect(
      (await cast.desk.delete(`/api/sales/${made.body.sale.id}`)).status,
    ).toBeGreaterThanOrEqual(400);
    expect((await cast.desk.get(`/api/callbacks/${cb.id}`)).status).toBe(200);
    expect((await cast.desk.get(`/api/sales/${made.body.sale.id}`)).status).toBe(200);
    const db = server.ctx.db;
    expect(() => db.prepare('DELETE FROM callbacks WHERE id = ?').run(cb.id)).toThrow(/kept/);
    expect(() =>
      db.prepare('DELETE FROM callback_entries WHERE callback_id = ?').run(cb.id),
    ).toThrow(/kept/);
    expect(() =>
      db.prepare("UPDATE callback_entries SET by = 'x' WHERE callback_id = ?").run(cb.id),
    ).toThrow(/kept/);
    expect(() => db.prepare('DELETE FROM sales WHERE id = ?').run(made.body.sale.id)).toThrow(
      /kept/,
    );
    expect(() => db.prepare('DELETE FROM sale_entries').run()).toThrow(/kept/);
    await cast.desk.post(`/api/callbacks/${cb.id}/calls`, { outcome: 'satisfied' });
    expect(() => db.prepare("UPDATE callbacks SET status = 'due' WHERE id = ?").run(cb.id)).toThrow(
      /kept/,
    );
  });

  it('is the desk’s: an announcer and a device are refused, a bad field is named', async () => {
    for (const path of [
      '/api/callbacks/due',
      '/api/sales?from=2026-01-01&to=2026-01-31',
      '/api/visits',
    ])
      expect((await cast.announcer.get(path)).status).toBe(403);
    expect((await cast.device.post('/api/sales', sale())).status).toBe(403);
    const bad = await cast.desk.post('/api/sales', { ...sale(), customerPhone: 'call me' });
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('customerPhone');
    const noMerchant = await cast.desk.post('/api/sales', { ...sale(), merchantName: undefined });
    expect(noMerchant.body.field).toBe('merchantName');
    const unknown = await cast.desk.post('/api/sales', { ...sale(), merchantId: 99999 });
    expect(unknown.body, unknown.text).toMatchObject({ field: 'merchantId' });
    const call = await cast.desk.post('/api/callbacks/1/calls', { outcome: 'maybe' });
    expect(call.body.field).toBe('outcome');
  });
});
