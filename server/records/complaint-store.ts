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
/** A deadline still running: once planned (or rejected), both are done, met or missed. */
const PENDING = ['received', 'answered'] as const;

/** Called inside each action's transaction: what follows from it (a resolution's callback). */
export type ComplaintHook = (c: Complaint, action: ComplaintAction, at: Date, by: string) => void;

/**
 * Complaints in SQLite: each change an entry (never changed, never deleted: triggers refuse
 * it), and the complaint as its entries make it stored beside them, in the same transaction.
 */
export function complaintStore(db: Db, onAct: ComplaintHook = () => {}) {
  const q = {
    insert: db.prepare(
      `INSERT INTO complaints (received_at, status, category, merchant_id, floor, record)
       VALUES (?, ?, ?, ?, ?, '{}')`,
    ),
    update: db.prepare(
      `UPDATE complaints SET status = ?, category = ?, merchant_id = ?, floor = ?, record = ?,
         settled_at = ?, closed_at = ? WHERE id = ?`,
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
    pending: db.prepare<[string, string], { record: string }>(
      'SELECT record FROM complaints WHERE status IN (?, ?) ORDER BY received_at',
    ),
    between: db.prepare<[string, string], { record: string }>(
      'SELECT record FROM complaints WHERE received_at >= ? AND received_at < ? ORDER BY received_at',
    ),
    // By indexes complaints_settled and complaints_closed (migration 021).
    touching: db.prepare<{ start: string; end: string }, { record: string }>(
      `SELECT record FROM complaints
       WHERE (settled_at IS NULL OR settled_at >= :start OR closed_at >= :start)
         AND received_at < :end
       ORDER BY received_at`,
    ),
  };
  const parse = (r: { record: string } | undefined) =>
    r ? (JSON.parse(r.record) as Complaint) : undefined;
  const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());
  const save = (c: Complaint) =>
    q.update.run(
      c.status,
      c.category,
      c.merchantId ?? null,
      c.floor ?? null,
      JSON.stringify(c),
      iso(c.plannedAt ?? c.rejectedAt),
      iso(c.resolvedAt ?? c.rejectedAt),
      c.id,
    );

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
        onAct(next, action, at, by);
        return next;
      },
    ),
    get: (id: number) => parse(q.get.get(id)),
    entries: (id: number): ComplaintEntry[] =>
      q.entries.all(id).map((e) => ({ ...e, data: JSON.parse(e.data) as unknown })),
    /** Not yet resolved or rejected: the ones with a deadline still to meet. */
    open: () => q.open.all(...OPEN).map((r) => parse(r) as Complaint),
    /**
     * Not yet answered or given a plan: the only ones a due list can hold. Planned ones left
     * open (never marked resolved) pile up over the years and are not read for it.
     */
    pending: () => q.pending.all(...PENDING).map((r) => parse(r) as Complaint),
    /** Received in [from, to), ISO instants. */
    between: (from: string, to: string) =>
      q.between.all(from, to).map((r) => parse(r) as Complaint),
    /**
     * Every complaint a report of [start, end) may count: received before its end, and with a
     * deadline still running at its start, or resolved or rejected since. ISO instants.
     */
    touching: (start: string, end: string) =>
      q.touching.all({ start, end }).map((r) => parse(r) as Complaint),
  };
}
export type ComplaintStore = ReturnType<typeof complaintStore>;
