import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from './app-env.ts';
import { authenticate } from './auth/middleware.ts';
import { pairingRoutes } from './auth/pairing-routes.ts';
import { authRoutes } from './auth/routes.ts';
import type { AppContext } from './context.ts';
import { eventRoutes } from './events/routes.ts';
import { announcementRoutes } from './announcements/routes.ts';
import { guideRoutes } from './guide/routes.ts';
import { bodyLimits } from './http/body-limits.ts';
import { apiError, onError } from './http/errors.ts';
import { mediaFileRoutes } from './media/file-route.ts';
import { mediaRoutes } from './media/routes.ts';
import { imageFileRoutes } from './merchants/image-file-route.ts';
import { merchantRoutes } from './merchants/routes.ts';
import { playRoutes } from './plays/routes.ts';
import { playReportRoutes } from './plays/report-routes.ts';
import { promoRoutes } from './promos/routes.ts';
import { programRoutes } from './program/routes.ts';
import { queueRoutes } from './queue/routes.ts';
import { complaintRoutes } from './records/routes.ts';
import { callbackRoutes } from './records/callback-routes.ts';
import { saleRoutes } from './records/sale-routes.ts';
import { visitRoutes } from './records/visit-routes.ts';
import { ledgerRoutes } from './records/ledger-routes.ts';
import { reportRoutes } from './reports/routes.ts';
import { voiceRoutes } from './queue/voice-route.ts';
import { alertRoutes } from './system/alerts-routes.ts';
import { homePage } from './system/home-page.ts';
import { kioskPages } from './system/kiosk-pages.ts';
import { systemRoutes } from './system/routes.ts';
import { speechRoutes } from './tts/speech-route.ts';
import { ttsRoutes } from './tts/routes.ts';
import { weatherRoutes } from './weather/routes.ts';

/** The API's feature routes, mounted under /api. Its type gives the kiosk a typed client. */
function apiRoutes() {
  return new Hono<AppEnv>()
    .route('/', systemRoutes)
    .route('/', authRoutes)
    .route('/', pairingRoutes)
    .route('/', alertRoutes)
    .route('/', eventRoutes)
    .route('/', programRoutes)
    .route('/', mediaRoutes)
    .route('/', merchantRoutes)
    .route('/', promoRoutes)
    .route('/', announcementRoutes)
    .route('/', playRoutes)
    .route('/', playReportRoutes)
    .route('/', speechRoutes)
    .route('/', queueRoutes)
    .route('/', weatherRoutes)
    .route('/', guideRoutes)
    .route('/', complaintRoutes)
    .route('/', callbackRoutes)
    .route('/', saleRoutes)
    .route('/', visitRoutes)
    .route('/', ledgerRoutes)
    .route('/', reportRoutes);
}

/** The whole HTTP surface of one server: API, event stream, media and pages, on one origin. */
export function createApp(ctx: AppContext) {
  const app = new Hono<AppEnv>();
  app.use('*', async (c, next) => {
    c.set('ctx', ctx);
    await next();
  });
  app.use(
    '*',
    secureHeaders({
      // Kiosk, API and media share one origin (CORP same-origin would block anything else).
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        mediaSrc: ["'self'", 'blob:'],
        // data: for the built-in icons Shoelace fetches from data: URLs (the eye of a password).
        connectSrc: ["'self'", 'data:'],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        frameAncestors: ["'self'"],
      },
      // Plain HTTP on a mall LAN is the common case; HSTS would only mislead.
      strictTransportSecurity: false,
    }),
  );
  // CSRF: every unsafe request from a signed-in person must carry the session's token in a
  // header (auth/middleware.ts), whatever its content type; devices use bearer tokens, which a
  // browser never sends by itself. Hono's origin-only csrf() would add nothing to that.
  // Before sign-in is checked, so an anonymous body is refused as early as any other.
  app.use('/api/*', bodyLimits(ctx.config.maxUploadBytes));
  app.use('/api/*', authenticate);
  const routes = app.route('/api', apiRoutes());
  // Stored audio: devices and staff only, like the API (a device sends its bearer token).
  app.use('/media/*', authenticate);
  app.route('/', mediaFileRoutes);
  // Merchants' logos (/images/<sha256>.png): the same audience as stored audio.
  app.use('/images/*', authenticate);
  app.route('/', imageFileRoutes);
  // Rendered speech (/tts/<sha256>.wav): the same audience, the same sign-in.
  app.use('/tts/*', authenticate);
  app.route('/tts', ttsRoutes);
  // The queue's voice pack (/voice/zh/qing.wav): the calling boards, signed in the same way.
  app.use('/voice/*', authenticate);
  app.route('/voice', voiceRoutes);
  app.route('/', homePage);
  app.route('/', kioskPages());
  app.notFound((c) => {
    if (c.req.path.startsWith('/api/'))
      throw apiError(404, 'not-found', `no route ${c.req.method} ${c.req.path}`);
    return c.text('not found', 404);
  });
  app.onError(onError(ctx.log));
  return routes;
}
export type AppType = ReturnType<typeof createApp>;
