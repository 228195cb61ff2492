import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  delayAfter,
  FREE_FAILURES,
  MAX_DELAY_MS,
  signInThrottle,
} from '../../server/auth/sign-in-throttle.ts';
import {
  ADMIN_PASSWORD,
  Client,
  startServer,
  withCast,
  type TestServer,
} from '../helpers/server.ts';

// Still between steps (a slow hash must not use up a one-second wait): the server reads ctx.now().
let at = Date.parse('2026-03-02T09:00:00Z');
const clock = { now: () => new Date(at), step: (ms: number) => void (at += ms) };
let server: TestServer;
let cast: Awaited<ReturnType<typeof withCast>>;
beforeAll(async () => {
  server = await startServer({}, undefined, { now: clock.now });
  cast = await withCast(server);
}, 60_000);
afterAll(() => server.close());

async function newPerson(username: string, role = 'desk') {
  const r = await cast.admin.post('/api/users', {
    username,
    password: `${username}-password`,
    role,
  });
  expect(r.status).toBe(201);
  server.ctx.auth.updateUser(r.body.user.id as number, { mustChangePassword: false });
}

const signIn = (username: string, password: string) =>
  new Client(server.url).post('/api/auth/login', { username, password });

describe('sign-in throttle', () => {
  it('evaluates at most the free attempts of 100 parallel guesses, the right one included', async () => {
    await newPerson('parallel');
    const guesses = Array.from({ length: 100 }, (_, i) => signIn('parallel', `wrong-${i}`));
    const results = await Promise.all([...guesses, signIn('parallel', 'parallel-password')]);
    const statuses = results.map((r) => r.status);
    const evaluated = statuses.filter((s) => s === 401 || s === 200).length;
    expect(evaluated).toBeLessThanOrEqual(FREE_FAILURES);
    expect(statuses.filter((s) => s === 429).length).toBe(101 - evaluated);
    expect(results.find((r) => r.status === 429)?.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('makes each further failure wait twice as long, up to the cap', async () => {
    await newPerson('slowly');
    for (let i = 0; i < FREE_FAILURES; i++)
      expect((await signIn('slowly', `wrong-${i}`)).status).toBe(401);
    const waits: number[] = [];
    for (let i = 0; i < 12; i++) {
      const refused = await signIn('slowly', 'slowly-password');
      expect(refused.status).toBe(429);
      const wait = Number(refused.headers.get('retry-after'));
      waits.push(wait);
      clock.step(wait * 1000);
      // Once the wait is over, one more guess is evaluated (and fails).
      expect((await signIn('slowly', `wrong-again-${i}`)).status).toBe(401);
    }
    expect(waits.slice(0, 6)).toEqual([1, 2, 4, 8, 16, 32]);
    expect(waits.at(-1)).toBe(MAX_DELAY_MS / 1000);
    // After the wait the right password is let in, and the count starts afresh.
    const refused = await signIn('slowly', 'slowly-password');
    clock.step(Number(refused.headers.get('retry-after')) * 1000);
    expect((await signIn('slowly', 'slowly-password')).status).toBe(200);
    expect((await signIn('slowly', 'wrong-after')).status).toBe(401);
  });

  it("lets an admin sign in from the server's own machine while a desk user there waits", async () => {
    await newPerson('locked');
    for (let i = 0; i < FREE_FAILURES + 2; i++) {
      await signIn('admin', `wrong-${i}`);
      await signIn('locked', `wrong-${i}`);
    }
    expect((await signIn('locked', 'locked-password')).status).toBe(429);
    expect((await signIn('admin', ADMIN_PASSWORD)).status).toBe(200);
  });

  it('is reset by an admin, for one user or for everyone', async () => {
    await newPerson('reset-me');
    await newPerson('reset-too');
    for (let i = 0; i < FREE_FAILURES; i++) {
      await signIn('reset-me', `wrong-${i}`);
      await signIn('reset-too', `wrong-${i}`);
    }
    expect((await signIn('reset-me', 'reset-me-password')).status).toBe(429);
    expect((await cast.desk.delete('/api/auth/throttle?username=reset-me')).status).toBe(403);

    const one = await cast.admin.delete('/api/auth/throttle?username=reset-me');
    expect(one.status).toBe(200);
    expect(one.body.cleared).toBe(1);
    expect((await signIn('reset-me', 'reset-me-password')).status).toBe(200);
    expect((await signIn('reset-too', 'reset-too-password')).status).toBe(429);

    expect((await cast.admin.delete('/api/auth/throttle')).status).toBe(200);
    expect((await signIn('reset-too', 'reset-too-password')).status).toBe(200);
  });
});

describe('sign-in throttle keys', () => {
  const t = 1_000_000;
  const fail = (th: ReturnType<typeof signInThrottle>, user: string, address: string) => {
    const a = th.attempt(user, address, t);
    if ('wait' in a) return a.wait;
    a.done(false, t);
    return 0;
  };

  it('locks a user out from the guessing address only, and no one else there', () => {
    const th = signInThrottle();
    for (let i = 0; i < FREE_FAILURES; i++) expect(fail(th, 'Desk1', '10.0.0.66')).toBe(0);
    // The same name in any case is the same user.
    expect(th.attempt('desk1', '10.0.0.66', t)).toEqual({ wait: delayAfter(FREE_FAILURES) });
    expect('done' in th.attempt('desk1', '10.0.0.7', t)).toBe(true);
    expect('done' in th.attempt('desk2', '10.0.0.66', t)).toBe(true);
  });

  it('counts a success as the end of the failures', () => {
    const th = signInThrottle();
    for (let i = 0; i < FREE_FAILURES - 1; i++) fail(th, 'desk1', '10.0.0.7');
    const a = th.attempt('desk1', '10.0.0.7', t);
    if ('wait' in a) throw new Error('refused');
    a.done(true, t);
    for (let i = 0; i < FREE_FAILURES; i++) expect(fail(th, 'desk1', '10.0.0.7')).toBe(0);
  });
});
