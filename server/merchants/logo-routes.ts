import { Hono } from 'hono';
import { readFile } from 'node:fs/promises';
import type { AppEnv } from '../app-env.ts';
import { allow, userOf } from '../auth/middleware.ts';
import { BROADCAST } from '../auth/roles.ts';
import { apiError } from '../http/errors.ts';
import { validate } from '../http/validate.ts';
import { receiveUpload } from '../media/upload.ts';
import { merchantChanged, presentMerchant } from './change.ts';
import { sniffImage } from './image-formats.ts';
import { existingMerchant, merchantIdParam } from './params.ts';

/** A logo is small: the guide screen shows it at a few hundred pixels. */
export const MAX_LOGO_BYTES = 2 * 1024 * 1024;

/**
 * A merchant's logo: uploaded as a form's `file` (streamed to disk by the media library's
 * receiver), kept only when its bytes really are a PNG, JPEG or WebP, stored under its
 * content's hash. Replacing or removing it deletes the old file unless another merchant has
 * the same picture.
 */
export const logoRoutes = new Hono<AppEnv>()
  .post('/merchants/:id/logo', allow(BROADCAST), validate('param', merchantIdParam), async (c) => {
    const { ctx } = c.var;
    const { id } = c.req.valid('param');
    existingMerchant(c, id);
    const received = await receiveUpload(c.req.raw, ctx.images.incoming, MAX_LOGO_BYTES);
    const file = received.file;
    try {
      if (!file || file.size === 0)
        throw apiError(
          400,
          'invalid',
          'file: 请选择图片文件 · send the image in a form field named "file"',
          {
            field: 'file',
          },
        );
      if (file.truncated)
        throw apiError(
          413,
          'too-large',
          `file: 图片不能超过 2 MB · the image is larger than 2 MB`,
          {
            field: 'file',
            limit: MAX_LOGO_BYTES,
          },
        );
      const image = sniffImage(await readFile(file.temp));
      if (!image)
        throw apiError(
          415,
          'not-an-image',
          `file: ${file.originalName || '文件'} 不是 PNG、JPEG 或 WebP 图片 · is not a PNG, JPEG or WebP image`,
          { field: 'file' },
        );
      const name = await ctx.images.adopt(file.temp, file.sha256, image.ext);
      const orphan = ctx.merchants.setLogo(id, name, userOf(c).username, ctx.now());
      if (orphan) await ctx.images.remove(orphan);
      merchantChanged(ctx, [id], ['logo'], 'logo');
      return c.json({ ...presentMerchant(ctx, existingMerchant(c, id)), image }, 201);
    } finally {
      if (file) await ctx.images.incoming.discard(file.temp);
    }
  })
  .delete(
    '/merchants/:id/logo',
    allow(BROADCAST),
    validate('param', merchantIdParam),
    async (c) => {
      const { ctx } = c.var;
      const { id } = c.req.valid('param');
      if (existingMerchant(c, id).logo) {
        const orphan = ctx.merchants.setLogo(id, null, userOf(c).username, ctx.now());
        if (orphan) await ctx.images.remove(orphan);
        merchantChanged(ctx, [id], ['logo'], 'logo removed');
      }
      return c.json(presentMerchant(ctx, existingMerchant(c, id)));
    },
  );
