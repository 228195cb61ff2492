import { formatClock } from '../common/duration.ts';
import type { Calendar, CalendarEvent } from './calendar-schema.ts';
import { datesOf, resolveDay } from './calendar.ts';
import type { ErrorAt } from './check.ts';
import type { DayAnchors } from './clock-expr.ts';
import { composeDay } from './compose.ts';
import type { Program } from './program-schema.ts';

/** Days of one event looked at, at most: a season-long event has a handful of kinds of day. */
const MAX_DAYS = 400;

/**
 * The opening hours the day's events give it: the earliest opening and the latest closing
 * of the events that set one (two events on one day keep the mall open for both). Pure.
 */
export function eventHours(events: readonly CalendarEvent[]): Partial<DayAnchors> {
  const hours: Partial<DayAnchors> = {};
  for (const e of events) {
    if (e.opening !== undefined) hours.opening = Math.min(hours.opening ?? e.opening, e.opening);
    if (e.closing !== undefined) hours.closing = Math.max(hours.closing ?? e.closing, e.closing);
  }
  return hours;
}

/**
 * An event's own hours must make a broadcast day the program fits in: on air before the doors
 * open, open before closing, and every row of the day (the farewell follows closing) within
 * it. Each kind of day the event falls on is composed with its hours; problems are reported
 * at the event's `closing` (or `opening`), where the fix goes.
 */
export function checkEventHours(program: Program, calendar: Calendar, error: ErrorAt): void {
  calendar.events.forEach((event, i) => {
    if (event.opening === undefined && event.closing === undefined) return;
    const field = event.closing !== undefined ? 'closing' : 'opening';
    const reported = new Set<string>();
    const report = (key: string, at: 'opening' | 'closing', message: string) => {
      if (reported.has(key)) return;
      reported.add(key);
      error('calendar', ['events', i, at], message);
    };
    const seen = new Set<string>();
    for (const date of datesOf(event).slice(0, MAX_DAYS)) {
      const day = resolveDay(calendar, date);
      if (day.closed) continue;
      const hours = eventHours(day.events);
      const key = `${day.overlays.join('+')}|${hours.opening}|${hours.closing}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const composed = composeDay(program, day.overlays, hours);
      const { onAir, opening, closing } = composed;
      const on = `${date} (${composed.dayTypes.join('+')})`;
      if (opening < onAir)
        report(
          `onair`,
          'opening',
          `开门时间 ${formatClock(opening)} 早于开播 ${formatClock(onAir)} · opening ${formatClock(opening)} is before the broadcast starts (${formatClock(onAir)}) on ${on}`,
        );
      if (closing <= opening) {
        report(
          `order`,
          field,
          `闭店时间须晚于开门时间 · closing (${formatClock(closing)}) must be after opening (${formatClock(opening)}) on ${on}`,
        );
        continue;
      }
      for (const row of composed.rows) {
        const times = [row.at, row.from, row.until].filter((t): t is number => t !== undefined);
        const outside = times.some((t) => t < onAir || t > closing);
        const empty = row.from !== undefined && row.until !== undefined && row.from >= row.until;
        if (!outside && !empty) continue;
        const title = program.slots[row.slot]?.title ?? row.slot;
        const span =
          row.at !== undefined
            ? formatClock(row.at)
            : `${formatClock(row.from ?? onAir)}–${formatClock(row.until ?? closing)}`;
        report(
          `row:${row.id}`,
          field,
          `${formatClock(opening)}–${formatClock(closing)} 放不下节目「${title}」（${span}）· the program's ${row.id} (${span}) does not fit in ${formatClock(opening)}–${formatClock(closing)} on ${on}: choose a later closing`,
        );
      }
    }
  });
}
