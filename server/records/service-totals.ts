import type { MerchantService } from './merchant-services.ts';
import { SERVICE_KINDS, type ServiceKind } from './service-fees.ts';

interface Sum {
  quantity: number;
  totalFen: number;
  paidFen: number;
}
const zero = (): Sum => ({ quantity: 0, totalFen: 0, paidFen: 0 });
const byKind = () =>
  Object.fromEntries(SERVICE_KINDS.map((k) => [k, zero()])) as Record<ServiceKind, Sum>;
const add = (into: Sum, s: MerchantService) => {
  into.quantity += s.quantity;
  into.totalFen += s.totalFen;
  into.paidFen += s.paidFen;
};

/**
 * Fee totals per merchant (收费汇总): what each merchant was charged for each service, what it
 * paid and what it still owes. Voided entries are left out. Pure.
 */
export function serviceTotals(list: readonly MerchantService[]) {
  const all = { ...zero(), byKind: byKind() };
  const merchants = new Map<string, Sum & { byKind: Record<ServiceKind, Sum> }>();
  for (const s of list) {
    if (s.status === 'void') continue;
    const m = merchants.get(s.merchantName) ?? { ...zero(), byKind: byKind() };
    merchants.set(s.merchantName, m);
    for (const sum of [all, all.byKind[s.kind], m, m.byKind[s.kind]]) add(sum, s);
  }
  const owed = <T extends Sum>(t: T) => ({ ...t, unpaidFen: t.totalFen - t.paidFen });
  return {
    ...owed(all),
    byMerchant: [...merchants]
      .map(([merchantName, m]) => ({ merchantName, ...owed(m) }))
      .sort(
        (a, b) => b.totalFen - a.totalFen || a.merchantName.localeCompare(b.merchantName, 'zh'),
      ),
  };
}
