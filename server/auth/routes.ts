import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import type { AppEnv } from '../app-env.ts';
import { apiError, notFound } from '../http/errors.ts';
import { validate } from '../http/validate.ts';
import { allow, SESSION_COOKIE, userOf } from './middleware.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { ADMIN, DEVICE_KINDS, DEVICES, roleSchema, STAFF } from './roles.ts';
import { isLoopback } from './sign-in-throttle.ts';
import { SESSION_TTL_MS } from './store.ts';

const username = z
  .string()
  .trim()
  .min(2)
  .max(40)
  .regex(/^[\w.\-\u4e00-\u9fff]+$/u, 'letters, digits, . _ - or Chinese');
const deviceName = z.string().trim().min(1).max(60);
const password = z.string().min(8, 'at least 8 characters').max(200);
const idParam = z.object({ id: z.coerce.number().int().positive() });

/** Signing in and out, the signed-in person, users and devices. */
export const authRoutes = new Hono<AppEnv>()
  .post(
    '/auth/login',
    validate('json', z.object({ username: z.string(), password: z.string() })),
    async (c) => {
      const { auth, now, config, signInThrottle } = c.var.ctx;
      const { username: name, password: pw } = c.req.valid('json');
      const address = getConnInfo(c).remote.address ?? 'unknown';
      const found = auth.credentials(name);
      // An admin at the server's own machine is never locked out: someone can always get in
      // to reset the others (the admin must be on that machine, so guessing from there is moot).
      const exempt = isLoopback(address) && found?.user.role === 'admin';
      // Reserved before the (asynchronous) hash, so parallel guesses are counted as they arrive.
      const attempt = exempt ? undefined : signInThrottle.attempt(name, address, now().getTime());
      if (attempt && 'wait' in attempt) {
        const seconds = Math.ceil(attempt.wait / 1000);
        throw apiError(
          429,
          'too-many-attempts',
          `too many failed sign-ins for "${name}" from this address; try again in ${seconds} s (an admin can reset this)`,
          {},
          { 'Retry-After': String(seconds) },
        );
      }
      let ok = false;
      try {
        ok = !!found && !found.user.disabled && (await verifyPassword(pw, found.passwordHash));
      } finally {
        attempt?.done(ok, now().getTime());
      }
      if (!ok || !found) throw apiError(401, 'bad-credentials', 'wrong username or password');
      const session = auth.createSession(found.user.id, now());
      setCookie(c, SESSION_COOKIE, session.token, {
        httpOnly: true,
        sameSite: 'Strict',
        path: '/',
        secure: config.secureCookies,
        maxAge: Math.floor(SESSION_TTL_MS / 1000),
      });
      return c.json({ user: found.user, csrfToken: session.csrfToken });
    },
  )
  .post('/auth/logout', allow(STAFF, { beforePasswordChange: true }), (c) => {
    const me = userOf(c);
    c.var.ctx.auth.revokeSession(me.sessionId, c.var.ctx.now());
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.json({ ok: true });
  })
  .get('/auth/me', allow(STAFF, { beforePasswordChange: true }), (c) => {
    const me = userOf(c);
    return c.json({ user: c.var.ctx.auth.user(me.id), csrfToken: me.csrfToken });
  })
  .post(
    '/auth/password',
    allow(STAFF, { beforePasswordChange: true }),
    validate('json', z.object({ current: z.string(), next: password })),
    async (c) => {
      const me = userOf(c);
      const { auth, now } = c.var.ctx;
      const { current, next } = c.req.valid('json');
      const found = auth.credentials(me.username);
      if (!found || !(await verifyPassword(current, found.passwordHash)))
        throw apiError(400, 'bad-credentials', 'the current password is wrong', {
          field: 'current',
        });
      if (next === current)
        throw apiError(400, 'same-password', 'choose a password different from the current one', {
          field: 'next',
        });
      auth.updateUser(me.id, { passwordHash: await hashPassword(next), mustChangePassword: false });
      auth.revokeUserSessions(me.id, now());
      return c.json({ ok: true, message: 'password changed; sign in again' });
    },
  )

  .get('/users', allow(ADMIN), (c) => c.json({ users: c.var.ctx.auth.users() }))
  .post(
    '/users',
    allow(ADMIN),
    validate(
      'json',
      z.object({
        username,
        password,
        role: roleSchema,
        displayName: z.string().max(80).optional(),
      }),
    ),
    async (c) => {
      const { auth, now } = c.var.ctx;
      const body = c.req.valid('json');
      if (auth.credentials(body.username))
        throw apiError(409, 'exists', `user "${body.username}" already exists`, {
          field: 'username',
        });
      // The admin knows the first password: its owner replaces it at their first sign-in.
      const user = auth.createUser(
        { ...body, passwordHash: await hashPassword(body.password), mustChangePassword: true },
        now(),
      );
      return c.json({ user }, 201);
    },
  )
  .patch(
    '/users/:id',
    allow(ADMIN),
    validate('param', idParam),
    validate(
      'json',
      z.object({
        role: roleSchema.optional(),
        password: password.optional(),
        disabled: z.boolean().optional(),
        displayName: z.string().max(80).optional(),
      }),
    ),
    async (c) => {
      const { auth, now } = c.var.ctx;
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      if (!auth.user(id)) throw notFound(`user ${id}`);
      const me = userOf(c);
      if (id === me.id && (body.disabled || (body.role && body.role !== 'admin')))
        throw apiError(
          400,
          'self',
          'an admin cannot disable or demote themselves; ask another admin',
        );
      const user = auth.updateUser(id, {
        ...(body.role ? { role: body.role } : {}),
        ...(body.displayName !== undefined ? { displayName: body.displayName } : {}),
        ...(body.disabled !== undefined ? { disabled: body.disabled } : {}),
        // A password an admin set is the person's to replace at their next sign-in.
        ...(body.password
          ? { passwordHash: await hashPassword(body.password), mustChangePassword: id !== me.id }
          : {}),
      });
      // A new password, a new role or a disabled account ends the person's open sessions.
      if (body.password || body.role || body.disabled) auth.revokeUserSessions(id, now());
      return c.json({ user });
    },
  )
  .delete('/users/:id/sessions', allow(ADMIN), validate('param', idParam), (c) => {
    const { id } = c.req.valid('param');
    if (!c.var.ctx.auth.user(id)) throw notFound(`user ${id}`);
    return c.json({ revoked: c.var.ctx.auth.revokeUserSessions(id, c.var.ctx.now()) });
  })

  // Forgets failed sign-ins (of one user with ?username=, else everyone's): someone locked out
  // of the desk PC by a guesser gets back in at once.
  .delete(
    '/auth/throttle',
    allow(ADMIN),
    validate('query', z.object({ username: z.string().trim().min(1).max(40).optional() })),
    (c) => {
      const { username: name } = c.req.valid('query');
      return c.json({ cleared: c.var.ctx.signInThrottle.reset(name) });
    },
  )

  // A player learns who it is (announcements name their target devices by id).
  .get('/device', allow(DEVICES), (c) => {
    const me = c.var.principal;
    if (me?.kind !== 'device')
      throw apiError(403, 'forbidden', 'only a registered device has a device identity');
    return c.json({ device: c.var.ctx.auth.device(me.id) });
  })
  .get('/devices', allow(ADMIN), (c) => c.json({ devices: c.var.ctx.auth.devices() }))
  // By token, for scripts; people pair a device by the code its page shows (pairing-routes.ts).
  .post(
    '/devices',
    allow(ADMIN),
    validate('json', z.object({ name: deviceName, kind: z.enum(DEVICE_KINDS) })),
    (c) => {
      const { auth, bus, now } = c.var.ctx;
      const { name, kind } = c.req.valid('json');
      if (auth.deviceNameTaken(name))
        throw apiError(409, 'exists', `a device is already named "${name}"`, { field: 'name' });
      const { device, token } = auth.createDevice(name, kind, now());
      bus.publish('devices-changed', { ids: [device.id], change: 'added' });
      return c.json(
        { device, token, message: 'store this token on the device now: it is not shown again' },
        201,
      );
    },
  )
  .patch(
    '/devices/:id',
    allow(ADMIN),
    validate('param', idParam),
    validate('json', z.object({ name: deviceName })),
    (c) => {
      const { auth, bus } = c.var.ctx;
      const { id } = c.req.valid('param');
      const { name } = c.req.valid('json');
      const found = auth.device(id);
      if (!found || found.revokedAt) throw notFound(`device ${id}`);
      if (auth.deviceNameTaken(name, id))
        throw apiError(409, 'exists', `a device is already named "${name}"`, { field: 'name' });
      const device = auth.renameDevice(id, name);
      bus.publish('devices-changed', { ids: [id], change: 'renamed' });
      return c.json({ device });
    },
  )
  // Its token stops working at once, and its open event streams end (events/routes.ts).
  .delete('/devices/:id', allow(ADMIN), validate('param', idParam), (c) => {
    const { auth, bus, now } = c.var.ctx;
    const { id } = c.req.valid('param');
    if (!auth.device(id)) throw notFound(`device ${id}`);
    auth.revokeDevice(id, now());
    bus.publish('devices-changed', { ids: [id], change: 'revoked' });
    return c.json({ ok: true });
  });
