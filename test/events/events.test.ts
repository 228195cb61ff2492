import { describe, expect, it } from 'vitest';
import { MAX_REPLAY } from '../../server/events/bus.ts';
import { openStream } from '../helpers/sse.ts';
import { startServer, withCast } from '../helpers/server.ts';

const publish = (server: Awaited<ReturnType<typeof startServer>>, n: number, reason = 'test') =>
  Array.from(
    { length: n },
    (_, i) =>
      server.ctx.bus.publish('plan-changed', { dates: ['2026-12-05'], reason: `${reason} ${i}` })
        .id,
  );

describe('event stream', () => {
  it('pushes each event with its id to a connected device, and refuses strangers', async () => {
    const server = await startServer();
    try {
      const { device } = await withCast(server);
      const stream = await openStream(`${server.url}/api/events`, {
        Authorization: `Bearer ${device.bearer}`,
      });
      expect(stream.status).toBe(200);
      await stream.waitFor(1);
      expect(stream.messages[0]?.event).toBe('hello');
      const [id] = publish(server, 1, 'edited');
      const [, m] = await stream.waitFor(2);
      expect(m).toEqual({
        id: String(id),
        event: 'plan-changed',
        data: JSON.stringify({ dates: ['2026-12-05'], reason: 'edited 0' }),
      });
      await stream.close();
      const stranger = await openStream(`${server.url}/api/events`);
      expect(stranger.status).toBe(401);
      await stranger.close();
    } finally {
      await server.close();
    }
  });

  it('replays what a reconnecting client missed, across a server restart', async () => {
    const first = await startServer();
    const { device } = await withCast(first);
    const before = publish(first, 3);
    const lastSeen = before[1] as number;
    await first.close();
    const second = await startServer({}, first.dataDir);
    try {
      const after = publish(second, 2, 'after restart');
      expect(after[0]).toBeGreaterThan(before[2] as number); // ids are not reused after a restart
      const stream = await openStream(`${second.url}/api/events?token=${device.bearer}`, {
        'Last-Event-ID': String(lastSeen),
      });
      const msgs = (await stream.waitFor(4)).slice(1);
      expect(msgs.map((m) => Number(m.id))).toEqual([before[2], after[0], after[1]]);
      await stream.close();
    } finally {
      await second.close();
    }
  });

  it('tells a client that missed too much to resync', async () => {
    const server = await startServer();
    try {
      const { device } = await withCast(server);
      const [old] = publish(server, MAX_REPLAY + 5);
      for (const lastId of [String((old as number) - 1), '99999999']) {
        const stream = await openStream(`${server.url}/api/events`, {
          Authorization: `Bearer ${device.bearer}`,
          'Last-Event-ID': lastId,
        });
        const [, m] = await stream.waitFor(2);
        expect(m?.event).toBe('resync');
        expect(JSON.parse(m?.data ?? '{}')).toEqual({ latestId: server.ctx.bus.latestId() });
        await stream.close();
      }
    } finally {
      await server.close();
    }
  });

  it('ends open streams when the server shuts down', async () => {
    const server = await startServer();
    const { device } = await withCast(server);
    const stream = await openStream(`${server.url}/api/events`, {
      Authorization: `Bearer ${device.bearer}`,
    });
    await stream.waitFor(1);
    await server.close();
    await stream.done;
    expect(stream.ended).toBe(true);
    expect(server.ctx.bus.listenerCount()).toBe(0);
  });
});
