import type { Db } from '../db/open.ts';
import {
  applyAction,
  received,
  type Complaint,
  type ComplaintAction,
  type ComplaintIntake,
} from './complaint.ts';

/** One change to a complaint, as kept: who, when, what. */
export interface ComplaintEntry {
  id: number;
  at: string;
  by: string;
  action: 'receive' | ComplaintAction['action'];
  data: unknown;
}

const OPEN = ['received', 'answered', 'planned'] as const;

/**
 * Complaints in SQLite: each change an entry (never changed, never deleted: triggers refuse
 * it), and the complaint as its entries make it stored beside them, in the same transaction.
 */
export function complaintStore(db: Db) {
  const q = {
    insert: db.prepare(
      `INSERT INTO complaints (received_at, status, category, merchant_id, floor, record)
       VALUES (?, ?, ?, ?, ?, '{}')`,
    ),
    update: db.prepare(
      `UPDATE complaints SET status = ?, category = ?, merchant_id = ?, floor = ?, record = ?,
         closed_at = ? WHERE id = ?`,
    ),
    entry: db.prepare(
      'INSERT INTO complaint_entries (complaint_id, at, by, action, data) VALUES (?, ?, ?, ?, ?)',
    ),
    get: db.prepare<[number], { record: string }>('SELECT record FROM complaints WHERE id = ?'),
    entries: db.prepare<[number], ComplaintEntry & { data: string }>(
      'SELECT id, at, by, action, data FROM complaint_entries WHERE complaint_id = ? ORDER BY id',
    ),
    open: db.prepare<[string, string, string], { record: string }>(
      'SELECT record FROM complaints WHERE status IN (?, ?, ?) ORDER BY received_at',
    ),
    between: db.prepare<[string, string], { record: string }>(
      'SELECT record FROM complaints WHERE received_at >= ? AND received_at < ? ORDER BY received_at',
    ),
    // By index complaints_closed (migration 021): the open ones, and those closed since `start`.
    touching: db.prepare<{ start: string; end: string }, { record: string }>(
      `SELECT record FROM complaints
       WHERE (closed_at IS NULL OR closed_at >= :start) AND received_at < :end
       ORDER BY received_at`,
    ),
  };
  const parse = (r: { record: string } | undefined) =>
    r ? (JSON.parse(r.record) as Complaint) : undefined;
  const save = (c: Complaint) => {
    const closed = c.resolvedAt ?? c.rejectedAt;
    q.update.run(
      c.status,
      c.category,
      c.merchantId ?? null,
      c.floor ?? null,
      JSON.stringify(c),
      closed === undefined ? null : new Date(closed).toISOString(),
      c.id,
    );
  };

  return {
    add: db.transaction((intake: ComplaintIntake, at: Date, by: string): Complaint => {
      const id = Number(
        q.insert.run(at.toISOString(), 'received', intake.category, null, null).lastInsertRowid,
      );
      const c = received(id, intake, at.getTime(), by);
      save(c);
      q.entry.run(id, at.toISOString(), by, 'receive', JSON.stringify(intake));
      return c;
    }),
    /** Applies an action; throws ComplaintRefused (nothing written) when it is not allowed. */
    act: db.transaction(
      (id: number, action: ComplaintAction, at: Date, by: string): Complaint | undefined => {
        const c = parse(q.get.get(id));
        if (!c) return undefined;
        const next = applyAction(c, action, at.getTime());
        save(next);
        q.entry.run(id, at.toISOString(), by, action.action, JSON.stringify(action));
        return next;
      },
    ),
    get: (id: number) => parse(q.get.get(id)),
    entries: (id: number): ComplaintEntry[] =>
      q.entries.all(id).map((e) => ({ ...e, data: JSON.parse(e.data) as unknown })),
    /** Not yet resolved or rejected: the ones with a deadline still to meet. */
    open: () => q.open.all(...OPEN).map((r) => parse(r) as Complaint),
    /** Received in [from, to), ISO instants. */
    between: (from: string, to: string) =>
      q.between.all(from, to).map((r) => parse(r) as Complaint),
    /**
     * Every complaint a report of [start, end) may count: received before its end and not
     * closed (resolved or rejected) before its start. ISO instants.
     */
    touching: (start: string, end: string) =>
      q.touching.all({ start, end }).map((r) => parse(r) as Complaint),
  };
}
export type ComplaintStore = ReturnType<typeof complaintStore>;
