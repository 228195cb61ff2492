import { formatInstant, offsetMinutesAt } from '../../core/zoned-time.ts';

/** A stored UTC instant on the mall's clocks, with its offset: `2026-03-02T09:30:00.250+08:00`. */
export function zonedIso(zone: string, utc: string): string {
  const ms = Date.parse(utc);
  return formatInstant(ms, offsetMinutesAt(zone, ms));
}

/** A stored UTC instant as a spreadsheet reads a local time: `2026-03-02 09:30:00`. */
export function zonedCell(zone: string, utc: string): string {
  const ms = Math.floor(Date.parse(utc) / 1000) * 1000;
  return formatInstant(ms, offsetMinutesAt(zone, ms)).slice(0, 19).replace('T', ' ');
}
