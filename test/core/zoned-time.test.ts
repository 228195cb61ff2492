import { describe, expect, it } from 'vitest';
import { formatClock, parseDuration } from '../../server/common/duration.ts';
import {
  addDays,
  dateInZone,
  parseIsoDate,
  wallTimeToInstant,
  weekdayOf,
  zonedDay,
} from '../../core/zoned-time.ts';
import { parseClockExpr, resolveClock } from '../../server/program/clock-expr.ts';

describe('zoned time', () => {
  it('puts 09:30 in Shanghai at 01:30 UTC whatever the host zone', () => {
    expect(
      new Date(wallTimeToInstant('Asia/Shanghai', '2026-12-05', 9.5 * 3600_000)).toISOString(),
    ).toBe('2026-12-05T01:30:00.000Z');
    expect(zonedDay('Asia/Shanghai', '2026-12-05').format(Date.UTC(2026, 11, 5, 1, 30))).toBe(
      '2026-12-05T09:30:00+08:00',
    );
  });

  it('moves a wall time in the spring-forward gap past the gap, and takes the first of a repeated one', () => {
    // New York, 2026-03-08: 02:00–03:00 does not exist.
    expect(
      new Date(wallTimeToInstant('America/New_York', '2026-03-08', 2.5 * 3600_000)).toISOString(),
    ).toBe('2026-03-08T07:30:00.000Z');
    // 2026-11-01: 01:30 happens twice; the first is EDT (UTC-4).
    expect(
      new Date(wallTimeToInstant('America/New_York', '2026-11-01', 1.5 * 3600_000)).toISOString(),
    ).toBe('2026-11-01T05:30:00.000Z');
    const day = zonedDay('America/New_York', '2026-03-08');
    expect(day.end - day.start).toBe(23 * 3600_000);
    expect(day.format(day.toInstant(12 * 3600_000))).toBe('2026-03-08T12:00:00-04:00');
  });

  it('knows dates without a zone: weekdays, adding days, impossible dates', () => {
    expect(weekdayOf('2026-12-05')).toBe(6);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(parseIsoDate('2026-02-29')).toBeUndefined();
    expect(parseIsoDate('2028-02-29')).toEqual({ year: 2028, month: 2, day: 29 });
    expect(parseIsoDate('2026-1-5')).toBeUndefined();
  });

  it("tells today's date on the mall's clocks", () => {
    // 17:00 UTC on the 4th is already the 5th in Shanghai.
    expect(dateInZone('Asia/Shanghai', Date.UTC(2026, 11, 4, 17))).toBe('2026-12-05');
  });
});

describe('program times', () => {
  it('reads durations as people write them', () => {
    expect(parseDuration('30s')).toBe(30_000);
    expect(parseDuration('5m')).toBe(300_000);
    expect(parseDuration('1h30m')).toBe(5_400_000);
    expect(parseDuration('250ms')).toBe(250);
    expect(parseDuration('5 minutes')).toBeUndefined();
    expect(parseDuration('')).toBeUndefined();
    expect(formatClock(17 * 3600_000 + 25 * 60_000)).toBe('17:25');
  });

  it('resolves times relative to the day', () => {
    const anchors = { onAir: 9 * 3600_000, opening: 9.5 * 3600_000, closing: 18 * 3600_000 };
    expect(resolveClock(parseClockExpr('closing-5m')!, anchors)).toBe(17 * 3600_000 + 55 * 60_000);
    expect(resolveClock(parseClockExpr('09:42')!, anchors)).toBe(9 * 3600_000 + 42 * 60_000);
    expect(parseClockExpr('24:00')).toBeUndefined();
    expect(parseClockExpr('closing-five')).toBeUndefined();
  });
});
