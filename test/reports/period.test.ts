import { describe, expect, it } from 'vitest';
import {
  isoWeekOf,
  monthPeriod,
  resolvePeriod,
  spanOf,
  weekPeriod,
} from '../../server/reports/period.ts';

describe('report periods', () => {
  it('number weeks as ISO does: Monday first, week 1 holds the year’s first Thursday', () => {
    expect(isoWeekOf('2026-12-07')).toEqual({ year: 2026, week: 50 });
    expect(isoWeekOf('2026-12-13')).toEqual({ year: 2026, week: 50 });
    expect(isoWeekOf('2026-12-14')).toEqual({ year: 2026, week: 51 });
    // 2026 starts on a Thursday: it has a week 53, which runs into 2027.
    expect(weekPeriod(2026, 53)).toMatchObject({ from: '2026-12-28', to: '2027-01-03' });
    expect(isoWeekOf('2027-01-03')).toEqual({ year: 2026, week: 53 });
    expect(isoWeekOf('2027-01-04')).toEqual({ year: 2027, week: 1 });
    expect(isoWeekOf('2021-01-03')).toEqual({ year: 2020, week: 53 });
    expect(weekPeriod(2025, 53)).toBeUndefined();
    expect(weekPeriod(2026, 0)).toBeUndefined();
  });

  it('run from the mall’s midnight to the one after the last date, whatever the host zone', () => {
    const week = weekPeriod(2026, 50)!;
    expect(spanOf(week, 'Asia/Shanghai')).toEqual({
      start: Date.parse('2026-12-06T16:00:00Z'),
      end: Date.parse('2026-12-13T16:00:00Z'),
    });
    expect(monthPeriod(2026, 2)).toMatchObject({ label: '2026-02', to: '2026-02-28' });
    expect(monthPeriod(2026, 12)).toMatchObject({ from: '2026-12-01', to: '2026-12-31' });
  });

  it('are the current week when none is named, and a year at most', () => {
    expect(resolvePeriod({}, '2026-12-09').label).toBe('2026-W50');
    expect(resolvePeriod({ from: '2026-12-01' }, '2026-12-09')).toMatchObject({
      kind: 'range',
      to: '2026-12-01',
    });
    expect(() => resolvePeriod({ from: '2026-01-01', to: '2027-01-05' }, '2026-12-09')).toThrow(
      /at most 366 days/,
    );
    expect(() => resolvePeriod({ to: '2026-12-01' }, '2026-12-09')).toThrow(/from and to/);
  });
});
