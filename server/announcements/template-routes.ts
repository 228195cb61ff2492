import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../app-env.ts';
import { allow, userOf } from '../auth/middleware.ts';
import { BROADCAST, STAFF } from '../auth/roles.ts';
import { apiError, notFound } from '../http/errors.ts';
import { validate } from '../http/validate.ts';
import { fillBody, templateDefinitionBody, type TemplateDefinition } from './template-schema.ts';
import type { TemplateStore } from './template-store.ts';
import { fillTemplate } from './templates.ts';

/** Enough for every kind of call a desk makes; past this the list no longer helps anyone. */
export const MAX_OWN_TEMPLATES = 100;

const idParam = z.object({ id: z.string().min(1).max(50) });

/** Two templates of one name would be a guess at the desk: names are unique, in any case. */
function checkName(store: TemplateStore, d: TemplateDefinition, self?: string): void {
  const key = d.name.toLowerCase();
  const other = store.list().find((t) => t.id !== self && t.name.toLowerCase() === key);
  if (other)
    throw apiError(400, 'invalid', `name: there is already a template called ${other.name}`, {
      field: 'name',
    });
}

/**
 * Announcement templates: everyone on the staff lists and fills them; those who run the
 * broadcast word them (the mall's own: make, edit, delete; the built-ins: reword, restore).
 */
export const templateRoutes = new Hono<AppEnv>()
  .get('/announcements/templates', allow(STAFF), (c) =>
    c.json({ templates: c.var.ctx.announcementTemplates.list() }),
  )
  .post(
    '/announcements/templates',
    allow(BROADCAST),
    validate('json', templateDefinitionBody),
    (c) => {
      const { announcementTemplates: store, bus, now } = c.var.ctx;
      const d = c.req.valid('json');
      if (store.list().filter((t) => !t.builtin).length >= MAX_OWN_TEMPLATES)
        throw apiError(
          409,
          'too-many',
          `the mall has ${MAX_OWN_TEMPLATES} templates of its own; delete one it no longer uses`,
        );
      checkName(store, d);
      const t = store.create(d, userOf(c).username, now());
      bus.publish('announcement-templates-changed', { ids: [t.id] });
      return c.json(t, 201);
    },
  )
  .put(
    '/announcements/templates/:id',
    allow(BROADCAST),
    validate('param', idParam),
    validate('json', templateDefinitionBody),
    (c) => {
      const { announcementTemplates: store, bus, now } = c.var.ctx;
      const { id } = c.req.valid('param');
      const d = c.req.valid('json');
      if (!store.get(id)) throw notFound(`template ${id}`);
      checkName(store, d, id);
      const t = store.update(id, d, userOf(c).username, now());
      bus.publish('announcement-templates-changed', { ids: [id] });
      return c.json(t);
    },
  )
  .delete('/announcements/templates/:id', allow(BROADCAST), validate('param', idParam), (c) => {
    const { announcementTemplates: store, bus } = c.var.ctx;
    const { id } = c.req.valid('param');
    const done = store.remove(id);
    switch (done) {
      case 'missing':
        throw notFound(`template ${id}`);
      case 'builtin':
        throw apiError(
          409,
          'builtin',
          `${id} ships with deskcast and cannot be deleted; reword it, or restore its default wording`,
        );
      case 'deleted':
        bus.publish('announcement-templates-changed', { ids: [id] });
        return c.json({ deleted: id });
      default: {
        const never: never = done;
        return never;
      }
    }
  })
  .post('/announcements/templates/:id/reset', allow(BROADCAST), validate('param', idParam), (c) => {
    const { announcementTemplates: store, bus } = c.var.ctx;
    const { id } = c.req.valid('param');
    if (!store.get(id)) throw notFound(`template ${id}`);
    const t = store.reset(id);
    if (!t)
      throw apiError(409, 'not-builtin', `${id} is the mall's own: it has no default wording`);
    bus.publish('announcement-templates-changed', { ids: [id] });
    return c.json(t);
  })
  // What the filled template will say, before it is sent: the console previews and checks it.
  .post(
    '/announcements/templates/:id/fill',
    allow(STAFF),
    validate('param', idParam),
    validate('json', fillBody),
    (c) => {
      const { id } = c.req.valid('param');
      const t = c.var.ctx.announcementTemplates.get(id);
      if (!t) throw notFound(`template ${id}`);
      const filled = fillTemplate(t, c.req.valid('json').fields);
      if (!filled.ok) throw apiError(400, 'invalid', filled.message, { field: filled.field });
      return c.json({
        template: id,
        text: filled.text,
        title: filled.title,
        fields: filled.fields,
      });
    },
  );
