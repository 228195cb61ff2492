import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_PASSWORD,
  Client,
  startServer,
  withCast,
  type TestServer,
} from '../helpers/server.ts';

let server: TestServer;
let cast: Awaited<ReturnType<typeof withCast>>;
beforeAll(async () => {
  server = await startServer();
  cast = await withCast(server);
});
afterAll(() => server.close());

describe('auth', () => {
  it('signs in with a session cookie that scripts cannot read', async () => {
    const res = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^deskcast_session=[\w-]{40,};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const body = (await res.json()) as {
      user: { role: string; password_hash?: string };
      csrfToken: string;
    };
    expect(body.user.role).toBe('admin');
    expect(JSON.stringify(body)).not.toMatch(/hash|scrypt/);
  });

  it('stores only a hash of the session token and an scrypt hash of the password', () => {
    const row = server.ctx.db
      .prepare('SELECT password_hash FROM users WHERE username = ?')
      .get('admin') as { password_hash: string };
    expect(row.password_hash).toMatch(/^scrypt\$16384\$8\$1\$/);
    const token = cast.admin.cookie.split('=')[1]!;
    expect(
      server.ctx.db.prepare('SELECT count(*) c FROM sessions WHERE id = ?').get(token),
    ).toEqual({ c: 0 });
  });

  it('refuses a wrong password, and throttles guessing', async () => {
    const guesser = new Client(server.url);
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++)
      statuses.push(
        (await guesser.post('/api/auth/login', { username: 'desk1', password: `wrong-${i}` }))
          .status,
      );
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.at(-1)).toBe(429);
    const r = await guesser.post('/api/auth/login', {
      username: 'desk1',
      password: 'desk1-password',
    });
    expect(r.status).toBe(429); // even the right password waits out the delay
    expect(r.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('needs the CSRF token on every change a person makes', async () => {
    const noToken = new Client(server.url);
    noToken.cookie = cast.admin.cookie;
    const r = await noToken.post('/api/devices', { name: 'sneaky', kind: 'player' });
    expect(r.status).toBe(403);
    expect(r.body.error).toBe('csrf');
    expect(server.ctx.auth.devices().some((d) => d.name === 'sneaky')).toBe(false);
  });

  it('revokes a session on sign-out', async () => {
    const c = await new Client(server.url).login('announcer1', 'announcer1-password');
    expect((await c.get('/api/auth/me')).status).toBe(200);
    const cookie = c.cookie;
    expect((await c.post('/api/auth/logout')).status).toBe(200);
    const replay = new Client(server.url);
    replay.cookie = cookie;
    expect((await replay.get('/api/auth/me')).status).toBe(401);
  });

  it('ends the sessions of a disabled user', async () => {
    const r = await cast.admin.post('/api/users', {
      username: 'temp',
      password: 'temp-password',
      role: 'desk',
    });
    const temp = await new Client(server.url).login('temp', 'temp-password');
    expect(
      (await cast.admin.patch(`/api/users/${r.body.user.id}`, { disabled: true })).status,
    ).toBe(200);
    expect((await temp.get('/api/auth/me')).status).toBe(401);
    expect(
      (
        await new Client(server.url).post('/api/auth/login', {
          username: 'temp',
          password: 'temp-password',
        })
      ).status,
    ).toBe(401);
  });

  it('lets a person with a password someone else set do nothing but choose their own', async () => {
    const r = await cast.admin.post('/api/users', {
      username: 'newcomer',
      password: 'given-password',
      role: 'announcer',
    });
    expect(r.body.user.mustChangePassword).toBe(true);
    const c = await new Client(server.url).login('newcomer', 'given-password');
    const me = await c.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.user.mustChangePassword).toBe(true);
    const refused = await c.get('/api/plan');
    expect(refused.status).toBe(403);
    expect(refused.body.error).toBe('password-change-required');
    const same = await c.post('/api/auth/password', {
      current: 'given-password',
      next: 'given-password',
    });
    expect(same.status).toBe(400);
    expect(same.body.field).toBe('next');
    expect(
      (await c.post('/api/auth/password', { current: 'given-password', next: 'my-own-password' }))
        .status,
    ).toBe(200);
    const again = await new Client(server.url).login('newcomer', 'my-own-password');
    expect((await again.get('/api/auth/me')).body.user.mustChangePassword).toBe(false);
    expect((await again.get('/api/plan')).status).toBe(200);

    // An admin's reset is again a password someone else set.
    await cast.admin.patch(`/api/users/${r.body.user.id}`, { password: 'reset-password' });
    const reset = await new Client(server.url).login('newcomer', 'reset-password');
    expect((await reset.get('/api/plan')).body.error).toBe('password-change-required');
  });

  it('forces a change of the printed first-start password, not of ADMIN_PASSWORD', async () => {
    const lines: string[] = [];
    const db = await import('../../server/db/open.ts');
    const { authStore } = await import('../../server/auth/store.ts');
    const { ensureAdmin } = await import('../../server/auth/bootstrap.ts');
    const { createLogger } = await import('../../server/log.ts');
    for (const given of [undefined, 'chosen-in-env']) {
      const store = authStore(db.openDatabase(':memory:'));
      await ensureAdmin(store, createLogger('silent'), new Date(), given, (l) => lines.push(l));
      expect(store.users()[0]?.mustChangePassword).toBe(given === undefined);
    }
    expect(lines.join('\n')).toMatch(/one-time password/);
  });

  it('gives a device a token once, that works until it is revoked', async () => {
    const r = await cast.admin.post('/api/devices', { name: 'guide-1', kind: 'guide' });
    expect(r.status).toBe(201);
    const guide = new Client(server.url, r.body.token as string);
    expect((await guide.get('/api/device')).status).toBe(200);
    expect(JSON.stringify(await cast.admin.get('/api/devices'))).not.toContain(
      r.body.token as string,
    );
    await cast.admin.delete(`/api/devices/${r.body.device.id}`);
    expect((await guide.get('/api/device')).status).toBe(401);
  });

  it('answers bad input with a field and a message, never a 500', async () => {
    const r = await cast.admin.post('/api/users', {
      username: 'x',
      password: 'short',
      role: 'boss',
    });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({
      error: 'invalid',
      field: expect.any(String),
      message: expect.any(String),
    });
    const junk = await cast.admin.request('POST', '/api/users', '{not json', {
      'Content-Type': 'application/json',
    });
    expect(junk.status).toBe(400);
    expect((await cast.admin.patch('/api/users/999', { role: 'desk' })).status).toBe(404);
    expect((await cast.admin.patch('/api/users/abc', { role: 'desk' })).status).toBe(400);
  });
});
