import type { ReturnRecord, ReturnStatus } from './returns.ts';

type Counted = Exclude<ReturnStatus, 'void'>;
const COUNTED: readonly Counted[] = ['registered', 'refunded', 'exchanged', 'refused'];

interface Tally {
  count: number;
  amountFen: number;
}
const tallies = () =>
  Object.fromEntries(COUNTED.map((s) => [s, { count: 0, amountFen: 0 }])) as Record<Counted, Tally>;

/**
 * The 30-day return summary (30天无理由退货汇总表): by outcome and by merchant, with the money
 * refunded. `registered` is still waiting for its outcome; voided entries are counted apart.
 * Pure: the same list always gives the same summary.
 */
export function returnSummary(list: readonly ReturnRecord[]) {
  const byOutcome = tallies();
  const merchants = new Map<string, Record<Counted, Tally>>();
  let voided = 0;
  let overridden = 0;
  for (const r of list) {
    if (r.status === 'void') {
      voided += 1;
      continue;
    }
    if (r.override) overridden += 1;
    const amount = r.outcome?.amountFen ?? 0;
    const m = merchants.get(r.merchantName) ?? tallies();
    merchants.set(r.merchantName, m);
    for (const t of [byOutcome[r.status], m[r.status]]) {
      t.count += 1;
      t.amountFen += amount;
    }
  }
  const count = (t: Record<Counted, Tally>) => COUNTED.reduce((n, s) => n + t[s].count, 0);
  return {
    count: count(byOutcome),
    refundedFen: byOutcome.refunded.amountFen,
    overridden,
    voided,
    byOutcome,
    byMerchant: [...merchants]
      .map(([merchantName, t]) => ({
        merchantName,
        count: count(t),
        refundedFen: t.refunded.amountFen,
        byOutcome: t,
      }))
      .sort((a, b) => b.count - a.count || a.merchantName.localeCompare(b.merchantName, 'zh')),
  };
}
export type ReturnSummary = ReturnType<typeof returnSummary>;
