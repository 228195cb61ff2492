import { Hono } from 'hono';
import { z } from 'zod';
import { isoDate } from '../../core/plan.ts';
import type { AppEnv } from '../app-env.ts';
import { allow, userOf } from '../auth/middleware.ts';
import { BROADCAST, STAFF } from '../auth/roles.ts';
import { apiError } from '../http/errors.ts';
import { validate } from '../http/validate.ts';
import { datesOf } from './calendar.ts';
import type { Calendar, Holiday } from './calendar-schema.ts';
import { checkYearSchedule, entriesOfYear, setYearSchedule } from './calendar-holidays.ts';

const year = z.number().int().min(2000).max(2100);

// Strict: a misspelt `makeupDays` would otherwise enter a year without its make-up days.
const scheduleBody = z.strictObject({
  year,
  holidays: z
    .array(
      z.strictObject({
        name: z.string().trim().min(1).max(20),
        from: isoDate,
        /** Leave out for a one-day holiday. */
        to: isoDate.optional(),
      }),
    )
    .min(1)
    .max(20),
  makeUpDays: z
    .array(
      z.union([
        isoDate,
        z.strictObject({ date: isoDate, note: z.string().trim().max(50).optional() }),
      ]),
    )
    .max(20)
    .default([]),
  /** The notice the dates come from, kept as a comment in calendar.yaml. */
  source: z.string().trim().min(1).max(200).optional(),
  /** The year's holidays are in the calendar already: replace them (else 409). */
  replace: z.boolean().default(false),
  baseRevision: z.number().int().positive().optional(),
});

/** A year's public holidays and make-up working days (调休), read and entered in one go. */
export const calendarHolidayRoutes = new Hono<AppEnv>()
  .get(
    '/',
    allow(STAFF),
    validate('query', z.object({ year: z.coerce.number().pipe(year).optional() })),
    (c) => {
      const { schedules } = c.var.ctx;
      const live = schedules.current();
      const { calendar } = live.schedules;
      const y = c.req.valid('query').year ?? Number(schedules.today().slice(0, 4));
      const own = entriesOfYear(calendar, y);
      return c.json({
        year: y,
        revision: live.revisions.calendar.id,
        holidays: own.holidays.map((i) => {
          const h = calendar.holidays[i] as Holiday;
          const dates = datesOf(h);
          return { name: h.name, from: dates[0], to: dates.at(-1), greeting: !!h.greeting };
        }),
        makeUpDays: own.makeUpDays.map((i) => {
          const m = calendar.makeupWorkdays[i] as Calendar['makeupWorkdays'][number];
          return typeof m === 'string' ? { date: m } : m;
        }),
      });
    },
  )
  .post('/', allow(BROADCAST), validate('json', scheduleBody), (c) => {
    const body = c.req.valid('json');
    const { schedules } = c.var.ctx;
    const live = schedules.current();
    const r = live.revisions.calendar;
    const { calendar } = live.schedules;
    const problems = checkYearSchedule(body, calendar);
    if (problems.length)
      throw apiError(
        422,
        'invalid-holidays',
        `${problems.length} problem(s) in the ${body.year} schedule: nothing was saved`,
        { field: problems[0]?.field, issues: problems },
      );
    const own = entriesOfYear(calendar, body.year);
    if (!body.replace && (own.holidays.length || own.makeUpDays.length)) {
      const names = own.holidays.map((i) => (calendar.holidays[i] as Holiday).name);
      throw apiError(
        409,
        'year-exists',
        `the calendar has ${body.year}'s holidays already (${names.join('、') || `${own.makeUpDays.length} make-up day(s)`}): send replace: true to replace them`,
        { field: 'replace' },
      );
    }
    const { text, replaced } = setYearSchedule(r.text, calendar, body);
    const saved = schedules.save(
      'calendar',
      text,
      userOf(c).username,
      `entered the ${body.year} public holidays${body.source ? ` (${body.source})` : ''}`,
      body.baseRevision ?? r.id,
    );
    return c.json(
      {
        revision: saved.id,
        year: body.year,
        holidays: body.holidays.length,
        makeUpDays: body.makeUpDays.length,
        replaced,
        warnings: schedules.current().warnings.filter((w) => w.file === 'calendar.yaml'),
      },
      201,
    );
  });
