import {
  parseClockExpr,
  parsePlainClock,
  resolveClock,
  type DayAnchors,
} from '../program/clock-expr.ts';

/**
 * When a service takes tickets today. queue.yaml writes hours as clock times or relative to the
 * day's plan (`opening`, `closing-15m`), so a weekend's later closing moves them too. Pure.
 */

const DAY_MS = 86_400_000;

export interface Hours {
  from: string;
  until: string;
}

/** The plan's anchors as milliseconds of the day, or undefined on a day the mall is closed. */
export function anchorsOf(plan: {
  onAir?: string | undefined;
  opening?: string | undefined;
  closing?: string | undefined;
}): DayAnchors | undefined {
  // `2026-12-05T09:30:00+08:00`: the wall-clock part is the mall's time of day.
  const ms = (iso: string | undefined) => (iso ? parsePlainClock(iso.slice(11, 19)) : undefined);
  const [onAir, opening, closing] = [ms(plan.onAir), ms(plan.opening), ms(plan.closing)];
  if (opening === undefined || closing === undefined) return undefined;
  return { onAir: onAir ?? opening, opening, closing };
}

function resolve(text: string, anchors: DayAnchors | undefined): number | undefined {
  if (text.trim() === '24:00') return DAY_MS;
  const expr = parseClockExpr(text);
  if (!expr) return undefined;
  if (expr.kind === 'anchor' && !anchors) return undefined;
  return resolveClock(expr, anchors ?? { onAir: 0, opening: 0, closing: 0 });
}

/** Today's hours as milliseconds of the day; undefined when they depend on a plan there is not. */
export function resolveHours(
  hours: Hours,
  anchors: DayAnchors | undefined,
): { from: number; until: number } | undefined {
  const from = resolve(hours.from, anchors);
  const until = resolve(hours.until, anchors);
  return from === undefined || until === undefined ? undefined : { from, until };
}

/** Open from `from` (included) until `until` (excluded). */
export function isOpenAt(hours: Hours, anchors: DayAnchors | undefined, msOfDay: number): boolean {
  const r = resolveHours(hours, anchors);
  return r !== undefined && r.from <= msOfDay && msOfDay < r.until;
}

/** `09:30` for milliseconds of the day. */
export function clockText(msOfDay: number): string {
  const minutes = Math.floor(msOfDay / 60_000);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The hours as a ticket screen shows them today (`09:30`–`17:20`), or as written if unresolved. */
export function hoursToday(hours: Hours, anchors: DayAnchors | undefined): Hours {
  const r = resolveHours(hours, anchors);
  return r ? { from: clockText(r.from), until: clockText(r.until) } : hours;
}

/**
 * When a closed service takes tickets again: later today, or at tomorrow's first hour (the
 * plan of tomorrow may move it); undefined while it is open, or when no opening is known.
 */
export function nextOpening(
  hours: Hours,
  today: DayAnchors | undefined,
  tomorrow: DayAnchors | undefined,
  msOfDay: number,
): { day: 'today' | 'tomorrow'; from: string } | undefined {
  const now = resolveHours(hours, today);
  if (now && now.from <= msOfDay && msOfDay < now.until) return undefined;
  if (now && msOfDay < now.from && now.from < now.until)
    return { day: 'today', from: clockText(now.from) };
  const next = resolveHours(hours, tomorrow);
  return next && next.from < next.until
    ? { day: 'tomorrow', from: clockText(next.from) }
    : undefined;
}
