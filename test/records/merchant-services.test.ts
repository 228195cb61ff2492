import { describe, expect, it } from 'vitest';
import {
  applyServiceAction,
  registerService,
  serviceIntake,
  type MerchantService,
  type ServiceChange,
} from '../../server/records/merchant-services.ts';
import { SERVICE_FEES } from '../../server/records/service-fees.ts';
import { serviceTotals } from '../../server/records/service-totals.ts';

const desk = { at: Date.UTC(2026, 2, 2, 2), by: 'desk1' };
const register = (id: number, body: Record<string, unknown>) => {
  const r = serviceIntake.parse({ merchantName: '顾家家居', ...body });
  return registerService(
    id,
    { ...r, merchantName: r.merchantName ?? '', date: '2026-03-02' },
    desk,
  );
};
const act = (s: MerchantService, a: ServiceChange) => applyServiceAction(s, a, desk);
const pay = { action: 'pay', date: '2026-03-05', method: 'wechat', note: '' } as const;

describe('a merchant service', () => {
  it('is charged the default fee per item unless another is written, and paid later as an entry', () => {
    const tags = register(1, { kind: 'price-tag', quantity: 120 });
    expect(tags).toMatchObject({
      unitFeeFen: SERVICE_FEES['price-tag'].unitFeeFen,
      totalFen: 120 * SERVICE_FEES['price-tag'].unitFeeFen,
      status: 'unpaid',
      paidFen: 0,
    });
    const paid = act(tags, pay);
    expect(paid).toMatchObject({ status: 'paid', paidFen: tags.totalFen });
    expect(paid.payments).toEqual([
      expect.objectContaining({ date: '2026-03-05', method: 'wechat', amountFen: tags.totalFen }),
    ]);
    expect(() => act(paid, pay)).toThrow(/is paid/);
    const agreed = register(2, { kind: 'offer-sign', quantity: 3, unitFeeFen: 300, paid: true });
    expect(agreed).toMatchObject({ totalFen: 900, paidFen: 900, status: 'paid' });
  });

  it('is corrected as an entry, its total never below what was paid, and voided only if unpaid', () => {
    const paid = register(1, { kind: 'sales-order', quantity: 4, paid: true });
    expect(() => act(paid, { action: 'correct', fields: { quantity: 3 } })).toThrow(
      /cannot be below/,
    );
    const more = act(paid, { action: 'correct', fields: { quantity: 5 } });
    expect(more).toMatchObject({
      status: 'unpaid',
      totalFen: 5 * SERVICE_FEES['sales-order'].unitFeeFen,
    });
    expect(act(more, pay).payments.map((p) => p.amountFen)).toEqual([
      4 * SERVICE_FEES['sales-order'].unitFeeFen,
      SERVICE_FEES['sales-order'].unitFeeFen,
    ]);
    expect(() => act(more, { action: 'void', reason: '登记错了' })).toThrow(/cannot be voided/);
    expect(
      act(register(2, { kind: 'price-tag', quantity: 1 }), { action: 'void', reason: '重复' })
        .status,
    ).toBe('void');
  });
});

describe('the fee totals', () => {
  it('sum each merchant’s fees by service, paid and unpaid, leaving voided ones out', () => {
    const list = [
      register(1, { kind: 'price-tag', quantity: 200, unitFeeFen: 50, paid: true }),
      register(2, { kind: 'offer-sign', quantity: 4, unitFeeFen: 500 }),
      register(3, { kind: 'price-tag', quantity: 10, unitFeeFen: 50, merchantName: '芝华仕' }),
      act(register(4, { kind: 'sales-order', quantity: 9, merchantName: '芝华仕' }), {
        action: 'void',
        reason: '重复',
      }),
    ];
    const t = serviceTotals(list);
    expect(t).toMatchObject({ totalFen: 12_500, paidFen: 10_000, unpaidFen: 2_500 });
    expect(t.byKind['price-tag']).toEqual({ quantity: 210, totalFen: 10_500, paidFen: 10_000 });
    expect(t.byMerchant.map((m) => [m.merchantName, m.totalFen, m.unpaidFen])).toEqual([
      ['顾家家居', 12_000, 2_000],
      ['芝华仕', 500, 500],
    ]);
    expect(t.byMerchant[1]!.byKind['sales-order'].quantity).toBe(0);
  });
});
