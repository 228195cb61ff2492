import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { AppEnv } from '../app-env.ts';
import { allow } from '../auth/middleware.ts';
import { ANYONE } from '../auth/roles.ts';
import type { EventRecord } from './event-types.ts';
import { mayReceive } from './audience.ts';
import { revokes } from './presence.ts';

/** Proxies close idle streams (nginx after 60 s), and players treat 45 s of silence as a drop. */
export const HEARTBEAT_MS = 15_000;
/** How soon a browser's EventSource reconnects after a drop. */
const RETRY_MS = 2_000;

/**
 * `GET /api/events`: the live stream. A client that reconnects with Last-Event-ID (header, or
 * `lastEventId` in the query) first gets what it missed, or `resync` when that is too much.
 * Revoking the device or ending the session ends the stream; reconnecting is then refused.
 * Each subscriber gets only the events meant for it (events/audience.ts), live and replayed.
 */
export const eventRoutes = new Hono<AppEnv>().get('/events', allow(ANYONE), (c) => {
  const { bus, onClose, auth, streams } = c.var.ctx;
  const who = c.var.principal;
  const mine = (e: EventRecord) => !!who && mayReceive(e, who);
  const lastHeader = c.req.header('Last-Event-ID') ?? c.req.query('lastEventId');
  const lastId =
    lastHeader !== undefined && /^\d+$/.test(lastHeader) ? Number(lastHeader) : undefined;
  c.header('X-Accel-Buffering', 'no');
  c.header('Cache-Control', 'no-store');

  return streamSSE(c, async (stream) => {
    const queue: EventRecord[] = [];
    let wake: (() => void) | undefined;
    let open = true;
    const finish = () => {
      open = false;
      wake?.();
    };
    // Subscribe before replaying, so nothing published in between is lost; skip duplicates by id.
    const unsubscribe = bus.subscribe((e) => {
      queue.push(e);
      wake?.();
    });
    const unregister = onClose(finish);
    const unwatch = auth.onRevoke((r) => {
      if (who && revokes(r, who)) finish();
    });
    const left = who?.kind === 'device' ? streams.opened(who.id) : undefined;
    stream.onAbort(finish);
    // An event, not a comment: EventSource hides comments, and players watch for silence.
    const heartbeat = setInterval(() => {
      stream.writeSSE({ event: 'ping', data: '{}' }).catch(finish);
    }, HEARTBEAT_MS);

    try {
      await stream.writeSSE({
        event: 'hello',
        data: JSON.stringify({ latestId: bus.latestId() }),
        retry: RETRY_MS,
      });
      let sent = lastId ?? bus.latestId();
      if (lastId !== undefined) {
        const missed = bus.since(lastId);
        if (missed === 'resync') {
          sent = bus.latestId();
          await stream.writeSSE({
            id: String(sent),
            event: 'resync',
            data: JSON.stringify({ latestId: sent }),
          });
        } else {
          for (const e of missed.filter(mine))
            await stream.writeSSE({
              id: String(e.id),
              event: e.type,
              data: JSON.stringify(e.payload),
            });
          sent = missed.at(-1)?.id ?? sent;
        }
      }
      while (open) {
        const e = queue.shift();
        if (!e) {
          await new Promise<void>((resolve) => (wake = resolve));
          wake = undefined;
          continue;
        }
        if (e.id <= sent) continue;
        sent = e.id;
        if (!mine(e)) continue;
        await stream.writeSSE({ id: String(e.id), event: e.type, data: JSON.stringify(e.payload) });
      }
    } finally {
      clearInterval(heartbeat);
      unsubscribe();
      unregister();
      unwatch();
      left?.(c.var.ctx.now().getTime());
    }
  });
});
