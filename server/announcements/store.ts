import type { Db } from '../db/open.ts';
import type { Announcement, Priority } from './schema.ts';

interface Row {
  id: number;
  kind: 'text' | 'media';
  title: string;
  text: string | null;
  media_id: string | null;
  audio_url: string;
  duration_ms: number;
  at: string | null;
  repeat: number;
  interval_s: number;
  priority: Priority;
  targets: string;
  status: 'scheduled' | 'cancelled';
  template: string | null;
  fields: string | null;
  created_by: string;
  created_at: string;
  cancelled_by: string | null;
  cancelled_at: string | null;
}

const fromRow = (r: Row): Announcement => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  ...(r.text !== null ? { text: r.text } : {}),
  ...(r.media_id !== null ? { mediaId: r.media_id } : {}),
  audioUrl: r.audio_url,
  durationMs: r.duration_ms,
  at: r.at,
  repeat: r.repeat,
  intervalS: r.interval_s,
  priority: r.priority,
  targets: JSON.parse(r.targets) as Announcement['targets'],
  status: r.status,
  ...(r.template !== null ? { template: r.template } : {}),
  ...(r.fields !== null ? { fields: JSON.parse(r.fields) as Record<string, string> } : {}),
  createdBy: r.created_by,
  createdAt: r.created_at,
  ...(r.cancelled_by !== null ? { cancelledBy: r.cancelled_by } : {}),
  ...(r.cancelled_at !== null ? { cancelledAt: r.cancelled_at } : {}),
});

/** A new announcement: everything but what the database assigns. */
export type NewAnnouncement = Omit<Announcement, 'id' | 'status' | 'cancelledBy' | 'cancelledAt'>;

/** The announcements table; statements prepared once. */
export function announcementStore(db: Db) {
  const q = {
    insert: db.prepare(
      `INSERT INTO announcements (kind, title, text, media_id, audio_url, duration_ms, at, repeat,
         interval_s, priority, targets, template, fields, created_by, created_at)
       VALUES (@kind, @title, @text, @media_id, @audio_url, @duration_ms, @at, @repeat,
         @interval_s, @priority, @targets, @template, @fields, @created_by, @created_at)`,
    ),
    get: db.prepare<[number], Row>('SELECT * FROM announcements WHERE id = ?'),
    // Due (or, when immediate, made) within [from, to): instants in UTC, so text order is time order.
    due: db.prepare<[string, string], Row>(
      `SELECT * FROM announcements
       WHERE coalesce(at, created_at) >= ? AND coalesce(at, created_at) < ?
       ORDER BY coalesce(at, created_at), id`,
    ),
    cancel: db.prepare(
      `UPDATE announcements SET status = 'cancelled', cancelled_by = ?, cancelled_at = ?
       WHERE id = ? AND status = 'scheduled'`,
    ),
  };
  const get = (id: number) => {
    const row = q.get.get(id);
    return row && fromRow(row);
  };
  return {
    add(a: NewAnnouncement): Announcement {
      const info = q.insert.run({
        kind: a.kind,
        title: a.title,
        text: a.text ?? null,
        media_id: a.mediaId ?? null,
        audio_url: a.audioUrl,
        duration_ms: a.durationMs,
        at: a.at,
        repeat: a.repeat,
        interval_s: a.intervalS,
        priority: a.priority,
        targets: JSON.stringify(a.targets),
        template: a.template ?? null,
        fields: a.fields ? JSON.stringify(a.fields) : null,
        created_by: a.createdBy,
        created_at: a.createdAt,
      });
      return get(Number(info.lastInsertRowid)) as Announcement;
    },
    get,
    /** Those due in [from, to), both UTC instants as ISO text. */
    due: (from: string, to: string) => q.due.all(from, to).map(fromRow),
    /** False when it was already cancelled. */
    cancel: (id: number, by: string, now: Date) =>
      q.cancel.run(by, now.toISOString(), id).changes > 0,
  };
}
export type AnnouncementStore = ReturnType<typeof announcementStore>;
