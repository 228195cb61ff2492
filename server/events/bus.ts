import type { Db } from '../db/open.ts';
import type { Logger } from '../log.ts';
import type { EventPayload, EventRecord, EventType } from './event-types.ts';

/** A reconnecting client may catch up on this many events; beyond that it gets `resync`. */
export const MAX_REPLAY = 1000;
/** Events are kept this long for clients that reconnect. */
const KEEP_MS = 3 * 86_400_000;

type Listener = (e: EventRecord) => void;

/**
 * Publish-subscribe with every event written to SQLite first: its id outlives a restart, so a
 * client reconnecting with Last-Event-ID is given exactly what it missed.
 */
export function eventBus(db: Db, log: Logger, now: () => Date = () => new Date()) {
  const listeners = new Set<Listener>();
  const q = {
    insert: db.prepare('INSERT INTO events (type, payload, created_at) VALUES (?, ?, ?)'),
    since: db.prepare<
      [number, number],
      { id: number; type: EventType; payload: string; created_at: string }
    >('SELECT id, type, payload, created_at FROM events WHERE id > ? ORDER BY id LIMIT ?'),
    oldest: db.prepare('SELECT min(id) FROM events').pluck(),
    latest: db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'events'").pluck(),
    prune: db.prepare('DELETE FROM events WHERE created_at < ?'),
  };
  const latestId = () => (q.latest.get() as number | undefined) ?? 0;

  return {
    publish<T extends EventType>(type: T, payload: EventPayload<T>): EventRecord {
      const createdAt = now().toISOString();
      const info = q.insert.run(type, JSON.stringify(payload), createdAt);
      const record: EventRecord = { id: Number(info.lastInsertRowid), type, payload, createdAt };
      for (const l of listeners) {
        try {
          l(record);
        } catch (err) {
          log.warn('event listener failed', { err: String(err) });
        }
      }
      return record;
    },
    subscribe(listener: Listener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** What happened after `id`, or `resync` when that is more than a client should replay or already pruned. */
    since(id: number): EventRecord[] | 'resync' {
      const last = latestId();
      if (id > last) return 'resync'; // an id from another database: start over
      if (id === last) return [];
      const oldest = (q.oldest.get() as number | null) ?? last + 1;
      if (id < oldest - 1 || last - id > MAX_REPLAY) return 'resync';
      return q.since.all(id, MAX_REPLAY).map((r) => ({
        id: r.id,
        type: r.type,
        payload: JSON.parse(r.payload),
        createdAt: r.created_at,
      }));
    },
    latestId,
    listenerCount: () => listeners.size,
    prune: (now: Date) => q.prune.run(new Date(now.getTime() - KEEP_MS).toISOString()).changes,
  };
}
export type EventBus = ReturnType<typeof eventBus>;
