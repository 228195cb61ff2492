import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startServer, withCast, type TestServer } from '../helpers/server.ts';
import { at, report } from './reports.ts';

let server: TestServer;
let cast: Awaited<ReturnType<typeof withCast>>;
beforeAll(async () => {
  server = await startServer();
  cast = await withCast(server);
});
afterAll(() => server.close());

const stored = (date: string) =>
  server.ctx.db.prepare('SELECT count(*) FROM plays WHERE plan_date = ?').pluck().get(date);

describe('POST /api/plays', () => {
  it('stores what a player reports, in UTC, with who sent it and when', async () => {
    const batch = [
      at('2026-04-01', '09:00', { status: 'started' }),
      at('2026-04-01', '09:01', { status: 'ended', reason: undefined }),
      at('2026-04-01', '09:02', { status: 'skipped', reason: 'media missing' }),
    ];
    const r = await cast.device.post('/api/plays', { reports: batch });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ accepted: 3, duplicates: 0 });
    const row = server.ctx.db
      .prepare('SELECT * FROM plays WHERE report_id = ?')
      .get(batch[2]!.reportId) as Record<string, unknown>;
    expect(row).toMatchObject({
      plan_date: '2026-04-01',
      status: 'skipped',
      reason: 'media missing',
      planned_at: '2026-04-01T01:02:00.000Z',
      actual_at: '2026-04-01T01:02:01.000Z',
      device_id: server.ctx.auth.devices().find((d) => d.name === 'player-1')!.id,
    });
    expect(Date.parse(row.received_at as string)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('counts a batch uploaded twice once (a player re-sending after an outage)', async () => {
    const batch = [at('2026-04-02', '10:00'), at('2026-04-02', '10:05'), at('2026-04-02', '10:10')];
    expect((await cast.device.post('/api/plays', { reports: batch })).body).toEqual({
      accepted: 3,
      duplicates: 0,
    });
    const again = await cast.device.post('/api/plays', { reports: batch });
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ accepted: 0, duplicates: 3 });
    const mixed = await cast.device.post('/api/plays', {
      reports: [...batch.slice(1), at('2026-04-02', '10:15')],
    });
    expect(mixed.body).toEqual({ accepted: 1, duplicates: 2 });
    expect(stored('2026-04-02')).toBe(4);
    const list = await cast.desk.get('/api/plays?date=2026-04-02');
    expect(list.body.total).toBe(4);
  });

  it("keeps another player's report with the same report id", async () => {
    const r = await cast.admin.post('/api/devices', { name: 'player-2', kind: 'player' });
    const other = new Client(server.url, r.body.token as string);
    const one = at('2026-04-03', '11:00', { reportId: 'shared-id' });
    expect((await cast.device.post('/api/plays', { reports: [one] })).body.accepted).toBe(1);
    expect((await other.post('/api/plays', { reports: [one] })).body.accepted).toBe(1);
    const list = await cast.desk.get('/api/plays?date=2026-04-03');
    expect(list.body.plays.map((p: { device: string }) => p.device).sort()).toEqual([
      'player-1',
      'player-2',
    ]);
  });

  it('refuses people, even an admin, and anyone not signed in', async () => {
    const body = { reports: [at('2026-04-04', '09:00')] };
    expect((await cast.anonymous.post('/api/plays', body)).status).toBe(401);
    for (const person of [cast.desk, cast.announcer, cast.admin]) {
      const r = await person.post('/api/plays', body);
      expect(r.status).toBe(403);
      expect(r.body.error).toBe('forbidden');
    }
    // Refused before the body is even looked at.
    expect((await cast.admin.post('/api/plays', { reports: [] })).status).toBe(403);
    const revoked = await cast.admin.post('/api/devices', { name: 'old-player', kind: 'player' });
    await cast.admin.delete(`/api/devices/${revoked.body.device.id}`);
    expect((await new Client(server.url, revoked.body.token).post('/api/plays', body)).status).toBe(
      401,
    );
    expect(stored('2026-04-04')).toBe(0);
  });

  it('refuses a bad report naming its field, and stores nothing of the batch', async () => {
    const good = at('2026-04-05', '09:00');
    const cases: [unknown, string][] = [
      [
        { reports: [good, report({ planDate: '2026-04-05', status: 'paused' })] },
        'reports.1.status',
      ],
      [{ reports: [good, report({ planDate: '2026-02-30' })] }, 'reports.1.planDate'],
      [{ reports: [report({ planDate: '2026-04-05', actualAt: '10:00' })] }, 'reports.0.actualAt'],
      [
        { reports: [report({ planDate: '2026-04-05', plannedAt: '2026-04-05T25:00:00+08:00' })] },
        'reports.0.plannedAt',
      ],
      [{ reports: [report({ planDate: '2026-04-05', kind: 'jingle' })] }, 'reports.0.kind'],
      [{ reports: [report({ planDate: '2026-04-05', title: '' })] }, 'reports.0.title'],
      [{ reports: [{ ...good, reportId: undefined }] }, 'reports.0.reportId'],
      [{ reports: [{ ...good, promoId: 42 }] }, 'reports.0.promoId'],
      [{ reports: Array.from({ length: 501 }, () => at('2026-04-05', '09:00')) }, 'reports'],
      [{ reports: [] }, 'reports'],
      [{ reports: 'all of them' }, 'reports'],
    ];
    for (const [body, field] of cases) {
      const r = await cast.device.post('/api/plays', body);
      expect(r.status, field).toBe(400);
      expect(r.body, field).toMatchObject({ error: 'invalid', field });
      expect(r.body.message).toContain(field);
    }
    const junk = await cast.device.request('POST', '/api/plays', '{"reports": [', {
      'Content-Type': 'application/json',
    });
    expect(junk.status).toBe(400);
    expect(stored('2026-04-05')).toBe(0);
    expect(stored('2026-02-30')).toBe(0);
  });

  it('takes 500 reports in one batch, and refuses a body over 1 MB', async () => {
    const full = Array.from({ length: 500 }, (_, i) =>
      at(
        '2026-04-06',
        `${String(8 + Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`,
      ),
    );
    expect((await cast.device.post('/api/plays', { reports: full })).body).toEqual({
      accepted: 500,
      duplicates: 0,
    });
    const huge = [report({ planDate: '2026-04-07', title: 'x'.repeat(400) })];
    const body = JSON.stringify({ reports: huge, padding: ' '.repeat(1_100_000) });
    const r = await cast.device.request('POST', '/api/plays', body, {
      'Content-Type': 'application/json',
    });
    expect(r.status).toBe(413);
    expect(stored('2026-04-07')).toBe(0);
  });
});
