import { addDays, weekdayOf, zonedDay, type IsoDate } from '../../../../core/zoned-time.ts';
import type { Complaint, ComplaintStatus } from './complaint-types.ts';

export const PERIODS = ['week', 'last-week', 'month', 'last-month', 'days'] as const;
export type Period = (typeof PERIODS)[number];

export const PERIOD_TEXT: Record<Period, { zh: string; en: string }> = {
  week: { zh: '本周', en: 'This week' },
  'last-week': { zh: '上周', en: 'Last week' },
  month: { zh: '本月', en: 'This month' },
  'last-month': { zh: '上月', en: 'Last month' },
  days: { zh: '自选日期', en: 'Dates' },
};

/** The dates, both included, a period covers on `today` (weeks from Monday, as the group's). */
export function periodDates(
  period: Period,
  today: IsoDate,
  chosen?: { from: IsoDate; to: IsoDate },
): { from: IsoDate; to: IsoDate } {
  const monday = addDays(today, -((weekdayOf(today) + 6) % 7));
  const first = `${today.slice(0, 8)}01`;
  switch (period) {
    case 'week':
      return { from: monday, to: addDays(monday, 6) };
    case 'last-week':
      return { from: addDays(monday, -7), to: addDays(monday, -1) };
    case 'month':
      return { from: first, to: addDays(`${addDays(first, 31).slice(0, 8)}01`, -1) };
    case 'last-month': {
      const last = addDays(first, -1);
      return { from: `${last.slice(0, 8)}01`, to: last };
    }
    case 'days':
      return chosen && chosen.from <= chosen.to ? chosen : { from: today, to: today };
    default: {
      const never: never = period;
      return never;
    }
  }
}

/** `?from=&to=` for GET /api/complaints: the dates' instants in the mall's zone. */
export function rangeQuery(dates: { from: IsoDate; to: IsoDate }, zone: string): string {
  const from = new Date(zonedDay(zone, dates.from).start).toISOString();
  const to = new Date(zonedDay(zone, dates.to).end).toISOString();
  return `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
}

export interface RegisterFilter {
  status: ComplaintStatus | 'open' | '';
  category: string;
  merchant: string;
  q: string;
}

const OPEN: readonly ComplaintStatus[] = ['received', 'answered', 'planned'];
const squash = (s: string | undefined) => (s ?? '').toLowerCase().replace(/[\s-]+/g, '');

/** The complaints the filter lets through, newest first. Pure. */
export function filterRegister(list: readonly Complaint[], f: RegisterFilter): Complaint[] {
  const needle = squash(f.q);
  return list
    .filter((c) =>
      f.status === 'open' ? OPEN.includes(c.status) : !f.status || c.status === f.status,
    )
    .filter((c) => !f.category || c.category === f.category)
    .filter((c) => !f.merchant || c.merchantName === f.merchant)
    .filter(
      (c) =>
        !needle ||
        [c.customerName, c.orderNo, c.product, c.merchantName, String(c.id)].some((s) =>
          squash(s).includes(needle),
        ),
    )
    .sort((a, b) => b.receivedAt - a.receivedAt);
}
