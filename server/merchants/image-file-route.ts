import { Hono } from 'hono';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { AppEnv } from '../app-env.ts';
import { allow } from '../auth/middleware.ts';
import { STAFF_AND_GUIDES } from '../auth/roles.ts';
import { notFound } from '../http/errors.ts';
import { etagMatches } from '../media/range.ts';
import { IMAGE_MIME, IMAGE_NAME, type ImageExt } from './image-formats.ts';

/**
 * `GET /images/<sha256>.<ext>`: a merchant's logo, for the console and the guide screen. Like
 * stored audio, a name is its content: cached forever, revalidated by ETag. Only names of the
 * stored pattern are served, so no path reaches outside the folder.
 */
export const imageFileRoutes = new Hono<AppEnv>().get(
  '/images/:file',
  allow(STAFF_AND_GUIDES),
  async (c) => {
    const name = c.req.param('file');
    const match = IMAGE_NAME.exec(name);
    if (!match) throw notFound(`image ${name}`);
    const images = c.var.ctx.images;
    const size = await images.size(name);
    if (size === undefined) throw notFound(`image ${name}`);
    const etag = `"${match[1]}"`;
    c.header('ETag', etag);
    c.header('Cache-Control', 'public, max-age=31536000, immutable');
    if (etagMatches(c.req.header('If-None-Match'), etag)) return c.body(null, 304);
    c.header('Content-Type', IMAGE_MIME[match[2] as ImageExt]);
    c.header('Content-Length', String(size));
    if (c.req.method === 'HEAD') return c.body(null, 200);
    return c.body(Readable.toWeb(createReadStream(images.pathOf(name))) as ReadableStream, 200);
  },
);
