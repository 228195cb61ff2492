import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { AppEnv } from '../app-env.ts';

/** Where `npm run build` puts the kiosk pages. */
export const KIOSK_DIST = join(import.meta.dirname, '../../dist/kiosk');

/**
 * The built kiosk pages on the server's own origin (one origin for pages, API and media, so no
 * CORS and the service worker covers them all). Hashed assets are cached for good; pages and
 * the service worker are revalidated so a new build reaches the kiosks.
 */
export function kioskPages(dist = KIOSK_DIST) {
  const root = relative(process.cwd(), dist);
  const page = (name: string) =>
    serveStatic<AppEnv>({
      root,
      rewriteRequestPath: () => `/${name}/index.html`,
      onFound: (_p, c) => c.header('Cache-Control', 'no-cache'),
    });
  const missing = new Hono<AppEnv>().all('*', (c) =>
    c.text('The kiosk pages are not built: run `npm run build` (npm start does it for you).', 503),
  );
  if (!existsSync(dist)) return missing;
  // The player; the front-desk queue's ticket machine, counter PC, calling board and phone page.
  return (
    new Hono<AppEnv>()
      .get('/player', page('player'))
      .get('/take', page('take'))
      .get('/counter', page('counter'))
      .get('/board', page('board'))
      .get('/ticket/:token', page('ticket'))
      // The guide screen: directory, floor maps, offers, the service desk.
      .get('/guide', page('guide'))
      // The console routes its pages in the browser: every /console/… path is the same page.
      .get('/console', page('console'))
      .get('/console/*', page('console'))
      .get(
        '/shoelace/*',
        serveStatic<AppEnv>({
          root,
          onFound: (_p, c) => c.header('Cache-Control', 'public, max-age=86400'),
        }),
      )
      .get(
        '/sw.js',
        serveStatic<AppEnv>({
          root,
          onFound: (_p, c) => {
            c.header('Cache-Control', 'no-cache');
            c.header('Service-Worker-Allowed', '/');
          },
        }),
      )
      .get(
        '/assets/*',
        serveStatic<AppEnv>({
          root,
          onFound: (_p, c) => c.header('Cache-Control', 'public, max-age=31536000, immutable'),
        }),
      )
  );
}
