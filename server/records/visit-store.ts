import type { IsoDate } from '../../core/zoned-time.ts';
import type { Db } from '../db/open.ts';
import {
  applyVisitAction,
  planned,
  type Visit,
  type VisitAction,
  type VisitPlan,
} from './visit.ts';

/** One change to a visit, as kept: who, when, what. */
export interface VisitEntry {
  id: number;
  at: string;
  by: string;
  action: 'plan' | VisitAction['action'];
  data: unknown;
}

/** Customer visits in SQLite: each change an entry (never changed, never deleted). */
export function visitStore(db: Db) {
  const q = {
    insert: db.prepare(
      "INSERT INTO visits (planned_on, status, record) VALUES (?, 'planned', '{}')",
    ),
    update: db.prepare(
      'UPDATE visits SET planned_on = ?, visited_on = ?, status = ?, record = ? WHERE id = ?',
    ),
    entry: db.prepare(
      'INSERT INTO visit_entries (visit_id, at, by, action, data) VALUES (?, ?, ?, ?, ?)',
    ),
    get: db.prepare<[number], { record: string }>('SELECT record FROM visits WHERE id = ?'),
    entries: db.prepare<[number], VisitEntry & { data: string }>(
      'SELECT id, at, by, action, data FROM visit_entries WHERE visit_id = ? ORDER BY id',
    ),
    between: db.prepare<[IsoDate, IsoDate, IsoDate, IsoDate], { record: string }>(
      `SELECT record FROM visits WHERE planned_on BETWEEN ? AND ? OR visited_on BETWEEN ? AND ?
       ORDER BY planned_on, id`,
    ),
  };
  const parse = (r: { record: string } | undefined) =>
    r ? (JSON.parse(r.record) as Visit) : undefined;
  const save = (v: Visit) =>
    q.update.run(v.plannedOn, v.visitedOn ?? null, v.status, JSON.stringify(v), v.id);

  return {
    add: db.transaction((plan: VisitPlan, at: Date, by: string): Visit => {
      const id = Number(q.insert.run(plan.plannedOn).lastInsertRowid);
      const v = planned(id, plan, at.getTime(), by);
      save(v);
      q.entry.run(id, at.toISOString(), by, 'plan', JSON.stringify(plan));
      return v;
    }),
    /** Applies an action; throws VisitRefused (nothing written) when it cannot be. */
    act: db.transaction(
      (id: number, a: VisitAction, at: Date, by: string, today: IsoDate): Visit | undefined => {
        const v = parse(q.get.get(id));
        if (!v) return undefined;
        const next = applyVisitAction(v, a, by, today);
        save(next);
        q.entry.run(id, at.toISOString(), by, a.action, JSON.stringify(a));
        return next;
      },
    ),
    get: (id: number) => parse(q.get.get(id)),
    entries: (id: number): VisitEntry[] =>
      q.entries.all(id).map((e) => ({ ...e, data: JSON.parse(e.data) as unknown })),
    /** Planned for, or made on, a date in [from, to]. */
    between: (from: IsoDate, to: IsoDate) =>
      q.between.all(from, to, from, to).map((r) => parse(r) as Visit),
  };
}
export type VisitStore = ReturnType<typeof visitStore>;
