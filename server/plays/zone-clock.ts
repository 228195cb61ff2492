import { offsetMinutesAt } from '../../core/zoned-time.ts';

/** A zone's offsets change on quarter hours at most (UTC), so one look-up serves a quarter. */
const QUARTER = 15 * 60_000;

/**
 * The mall's wall clock for many stored instants: the zone's offset (an Intl look-up, slow in
 * bulk) is asked once per quarter hour, not once per row — a year's export has a million rows.
 */
export function zoneClock(zone: string) {
  const offsets = new Map<number, number>();
  const wallMs = (utc: string): number => {
    const ms = Date.parse(utc);
    const q = Math.floor(ms / QUARTER);
    let offset = offsets.get(q);
    if (offset === undefined) offsets.set(q, (offset = offsetMinutesAt(zone, q * QUARTER)));
    return ms + offset * 60_000;
  };
  return {
    zone,
    /** Milliseconds of the wall-clock time as if it were UTC (how Excel counts: no zones). */
    wallMs,
    /** `2026-03-02 09:30:00`, as a spreadsheet reads a local time (whole seconds). */
    cell: (utc: string) =>
      new Date(Math.floor(wallMs(utc) / 1000) * 1000).toISOString().slice(0, 19).replace('T', ' '),
  };
}
export type ZoneClock = ReturnType<typeof zoneClock>;
