import type { Db } from '../db/open.ts';

export const STORED_FILES = ['program', 'calendar', 'volume'] as const;
export type StoredFile = (typeof STORED_FILES)[number];

export interface Revision {
  id: number;
  file: StoredFile;
  author: string;
  note: string;
  createdAt: string;
  size: number;
}

export interface RevisionWithText extends Revision {
  text: string;
}

interface Row {
  id: number;
  file: StoredFile;
  author: string;
  note: string;
  created_at: string;
  text: string;
}

const toRevision = (r: Row): RevisionWithText => ({
  id: r.id,
  file: r.file,
  author: r.author,
  note: r.note,
  createdAt: r.created_at,
  size: Buffer.byteLength(r.text),
  text: r.text,
});

/** Every version of the program, calendar and volume files; the newest of each is current. */
export function scheduleStore(db: Db) {
  const q = {
    insert: db.prepare(
      'INSERT INTO schedule_revisions (file, text, author, note, created_at) VALUES (?, ?, ?, ?, ?)',
    ),
    latest: db.prepare<[StoredFile], Row>(
      'SELECT * FROM schedule_revisions WHERE file = ? ORDER BY id DESC LIMIT 1',
    ),
    byId: db.prepare<[number], Row>('SELECT * FROM schedule_revisions WHERE id = ?'),
    list: db.prepare<[StoredFile, number], Row>(
      'SELECT * FROM schedule_revisions WHERE file = ? ORDER BY id DESC LIMIT ?',
    ),
    count: db.prepare('SELECT count(*) FROM schedule_revisions').pluck(),
  };
  return {
    isEmpty: () => (q.count.get() as number) === 0,
    add(file: StoredFile, text: string, author: string, note: string, now: Date): RevisionWithText {
      const info = q.insert.run(file, text, author, note, now.toISOString());
      return toRevision(q.byId.get(Number(info.lastInsertRowid)) as Row);
    },
    latest(file: StoredFile): RevisionWithText | undefined {
      const row = q.latest.get(file);
      return row && toRevision(row);
    },
    get(id: number): RevisionWithText | undefined {
      const row = q.byId.get(id);
      return row && toRevision(row);
    },
    /** Newest first. */
    list(file: StoredFile, limit = 200): RevisionWithText[] {
      return q.list.all(file, limit).map(toRevision);
    },
  };
}
export type ScheduleStore = ReturnType<typeof scheduleStore>;
