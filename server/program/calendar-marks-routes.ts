import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { allow, userOf } from '../auth/middleware.ts';
import { BROADCAST, STAFF } from '../auth/roles.ts';
import { apiError } from '../http/errors.ts';
import { validate } from '../http/validate.ts';
import { markDays, unmarkDays, type DayMark, type MarkKind } from './calendar-edit.ts';
import { markBody, marksQuery, unmarkBody } from './calendar-marks-schema.ts';
import {
  markFields,
  markProblems,
  marksBetween,
  mergeProblems,
  withFields,
} from './calendar-marks.ts';
import type { ScheduleService } from './schedule-service.ts';

const KIND_NAMES: Record<MarkKind, { zh: string; en: string }> = {
  event: { zh: '活动日', en: 'an event' },
  holiday: { zh: '节假日', en: 'a holiday' },
  closed: { zh: '休息日', en: 'closed' },
  makeup: { zh: '调休上班日', en: 'a make-up working day' },
};

const range = (from: string, to?: string) => (to && to !== from ? `${from}–${to}` : from);

/** A save over a revision the page did not show is refused before anything is looked at. */
function calendarRevision(schedules: ScheduleService, base: number | undefined) {
  const r = schedules.current().revisions.calendar;
  if (base !== undefined && base !== r.id)
    throw apiError(
      409,
      'conflict',
      `日历已被他人修改（现为第 ${r.id} 版），请刷新后再试 · calendar.yaml was changed by someone else (now revision ${r.id}); reload and try again`,
      { revision: r.id },
    );
  return r;
}

const calendarWarnings = (schedules: ScheduleService) =>
  schedules.current().warnings.filter((w) => w.file === 'calendar.yaml');

/**
 * Marks on the calendar from the console: list them, mark dates (an event with its scripts and
 * hours, a holiday with its greeting, closed days, make-up days) and take a mark off again.
 * Each change is one calendar revision; a refused one changes nothing and names every problem,
 * at its line in calendar.yaml and at the form field it came from.
 */
export const calendarMarkRoutes = new Hono<AppEnv>()
  .get('/marks', allow(STAFF), validate('query', marksQuery), (c) => {
    const { from, to } = c.req.valid('query');
    const last = to ?? from;
    if (last < from) throw apiError(400, 'invalid', 'to is before from', { field: 'to' });
    const live = c.var.ctx.schedules.current();
    return c.json({
      revision: live.revisions.calendar.id,
      marks: marksBetween(live.schedules.calendar, from, last),
    });
  })
  .post('/days', allow(BROADCAST), validate('json', markBody), (c) => {
    const { baseRevision, ...mark } = c.req.valid('json') as DayMark & { baseRevision?: number };
    const { schedules } = c.var.ctx;
    const r = calendarRevision(schedules, baseRevision);
    const edit = markDays(r.text, mark);
    const fields = markFields(edit.text, edit.list, edit.index);
    const own = markProblems(mark, fields);
    const verdict = schedules.check({ texts: { calendar: edit.text } });
    if (own.length || !verdict.schedules) {
      const issues = mergeProblems(own, withFields(verdict.errors, fields));
      throw apiError(
        422,
        'invalid-mark',
        `没有标记（${issues.length} 个问题）· Nothing was marked (${issues.length} problem(s)): ${issues[0]?.message ?? ''}`,
        { field: issues.find((i) => i.field)?.field, issues },
      );
    }
    const name = 'name' in mark ? ` ${mark.name}` : '';
    const saved = schedules.save(
      'calendar',
      edit.text,
      userOf(c).username,
      `marked ${range(mark.from, 'to' in mark ? mark.to : undefined)} as ${mark.kind}${name}`,
      r.id,
    );
    return c.json(
      {
        revision: saved.id,
        author: saved.author,
        warnings: withFields(calendarWarnings(schedules), fields),
      },
      201,
    );
  })
  .post('/days/unmark', allow(BROADCAST), validate('json', unmarkBody), (c) => {
    const { baseRevision, ...unmark } = c.req.valid('json');
    const { schedules } = c.var.ctx;
    if (unmark.to !== undefined && unmark.to < unmark.from)
      throw apiError(
        422,
        'invalid-mark',
        `结束日期早于开始日期 · to (${unmark.to}) is before from (${unmark.from})`,
        { field: 'to', issues: [{ field: 'to', message: `to is before from` }] },
      );
    const r = calendarRevision(schedules, baseRevision);
    const { text, removed } = unmarkDays(r.text, unmark);
    const what = `${range(unmark.from, unmark.to)}${unmark.name ? `（${unmark.name}）` : ''}`;
    if (removed.length === 0)
      throw apiError(
        404,
        'not-marked',
        `${what} 没有标记为${KIND_NAMES[unmark.kind].zh}，没有改动 · ${what} is not marked as ${KIND_NAMES[unmark.kind].en}: nothing changed`,
      );
    const saved = schedules.save(
      'calendar',
      text,
      userOf(c).username,
      `unmarked ${what} as ${unmark.kind}`,
      r.id,
    );
    return c.json({
      revision: saved.id,
      author: saved.author,
      removed,
      warnings: calendarWarnings(schedules),
    });
  });
