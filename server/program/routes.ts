import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../app-env.ts';
import { allow, userOf } from '../auth/middleware.ts';
import { BROADCAST, BROADCAST_AND_DEVICES, STAFF } from '../auth/roles.ts';
import { datesBetween, isIsoDate } from '../../core/zoned-time.ts';
import { apiError, notFound } from '../http/errors.ts';
import { validate } from '../http/validate.ts';
import { resolveDay } from './calendar.ts';
import { markDays, type DayMark } from './calendar-edit.ts';
import { isoDate } from '../../core/plan.ts';
import type { StoredFile } from './schedule-store.ts';

const date = isoDate;
const saveBody = z.object({
  yaml: z.string().min(1).max(1_000_000),
  note: z.string().max(500).default(''),
  /** The revision the edit started from: a save over someone else's newer one is refused. */
  baseRevision: z.number().int().positive().optional(),
});

/** Read, edit, export and import one schedule file, with its revisions. */
function fileRoutes(file: StoredFile) {
  const current = (c: { var: AppEnv['Variables'] }) => c.var.ctx.schedules.current();
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
      return c.json({ revision: r.id, createdAt: r.createdAt });
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
      let text: string;
      if (type.startsWith('multipart/form-data')) {
        const form = await c.req.parseBody();
        const f = form['file'];
        if (!(f instanceof File))
          throw apiError(400, 'invalid', 'send the YAML file in a form field named "file"', {
            field: 'file',
          });
        text = await f.text();
      } else text = await c.req.text();
      if (!text.trim()) throw apiError(400, 'invalid', 'the file is empty');
      if (text.length > 1_000_000)
        throw apiError(413, 'too-large', 'a schedule file is at most 1 MB');
      const r = c.var.ctx.schedules.save(file, text, userOf(c).username, `imported ${file}.yaml`);
      return c.json({ revision: r.id, createdAt: r.createdAt }, 201);
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

const markBody = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('event'),
    from: date,
    to: date.optional(),
    name: z.string().min(1).max(100),
    scripts: z
      .array(
        z.object({
          title: z.string().optional(),
          media: z.string().optional(),
          text: z.string().min(1).optional(),
        }),
      )
      .min(1),
    repeat: z.number().int().min(1).max(10).optional(),
  }),
  z.object({
    kind: z.literal('holiday'),
    from: date,
    to: date.optional(),
    name: z.string().min(1).max(100),
    greeting: z.string().min(1).optional(),
  }),
  z.object({
    kind: z.literal('closed'),
    from: date,
    to: date.optional(),
    note: z.string().max(200).optional(),
  }),
  z.object({ kind: z.literal('makeup'), from: date, note: z.string().max(200).optional() }),
]);

/** Program, calendar and volume files; the plan; day types of dates. */
export const programRoutes = new Hono<AppEnv>()
  .route('/program', fileRoutes('program'))
  .route('/calendar', fileRoutes('calendar'))
  .route('/volume', fileRoutes('volume'))
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
                holiday: day.holiday?.name,
                events: day.events.map((e) => e.name),
              };
        }),
      });
    },
  )
  .post('/calendar/days', allow(BROADCAST), validate('json', markBody), (c) => {
    const mark = c.req.valid('json') as DayMark;
    const { schedules } = c.var.ctx;
    const r = schedules.current().revisions.calendar;
    const yaml = markDays(r.text, mark);
    const saved = schedules.save(
      'calendar',
      yaml,
      userOf(c).username,
      `marked ${mark.from}${'to' in mark && mark.to ? `–${mark.to}` : ''} as ${mark.kind}`,
      r.id,
    );
    return c.json({ revision: saved.id }, 201);
  })
  .get(
    '/plan',
    // The front desk has no use for the broadcast plan; players and the broadcast staff do.
    allow(BROADCAST_AND_DEVICES),
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
  );
