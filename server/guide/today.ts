import type { DayPlan } from '../../core/plan.ts';
import type { IsoDate } from '../../core/zoned-time.ts';
import { formatClock } from '../common/duration.ts';
import type { Calendar } from '../program/calendar-schema.ts';
import { resolveDay } from '../program/calendar.ts';

/** What the header and the promotions say about the day: hours, holiday, events. */
export interface GuideDay {
  date: IsoDate;
  closed: boolean;
  /** `09:30`–`18:00`, the day's own (a weekend's, an event's late closing); null when closed. */
  hours: { opens: string; closes: string } | null;
  holiday: string | null;
  /** Today's events, with their own hours when they set them. */
  events: { name: string; from: IsoDate; to: IsoDate; opens?: string; closes?: string }[];
  note: string | null;
}

/**
 * The day as the guide screen shows it: the opening hours from the compiled plan (which has
 * applied the weekend, holiday and event hours), the calendar's holiday and events. Pure.
 */
export function guideDay(calendar: Calendar, plan: DayPlan, date: IsoDate): GuideDay {
  const day = resolveDay(calendar, date);
  if (day.closed)
    return { date, closed: true, hours: null, holiday: null, events: [], note: day.note ?? null };
  // `2026-12-05T09:30:00+08:00`: the wall-clock part is the mall's time of day.
  const clock = (iso: string | undefined) => iso?.slice(11, 16);
  const opens = clock(plan.opening);
  const closes = clock(plan.closing);
  const span = (e: { date?: string; from?: string; to?: string }) => ({
    from: (e.from ?? e.date ?? date) as IsoDate,
    to: (e.to ?? e.date ?? e.from ?? date) as IsoDate,
  });
  return {
    date,
    closed: false,
    hours: opens && closes ? { opens, closes } : null,
    holiday: day.holiday?.name ?? null,
    events: day.events.map((e) => ({
      name: e.name,
      ...span(e),
      ...(e.opening !== undefined ? { opens: formatClock(e.opening) } : {}),
      ...(e.closing !== undefined ? { closes: formatClock(e.closing) } : {}),
    })),
    note: null,
  };
}
