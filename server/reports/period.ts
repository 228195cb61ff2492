import { z } from 'zod';
import { isoDate } from '../../core/plan.ts';
import { addDays, weekdayOf, zonedDay, type IsoDate } from '../../core/zoned-time.ts';
import { apiError } from '../http/errors.ts';
import { zoneClock } from '../plays/zone-clock.ts';
import type { Span } from '../records/complaint-summary.ts';

/** What a report covers: a week (ISO, Monday to Sunday), a month, or any dates; inclusive. */
export interface Period {
  kind: 'week' | 'month' | 'range';
  /** `2026-W49`, `2026-12`, `2026-12-01--2026-12-15`: in file names and the API. */
  label: string;
  from: IsoDate;
  to: IsoDate;
}

/** Longest span one report covers (a year, leap or not). */
export const MAX_REPORT_DAYS = 366;

const isoWeekday = (date: IsoDate) => weekdayOf(date) || 7;

/** The ISO week a date is in: the week of its Thursday, in the year of that Thursday. */
export function isoWeekOf(date: IsoDate): { year: number; week: number } {
  const thursday = addDays(date, 4 - isoWeekday(date));
  const year = Number(thursday.slice(0, 4));
  const dayOfYear = (Date.parse(thursday) - Date.UTC(year, 0, 1)) / 86_400_000;
  return { year, week: Math.floor(dayOfYear / 7) + 1 };
}

const weekLabel = ({ year, week }: { year: number; week: number }) =>
  `${year}-W${String(week).padStart(2, '0')}`;

/** The week's period; undefined for a week the year does not have (2025-W53). */
export function weekPeriod(year: number, week: number): Period | undefined {
  const jan4 = `${year}-01-04`; // always in week 1
  const from = addDays(jan4, 1 - isoWeekday(jan4) + 7 * (week - 1));
  if (week < 1 || isoWeekOf(from).year !== year) return undefined;
  return { kind: 'week', label: weekLabel({ year, week }), from, to: addDays(from, 6) };
}

/** The week a date is in, as a period. */
export function weekPeriodOf(date: IsoDate): Period {
  const w = isoWeekOf(date);
  return weekPeriod(w.year, w.week) as Period;
}

export function monthPeriod(year: number, month: number): Period {
  const from = `${year}-${String(month).padStart(2, '0')}-01`;
  const next =
    month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
  return { kind: 'month', label: from.slice(0, 7), from, to: addDays(next, -1) };
}

/** The period's instants on the mall's clocks: from its first midnight to the one after it. */
export function spanOf(p: Period, zone: string): Span {
  return { start: zonedDay(zone, p.from).start, end: zonedDay(zone, addDays(p.to, 1)).start };
}

/** `?week=2026-W49`, `?month=2026-12` or `?from=&to=` (the mall's dates), one of them. */
export const periodQuery = z.object({
  week: z
    .string()
    .regex(/^\d{4}-W\d{2}$/, 'write the ISO week as 2026-W49')
    .optional(),
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'write the month as 2026-12')
    .optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type PeriodQuery = z.infer<typeof periodQuery>;

/** Settles the query into a period (the current week when none is named); refuses a muddle. */
export function resolvePeriod(q: PeriodQuery, today: IsoDate): Period {
  const given = (['week', 'month', 'from'] as const).filter((k) => q[k] !== undefined);
  if (given.length > 1 || (q.to !== undefined && q.from === undefined))
    throw apiError(400, 'invalid', `${given[1] ?? 'to'}: give a week, a month, or from and to`, {
      field: given[1] ?? 'to',
    });
  if (q.week) {
    const p = weekPeriod(Number(q.week.slice(0, 4)), Number(q.week.slice(6)));
    if (!p)
      throw apiError(400, 'invalid', `week: ${q.week} is not a week of that year`, {
        field: 'week',
      });
    return p;
  }
  if (q.month) return monthPeriod(Number(q.month.slice(0, 4)), Number(q.month.slice(5)));
  if (q.from) {
    const to = q.to ?? q.from;
    if (to < q.from) throw apiError(400, 'invalid', 'to: is before from', { field: 'to' });
    if (to > addDays(q.from, MAX_REPORT_DAYS - 1))
      throw apiError(400, 'invalid', `to: ask for at most ${MAX_REPORT_DAYS} days at a time`, {
        field: 'to',
      });
    return { kind: 'range', label: `${q.from}--${to}`, from: q.from, to };
  }
  return weekPeriodOf(today);
}

/** The period as a heading says it: `2026-W49 (2026-11-30 – 2026-12-06)`. */
export function describePeriod(p: Period): string {
  const dates = `${p.from} – ${p.to}`;
  return p.kind === 'range' ? dates : `${p.label} (${dates})`;
}

/** The mall's date of many instants: the zone asked once per quarter hour, not per instant. */
export function mallDateOf(zone: string): (ms: number) => IsoDate {
  const clock = zoneClock(zone);
  return (ms) => clock.cell(new Date(ms).toISOString()).slice(0, 10);
}
