import { addDays, parseIsoDate, weekdayOf, type IsoDate } from '../../core/zoned-time.ts';

/**
 * Calendar arithmetic for the records: the same date a month back, ISO weeks and months as
 * periods. Dates only (`YYYY-MM-DD`), so no zone is involved.
 */

const pad = (n: number) => String(n).padStart(2, '0');
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * The same day of the month before, or that month's last day when it is shorter:
 * 2027-03-31 → 2027-02-28, 2028-03-31 → 2028-02-29, 2027-01-10 → 2026-12-10.
 */
export function monthBefore(date: IsoDate): IsoDate {
  const p = parseIsoDate(date);
  if (!p) throw new RangeError(`not a date: ${date}`);
  const year = p.month === 1 ? p.year - 1 : p.year;
  const month = p.month === 1 ? 12 : p.month - 1;
  return `${year}-${pad(month)}-${pad(Math.min(p.day, daysIn(year, month)))}`;
}

export const PERIOD_KINDS = ['week', 'month'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** A period and its first and last dates (both included). */
export interface Period {
  /** `2026-W05` (ISO week) or `2026-03`. */
  id: string;
  from: IsoDate;
  to: IsoDate;
}

/** The ISO week of a date: weeks start on Monday; week 1 holds the year's first Thursday. */
export function isoWeekOf(date: IsoDate): Period {
  const monday = addDays(date, -((weekdayOf(date) + 6) % 7));
  const thursday = addDays(monday, 3);
  const year = Number(thursday.slice(0, 4));
  const jan1 = `${year}-01-01`;
  const firstThursday = addDays(jan1, (4 - weekdayOf(jan1) + 7) % 7);
  const week =
    1 + Math.round((Date.parse(thursday) - Date.parse(firstThursday)) / (7 * 86_400_000));
  return { id: `${year}-W${pad(week)}`, from: monday, to: addDays(monday, 6) };
}

export function monthOf(date: IsoDate): Period {
  const ym = date.slice(0, 7);
  const last = daysIn(Number(ym.slice(0, 4)), Number(ym.slice(5, 7)));
  return { id: ym, from: `${ym}-01`, to: `${ym}-${pad(last)}` };
}

export const periodOf = (kind: PeriodKind, date: IsoDate): Period =>
  kind === 'week' ? isoWeekOf(date) : monthOf(date);

/** Every whole period that holds a date in [from, to], in order. */
export function periodsCovering(kind: PeriodKind, from: IsoDate, to: IsoDate): Period[] {
  const out: Period[] = [];
  for (let p = periodOf(kind, from); p.from <= to; p = periodOf(kind, addDays(p.to, 1)))
    out.push(p);
  return out;
}
