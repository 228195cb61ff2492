import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { join } from 'node:path';
import type { AppEnv } from '../app-env.ts';
import { allow } from '../auth/middleware.ts';
import { STAFF_AND_GUIDES } from '../auth/roles.ts';
import { notFound } from '../http/errors.ts';

/** A clip's name as voice-clips.ts makes them: `chime`, `zh/qing`, `en/please-go-to`, `zh/A`. */
export const CLIP_FILE = /^(?:[a-z]+|(?:zh|en)\/[A-Za-z0-9][A-Za-z0-9-]{0,31})\.wav$/;

/**
 * `GET /voice/<name>.wav`: the voice pack's clips from `<mediaDir>/voice/`, for the calling
 * board. Only names of the pack's pattern are served, so no path reaches outside the folder.
 * A pack may be replaced under the same names, so clips are cached for a day, not for good.
 */
export const voiceRoutes = new Hono<AppEnv>().get(
  '/:name{.+}',
  allow(STAFF_AND_GUIDES),
  async (c) => {
    const name = c.req.param('name');
    if (!CLIP_FILE.test(name)) throw notFound(`voice clip ${name}`);
    const serve = serveStatic<AppEnv>({
      path: join(c.var.ctx.config.mediaDir, 'voice', name),
      onFound: (_path, c) => {
        // Hono's MIME table has no .wav (it would go out as application/octet-stream).
        c.header('Content-Type', 'audio/wav');
        c.header('Cache-Control', 'private, max-age=86400');
      },
    });
    const res = await serve(c, async () => undefined);
    if (!res) throw notFound(`voice clip ${name}`);
    return res;
  },
);
