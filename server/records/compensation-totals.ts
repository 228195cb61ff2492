import type { Compensation } from './compensation.ts';

/** Money through the ledger in a period: asked, approved, paid, recovered and outstanding. Pure. */
export function compensationTotals(list: readonly Compensation[]) {
  const byStatus = { requested: 0, approved: 0, rejected: 0, paid: 0, recovered: 0 };
  const t = { requestedFen: 0, approvedFen: 0, paidFen: 0, recoveredFen: 0, outstandingFen: 0 };
  const outstanding = new Map<string, number>();
  for (const c of list) {
    byStatus[c.status] += 1;
    t.requestedFen += c.amountFen;
    t.approvedFen += c.decision?.kind === 'approved' ? (c.approvedFen ?? 0) : 0;
    t.paidFen += c.payment?.amountFen ?? 0;
    t.recoveredFen += c.recoveredFen;
    t.outstandingFen += c.outstandingFen;
    if (c.outstandingFen > 0)
      outstanding.set(c.merchantName, (outstanding.get(c.merchantName) ?? 0) + c.outstandingFen);
  }
  return {
    count: list.length,
    byStatus,
    ...t,
    /** Who still owes the mall, most first. */
    outstandingByMerchant: [...outstanding]
      .map(([merchantName, outstandingFen]) => ({ merchantName, outstandingFen }))
      .sort((a, b) => b.outstandingFen - a.outstandingFen),
  };
}
