import { datesBetween, weekdayOf, type IsoDate } from '../../core/zoned-time.ts';
import { WEEKDAYS, type Calendar, type CalendarEvent, type Holiday } from './calendar-schema.ts';
import type { Overlay } from './program-schema.ts';

/** What the calendar says about one date. */
export type DayInfo =
  | { closed: true; date: IsoDate; note?: string }
  | {
      closed: false;
      date: IsoDate;
      /** Overlays to apply on top of `normal`, in program order. */
      overlays: Overlay[];
      makeupWorkday: boolean;
      holiday?: Holiday;
      events: CalendarEvent[];
    };

interface Dated {
  date?: IsoDate;
  from?: IsoDate;
  to?: IsoDate;
}

/** The dates an entry covers: `date`, or `from`…`to` (a lone `from` or `to` is one day). */
export function datesOf(entry: Dated): IsoDate[] {
  if (entry.date) return [entry.date];
  const from = entry.from ?? entry.to;
  const to = entry.to ?? entry.from;
  if (!from || !to || from > to) return [];
  return datesBetween(from, to);
}

function covers(entry: Dated, date: IsoDate): boolean {
  if (entry.date) return entry.date === date;
  const from = entry.from ?? entry.to;
  const to = entry.to ?? entry.from;
  return from !== undefined && to !== undefined && from <= date && date <= to;
}

/** Decides the day types of a date; pure, and independent of the host's zone. */
export function resolveDay(calendar: Calendar, date: IsoDate): DayInfo {
  const closed = calendar.closed.find((c) => covers(c, date));
  if (closed)
    return closed.note ? { closed: true, date, note: closed.note } : { closed: true, date };

  const weekday = WEEKDAYS[weekdayOf(date)] as (typeof WEEKDAYS)[number];
  const makeupWorkday = calendar.makeupWorkdays.some(
    (m) => (typeof m === 'string' ? m : m.date) === date,
  );
  const holiday = calendar.holidays.find((h) => covers(h, date));
  const events = calendar.events.filter((e) => covers(e, date));

  const overlays: Overlay[] = [];
  // A make-up working day (调休) is a working day whatever its weekday: normal program.
  if (calendar.weekend.includes(weekday) && !makeupWorkday) overlays.push('weekend');
  if (holiday) overlays.push('holiday');
  if (events.length > 0) overlays.push('event');
  const info: DayInfo = { closed: false, date, overlays, makeupWorkday, events };
  return holiday ? { ...info, holiday } : info;
}
