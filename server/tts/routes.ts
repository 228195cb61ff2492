import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { allow } from '../auth/middleware.ts';
import { ANYONE } from '../auth/roles.ts';
import { notFound } from '../http/errors.ts';
import { SPEECH_NAME, ttsDir } from './render.ts';

/**
 * `GET /tts/<sha256>.wav`: rendered speech for players and the console. Signed in like the API;
 * the name is a hash of what is said, so a file never changes and may be cached for good.
 */
export const ttsRoutes = new Hono<AppEnv>().get('/:name', allow(ANYONE), async (c) => {
  const name = c.req.param('name');
  if (!SPEECH_NAME.test(name)) throw notFound(`speech ${name}`);
  const path = `${ttsDir(c.var.ctx.config.dataDir)}/${name}`;
  const serve = serveStatic<AppEnv>({
    path,
    onFound: (_path, c) => {
      // Hono's MIME table has no .wav (it would go out as application/octet-stream).
      c.header('Content-Type', 'audio/wav');
      // Private: it was served to a signed-in caller, so no shared cache should keep it.
      c.header('Cache-Control', 'private, max-age=31536000, immutable');
    },
  });
  const res = await serve(c, async () => undefined);
  if (!res) throw notFound(`speech ${name}`);
  return res;
});
