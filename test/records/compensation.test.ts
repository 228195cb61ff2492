import { describe, expect, it } from 'vitest';
import {
  applyCompensation,
  compensationRequest,
  requested,
  type Compensation,
  type CompensationChange,
} from '../../server/records/compensation.ts';
import { compensationTotals } from '../../server/records/compensation-totals.ts';
import { LedgerRefused } from '../../server/records/ledger.ts';

const desk = { at: Date.UTC(2026, 2, 2, 2), by: 'desk1' };
const manager = { at: Date.UTC(2026, 2, 2, 3), by: 'manager1' };
const open = (id: number, amountFen: number, merchantName = '米兰之家') =>
  requested(
    id,
    {
      ...compensationRequest.parse({
        customerName: '王女士',
        customerPhone: '138 0013 8000',
        merchantName,
        amountFen,
        reason: '商户撤场，顾客订金无法退回',
      }),
      merchantName,
      day: '2026-03-02',
    },
    desk,
  );
const step = (c: Compensation, ...changes: CompensationChange[]) =>
  changes.reduce(
    (x, a) =>
      applyCompensation(x, a, a.action === 'approve' || a.action === 'reject' ? manager : desk),
    c,
  );
const approve = { action: 'approve', note: '' } as const;
const pay = { action: 'pay', date: '2026-03-02', method: 'transfer', note: '' } as const;
const recover = (amountFen: number, date = '2026-03-10') =>
  ({ action: 'recover', amountFen, date, note: '' }) as const;

describe('an advance compensation', () => {
  it('goes requested → approved → paid → recovered, in parts, with what is outstanding', () => {
    let c = step(open(1, 300_000), approve, pay);
    expect(c).toMatchObject({
      status: 'paid',
      outstandingFen: 300_000,
      decision: { kind: 'approved', by: 'manager1' },
    });
    c = step(c, recover(100_000));
    expect(c).toMatchObject({ status: 'paid', recoveredFen: 100_000, outstandingFen: 200_000 });
    c = step(c, recover(200_000, '2026-03-20'));
    expect(c).toMatchObject({ status: 'recovered', outstandingFen: 0 });
    expect(c.recoveries.map((r) => r.date)).toEqual(['2026-03-10', '2026-03-20']);
  });

  it('refuses what its status does not allow, naming the status', () => {
    const c = open(1, 300_000);
    expect(() => step(c, pay)).toThrow(LedgerRefused);
    expect(() => step(c, pay)).toThrow(/先行赔偿待审批.*is requested/);
    const rejected = step(c, { action: 'reject', reason: '不属于先行赔偿范围' });
    expect(() => step(rejected, approve)).toThrow(/rejected/);
    expect(() => step(c, approve, pay, pay)).toThrow(/is paid/);
  });

  it('pays what the manager approved, never more than was asked, nor recovers more than is owed', () => {
    const c = step(
      open(1, 300_000),
      { action: 'approve', amountFen: 250_000, note: '按合同金额' },
      pay,
    );
    expect(c.payment?.amountFen).toBe(250_000);
    expect(() =>
      step(open(2, 300_000), { action: 'approve', amountFen: 300_001, note: '' }),
    ).toThrow(/¥3,000.01.*¥3,000.00/);
    expect(() => step(c, recover(250_001))).toThrow(
      /¥2,500.01 is more than the ¥2,500.00 outstanding/,
    );
    expect(() => step(c, recover(1, '2026-03-01'))).toThrow(/before it was paid/);
  });

  it('totals the money and who still owes it', () => {
    const list = [
      step(open(1, 300_000), approve, pay, recover(100_000)),
      step(open(2, 50_000, '芝华仕'), approve, pay),
      step(open(3, 80_000, '芝华仕'), { action: 'reject', reason: '否' }),
      open(4, 10_000),
    ];
    const t = compensationTotals(list);
    expect(t).toMatchObject({
      count: 4,
      requestedFen: 440_000,
      approvedFen: 350_000,
      paidFen: 350_000,
      recoveredFen: 100_000,
      outstandingFen: 250_000,
      byStatus: { requested: 1, approved: 0, rejected: 1, paid: 2, recovered: 0 },
    });
    expect(t.outstandingByMerchant).toEqual([
      { merchantName: '米兰之家', outstandingFen: 200_000 },
      { merchantName: '芝华仕', outstandingFen: 50_000 },
    ]);
  });
});
