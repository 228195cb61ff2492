import { vi } from 'vitest';
import type { EventRecord } from '../../server/events/event-types.ts';
import { Client, startServer, withCast, type TestServer } from '../helpers/server.ts';

/** 10:00 on Monday 7 December 2026 in Shanghai: a normal day, the desk open 09:30–17:20. */
export const MONDAY_10 = '2026-12-07T10:00:00+08:00';

/**
 * A real server whose clock is frozen at `at` (Date only; timers run), with every role signed
 * in and a registered guide screen, plus the events it publishes. `setTime` moves the clock.
 */
export async function queueServer(at = MONDAY_10) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(at));
  const server: TestServer = await startServer();
  const cast = await withCast(server);
  const g = await cast.admin.post('/api/devices', { name: 'guide-1', kind: 'guide' });
  const guide = new Client(server.url, g.body.token as string);
  const events: EventRecord[] = [];
  server.ctx.bus.subscribe((e) => events.push(e));
  return {
    server,
    ...cast,
    guide,
    events,
    /** The events of a type published so far, their payloads. */
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    published: (type: string): any[] => events.filter((e) => e.type === type).map((e) => e.payload),
    setTime: (iso: string) => vi.setSystemTime(new Date(iso)),
    /** Moves the clock on by `ms`. */
    tick: (ms = 1000) => vi.setSystemTime(new Date(Date.now() + ms)),
    async close() {
      await server.close();
      vi.useRealTimers();
    },
  };
}
export type QueueServer = Awaited<ReturnType<typeof queueServer>>;

/** Opens a counter for the given services (its defaults when none). */
export async function openCounter(client: Client, number: number, services?: string[]) {
  const r = await client.post(`/api/queue/counters/${number}/open`, services ? { services } : {});
  if (r.status !== 200) throw new Error(`open ${number}: ${r.status} ${r.text}`);
  return r.body;
}

/** Takes a ticket and returns its code, failing loudly otherwise. */
export async function take(client: Client, service: string, priority = 'normal') {
  const r = await client.post('/api/queue/tickets', { service, priority });
  if (r.status !== 201) throw new Error(`take ${service}: ${r.status} ${r.text}`);
  return r.body.ticket as { id: number; code: string; token: string; [k: string]: unknown };
}
