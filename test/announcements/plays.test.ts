import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventRecord } from '../../server/events/event-types.ts';
import { at, report } from '../plays/reports.ts';
import { startServer, withCast, type Json, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let cast: Awaited<ReturnType<typeof withCast>>;
// A shared machine may be slow to start a server; the tests themselves are quick.
beforeAll(async () => {
  server = await startServer();
  cast = await withCast(server);
}, 30_000);
afterAll(() => server.close());

const eventsAfter = (id: number): EventRecord[] => {
  const e = server.ctx.bus.since(id);
  return e === 'resync' ? [] : e;
};

/** What the player reports of a play of announcement `id` (kiosk/src/player/player.ts). */
const announcementPlay = (id: number, n: number, status: string, hhmmss: string) =>
  report({
    reportId: `announcement/${id}#${n}:${status}`,
    planDate: '2026-03-02',
    itemId: `announcement/${id}#${n}`,
    slot: 'announcement',
    kind: 'announcement',
    title: '寻人：乐乐',
    status,
    plannedAt: '2026-03-02T15:00:00+08:00',
    actualAt: `2026-03-02T${hhmmss}+08:00`,
    promoId: undefined,
    merchant: undefined,
    mediaId: undefined,
  } as never);

describe('announcements in the as-played log', () => {
  it('are taken from players, listed by kind with their announcement, and announced', async () => {
    const mark = server.ctx.bus.latestId();
    const up = await cast.device.post('/api/plays', {
      reports: [
        announcementPlay(7, 1, 'started', '15:00:00.400'),
        announcementPlay(7, 1, 'ended', '15:00:09.400'),
        announcementPlay(7, 2, 'started', '15:02:09.400'),
        announcementPlay(8, 1, 'failed', '15:03:00.000'),
        at('2026-03-02', '15:01'),
      ],
    });
    expect(up.status).toBe(200);
    expect(up.body).toEqual({ accepted: 5, duplicates: 0 });
    expect(eventsAfter(mark).map((e) => [e.type, e.payload])).toEqual([
      ['announcement-played', { ids: [7, 8] }],
    ]);

    const r = await cast.desk.get('/api/plays?date=2026-03-02&kind=announcement');
    expect(r.status).toBe(200);
    expect(r.body.total).toBe(4);
    const plays = r.body.plays as Json[];
    expect(plays.map((p) => [p.announcementId, p.itemId, p.status, p.device])).toEqual([
      [7, 'announcement/7#1', 'started', 'player-1'],
      [7, 'announcement/7#1', 'ended', 'player-1'],
      [7, 'announcement/7#2', 'started', 'player-1'],
      [8, 'announcement/8#1', 'failed', 'player-1'],
    ]);
    expect(plays[0]).toMatchObject({
      kind: 'announcement',
      slot: 'announcement',
      plannedAt: '2026-03-02T15:00:00+08:00',
      actualAt: '2026-03-02T15:00:00.400+08:00',
    });
    // The rest of the log is still there, and the kind narrows it both ways.
    const promos = await cast.desk.get('/api/plays?date=2026-03-02&kind=promo');
    expect((promos.body.plays as Json[]).map((p) => p.kind)).toEqual(['promo']);
    expect('announcementId' in promos.body.plays[0]).toBe(false);
    const all = await cast.desk.get('/api/plays?date=2026-03-02');
    expect(all.body.total).toBe(5);
    // The export and the summary take the same filter.
    const csv = await cast.desk.get('/api/plays/export.csv?date=2026-03-02&kind=announcement');
    expect(csv.text.trim().split('\r\n')).toHaveLength(5);
    const summary = await cast.desk.get('/api/plays/summary?date=2026-03-02&kind=announcement');
    expect(summary.body.totals).toMatchObject({ started: 2, ended: 1, failed: 1 });
  });

  it('does not announce a batch the server already had (a re-send after an outage)', async () => {
    const batch = [announcementPlay(9, 1, 'started', '16:00:00.000')];
    expect((await cast.device.post('/api/plays', { reports: batch })).body.accepted).toBe(1);
    const mark = server.ctx.bus.latestId();
    const again = await cast.device.post('/api/plays', { reports: batch });
    expect(again.body).toEqual({ accepted: 0, duplicates: 1 });
    expect(eventsAfter(mark)).toEqual([]);
  });

  it('refuses a kind it does not know, naming the filter', async () => {
    const r = await cast.desk.get('/api/plays?kind=jingle');
    expect(r.status).toBe(400);
    expect(r.body.field).toBe('kind');
  });
});
