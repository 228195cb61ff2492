import type { IsoDate } from '../../core/zoned-time.ts';
import type { Db } from '../db/open.ts';
import {
  applyCall,
  CallbackRefused,
  generated,
  plannedForComplaint,
  plannedForSale,
  reconcile,
  type Callback,
  type CallbackCall,
  type CallbackKind,
  type CallbackSource,
  type Planned,
} from './callback.ts';
import type { CallbackSourceRecord } from './callback-subject.ts';
import type { Complaint, ComplaintAction } from './complaint.ts';
import type { CallbackCount } from './completion.ts';
import type { Sale } from './sale.ts';

/** One change to a callback, as kept: who, when, what. */
export interface CallbackEntry {
  id: number;
  at: string;
  by: string;
  action: 'generate' | 'move' | 'withdraw' | 'reopen' | 'call';
  data: unknown;
}

/** A callback with the record it calls about, as lists and pages read them. */
export interface CallbackWithSource {
  callback: Callback;
  source: CallbackSourceRecord;
}

export interface ListFilter {
  from: IsoDate;
  to: IsoDate;
  kind?: CallbackKind;
  status?: Callback['status'];
}

interface ListParams {
  from: IsoDate;
  to: IsoDate;
  kind: CallbackKind | null;
  status: Callback['status'] | null;
}
const LIST_WHERE = `cb.due_on BETWEEN @from AND @to AND (@kind IS NULL OR cb.kind = @kind)
  AND (@status IS NULL OR cb.status = @status)`;

interface Row {
  record: string;
  source: string;
  src: string | null;
}

/**
 * Callbacks in SQLite, generated from their records inside the record's own transaction:
 * each change an entry (never changed, never deleted), the callback as its entries make it
 * stored beside them with the columns the lists are found by (due date, status).
 */
export function callbackStore(db: Db, zone: () => string) {
  const WITH_SOURCE = `SELECT cb.record AS record, cb.source AS source, coalesce(s.record, c.record) AS src
    FROM callbacks cb
    LEFT JOIN sales s ON cb.source = 'sale' AND s.id = cb.source_id
    LEFT JOIN complaints c ON cb.source = 'complaint' AND c.id = cb.source_id`;
  const q = {
    insert: db.prepare(
      `INSERT INTO callbacks (kind, source, source_id, due_on, status, tries, record)
       VALUES (?, ?, ?, ?, 'due', 0, '{}')`,
    ),
    update: db.prepare(
      'UPDATE callbacks SET due_on = ?, status = ?, outcome = ?, tries = ?, record = ? WHERE id = ?',
    ),
    entry: db.prepare(
      'INSERT INTO callback_entries (callback_id, at, by, action, data) VALUES (?, ?, ?, ?, ?)',
    ),
    get: db.prepare<[number], Row>(`${WITH_SOURCE} WHERE cb.id = ?`),
    ofSource: db.prepare<[string, number], { record: string }>(
      'SELECT record FROM callbacks WHERE source = ? AND source_id = ? ORDER BY id',
    ),
    entries: db.prepare<[number], CallbackEntry & { data: string }>(
      'SELECT id, at, by, action, data FROM callback_entries WHERE callback_id = ? ORDER BY id',
    ),
    // The lists read the (status, due_on) index: never a scan of the year's callbacks.
    openBefore: db.prepare<[IsoDate, number], Row>(
      `${WITH_SOURCE} WHERE cb.status = 'due' AND cb.due_on < ? ORDER BY cb.due_on, cb.id LIMIT ?`,
    ),
    openBetween: db.prepare<[IsoDate, IsoDate, number], Row>(
      `${WITH_SOURCE} WHERE cb.status = 'due' AND cb.due_on BETWEEN ? AND ?
       ORDER BY cb.due_on, cb.id LIMIT ?`,
    ),
    countBefore: db
      .prepare<[IsoDate], number>(
        "SELECT count(*) FROM callbacks WHERE status = 'due' AND due_on < ?",
      )
      .pluck(),
    countBetween: db
      .prepare<[IsoDate, IsoDate], number>(
        "SELECT count(*) FROM callbacks WHERE status = 'due' AND due_on BETWEEN ? AND ?",
      )
      .pluck(),
    list: db.prepare<ListParams & { limit: number; offset: number }, Row>(
      `${WITH_SOURCE} WHERE ${LIST_WHERE} ORDER BY cb.due_on, cb.id LIMIT @limit OFFSET @offset`,
    ),
    listCount: db
      .prepare<ListParams, number>(`SELECT count(*) FROM callbacks cb WHERE ${LIST_WHERE}`)
      .pluck(),
    // Grouped in the order of the callbacks_due index, so no sort is needed: the year's
    // 200,000 callbacks in a quarter of the time an expression in the GROUP BY took.
    counts: db.prepare<[IsoDate, IsoDate], Omit<CallbackCount, 'tried'> & { tries: number }>(
      `SELECT due_on AS dueOn, kind, status, outcome, tries, count(*) AS n
       FROM callbacks WHERE due_on BETWEEN ? AND ?
       GROUP BY due_on, kind, status, outcome, tries`,
    ),
  };
  const parse = (r: { record: string }) => JSON.parse(r.record) as Callback;
  const withSource = (r: Row): CallbackWithSource => {
    const callback = parse(r);
    const src = JSON.parse(r.src ?? '{}') as unknown;
    return {
      callback,
      source:
        r.source === 'sale'
          ? { kind: 'sale', sale: src as Sale }
          : { kind: 'complaint', complaint: src as Complaint },
    };
  };
  const save = (cb: Callback) =>
    q.update.run(cb.dueOn, cb.status, cb.outcome ?? null, cb.tries, JSON.stringify(cb), cb.id);
  const log = (id: number, at: Date, by: string, action: CallbackEntry['action'], data: object) =>
    q.entry.run(id, at.toISOString(), by, action, JSON.stringify(data));
  const ofSource = (s: CallbackSource) => q.ofSource.all(s.kind, s.id).map(parse);

  /** Brings a record's callbacks in line with what it asks for; the caller holds the transaction. */
  function sync(source: CallbackSource, planned: Planned[], at: Date, by: string): Callback[] {
    const existing = ofSource(source);
    for (const ch of reconcile(existing, planned)) {
      switch (ch.do) {
        case 'generate': {
          const p = { kind: ch.kind, dueOn: ch.dueOn };
          const id = Number(q.insert.run(p.kind, source.kind, source.id, p.dueOn).lastInsertRowid);
          save(generated(id, source, p, at.getTime()));
          log(id, at, by, 'generate', { source, ...p });
          break;
        }
        case 'move':
        case 'reopen': {
          const cb = existing.find((x) => x.id === ch.id) as Callback;
          const to = ch.do === 'move' ? ch.to : ch.dueOn;
          save({ ...cb, dueOn: to, status: 'due' });
          log(ch.id, at, by, ch.do, { from: cb.dueOn, to });
          break;
        }
        case 'withdraw': {
          const cb = existing.find((x) => x.id === ch.id) as Callback;
          save({ ...cb, status: 'withdrawn' });
          log(ch.id, at, by, 'withdraw', {});
          break;
        }
      }
    }
    return ofSource(source);
  }

  function recordCall(cb: Callback, call: CallbackCall, at: Date, by: string): Callback {
    const next = applyCall(cb, call, at.getTime(), by);
    save(next);
    log(cb.id, at, by, 'call', call);
    return next;
  }

  return {
    /** A sale's callbacks after it was entered or changed: generated, moved or withdrawn. */
    syncSale: (s: Sale, at: Date, by: string) =>
      sync({ kind: 'sale', id: s.id }, plannedForSale(s), at, by),
    /**
     * The complaint register's hook, inside its transaction: a resolution generates the
     * callback (due three days on), and a call-back on the complaint is the callback's call.
     */
    onComplaintAct(c: Complaint, action: ComplaintAction, at: Date, by: string): void {
      if (c.resolvedAt === undefined) return;
      if (action.action !== 'resolve' && action.action !== 'call-back') return;
      const source = { kind: 'complaint', id: c.id } as const;
      const [cb] = sync(source, [plannedForComplaint(c.resolvedAt, zone())], at, by);
      if (action.action === 'call-back' && cb)
        recordCall(cb, { outcome: action.outcome, note: action.note }, at, by);
    },
    /**
     * Records a call on a sale's callback. A complaint's callback is called through the
     * complaint (its `call-back` action), so the two never disagree.
     */
    call: db.transaction((id: number, call: CallbackCall, at: Date, by: string) => {
      const r = q.get.get(id);
      if (!r) return undefined;
      const cb = parse(r);
      if (cb.source.kind === 'complaint')
        throw new CallbackRefused(`record it on complaint ${cb.source.id} (its call-back action)`);
      return recordCall(cb, call, at, by);
    }),
    get: (id: number) => {
      const r = q.get.get(id);
      return r ? withSource(r) : undefined;
    },
    ofSource,
    entries: (id: number): CallbackEntry[] =>
      q.entries.all(id).map((e) => ({ ...e, data: JSON.parse(e.data) as unknown })),
    /** Due before `date` and not done: overdue. At most `limit`, oldest first, and how many. */
    overdue: (date: IsoDate, limit: number) => ({
      count: q.countBefore.get(date) as number,
      callbacks: q.openBefore.all(date, limit).map(withSource),
    }),
    /** Due on a date in [from, to] and not done. */
    openBetween: (from: IsoDate, to: IsoDate, limit: number) => ({
      count: q.countBetween.get(from, to) as number,
      callbacks: q.openBetween.all(from, to, limit).map(withSource),
    }),
    /** Callbacks due in [from, to], done or not: the ledger (电话回访记录台帐). */
    list(f: ListFilter, limit: number, offset: number) {
      const params = { from: f.from, to: f.to, kind: f.kind ?? null, status: f.status ?? null };
      return {
        count: q.listCount.get(params) as number,
        callbacks: q.list.all({ ...params, limit, offset }).map(withSource),
      };
    },
    /** Callbacks due in [from, to], counted by date, kind and standing: for completion. */
    counts: (from: IsoDate, to: IsoDate): CallbackCount[] =>
      q.counts.all(from, to).map(({ tries, ...c }) => ({ ...c, tried: tries > 0 ? 1 : 0 })),
  };
}
export type CallbackStore = ReturnType<typeof callbackStore>;
