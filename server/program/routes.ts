import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../app-env.ts';
import { allow, userOf } from '../auth/middleware.ts';
import { BROADCAST, BROADCAST_AND_PLAYERS, STAFF } from '../auth/roles.ts';
import { datesBetween, isIsoDate } from '../../core/zoned-time.ts';
import { apiError, notFound } from '../http/errors.ts';
import { validate } from '../http/validate.ts';
import { resolveDay } from './calendar.ts';
import { calendarHolidayRoutes } from './calendar-holiday-routes.ts';
import { calendarMarkRoutes } from './calendar-marks-routes.ts';
import type { Calendar } from './calendar-schema.ts';
import { planStates } from './plan-states.ts';
import { programPreviewRoutes } from './preview-routes.ts';
import { isoDate } from '../../core/plan.ts';
import type { StoredFile } from './schedule-store.ts';
import { decodeUtf8 } from './source.ts';

const date = isoDate;

/** The note of a make-up working day (`元旦调休`), if the calendar gives one. */
function makeupNote(calendar: Calendar, d: string): string | undefined {
  for (const m of calendar.makeupWorkdays) if (typeof m !== 'string' && m.date === d) return m.note;
  return undefined;
}
const saveBody = z.object({
  yaml: z.string().min(1).max(1_000_000),
  note: z.string().max(500).default(''),
  /** The revision the edit started from: a save over someone else's newer one is refused. */
  baseRevision: z.number().int().positive().optional(),
});

/** Read, edit, export and import one schedule file, with its revisions. */
function fileRoutes(file: StoredFile) {
  const current = (c: { var: AppEnv['Variables'] }) => c.var.ctx.schedules.current();
  // A save that passes may still warn (next year's holidays missing): say so in the answer.
  const warningsOf = (c: { var: AppEnv['Variables'] }) =>
    current(c).warnings.filter((w) => w.file === `${file}.yaml`);
  return new Hono<AppEnv>()
    .get('/', allow(STAFF), (c) => {
      const { revisions, warnings } = current(c);
      const r = revisions[file];
      return c.json({
        file,
        revision: r.id,
        author: r.author,
        note: r.note,
        createdAt: r.createdAt,
        yaml: r.text,
        warnings: warnings.filter((w) => w.file === `${file}.yaml`),
      });
    })
    .put('/', allow(BROADCAST), validate('json', saveBody), (c) => {
      const { yaml, note, baseRevision } = c.req.valid('json');
      const r = c.var.ctx.schedules.save(file, yaml, userOf(c).username, note, baseRevision);
      return c.json({ revision: r.id, createdAt: r.createdAt, warnings: warningsOf(c) });
    })
    .get('/export', allow(STAFF), (c) => {
      const r = current(c).revisions[file];
      c.header('Content-Disposition', `attachment; filename="${file}.yaml"`);
      c.header('Content-Type', 'application/yaml; charset=utf-8');
      return c.body(r.text);
    })
    .post('/import', allow(BROADCAST), async (c) => {
      // A YAML file as the body (text/yaml), or a multipart form with a `file` field.
      const type = c.req.header('Content-Type') ?? '';
      let bytes: ArrayBuffer;
      if (type.startsWith('multipart/form-data')) {
        const form = await c.req.parseBody();
        const f = form['file'];
        if (!(f instanceof File))
          throw apiError(400, 'invalid', 'send the YAML file in a form field named "file"', {
            field: 'file',
          });
        bytes = await f.arrayBuffer();
      } else bytes = await c.req.arrayBuffer();
      if (bytes.byteLength > 1_000_000)
        throw apiError(413, 'too-large', 'a schedule file is at most 1 MB');
      // Bytes, not `text()`: that would turn a GBK file's Chinese into U+FFFD without a word.
      const decoded = decodeUtf8(`${file}.yaml`, new Uint8Array(bytes));
      if (decoded.issue)
        throw apiError(422, 'invalid-schedule', decoded.issue.message, {
          issues: [decoded.issue],
        });
      const text = decoded.text;
      if (!text.trim()) throw apiError(400, 'invalid', 'the file is empty');
      const r = c.var.ctx.schedules.save(file, text, userOf(c).username, `imported ${file}.yaml`);
      return c.json({ revision: r.id, createdAt: r.createdAt, warnings: warningsOf(c) }, 201);
    })
    .get('/revisions', allow(STAFF), (c) => {
      const list = c.var.ctx.schedules.revisions(file).map(({ text: _text, ...r }) => r);
      return c.json({ revisions: list, current: current(c).revisions[file].id });
    })
    .get(
      '/revisions/:id',
      allow(STAFF),
      validate('param', z.object({ id: z.coerce.number().int().positive() })),
      (c) => {
        const r = c.var.ctx.schedules.revision(c.req.valid('param').id);
        if (!r || r.file !== file) throw notFound(`${file} revision ${c.req.valid('param').id}`);
        return c.json(r);
      },
    )
    .post(
      '/revisions/:id/restore',
      allow(BROADCAST),
      validate('param', z.object({ id: z.coerce.number().int().positive() })),
      (c) => {
        const { id } = c.req.valid('param');
        const old = c.var.ctx.schedules.revision(id);
        if (!old || old.file !== file) throw notFound(`${file} revision ${id}`);
        const r = c.var.ctx.schedules.save(
          file,
          old.text,
          userOf(c).username,
          `restored revision ${id}`,
        );
        return c.json({ revision: r.id, restored: id });
      },
    );
}

/** Program, calendar and volume files; the plan; day types of dates. */
export const programRoutes = new Hono<AppEnv>()
  .route('/program/preview', programPreviewRoutes)
  .route('/program', fileRoutes('program'))
  .route('/calendar', fileRoutes('calendar'))
  .route('/volume', fileRoutes('volume'))
  .route('/calendar/holidays', calendarHolidayRoutes)
  .route('/calendar', calendarMarkRoutes)
  .get(
    '/calendar/days',
    allow(STAFF),
    validate('query', z.object({ from: date, to: date.optional() })),
    (c) => {
      const { from, to } = c.req.valid('query');
      const last = to ?? from;
      if (last < from) throw apiError(400, 'invalid', 'to is before from', { field: 'to' });
      const dates = datesBetween(from, last);
      if (dates.length > 400)
        throw apiError(400, 'invalid', 'ask for at most 400 days at a time', { field: 'to' });
      const { calendar } = c.var.ctx.schedules.current().schedules;
      return c.json({
        days: dates.map((d) => {
          const day = resolveDay(calendar, d);
          return day.closed
            ? { date: d, closed: true, dayTypes: ['closed'], note: day.note }
            : {
                date: d,
                closed: false,
                dayTypes: ['normal', ...day.overlays],
                makeupWorkday: day.makeupWorkday,
                ...(day.makeupWorkday ? { note: makeupNote(calendar, d) } : {}),
                holiday: day.holiday?.name,
                events: day.events.map((e) => e.name),
              };
        }),
      });
    },
  )
  .get(
    '/plan',
    // The front desk has no use for the broadcast plan; players and the broadcast staff do.
    allow(BROADCAST_AND_PLAYERS),
    validate('query', z.object({ date: z.string().optional() })),
    (c) => {
      const { schedules } = c.var.ctx;
      const d = c.req.valid('query').date ?? schedules.today();
      if (!isIsoDate(d))
        throw apiError(400, 'invalid', `"${d}" is not a date (YYYY-MM-DD)`, { field: 'date' });
      const { json, etag } = schedules.compiled(d);
      // Kiosks poll their plans; an unchanged one costs a 304.
      const headers = { ETag: etag, 'Cache-Control': 'no-cache' };
      if (c.req.header('If-None-Match') === etag) return c.body(null, 304, headers);
      return c.body(json, 200, { ...headers, 'Content-Type': 'application/json; charset=utf-8' });
    },
  )
  // What became of each item of a date's plan, from the as-played log (the console's Today).
  .get(
    '/plan/states',
    allow(BROADCAST),
    validate('query', z.object({ date: date.optional() })),
    (c) => {
      const { schedules, plays, now } = c.var.ctx;
      const d = c.req.valid('query').date ?? schedules.today();
      return c.json(planStates({ schedules, plays }, d, now()));
    },
  );
