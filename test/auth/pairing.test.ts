import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CODE_ALPHABET,
  codeFrom,
  codeProblem,
  normaliseCode,
  PAIRING_TTL_MS,
  pairingState,
} from '../../server/auth/pairing-code.ts';
import { PAIRING_REQUESTS_PER_WINDOW } from '../../server/auth/pairing-store.ts';
import { hashToken } from '../../server/auth/tokens.ts';
import { Client, startServer, withCast, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let cast: Awaited<ReturnType<typeof withCast>>;
beforeAll(async () => {
  server = await startServer();
  cast = await withCast(server);
}, 60_000);
afterAll(() => server.close());

/** What a device page with no token does: ask for a code. */
async function ask(kind = 'player') {
  const r = await cast.anonymous.post('/api/pairing', { kind });
  expect(r.status, r.text).toBe(201);
  return r.body as { id: string; code: string; secret: string; expiresAt: string };
}

/** What the page does every two seconds: ask whether it was paired. */
const poll = (req: { id: string; secret: string }, secret = req.secret) =>
  cast.anonymous.get(`/api/pairing/${req.id}`, { 'X-Pairing-Secret': secret });

/** Runs `fn` with the server's clock moved on by `ms`. */
async function later<T>(ms: number, fn: () => Promise<T>): Promise<T> {
  const real = server.ctx.now;
  server.ctx.now = () => new Date(Date.now() + ms);
  try {
    return await fn();
  } finally {
    server.ctx.now = real;
  }
}

describe('pairing codes', () => {
  it('are six characters with no 0, O, 1 or I, every character equally likely', () => {
    expect(CODE_ALPHABET).toHaveLength(32);
    expect(CODE_ALPHABET).not.toMatch(/[0O1I]/);
    const seen = new Set<string>();
    for (let b = 0; b < 256; b++) seen.add(codeFrom(new Uint8Array(6).fill(b))[0] as string);
    expect([...seen].sort().join('')).toBe([...CODE_ALPHABET].sort().join(''));
    expect(normaliseCode(' abc-def ')).toBe('ABCDEF');
    expect(codeProblem('ABCDEF')).toBeUndefined();
    expect(codeProblem('ABCDE')).toContain('6 characters');
    expect(codeProblem('ABCDE0')).toContain('"0" is never in a pairing code');
  });

  it('expire after ten minutes; once typed in, the page has ten more to collect', () => {
    const at = Date.parse('2026-03-02T09:00:00Z');
    const r = {
      expiresAt: new Date(at + PAIRING_TTL_MS).toISOString(),
      approvedAt: null,
      claimedAt: null,
    };
    expect(pairingState(r, new Date(at + PAIRING_TTL_MS - 1))).toBe('pending');
    expect(pairingState(r, new Date(at + PAIRING_TTL_MS))).toBe('expired');
    const approvedAt = new Date(at + 60_000).toISOString();
    const approved = { ...r, approvedAt };
    expect(pairingState(approved, new Date(at + PAIRING_TTL_MS + 1))).toBe('approved');
    expect(pairingState(approved, new Date(at + 60_000 + PAIRING_TTL_MS))).toBe('expired');
    expect(pairingState({ ...approved, claimedAt: approvedAt }, new Date(at))).toBe('claimed');
  });
});

describe('pairing a device by its code', () => {
  it('gives an anonymous page a code, and its token once an admin types the code', async () => {
    const req = await ask();
    expect(req.code).toMatch(/^[ABCDEFGHJKLMNPQRSTUVWXYZ2-9]{6}$/);
    expect(req.secret.length).toBeGreaterThanOrEqual(40);
    const ttl = Date.parse(req.expiresAt) - Date.now();
    expect(ttl).toBeGreaterThan(PAIRING_TTL_MS - 60_000);
    expect(ttl).toBeLessThanOrEqual(PAIRING_TTL_MS);

    const waiting = await poll(req);
    expect(waiting.status).toBe(200);
    expect(waiting.body).toEqual({ status: 'pending', expiresAt: req.expiresAt });
    expect(waiting.headers.get('cache-control')).toBe('no-store');

    // Typed as a person types it: lower case, with a space.
    const typed = `${req.code.slice(0, 3).toLowerCase()} ${req.code.slice(3)}`;
    const pair = await cast.admin.post('/api/devices/pair', { code: typed, name: 'PA-2F' });
    expect(pair.status, pair.text).toBe(201);
    expect(pair.body.device).toMatchObject({ name: 'PA-2F', kind: 'player', revokedAt: null });
    expect(pair.body).not.toHaveProperty('token');

    const paired = await poll(req);
    expect(paired.status).toBe(200);
    expect(paired.body.status).toBe('paired');
    expect(paired.body.device).toMatchObject({ id: pair.body.device.id, name: 'PA-2F' });
    const token = paired.body.token as string;
    const device = new Client(server.url, token);
    expect((await device.get('/api/device')).body.device.name).toBe('PA-2F');
    expect((await device.get('/api/plan')).status).toBe(200);

    // Handed out once: asking again gets nothing.
    const again = await poll(req);
    expect(again.status).toBe(410);
    expect(again.body.error).toBe('claimed');
    expect(JSON.stringify(again.body)).not.toContain(token);
    // The database keeps hashes only: of the page's secret and of the token.
    const row = server.ctx.db
      .prepare('SELECT * FROM pairing_requests WHERE id = ?')
      .get(req.id) as Record<string, unknown>;
    expect(JSON.stringify(row)).not.toContain(req.secret);
    expect(row['secret_hash']).toBe(hashToken(req.secret));
    const stored = server.ctx.db
      .prepare('SELECT token_hash FROM devices WHERE id = ?')
      .pluck()
      .get(pair.body.device.id);
    expect(stored).toBe(hashToken(token));
  });

  it('registers a guide screen as what its page asked for, unless the admin says otherwise', async () => {
    const board = await ask('guide');
    const r = await cast.admin.post('/api/devices/pair', { code: board.code, name: 'guide-2' });
    expect(r.body.device.kind).toBe('guide');
    const other = await ask('guide');
    const s = await cast.admin.post('/api/devices/pair', {
      code: other.code,
      name: 'PA-3',
      kind: 'player',
    });
    expect(s.body.device.kind).toBe('player');
  });

  it('says a wrong code is wrong, and a malformed one what is wrong with it', async () => {
    const req = await ask();
    const wrong = [...CODE_ALPHABET].find((c) => c !== req.code[0]) + req.code.slice(1);
    const r = await cast.admin.post('/api/devices/pair', { code: wrong, name: 'PA-x' });
    expect(r.status).toBe(404);
    expect(r.body).toMatchObject({ error: 'wrong-code', field: 'code' });
    expect(r.body.message).toContain('no device is showing the code');
    for (const [code, says] of [
      ['ABC', '6 characters'],
      ['ABCDE0', 'no 0, O, 1 or I'],
      ['ABCDEO', 'no 0, O, 1 or I'],
    ]) {
      const bad = await cast.admin.post('/api/devices/pair', { code, name: 'PA-x' });
      expect(bad.status).toBe(400);
      expect(bad.body.field).toBe('code');
      expect(bad.body.message).toContain(says);
    }
    expect((await poll(req)).body.status).toBe('pending');
    expect(server.ctx.auth.devices().some((d) => d.name === 'PA-x')).toBe(false);
  });

  it('uses a code once', async () => {
    const req = await ask();
    expect(
      (await cast.admin.post('/api/devices/pair', { code: req.code, name: 'once-1' })).status,
    ).toBe(201);
    const twice = await cast.admin.post('/api/devices/pair', { code: req.code, name: 'once-2' });
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ error: 'used', field: 'code' });
    expect(server.ctx.auth.devices().some((d) => d.name === 'once-2')).toBe(false);
  });

  it('refuses an expired code, and the page is told to ask for a new one', async () => {
    const req = await ask();
    const r = await later(PAIRING_TTL_MS + 1000, () =>
      cast.admin.post('/api/devices/pair', { code: req.code, name: 'too-late' }),
    );
    expect(r.status).toBe(410);
    expect(r.body).toMatchObject({ error: 'expired', field: 'code' });
    expect(r.body.message).toContain('has expired');
    const p = await later(PAIRING_TTL_MS + 1000, () => poll(req));
    expect(p.status).toBe(410);
    expect(p.body.error).toBe('expired');
    // A minute short of the end it still works.
    const fresh = await ask();
    const ok = await later(PAIRING_TTL_MS - 60_000, () =>
      cast.admin.post('/api/devices/pair', { code: fresh.code, name: 'just-in-time' }),
    );
    expect(ok.status).toBe(201);
  });

  it('lets only an admin approve a code', async () => {
    const req = await ask();
    const body = { code: req.code, name: 'sneaky' };
    expect((await cast.anonymous.post('/api/devices/pair', body)).status).toBe(401);
    for (const who of [cast.desk, cast.announcer, cast.device])
      expect((await who.post('/api/devices/pair', body)).status).toBe(403);
    expect((await poll(req)).body.status).toBe('pending');
    expect(server.ctx.auth.devices().some((d) => d.name === 'sneaky')).toBe(false);
  });

  it('hands the token only to the page that holds the secret', async () => {
    const req = await ask();
    await cast.admin.post('/api/devices/pair', { code: req.code, name: 'secret-test' });
    const thief = await poll(req, 'not-the-secret');
    expect(thief.status).toBe(404);
    expect(thief.body).not.toHaveProperty('token');
    expect((await poll(req)).body.status).toBe('paired');
  });

  it('hands out nothing for a device revoked before its page collected the token', async () => {
    const req = await ask();
    const r = await cast.admin.post('/api/devices/pair', { code: req.code, name: 'gone' });
    await cast.admin.delete(`/api/devices/${r.body.device.id}`);
    const p = await poll(req);
    expect(p.status).toBe(410);
    expect(p.body).not.toHaveProperty('token');
  });

  it('refuses a name a live device has, and reuses a revoked one', async () => {
    const a = await ask();
    const taken = await cast.admin.post('/api/devices/pair', { code: a.code, name: 'player-1' });
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({ error: 'exists', field: 'name' });
    expect((await poll(a)).body.status).toBe('pending');
    // A replaced PC: revoke the old PA-9, pair the new one under the same name.
    const old = await cast.admin.post('/api/devices', { name: 'PA-9', kind: 'player' });
    await cast.admin.delete(`/api/devices/${old.body.device.id}`);
    const again = await cast.admin.post('/api/devices/pair', { code: a.code, name: 'PA-9' });
    expect(again.status).toBe(201);
    const names = server.ctx.auth.devices().map((d) => d.name);
    expect(names).toContain('PA-9');
    expect(names).toContain(`PA-9 · 已撤销 #${old.body.device.id}`);
  });
});

describe('asking for pairing codes', () => {
  it(`is limited to ${PAIRING_REQUESTS_PER_WINDOW} per address in ten minutes`, async () => {
    const own = await startServer();
    try {
      const page = new Client(own.url);
      const statuses: number[] = [];
      for (let i = 0; i <= PAIRING_REQUESTS_PER_WINDOW; i++)
        statuses.push((await page.post('/api/pairing', { kind: 'player' })).status);
      expect(statuses.slice(0, -1).every((s) => s === 201)).toBe(true);
      const refused = await page.post('/api/pairing', {});
      expect(refused.status).toBe(429);
      expect(refused.body.error).toBe('too-many-requests');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(statuses.at(-1)).toBe(429);
    } finally {
      await own.close();
    }
  });
});
