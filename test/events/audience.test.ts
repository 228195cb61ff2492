import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { steppableClock } from '../helpers/clock.ts';
import { Client, startServer, withCast, type TestServer } from '../helpers/server.ts';
import { openStream, type SseMessage } from '../helpers/sse.ts';

/** 10:00 on a Monday in Shanghai: the desk is open. */
const clock = steppableClock(new Date('2026-12-07T10:00:00+08:00'));
let server: TestServer;
let cast: Awaited<ReturnType<typeof withCast>>;
let guide: Client;
let player2: Client;
let ids: { player: number; player2: number; guide: number };

beforeAll(async () => {
  server = await startServer({}, undefined, { now: clock.now });
  cast = await withCast(server);
  const g = await cast.admin.post('/api/devices', { name: 'guide-1', kind: 'guide' });
  guide = new Client(server.url, g.body.token as string);
  const p = await cast.admin.post('/api/devices', { name: 'player-2', kind: 'player' });
  player2 = new Client(server.url, p.body.token as string);
  const me = (c: Client) => c.get('/api/device').then((r) => r.body.device.id as number);
  ids = { player: await me(cast.device), player2: await me(player2), guide: await me(guide) };
  expect((await cast.desk.post('/api/queue/counters/1/open', {})).status).toBe(200);
}, 60_000);
afterAll(() => server.close());

/** A live stream of `who`'s, from the start (`lastEventId`) or from now. */
async function streamOf(who: Client, lastEventId?: number) {
  const query = lastEventId === undefined ? '' : `?lastEventId=${lastEventId}`;
  const headers: Record<string, string> = who.bearer
    ? { Authorization: `Bearer ${who.bearer}` }
    : { Cookie: who.cookie };
  const s = await openStream(`${server.url}/api/events${query}`, headers);
  expect(s.status).toBe(200);
  await s.waitFor(1);
  return s;
}

/** What a stream got up to a marker every subscriber receives, the marker excluded. */
async function receivedBefore(s: Awaited<ReturnType<typeof streamOf>>, marker: string) {
  const seen = () => s.messages.some((m) => m.data.includes(marker));
  for (let i = 0; i < 100 && !seen(); i++) await s.waitFor(s.messages.length + 1, 200);
  expect(seen(), `marker ${marker}`).toBe(true);
  const upTo = s.messages.findIndex((m) => m.data.includes(marker));
  return s.messages.slice(1, upTo).filter((m: SseMessage) => m.event !== 'ping');
}
const mark = (reason: string) =>
  server.ctx.bus.publish('plan-changed', { dates: ['2026-12-07'], reason });

/** Finishes a fresh ticket at counter 1, asking the board for a rating; the ticket. */
async function servedTicket() {
  const t = (await guide.post('/api/queue/tickets', { service: 'enquiry' })).body.ticket;
  expect((await cast.desk.post('/api/queue/counters/1/call-next')).status).toBe(200);
  const done = await cast.desk.post('/api/queue/counters/1/finish', {
    category: '商场导购',
    askRating: true,
  });
  expect(done.status).toBe(200);
  return t as { id: number; token: string; code: string };
}

describe('who receives which event', () => {
  it('sends an announcement to the players it targets alone', async () => {
    const [p1, p2, g, desk] = await Promise.all([
      streamOf(cast.device),
      streamOf(player2),
      streamOf(guide),
      streamOf(cast.desk),
    ]);
    server.ctx.bus.publish('announcement', { id: 501, targets: [ids.player] });
    server.ctx.bus.publish('announcement', { id: 502, targets: 'all' });
    mark('after announcements');
    const ann = async (s: typeof p1) =>
      (await receivedBefore(s, 'after announcements'))
        .filter((m) => m.event === 'announcement')
        .map((m) => JSON.parse(m.data).id as number);
    expect(await ann(p1)).toEqual([501, 502]);
    expect(await ann(p2)).toEqual([502]);
    expect(await ann(g)).toEqual([]);
    expect(await ann(desk)).toEqual([501, 502]);
    await Promise.all([p1, p2, g, desk].map((s) => s.close()));
  });

  it('gives a guide screen its own setting and the queue, and a player neither', async () => {
    const [p1, g] = await Promise.all([streamOf(cast.device), streamOf(guide)]);
    server.ctx.bus.publish('guide-changed', { reason: 'here', deviceIds: [ids.guide] });
    server.ctx.bus.publish('guide-changed', { reason: 'here', deviceIds: [ids.guide + 100] });
    server.ctx.bus.publish('queue-changed', { reason: 'ticket taken' });
    server.ctx.bus.publish('playback-state', { deviceId: ids.player });
    mark('after guide');
    const types = async (s: typeof p1) =>
      (await receivedBefore(s, 'after guide')).map((m) => m.event);
    expect(await types(g)).toEqual(['guide-changed', 'queue-changed']);
    expect(await types(p1)).toEqual([]);
    await Promise.all([p1, g].map((s) => s.close()));
  });

  it("sends a rating prompt to the guide screens alone, live and replayed, never a ticket's token", async () => {
    const from = server.ctx.bus.latestId();
    const [p1, g, desk] = await Promise.all([
      streamOf(cast.device),
      streamOf(guide),
      streamOf(cast.desk),
    ]);
    const t = await servedTicket();
    mark('after rating');
    const prompts = async (s: typeof p1) =>
      (await receivedBefore(s, 'after rating')).filter((m) => m.event === 'queue-rating');
    const live = await prompts(g);
    expect(live).toHaveLength(1);
    expect(JSON.parse(live[0]!.data)).toMatchObject({
      ticketId: t.id,
      ratingId: expect.any(String),
    });
    expect(await prompts(p1)).toEqual([]);
    expect(await prompts(desk)).toEqual([]);

    // A player replaying everything it missed sees no prompt; a guide's replay has no token.
    const [replayP, replayG] = await Promise.all([
      streamOf(cast.device, from),
      streamOf(guide, from),
    ]);
    expect(await prompts(replayP)).toEqual([]);
    const replayed = await receivedBefore(replayG, 'after rating');
    expect(replayed.filter((m) => m.event === 'queue-rating')).toHaveLength(1);
    for (const s of [g, p1, desk, replayG, replayP])
      expect(s.messages.map((m) => m.data).join('\n')).not.toContain(t.token);
    await Promise.all([p1, g, desk, replayP, replayG].map((s) => s.close()));
  });
});

describe("the board's rating prompt", () => {
  /** The rating id the guide screen was sent for ticket `id`. */
  async function promptFor(id: number) {
    const s = await streamOf(guide, 0);
    await receivedBefore(s, `prompt ${id}`);
    await s.close();
    const m = s.messages.find(
      (x) => x.event === 'queue-rating' && JSON.parse(x.data).ticketId === id,
    );
    return JSON.parse(m!.data).ratingId as string;
  }

  it('is answered once, by a guide screen only, and not long after', async () => {
    const t = await servedTicket();
    mark(`prompt ${t.id}`);
    const ratingId = await promptFor(t.id);
    const rate = (c: Client, body: object) => c.post('/api/queue/ratings', body);

    let r = await rate(cast.device, { ratingId, rating: 'satisfied' });
    expect(r.status).toBe(403);
    r = await rate(cast.desk, { ratingId, rating: 'satisfied' });
    expect([r.status, r.body.error]).toEqual([403, 'forbidden']);
    r = await rate(guide, { ratingId: `${t.id}.${'x'.repeat(22)}`, rating: 'satisfied' });
    expect([r.status, r.body.field]).toEqual([404, 'ratingId']);
    r = await rate(guide, { rating: 'satisfied' });
    expect([r.status, r.body.field]).toEqual([400, 'ratingId']);

    r = await rate(guide, { ratingId, rating: 'satisfied' });
    expect(r.status).toBe(200);
    expect(r.body.ticket.rating).toBe('satisfied');
    r = await rate(guide, { ratingId, rating: 'dissatisfied' });
    expect([r.status, r.body.error]).toEqual([409, 'already-rated']);

    const late = await servedTicket();
    mark(`prompt ${late.id}`);
    const lateId = await promptFor(late.id);
    clock.step(11 * 60_000);
    r = await rate(guide, { ratingId: lateId, rating: 'neutral' });
    expect([r.status, r.body.error]).toEqual([410, 'expired']);
    // The customer's own ticket (its token) can still rate it.
    r = await rate(guide, { token: late.token, rating: 'neutral' });
    expect(r.status).toBe(200);
    clock.step(-11 * 60_000);
  });
});
