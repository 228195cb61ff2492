import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import type { AppEnv } from '../app-env.ts';
import { allow, userOf } from '../auth/middleware.ts';
import { STAFF, STAFF_AND_PLAYERS } from '../auth/roles.ts';
import { addDays, wallTimeToInstant } from '../../core/zoned-time.ts';
import { apiError, notFound } from '../http/errors.ts';
import { validate } from '../http/validate.ts';
import { isoDate } from '../../core/plan.ts';
import { announce, type Settings } from './create.ts';
import { announceBody, templateBody, type AnnounceOptions } from './schema.ts';
import { templateRoutes } from './template-routes.ts';
import { fillTemplate } from './templates.ts';

const settings = (
  o: AnnounceOptions,
  defaults: Pick<Settings, 'priority' | 'repeat' | 'intervalS'>,
) => ({
  at: o.at,
  repeat: o.repeat ?? defaults.repeat,
  intervalS: o.intervalS ?? defaults.intervalS,
  priority: o.priority ?? defaults.priority,
  targets: o.targets ?? 'all',
});

/** A day (`date`, today by default) or the days `from`–`to`: the console's week ahead. */
const listQuery = z
  .object({ date: isoDate.optional(), from: isoDate.optional(), to: isoDate.optional() })
  .refine((q) => !q.to || q.from, { message: 'from is required with to', path: ['from'] });
/** Announcements are set at most 7 days ahead: a fortnight covers the past week and the next. */
const MAX_LIST_DAYS = 15;

const small = bodyLimit({
  maxSize: 64 * 1024,
  onError: (c) =>
    c.json({ error: 'too-large', message: 'an announcement is at most 64 KB of JSON' }, 413),
});

/**
 * Ad-hoc announcements: made by the desk (text spoken by TTS, or a recording), pushed to the
 * players at once, listed per day for players catching up after a reconnect, cancellable.
 */
export const announcementRoutes = new Hono<AppEnv>()
  .route('/', templateRoutes)
  // The players an announcement can be aimed at, for the console (the devices list is admin's).
  .get('/announcements/players', allow(STAFF), (c) =>
    c.json({
      players: c.var.ctx.auth
        .devices()
        .filter((d) => d.kind === 'player' && d.revokedAt === null)
        .map((d) => ({ id: d.id, name: d.name, lastSeenAt: d.lastSeenAt })),
    }),
  )
  .get('/announcements', allow(STAFF_AND_PLAYERS), validate('query', listQuery), (c) => {
    const { ctx, principal } = c.var;
    const q = c.req.valid('query');
    const first = q.from ?? q.date ?? ctx.schedules.today();
    const last = q.to ?? first;
    if (q.date && (q.from || q.to))
      throw apiError(400, 'invalid', 'give either date or from/to, not both', { field: 'date' });
    if (last < first) throw apiError(400, 'invalid', 'to is before from', { field: 'to' });
    if (last > addDays(first, MAX_LIST_DAYS - 1))
      throw apiError(400, 'invalid', `ask for at most ${MAX_LIST_DAYS} days at a time`, {
        field: 'to',
      });
    const zone = ctx.schedules.timezone();
    const from = new Date(wallTimeToInstant(zone, first, 0)).toISOString();
    const to = new Date(wallTimeToInstant(zone, addDays(last, 1), 0)).toISOString();
    let list = ctx.announcements.due(from, to);
    // A player is given only what it is to play.
    if (principal?.kind === 'device')
      list = list.filter((a) => a.targets === 'all' || a.targets.includes(principal.id));
    return c.json(
      q.from
        ? { from: first, to: last, announcements: list }
        : { date: first, announcements: list },
    );
  })
  .post('/announcements', allow(STAFF), small, validate('json', announceBody), async (c) => {
    const body = c.req.valid('json');
    const content =
      body.text !== undefined
        ? { kind: 'text' as const, text: body.text, title: body.title }
        : { kind: 'media' as const, mediaId: body.mediaId as string, title: body.title };
    const a = await announce(
      c.var.ctx,
      content,
      settings(body, { priority: 'normal', repeat: 1, intervalS: 1 }),
      userOf(c).username,
    );
    return c.json(a, 201);
  })
  .post('/announcements/from-template', allow(STAFF), validate('json', templateBody), async (c) => {
    const body = c.req.valid('json');
    const templates = c.var.ctx.announcementTemplates;
    const t = templates.get(body.template);
    if (!t)
      throw apiError(
        400,
        'invalid',
        `template: no template "${body.template}" (there are ${templates
          .list()
          .map((x) => x.id)
          .join(', ')})`,
        { field: 'template' },
      );
    const filled = fillTemplate(t, body.fields);
    if (!filled.ok) throw apiError(400, 'invalid', filled.message, { field: filled.field });
    const a = await announce(
      c.var.ctx,
      { kind: 'text', text: filled.text, title: body.title ?? filled.title },
      { ...settings(body, t), template: t.id, fields: filled.fields },
      userOf(c).username,
    );
    return c.json(a, 201);
  })
  .post(
    '/announcements/:id/cancel',
    allow(STAFF),
    validate('param', z.object({ id: z.coerce.number().int().positive() })),
    (c) => {
      const { ctx } = c.var;
      const { id } = c.req.valid('param');
      const a = ctx.announcements.get(id);
      if (!a) throw notFound(`announcement ${id}`);
      if (!ctx.announcements.cancel(id, userOf(c).username, ctx.now()))
        throw apiError(409, 'already-cancelled', `announcement ${id} was already cancelled`);
      ctx.bus.publish('announcement-cancelled', { id });
      return c.json(ctx.announcements.get(id));
    },
  );
