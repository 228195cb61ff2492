import { describe, expect, it } from 'vitest';
import { LedgerRefused, yuan } from '../../server/records/ledger.ts';
import {
  applyReturnAction,
  registerReturn,
  returnAction,
  returnIntake,
  returnWindow,
  type ReturnRecord,
} from '../../server/records/returns.ts';
import { returnSummary } from '../../server/records/returns-summary.ts';

const desk = { at: Date.UTC(2026, 2, 2, 2), by: 'desk1' };
const request = (over: Record<string, unknown> = {}) => {
  const r = returnIntake.parse({
    customerName: '赵女士',
    customerPhone: '138 0013 8000',
    orderNo: 'HX-0042',
    merchantName: '顾家家居',
    product: '床垫',
    purchaseDate: '2026-02-10',
    reason: '睡感不合适',
    ...over,
  });
  return { ...r, merchantName: r.merchantName ?? '', returnDate: r.returnDate ?? '2026-03-02' };
};
const act = (r: ReturnRecord, a: unknown) => applyReturnAction(r, returnAction.parse(a), desk);

describe('the 30 days of a no-reason return', () => {
  it('end on the 30th calendar day after the purchase, across a month end', () => {
    expect(returnWindow('2026-01-31', '2026-03-02')).toEqual({
      days: 30,
      lastDay: '2026-03-02',
      within: true,
    });
    expect(returnWindow('2026-01-31', '2026-03-03')).toMatchObject({ days: 31, within: false });
    // 2028 is a leap year: February has a 29th.
    expect(returnWindow('2028-01-31', '2028-03-01').lastDay).toBe('2028-03-01');
  });

  it('refuse a later return with both dates, in Chinese and English, unless overridden', () => {
    const late = request({ purchaseDate: '2026-01-31', returnDate: '2026-03-03' });
    expect(() => registerReturn(1, late, desk)).toThrow(LedgerRefused);
    expect(() => registerReturn(1, late, desk)).toThrow(
      /2026-01-31.*2026-03-03.*30 天.*past the 30-day limit/,
    );
    const waived = registerReturn(1, { ...late, override: { reason: '商户同意' } }, desk);
    expect(waived).toMatchObject({
      status: 'registered',
      daysAfterPurchase: 31,
      override: { reason: '商户同意', by: 'desk1' },
    });
  });
});

describe('a return', () => {
  it('gets one outcome, with the money refunded; a refund of nothing is refused', () => {
    const r = registerReturn(1, request(), desk);
    expect(() => act(r, { action: 'outcome', outcome: 'refunded' })).toThrow(/¥0.00/);
    const done = act(r, { action: 'outcome', outcome: 'refunded', amountFen: 129_900 });
    expect(done.outcome).toMatchObject({ outcome: 'refunded', amountFen: 129_900 });
    expect(() => act(done, { action: 'outcome', outcome: 'exchanged' })).toThrow(
      /refunded \(已退款\)|已退款/,
    );
    expect(() =>
      act(r, { action: 'outcome', outcome: 'refused', amountFen: 100, note: 'x' }),
    ).toThrow(/¥1.00/);
    expect(() => act(r, { action: 'outcome', outcome: 'refused' })).toThrow(/say why/);
  });

  it('is corrected by a new action, the record as first written unchanged', () => {
    const r = registerReturn(1, { ...request(), merchantId: 7 }, desk);
    const fixed = act(r, { action: 'correct', fields: { merchantName: '顾家家居旗舰店' } });
    expect(fixed).toMatchObject({ merchantName: '顾家家居旗舰店', merchantId: undefined });
    expect(r).toMatchObject({ merchantName: '顾家家居', merchantId: 7 });
  });
});

describe('the return summary', () => {
  it('counts by outcome and merchant, with the money refunded, leaving voided ones apart', () => {
    const list = [
      act(registerReturn(1, request(), desk), {
        action: 'outcome',
        outcome: 'refunded',
        amountFen: 50_000,
      }),
      act(registerReturn(2, request(), desk), { action: 'outcome', outcome: 'exchanged' }),
      registerReturn(3, request({ merchantName: '芝华仕' }), desk),
      act(registerReturn(4, request({ merchantName: '芝华仕' }), desk), {
        action: 'void',
        reason: '登记错了',
      }),
      act(registerReturn(5, request({ merchantName: '芝华仕' }), desk), {
        action: 'outcome',
        outcome: 'refunded',
        amountFen: 1_250,
      }),
    ];
    const s = returnSummary(list);
    expect(s).toMatchObject({ count: 4, refundedFen: 51_250, voided: 1 });
    expect(s.byOutcome.refunded).toEqual({ count: 2, amountFen: 51_250 });
    expect(s.byOutcome.registered.count).toBe(1);
    expect(s.byMerchant.map((m) => [m.merchantName, m.count, m.refundedFen])).toEqual([
      ['顾家家居', 2, 50_000],
      ['芝华仕', 2, 1_250],
    ]);
    expect(yuan(s.refundedFen)).toBe('¥512.50');
    expect(yuan(123_456_789)).toBe('¥1,234,567.89');
  });
});
