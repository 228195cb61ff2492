import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { calendarSchema } from '../../server/program/calendar-schema.ts';
import { calendarWarnings } from '../../server/program/calendar-warnings.ts';
import { loadSchedules } from '../../server/program/load.ts';
import { formatIssue } from '../../server/program/source.ts';
import { edit, lineOf, scratchSchedules } from '../helpers/schedules-copy.ts';

/** The shipped calendar: 2026's holidays, none for 2027. */
const shipped = calendarSchema.parse({
  holidays: [
    { name: '元旦', from: '2026-01-01', to: '2026-01-03' },
    { name: '国庆节', from: '2026-10-01', to: '2026-10-07' },
  ],
});
const codes = (now: string) => calendarWarnings(shipped, Date.parse(now)).map((w) => w.code);

describe('calendarWarnings', () => {
  it('says nothing about next year until November, mall time', () => {
    expect(codes('2026-06-15T12:00:00+08:00')).toEqual([]);
    // 23:59:59 on 31 October in Shanghai is 11:59:59 in New York and 15:59:59 UTC.
    expect(codes('2026-10-31T23:59:59+08:00')).toEqual([]);
    expect(codes('2026-11-01T00:00:00+08:00')).toEqual(['next-year-holidays-missing']);
    expect(codes('2026-12-31T23:59:59+08:00')).toEqual(['next-year-holidays-missing']);
  });

  it('says when next year starts, in Chinese and English, for the banner', () => {
    const [w] = calendarWarnings(shipped, Date.parse('2026-12-02T09:00:00+08:00'));
    expect(w).toMatchObject({ code: 'next-year-holidays-missing', year: 2027, level: 'warning' });
    expect(w?.zh).toContain('2027年');
    expect(w?.zh).toContain('还有30天');
    expect(w?.en).toContain('1 January 2027 (in 30 days)');
    const last = calendarWarnings(shipped, Date.parse('2026-12-31T20:00:00+08:00'))[0];
    expect(last?.en).toContain('(in 1 day)');
    expect(last?.zh).toContain('还有1天');
  });

  it('is quiet once any of next year’s holidays is in', () => {
    const entered = calendarSchema.parse({
      holidays: [...shipped.holidays, { name: '元旦', date: '2027-01-01' }],
    });
    expect(calendarWarnings(entered, Date.parse('2026-11-20T10:00:00+08:00'))).toEqual([]);
  });

  it('warns at once, whatever the month, when this year has no holidays at all', () => {
    expect(codes('2027-01-01T00:00:00+08:00')).toEqual(['this-year-holidays-missing']);
    expect(codes('2027-11-01T08:00:00+08:00')).toEqual([
      'this-year-holidays-missing',
      'next-year-holidays-missing',
    ]);
  });

  it('judges the date in the calendar’s own time zone', () => {
    const utc = calendarSchema.parse({ ...shipped, timezone: 'UTC' });
    // 1 November 05:00 in Shanghai is still 31 October in UTC.
    const now = Date.parse('2026-11-01T05:00:00+08:00');
    expect(calendarWarnings(utc, now)).toEqual([]);
    expect(calendarWarnings(shipped, now)).toHaveLength(1);
  });
});

describe('check with a date', () => {
  it('warns at the calendar’s holidays from November on, and not before', async () => {
    const dir = await scratchSchedules();
    const november = await loadSchedules(dir, 'media', Date.parse('2026-11-02T09:00:00+08:00'));
    expect(november.errors).toEqual([]);
    const line = await lineOf(dir, 'calendar.yaml', 'holidays:');
    const warning = november.warnings.find((w) => w.code === 'next-year-holidays-missing');
    expect(warning && formatIssue(warning)).toMatch(
      new RegExp(`^${dir}/calendar.yaml:${line}:1: The calendar has no public holidays for 2027`),
    );
    const october = await loadSchedules(dir, 'media', Date.parse('2026-10-30T09:00:00+08:00'));
    expect(october.warnings.filter((w) => w.code)).toEqual([]);
  });

  it('is quiet once next year’s holidays are entered', async () => {
    const dir = await scratchSchedules();
    // A made-up date, only to show the warning goes: not a published schedule.
    await edit(
      dir,
      'calendar.yaml',
      '  - { name: 元旦, from: 2026-01-01',
      '  - { name: 测试假日, date: 2027-03-03 }\n  - { name: 元旦, from: 2026-01-01',
    );
    expect(await readFile(`${dir}/calendar.yaml`, 'utf8')).toContain('测试假日');
    const loaded = await loadSchedules(dir, 'media', Date.parse('2026-11-02T09:00:00+08:00'));
    expect(loaded.errors).toEqual([]);
    expect(loaded.warnings.filter((w) => w.code)).toEqual([]);
  });
});
