import { describe, expect, it } from 'vitest';
import {
  applyCall,
  CallbackRefused,
  generated,
  plannedForComplaint,
  plannedForSale,
  reconcile,
  type Callback,
} from '../../server/records/callback.ts';
import { callbackScript } from '../../server/records/callback-script.ts';
import { completionBy, type CallbackCount } from '../../server/records/completion.ts';
import { isoWeekOf, monthBefore, periodsCovering } from '../../server/records/periods.ts';
import { entered, saleIntake, saleProblem, type Sale } from '../../server/records/sale.ts';

const sale = (fields: Record<string, unknown>): Sale =>
  entered(
    1,
    saleIntake.parse({
      customerName: '王女士',
      customerPhone: '138 0013 8000',
      merchantName: '米兰之家',
      product: '三人位真皮沙发',
      orderNo: 'HX-1',
      soldOn: '2026-01-15',
      ...fields,
    }),
    0,
    'desk1',
  );
const due = (s: Sale, kind: string) => plannedForSale(s).find((p) => p.kind === kind)?.dueOn;

describe('the dates callbacks fall due on', () => {
  it('is 30 days after the sale, across month and year ends, in a leap February', () => {
    expect(due(sale({ soldOn: '2026-01-15' }), 'after-sale')).toBe('2026-02-14');
    expect(due(sale({ soldOn: '2026-01-31' }), 'after-sale')).toBe('2026-03-02');
    expect(due(sale({ soldOn: '2026-12-10' }), 'after-sale')).toBe('2027-01-09');
    expect(due(sale({ soldOn: '2028-02-01' }), 'after-sale')).toBe('2028-03-02');
  });

  it('counts from the delivery when one is recorded', () => {
    expect(due(sale({ soldOn: '2026-01-15', deliveredOn: '2026-02-03' }), 'after-sale')).toBe(
      '2026-03-05',
    );
  });

  it('is a month before the warranty ends, the month’s last day when it is shorter', () => {
    expect(monthBefore('2027-03-31')).toBe('2027-02-28');
    expect(monthBefore('2028-03-31')).toBe('2028-02-29');
    expect(monthBefore('2027-05-31')).toBe('2027-04-30');
    expect(monthBefore('2027-01-10')).toBe('2026-12-10');
    expect(due(sale({ warrantyEnds: '2027-03-31' }), 'warranty')).toBe('2027-02-28');
    expect(due(sale({}), 'warranty')).toBeUndefined();
    // A warranty shorter than a month is called about from the sale on, not before it.
    expect(due(sale({ soldOn: '2026-01-15', warrantyEnds: '2026-02-01' }), 'warranty')).toBe(
      '2026-01-15',
    );
  });

  it('refuses dates out of order: a delivery before the sale, a warranty ending before delivery', () => {
    const base = sale({ soldOn: '2026-03-01' });
    expect(saleProblem({ ...base, deliveredOn: '2026-02-28' })?.field).toBe('deliveredOn');
    expect(
      saleProblem({ ...base, deliveredOn: '2026-03-20', warrantyEnds: '2026-03-10' })?.field,
    ).toBe('warrantyEnds');
    expect(saleProblem({ ...base, deliveredOn: '2026-03-20', warrantyEnds: '2027-03-20' })).toBe(
      undefined,
    );
  });

  it('is three days after the mall date a complaint was resolved', () => {
    // 23:30 on 28 February in Shanghai is still the 28th there (15:30 UTC).
    const late = Date.UTC(2026, 1, 28, 15, 30);
    expect(plannedForComplaint(late, 'Asia/Shanghai').dueOn).toBe('2026-03-03');
    // 00:30 on 1 March in Shanghai is the last evening of February in UTC.
    const early = Date.UTC(2026, 1, 28, 16, 30);
    expect(plannedForComplaint(early, 'Asia/Shanghai').dueOn).toBe('2026-03-04');
  });
});

describe('bringing callbacks in line with their record', () => {
  const cb = (id: number, kind: Callback['kind'], dueOn: string, status: Callback['status']) => ({
    ...generated(id, { kind: 'sale', id: 1 }, { kind, dueOn }, 0),
    status,
  });

  it('generates what is missing, and nothing the second time', () => {
    const planned = plannedForSale(sale({ warrantyEnds: '2027-03-31' }));
    expect(reconcile([], planned).map((c) => c.do)).toEqual(['generate', 'generate']);
    const existing = [
      cb(1, 'after-sale', '2026-02-14', 'due'),
      cb(2, 'warranty', '2027-02-28', 'due'),
    ];
    expect(reconcile(existing, planned)).toEqual([]);
  });

  it('moves a callback not yet done, withdraws one no longer asked for, reopens it', () => {
    const existing = [
      cb(1, 'after-sale', '2026-02-14', 'due'),
      cb(2, 'warranty', '2027-02-28', 'due'),
    ];
    const moved = plannedForSale(sale({ deliveredOn: '2026-01-20' }));
    expect(reconcile(existing, moved)).toEqual([
      { do: 'move', id: 1, from: '2026-02-14', to: '2026-02-19' },
      { do: 'withdraw', id: 2 },
    ]);
    const withdrawn = [existing[0] as Callback, cb(2, 'warranty', '2027-02-28', 'withdrawn')];
    expect(reconcile(withdrawn, plannedForSale(sale({ warrantyEnds: '2027-06-30' })))).toEqual([
      { do: 'reopen', id: 2, dueOn: '2027-05-30' },
    ]);
  });

  it('leaves a done callback as it was', () => {
    const done = [cb(1, 'after-sale', '2026-02-14', 'done')];
    expect(reconcile(done, plannedForSale(sale({ deliveredOn: '2026-01-20' })))).toEqual([]);
    expect(reconcile(done, [])).toEqual([]);
  });
});

describe('a call', () => {
  const start = generated(
    7,
    { kind: 'sale', id: 1 },
    { kind: 'after-sale', dueOn: '2026-02-14' },
    0,
  );

  it('leaves the callback due when the customer is unreachable, and counts the try', () => {
    const once = applyCall(start, { outcome: 'unreachable', note: '无人接听' }, 10, 'desk1');
    expect(once).toMatchObject({ status: 'due', tries: 1, dueOn: '2026-02-14' });
    const done = applyCall(once, { outcome: 'satisfied', note: '' }, 20, 'desk2');
    expect(done).toMatchObject({
      status: 'done',
      tries: 2,
      outcome: 'satisfied',
      doneAt: 20,
      doneBy: 'desk2',
    });
    expect(done.calls.map((c) => c.outcome)).toEqual(['unreachable', 'satisfied']);
    expect(() => applyCall(done, { outcome: 'satisfied', note: '' }, 30, 'desk1')).toThrow(
      CallbackRefused,
    );
  });
});

describe('completion', () => {
  const count = (
    dueOn: string,
    status: Callback['status'],
    n: number,
    more: Partial<CallbackCount> = {},
  ): CallbackCount => ({
    dueOn,
    kind: 'after-sale',
    status,
    outcome: status === 'done' ? 'satisfied' : null,
    tried: 0,
    n,
    ...more,
  });

  it('is done ÷ due per month, unreachable not done, withdrawn not due', () => {
    const counts = [
      count('2026-03-01', 'done', 6),
      count('2026-03-15', 'done', 2, { outcome: 'not-satisfied', kind: 'complaint' }),
      count('2026-03-31', 'due', 1, { tried: 1 }),
      count('2026-03-31', 'due', 1),
      count('2026-03-20', 'withdrawn', 5),
      count('2026-04-01', 'due', 3),
    ];
    const [march, april] = completionBy('month', counts, '2026-03-01', '2026-04-30', '2026-04-02');
    expect(march).toMatchObject({
      period: '2026-03',
      from: '2026-03-01',
      to: '2026-03-31',
      due: 10,
      done: 8,
      satisfied: 6,
      notSatisfied: 2,
      open: 2,
      unreachable: 1,
      notYetDue: 0,
      rate: 0.8,
    });
    expect(march?.byKind.complaint).toMatchObject({ due: 2, done: 2, rate: 1 });
    expect(march?.byKind.warranty).toMatchObject({ due: 0, rate: null });
    expect(april).toMatchObject({ period: '2026-04', due: 3, done: 0, rate: 0 });
  });

  it('groups by ISO week, Monday to Sunday, across the year’s end', () => {
    expect(isoWeekOf('2026-01-01')).toEqual({
      id: '2026-W01',
      from: '2025-12-29',
      to: '2026-01-04',
    });
    expect(isoWeekOf('2027-01-01').id).toBe('2026-W53');
    expect(isoWeekOf('2024-12-30').id).toBe('2025-W01');
    const counts = [
      count('2025-12-29', 'done', 1),
      count('2026-01-04', 'due', 1),
      count('2026-01-05', 'done', 2),
    ];
    const weeks = completionBy('week', counts, '2026-01-01', '2026-01-05', '2026-01-10');
    expect(weeks.map((w) => [w.period, w.due, w.done, w.rate])).toEqual([
      ['2026-W01', 2, 1, 0.5],
      ['2026-W02', 2, 2, 1],
    ]);
  });

  it('says how many of a running period are not due yet', () => {
    const counts = [count('2026-03-02', 'done', 1), count('2026-03-20', 'due', 3)];
    const [march] = completionBy('month', counts, '2026-03-01', '2026-03-31', '2026-03-10');
    expect(march).toMatchObject({ due: 4, done: 1, open: 3, notYetDue: 3, rate: 0.25 });
    expect(periodsCovering('month', '2026-01-31', '2026-03-01').map((p) => p.id)).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
    ]);
  });
});

describe('the call script', () => {
  it('fills the source’s blanks: who calls, whom, when, which merchant and product', () => {
    const s = callbackScript({
      kind: 'after-sale',
      staff: '李丽',
      customerName: '王女士',
      date: '2026-03-01',
      merchantName: '米兰之家',
      product: '三人位真皮沙发',
    });
    expect(s.opening).toBe('您好，我是李丽，请问您是王女士吗？打扰您了。');
    expect(s.question).toContain('2026年3月1日');
    expect(s.question).toContain('米兰之家的三人位真皮沙发');
    expect(s.satisfied.ask).toBe('您对我们的服务有什么建议吗？');
    expect(s.notSatisfied.closing).toContain('希望您监督');
    const w = callbackScript({
      kind: 'warranty',
      staff: '李丽',
      customerName: '王女士',
      date: '2026-03-01',
      merchantName: '米兰之家',
      product: '沙发',
      warrantyEnds: '2027-03-31',
    });
    expect(w.question).toContain('2027年3月31日到期');
  });
});
