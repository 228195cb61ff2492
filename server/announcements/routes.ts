import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import type { AppEnv } from '../app-env.ts';
import { allow, userOf } from '../auth/middleware.ts';
import { ANYONE, STAFF } from '../auth/roles.ts';
import { addDays, wallTimeToInstant } from '../../core/zoned-time.ts';
import { apiError, notFound } from '../http/errors.ts';
import { validate } from '../http/validate.ts';
import { isoDate } from '../../core/plan.ts';
import { announce, type Settings } from './create.ts';
import { announceBody, templateBody, type AnnounceOptions } from './schema.ts';
import { fillTemplate, TEMPLATES } from './templates.ts';

const settings = (o: AnnounceOptions, defaults: Pick<Settings, 'priority' | 'repeat'>) => ({
  at: o.at,
  repeat: o.repeat ?? defaults.repeat,
  priority: o.priority ?? defaults.priority,
  targets: o.targets ?? 'all',
});

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
  .get('/announcements/templates', allow(STAFF), (c) => c.json({ templates: TEMPLATES }))
  .get(
    '/announcements',
    allow(ANYONE),
    validate('query', z.object({ date: isoDate.optional() })),
    (c) => {
      const { ctx, principal } = c.var;
      const date = c.req.valid('query').date ?? ctx.schedules.today();
      const zone = ctx.schedules.timezone();
      const from = new Date(wallTimeToInstant(zone, date, 0)).toISOString();
      const to = new Date(wallTimeToInstant(zone, addDays(date, 1), 0)).toISOString();
      let list = ctx.announcements.due(from, to);
      // A player is given only what it is to play.
      if (principal?.kind === 'device')
        list = list.filter((a) => a.targets === 'all' || a.targets.includes(principal.id));
      return c.json({ date, announcements: list });
    },
  )
  .post('/announcements', allow(STAFF), small, validate('json', announceBody), async (c) => {
    const body = c.req.valid('json');
    const content =
      body.text !== undefined
        ? { kind: 'text' as const, text: body.text, title: body.title }
        : { kind: 'media' as const, mediaId: body.mediaId as string, title: body.title };
    const a = await announce(
      c.var.ctx,
      content,
      settings(body, { priority: 'normal', repeat: 1 }),
      userOf(c).username,
    );
    return c.json(a, 201);
  })
  .post('/announcements/from-template', allow(STAFF), validate('json', templateBody), async (c) => {
    const body = c.req.valid('json');
    const t = TEMPLATES.find((x) => x.id === body.template);
    if (!t)
      throw apiError(
        400,
        'invalid',
        `template: no template "${body.template}" (there are ${TEMPLATES.map((x) => x.id).join(', ')})`,
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
