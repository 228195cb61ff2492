import { weekdayOf } from '../../core/zoned-time.ts';
import type { MediaCatalogue } from '../media/catalogue.ts';
import { WEEKDAYS, type Calendar } from './calendar-schema.ts';
import { datesOf } from './calendar.ts';
import type { ErrorAt } from './check.ts';
import type { Path } from './source.ts';

/** Dates and ranges that make sense, media that exists, make-up days that are weekend days. */
export function checkCalendar(calendar: Calendar, catalogue: MediaCatalogue, error: ErrorAt): void {
  const span = (list: string, i: number, e: { date?: string; from?: string; to?: string }) => {
    if (!e.date && !e.from && !e.to) error('calendar', [list, i], `give a date, or from and to`);
    if (e.date && (e.from || e.to))
      error('calendar', [list, i], `give a date or from/to, not both`);
    if (e.from && e.to && e.from > e.to)
      error('calendar', [list, i, 'to'], `to (${e.to}) is before from (${e.from})`);
  };
  const media = (path: Path, id: string | undefined) => {
    if (id !== undefined && !catalogue.byId.has(id))
      error('calendar', path, `unknown media "${id}" (no audio file media/${id}.*)`);
  };
  const holidayDates = new Map<string, number>();
  calendar.holidays.forEach((h, i) => {
    span('holidays', i, h);
    media(['holidays', i, 'greeting', 'media'], h.greeting?.media);
    for (const d of datesOf(h)) {
      const other = holidayDates.get(d);
      if (other !== undefined)
        error(
          'calendar',
          ['holidays', i],
          `${d} is already a holiday (${calendar.holidays[other]?.name})`,
        );
      else holidayDates.set(d, i);
    }
  });
  calendar.events.forEach((e, i) => {
    span('events', i, e);
    e.scripts.forEach((s, j) => media(['events', i, 'scripts', j, 'media'], s.media));
  });
  calendar.closed.forEach((c, i) => span('closed', i, c));
  const seen = new Set<string>();
  calendar.makeupWorkdays.forEach((m, i) => {
    const date = typeof m === 'string' ? m : m.date;
    const path = typeof m === 'string' ? ['makeupWorkdays', i] : ['makeupWorkdays', i, 'date'];
    const weekday = WEEKDAYS[weekdayOf(date)] as (typeof WEEKDAYS)[number];
    if (!calendar.weekend.includes(weekday))
      error(
        'calendar',
        path,
        `${date} is a ${weekday}, already a working day: a make-up working day (调休) falls on a weekend day`,
      );
    if (holidayDates.has(date)) error('calendar', path, `${date} is also listed as a holiday`);
    if (seen.has(date)) error('calendar', path, `${date} is listed twice`);
    seen.add(date);
  });
}
