import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../app-env.ts';
import { allow } from '../auth/middleware.ts';
import { BROADCAST, STAFF_AND_PLAYERS } from '../auth/roles.ts';
import { apiError, notFound } from '../http/errors.ts';
import { validate } from '../http/validate.ts';
import { mediaActionRoutes } from './action-routes.ts';
import { toItem, type MediaRecord } from './library.ts';
import { LOUDNESS_TARGET, LOUDNESS_TOLERANCE_LU } from './loudness-target.ts';
import { mediaListQuery, mediaPatchSchema } from './schemas.ts';
import { uploadRoutes } from './upload-route.ts';
import { presentWithUses, useLookup } from './present.ts';
import { describeUser, newScheduleIssues, usersOf } from './usage.ts';

// Ids contain slashes (`promos/lanting-sofa`): the route takes the rest of the path, so a
// client may write them as they are or percent-encode them.
const idParam = z.object({ id: z.string().min(1) });

/**
 * The media library's API: list and read for everyone signed in; upload, retitle, retag and
 * delete for those who run the broadcast. A change the program depends on is refused, with why.
 */
export const mediaRoutes = new Hono<AppEnv>()
  .route('/', uploadRoutes)
  .route('/', mediaActionRoutes)
  .get('/media', allow(STAFF_AND_PLAYERS), validate('query', mediaListQuery), (c) => {
    const { tag, q } = c.req.valid('query');
    const needle = q?.toLowerCase();
    const items = c.var.ctx.media
      .all()
      .filter((m) => !tag || m.tags.includes(tag))
      .filter(
        (m) =>
          !needle || m.title.toLowerCase().includes(needle) || m.id.toLowerCase().includes(needle),
      );
    const uses = useLookup(c.var.ctx);
    return c.json({
      items: items.map((m) => presentWithUses(c.var.ctx, m, uses)),
      // Where it is configured: server/media/loudness-target.ts.
      loudnessTarget: { ...LOUDNESS_TARGET, toleranceLu: LOUDNESS_TOLERANCE_LU },
    });
  })
  .get('/media/:id{.+}', allow(STAFF_AND_PLAYERS), validate('param', idParam), (c) => {
    const { id } = c.req.valid('param');
    const m = c.var.ctx.media.get(id);
    if (!m) throw notFound(`media ${id}`);
    return c.json(presentWithUses(c.var.ctx, m));
  })
  .patch(
    '/media/:id{.+}',
    allow(BROADCAST),
    validate('param', idParam),
    validate('json', mediaPatchSchema),
    (c) => {
      const { ctx } = c.var;
      const { id } = c.req.valid('param');
      const change = c.req.valid('json');
      const old = ctx.media.get(id);
      if (!old) throw notFound(`media ${id}`);
      if (change.tags) {
        const put = toItem({ ...old, tags: change.tags });
        const issues = newScheduleIssues(ctx, ctx.media.catalogueWith({ put }));
        if (issues.length)
          throw apiError(
            409,
            'breaks-program',
            `with these tags the program would break (${issues.length} problem(s)); nothing was changed`,
            { issues },
          );
      }
      const updated = ctx.media.update(id, change, ctx.now()) as MediaRecord;
      ctx.bus.publish('media-changed', { ids: [id], change: 'updated' });
      ctx.schedules.invalidate(`media ${id} updated`);
      return c.json(presentWithUses(ctx, updated));
    },
  )
  .delete('/media/:id{.+}', allow(BROADCAST), validate('param', idParam), async (c) => {
    const { ctx } = c.var;
    const { id } = c.req.valid('param');
    if (!ctx.media.get(id)) throw notFound(`media ${id}`);
    const users = usersOf(ctx, id, ctx.media.catalogueWith({ drop: id }));
    if (users.length)
      throw apiError(
        409,
        'in-use',
        `${id} 仍在使用中，请先修改以下内容 · is still used by ` +
          `${users.map(describeUser).join(', ')}; change those first`,
        { usedBy: users },
      );
    const removed = await ctx.media.remove(id);
    if (!removed) throw notFound(`media ${id}`);
    ctx.bus.publish('media-changed', { ids: [id], change: 'deleted' });
    ctx.schedules.invalidate(`media ${id} deleted`);
    return c.json({ deleted: id, fileRemoved: removed.fileRemoved });
  });
