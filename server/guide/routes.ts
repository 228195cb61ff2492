import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../app-env.ts';
import { allow, userOf } from '../auth/middleware.ts';
import { ADMIN, STAFF_AND_GUIDES } from '../auth/roles.ts';
import { apiError, notFound } from '../http/errors.ts';
import { validate } from '../http/validate.ts';
import { etagMatches } from '../media/range.ts';
import { formatIssue } from '../program/source.ts';

const idParam = z.object({ id: z.coerce.number().int().positive() });
const hereBody = z.strictObject({ here: z.string().min(1).max(60).nullable() });

/**
 * `GET /api/guide`: all a guide screen shows (a guide device, or staff looking at it); an
 * unchanged answer is a 304 by its ETag. The screens' "you are here" is set by an admin.
 */
export const guideRoutes = new Hono<AppEnv>()
  .get('/guide', allow(STAFF_AND_GUIDES), (c) => {
    const who = c.var.principal;
    const view = c.var.ctx.guide.view(who?.kind === 'device' ? who.id : undefined);
    c.header('ETag', view.etag);
    // Revalidated every time: merchants, promos and the weather change during the day.
    c.header('Cache-Control', 'no-cache');
    if (etagMatches(c.req.header('If-None-Match'), view.etag)) return c.body(null, 304);
    c.header('Content-Type', 'application/json; charset=utf-8');
    return c.body(view.json);
  })
  .get('/guide/screens', allow(ADMIN), (c) => {
    const { auth, guide } = c.var.ctx;
    const set = guide.screens.all();
    const floors = guide.floors.current();
    // Shops the maps cannot show: their unit is not drawn on their floor (a typo, a new unit).
    const unmapped = c.var.ctx.merchants
      .list()
      .filter((m) => !m.retired && floors.floors.length)
      .filter((m) => !m.unit || !floors.floors.find((f) => f.id === m.floor)?.units[m.unit])
      .map((m) => ({ id: m.id, name: m.name, floor: m.floor, unit: m.unit }));
    return c.json({
      here: floors.here,
      problems: floors.problems.map(formatIssue),
      unmapped,
      screens: auth
        .devices()
        .filter((d) => d.kind === 'guide' && !d.revokedAt)
        .map((d) => ({ deviceId: d.id, name: d.name, here: set.get(d.id) ?? null })),
    });
  })
  .put(
    '/guide/screens/:id',
    allow(ADMIN),
    validate('param', idParam),
    validate('json', hereBody),
    (c) => {
      const { auth, guide, bus, now } = c.var.ctx;
      const { id } = c.req.valid('param');
      const { here } = c.req.valid('json');
      const device = auth.device(id);
      if (!device || device.revokedAt) throw notFound(`device ${id}`);
      if (device.kind !== 'guide')
        throw apiError(400, 'invalid', `device ${id} is a ${device.kind}, not a guide screen`);
      if (here !== null && !guide.spot(here)) {
        const known = guide.floors.current().here.map((h) => h.id);
        throw apiError(
          400,
          'invalid',
          `here: 楼层图中没有「${here}」· floors.yaml has no place "${here}" (${known.join(', ') || 'none'})`,
          { field: 'here' },
        );
      }
      guide.screens.setHere(id, here, userOf(c).username, now());
      bus.publish('guide-changed', { reason: 'here', deviceIds: [id] });
      return c.json({ deviceId: id, here: guide.spot(here) });
    },
  );
