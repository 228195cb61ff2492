/**
 * Wall-clock time in an IANA zone, without the host's zone ever being consulted.
 * The mall's zone comes from calendar.yaml; the host may be in UTC (containers) or anywhere else.
 */

/** A calendar date as written in the files: `YYYY-MM-DD`. */
export type IsoDate = string;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

/** Parses `YYYY-MM-DD`, refusing dates that do not exist (2026-02-30). */
export function parseIsoDate(text: string): DateParts | undefined {
  const m = DATE_RE.exec(text);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1) return undefined;
  if (probe.getUTCDate() !== day) return undefined;
  return { year, month, day };
}

export function isIsoDate(text: string): boolean {
  return parseIsoDate(text) !== undefined;
}

function mustParse(date: IsoDate): DateParts {
  const parts = parseIsoDate(date);
  if (!parts) throw new RangeError(`not a date: ${date}`);
  return parts;
}

/** 0 = Sunday … 6 = Saturday, for the date itself (no zone involved). */
export function weekdayOf(date: IsoDate): number {
  const { year, month, day } = mustParse(date);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const { year, month, day } = mustParse(date);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** Every date from `from` to `to`, both included. */
export function datesBetween(from: IsoDate, to: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** True when the runtime knows the zone (`Asia/Shanghai` yes, `Asia/Shanghia` no). */
export function isKnownZone(zone: string): boolean {
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's offset from UTC at an instant, in minutes (Shanghai: +480). */
export function offsetMinutesAt(zone: string, epochMs: number): number {
  const parts = formatterFor(zone).formatToParts(new Date(epochMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return Math.round((asUtc - Math.floor(epochMs / 1000) * 1000) / 60_000);
}

/**
 * The instant at which the zone's clocks show `date` + `msOfDay`.
 * DST policy (irrelevant in Shanghai, explicit for any other mall): a wall time that does not
 * exist (spring-forward gap) moves forward by the gap; one that exists twice takes the first.
 */
export function wallTimeToInstant(zone: string, date: IsoDate, msOfDay: number): number {
  const { year, month, day } = mustParse(date);
  const asUtc = Date.UTC(year, month - 1, day) + msOfDay;
  const before = offsetMinutesAt(zone, asUtc - 86_400_000);
  const after = offsetMinutesAt(zone, asUtc + 86_400_000);
  const candidates = [...new Set([before, after])].map((off) => asUtc - off * 60_000);
  const exact = candidates
    .filter((t) => offsetMinutesAt(zone, t) * 60_000 === asUtc - t)
    .sort((a, b) => a - b);
  if (exact.length > 0) return exact[0] as number;
  // In the gap: keep the wall-clock distance from the earlier offset, which lands after the gap.
  return asUtc - before * 60_000;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** `2026-12-05T09:30:00+08:00` (milliseconds only when not zero). */
export function formatInstant(epochMs: number, offsetMinutes: number): string {
  const local = new Date(epochMs + offsetMinutes * 60_000);
  const ms = local.getUTCMilliseconds();
  return (
    `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}` +
    (ms ? `.${pad(ms, 3)}` : '') +
    offsetText(offsetMinutes)
  );
}

const DAY_MS = 86_400_000;

function offsetText(offsetMinutes: number): string {
  const abs = Math.abs(offsetMinutes);
  return `${offsetMinutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/**
 * One local day in a zone: its instants and how to print them. The zone is asked twice per
 * day, not per item, unless the day is near a DST change.
 */
export function zonedDay(zone: string, date: IsoDate) {
  const { year, month, day } = mustParse(date);
  const midnightAsUtc = Date.UTC(year, month - 1, day);
  const offset = offsetMinutesAt(zone, midnightAsUtc - DAY_MS);
  const constant = offset === offsetMinutesAt(zone, midnightAsUtc + 2 * DAY_MS);
  const start = constant ? midnightAsUtc - offset * 60_000 : wallTimeToInstant(zone, date, 0);
  const end = constant ? start + DAY_MS : wallTimeToInstant(zone, addDays(date, 1), 0);
  const suffix = offsetText(offset);
  return {
    start,
    end,
    /** The instant the zone's clocks show `msOfDay` on this date. */
    toInstant: (msOfDay: number) =>
      constant ? start + msOfDay : wallTimeToInstant(zone, date, msOfDay),
    format: (epochMs: number) => {
      if (!constant || epochMs < start || epochMs >= end) {
        return formatInstant(epochMs, offsetMinutesAt(zone, epochMs));
      }
      const t = epochMs - start;
      const ms = t % 1000;
      const secs = (t - ms) / 1000;
      return (
        `${date}T${pad(Math.floor(secs / 3600))}:${pad(Math.floor(secs / 60) % 60)}:${pad(secs % 60)}` +
        (ms ? `.${pad(ms, 3)}` : '') +
        suffix
      );
    },
  };
}
export type ZonedDay = ReturnType<typeof zonedDay>;

/** Today's date on the zone's clocks. */
export function dateInZone(zone: string, epochMs: number): IsoDate {
  return formatInstant(epochMs, offsetMinutesAt(zone, epochMs)).slice(0, 10);
}
