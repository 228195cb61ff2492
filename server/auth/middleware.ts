import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app-env.ts';
import { apiError } from '../http/errors.ts';
import { admits, type Audience } from './roles.ts';

export const SESSION_COOKIE = 'deskcast_session';
export const CSRF_HEADER = 'X-CSRF-Token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Finds who is calling: a session cookie (people) or a bearer token (devices). */
export const authenticate = createMiddleware<AppEnv>(async (c, next) => {
  const { auth, now } = c.var.ctx;
  const bearer = c.req.header('Authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];
  // EventSource cannot send headers: a device may put its token in the stream's query string.
  const queryToken = c.req.path === '/api/events' ? c.req.query('token') : undefined;
  const cookie = getCookie(c, SESSION_COOKIE);
  const principal =
    ((bearer ?? queryToken)
      ? auth.devicePrincipal((bearer ?? queryToken) as string, now())
      : undefined) ?? (cookie ? auth.sessionPrincipal(cookie, now()) : undefined);
  c.set('principal', principal ?? null);
  await next();
});

/**
 * Lets in only the given audience (admins always). People's unsafe requests must carry the
 * session's CSRF token in a header, which another site's page cannot read or set. Someone who
 * signed in with a password another person set (the printed first-start one, a reset) gets
 * nothing but the routes marked `beforePasswordChange` until they have chosen their own.
 */
export function allow(
  audience: readonly Audience[],
  {
    beforePasswordChange = false,
    /** What a refused person is told, when "may not do this" would leave them guessing. */
    refusal = '',
  } = {},
) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const who = c.var.principal;
    if (!who) throw apiError(401, 'unauthenticated', 'sign in first (or give the device token)');
    if (who.kind === 'user' && who.mustChangePassword && !beforePasswordChange)
      throw apiError(
        403,
        'password-change-required',
        'choose your own password first (POST /api/auth/password)',
      );
    if (!admits(audience, who))
      throw apiError(
        403,
        'forbidden',
        refusal ||
          `a ${who.kind === 'user' ? who.role : `${who.deviceKind} device`} may not do this`,
      );
    if (
      who.kind === 'user' &&
      !SAFE_METHODS.has(c.req.method) &&
      c.req.header(CSRF_HEADER) !== who.csrfToken
    ) {
      throw apiError(
        403,
        'csrf',
        `missing or wrong ${CSRF_HEADER} header (GET /api/auth/me gives the token)`,
      );
    }
    await next();
  });
}

/** The signed-in person (routes behind `allow` for staff only). */
export function userOf(c: { var: AppEnv['Variables'] }) {
  const p = c.var.principal;
  if (p?.kind !== 'user') throw apiError(403, 'forbidden', 'only a signed-in person may do this');
  return p;
}
