import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startServer, withCast, type TestServer } from '../helpers/server.ts';
import { openStream } from '../helpers/sse.ts';

let server: TestServer;
let cast: Awaited<ReturnType<typeof withCast>>;
beforeAll(async () => {
  server = await startServer();
  cast = await withCast(server);
}, 60_000);
afterAll(() => server.close());

const deviceStream = (token: string) => openStream(`${server.url}/api/events?token=${token}`);
const sessionStream = (c: Client) => openStream(`${server.url}/api/events`, { Cookie: c.cookie });

/** Resolves true once the server has ended the stream (not us), false after `ms`. */
async function endsWithin(stream: Awaited<ReturnType<typeof openStream>>, ms = 5000) {
  const timeout = new Promise<false>((r) => setTimeout(() => r(false), ms));
  return Promise.race([stream.done.then(() => true as const), timeout]);
}

async function newDevice(name: string) {
  const r = await cast.admin.post('/api/devices', { name, kind: 'player' });
  return { id: r.body.device.id as number, token: r.body.token as string };
}

async function newPerson(username: string) {
  const r = await cast.admin.post('/api/users', {
    username,
    password: `${username}-password`,
    role: 'desk',
  });
  server.ctx.auth.updateUser(r.body.user.id as number, { mustChangePassword: false });
  const c = await new Client(server.url).login(username, `${username}-password`);
  return { id: r.body.user.id as number, client: c };
}

describe('revoking ends open event streams', () => {
  it("ends a revoked device's stream, refuses it again, and leaves other devices alone", async () => {
    const gone = await newDevice('revoked-player');
    const kept = await newDevice('kept-player');
    const stream = await deviceStream(gone.token);
    const other = await deviceStream(kept.token);
    expect(stream.status).toBe(200);
    await stream.waitFor(1);
    await other.waitFor(1);
    expect(server.ctx.streams.count(gone.id)).toBe(1);

    expect((await cast.admin.delete(`/api/devices/${gone.id}`)).status).toBe(200);
    expect(await endsWithin(stream)).toBe(true);
    expect(stream.messages.at(-1)?.event).not.toBe('error');
    expect(server.ctx.streams.count(gone.id)).toBe(0);

    const again = await deviceStream(gone.token);
    expect(again.status).toBe(401);
    await again.close();

    // The other device's stream still carries events.
    server.ctx.bus.publish('plan-changed', { dates: ['2026-03-02'], reason: 'after revoke' });
    const got = await other.waitFor(3);
    expect(got.map((m) => m.event)).toContain('plan-changed');
    expect(other.ended).toBe(false);
    await other.close();
  });

  it("ends a person's streams when an admin ends their sessions", async () => {
    const { id, client } = await newPerson('streamer');
    const stream = await sessionStream(client);
    expect(stream.status).toBe(200);
    await stream.waitFor(1);
    const admins = await sessionStream(cast.admin);
    await admins.waitFor(1);

    expect((await cast.admin.delete(`/api/users/${id}/sessions`)).status).toBe(200);
    expect(await endsWithin(stream)).toBe(true);
    const again = await sessionStream(client);
    expect(again.status).toBe(401);
    await again.close();
    expect(admins.ended).toBe(false);
    await admins.close();
  });

  it('ends the streams of a disabled person, of a password reset, and of a sign-out', async () => {
    const disabled = await newPerson('to-disable');
    const s1 = await sessionStream(disabled.client);
    await s1.waitFor(1);
    await cast.admin.patch(`/api/users/${disabled.id}`, { disabled: true });
    expect(await endsWithin(s1)).toBe(true);

    const reset = await newPerson('to-reset');
    const s2 = await sessionStream(reset.client);
    await s2.waitFor(1);
    await cast.admin.patch(`/api/users/${reset.id}`, { password: 'a-new-password' });
    expect(await endsWithin(s2)).toBe(true);

    // Signing out ends that session's stream, not the person's other one.
    const leaving = await newPerson('leaving');
    const elsewhere = await new Client(server.url).login('leaving', 'leaving-password');
    const here = await sessionStream(leaving.client);
    const there = await sessionStream(elsewhere);
    await here.waitFor(1);
    await there.waitFor(1);
    expect((await leaving.client.post('/api/auth/logout')).status).toBe(200);
    expect(await endsWithin(here)).toBe(true);
    expect(await endsWithin(there, 500)).toBe(false);
    await there.close();
  });

  it("ends every stream of a person who changes their own password, and a guide screen's on revoke", async () => {
    const changer = await newPerson('changer');
    const elsewhere = await new Client(server.url).login('changer', 'changer-password');
    const here = await sessionStream(changer.client);
    const there = await sessionStream(elsewhere);
    await here.waitFor(1);
    await there.waitFor(1);
    const r = await changer.client.post('/api/auth/password', {
      current: 'changer-password',
      next: 'changer-new-password',
    });
    expect(r.status).toBe(200);
    expect(await endsWithin(here)).toBe(true);
    expect(await endsWithin(there)).toBe(true);

    const g = await cast.admin.post('/api/devices', { name: 'revoked-guide', kind: 'guide' });
    const screen = await deviceStream(g.body.token as string);
    await screen.waitFor(1);
    expect((await cast.admin.delete(`/api/devices/${g.body.device.id}`)).status).toBe(200);
    expect(await endsWithin(screen)).toBe(true);
  });
});
