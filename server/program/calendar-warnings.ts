import { dateInZone } from '../../core/zoned-time.ts';
import type { Calendar } from './calendar-schema.ts';
import { datesOf } from './calendar.ts';

/**
 * The State Council publishes next year's holidays (国务院办公厅关于…年部分节假日安排的通知)
 * in November or early December; from this month on, a calendar without them is warned about.
 */
export const NEXT_YEAR_FROM_MONTH = 11;

export const CALENDAR_WARNING_CODES = [
  'next-year-holidays-missing',
  'this-year-holidays-missing',
] as const;
export type CalendarWarningCode = (typeof CALENDAR_WARNING_CODES)[number];

/** A warning about the calendar, in the shape of the console's alert banner. */
export interface CalendarWarning {
  code: CalendarWarningCode;
  level: 'warning';
  /** The year whose public holidays are missing. */
  year: number;
  zh: string;
  en: string;
  /** Where staff fix it. */
  page: 'calendar';
}

/** The years that have at least one public holiday date in the calendar. */
function holidayYears(calendar: Calendar): Set<number> {
  const years = new Set<number>();
  for (const h of calendar.holidays) for (const d of datesOf(h)) years.add(Number(d.slice(0, 4)));
  return years;
}

/**
 * What the calendar lacks that will make a holiday play as a normal day, judged at `now` in the
 * mall's zone: this year's public holidays at any time, next year's from November on. Pure.
 */
export function calendarWarnings(calendar: Calendar, now: number): CalendarWarning[] {
  const today = dateInZone(calendar.timezone, now);
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const years = holidayYears(calendar);
  const out: CalendarWarning[] = [];
  const warning = { level: 'warning' as const, page: 'calendar' as const };
  if (!years.has(year))
    out.push({
      ...warning,
      code: 'this-year-holidays-missing',
      year,
      zh: `日历里没有${year}年的法定节假日：元旦、春节等节日都按普通日播音。请录入国务院办公厅公布的${year}年放假安排。`,
      en: `The calendar has no public holidays for ${year}: New Year's Day, the Spring Festival and the rest play as normal days. Enter the State Council's ${year} holiday schedule.`,
    });
  if (month >= NEXT_YEAR_FROM_MONTH && !years.has(year + 1)) {
    const next = year + 1;
    const days = daysUntilNewYear(today);
    out.push({
      ...warning,
      code: 'next-year-holidays-missing',
      year: next,
      zh: `日历里还没有${next}年的法定节假日：${next}年1月1日起（还有${days}天），元旦、春节等节日将按普通日播音。国务院办公厅公布${next}年放假安排后，请在日历中录入。`,
      en: `The calendar has no public holidays for ${next} yet: from 1 January ${next} (in ${days} day${days === 1 ? '' : 's'}) New Year's Day, the Spring Festival and the rest would play as normal days. Enter ${next}'s schedule once the State Council publishes it.`,
    });
  }
  return out;
}

function daysUntilNewYear(today: string): number {
  const year = Number(today.slice(0, 4));
  const start = Date.UTC(year + 1, 0, 1);
  const day = Date.UTC(year, Number(today.slice(5, 7)) - 1, Number(today.slice(8, 10)));
  return Math.round((start - day) / 86_400_000);
}
