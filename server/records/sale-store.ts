import type { IsoDate } from '../../core/zoned-time.ts';
import type { Db } from '../db/open.ts';
import type { Callback } from './callback.ts';
import type { CallbackStore } from './callback-store.ts';
import {
  applySaleAction,
  entered,
  SaleRefused,
  type Sale,
  type SaleAction,
  type SaleIntake,
} from './sale.ts';

/** One change to a sale, as kept: who, when, what. */
export interface SaleEntry {
  id: number;
  at: string;
  by: string;
  action: 'enter' | SaleAction['action'];
  data: unknown;
}

export interface SaleWithCallbacks {
  sale: Sale;
  callbacks: Callback[];
}

/**
 * Sales on file in SQLite: each change an entry (never changed, never deleted), the sale as
 * its entries make it beside them, and its callbacks generated or moved in the same
 * transaction, so a sale is never on file without the calls it asks for.
 */
export function saleStore(db: Db, callbacks: CallbackStore) {
  const q = {
    insert: db.prepare(
      "INSERT INTO sales (sold_on, order_no, status, record) VALUES (?, ?, 'active', '{}')",
    ),
    update: db.prepare(
      'UPDATE sales SET sold_on = ?, order_no = ?, status = ?, record = ? WHERE id = ?',
    ),
    entry: db.prepare(
      'INSERT INTO sale_entries (sale_id, at, by, action, data) VALUES (?, ?, ?, ?, ?)',
    ),
    get: db.prepare<[number], { record: string }>('SELECT record FROM sales WHERE id = ?'),
    byOrder: db
      .prepare<[string], number>("SELECT id FROM sales WHERE order_no = ? AND status = 'active'")
      .pluck(),
    entries: db.prepare<[number], SaleEntry & { data: string }>(
      'SELECT id, at, by, action, data FROM sale_entries WHERE sale_id = ? ORDER BY id',
    ),
    between: db.prepare<[IsoDate, IsoDate, number], { record: string }>(
      'SELECT record FROM sales WHERE sold_on BETWEEN ? AND ? ORDER BY sold_on, id LIMIT ?',
    ),
  };
  const parse = (r: { record: string } | undefined) =>
    r ? (JSON.parse(r.record) as Sale) : undefined;
  const save = (s: Sale) => q.update.run(s.soldOn, s.orderNo, s.status, JSON.stringify(s), s.id);
  const taken = (orderNo: string, field: string, self?: number) => {
    const other = q.byOrder.get(orderNo);
    if (other !== undefined && other !== self)
      throw new SaleRefused(`order ${orderNo} is already on file as sale ${other}`, 409, field);
  };

  const addOne = (intake: SaleIntake, at: Date, by: string, field: string): SaleWithCallbacks => {
    taken(intake.orderNo, field);
    const id = Number(q.insert.run(intake.soldOn, intake.orderNo).lastInsertRowid);
    const sale = entered(id, intake, at.getTime(), by);
    save(sale);
    q.entry.run(id, at.toISOString(), by, 'enter', JSON.stringify(intake));
    return { sale, callbacks: callbacks.syncSale(sale, at, by) };
  };

  return {
    /** Files a sale and generates its callbacks; refuses an order already on file. */
    add: db.transaction((intake: SaleIntake, at: Date, by: string) =>
      addOne(intake, at, by, 'orderNo'),
    ),
    /** Files a batch, all or nothing; a refusal names the row (`sales.3.orderNo`). */
    addBatch: db.transaction((intakes: SaleIntake[], at: Date, by: string) =>
      intakes.map((s, i) => addOne(s, at, by, `sales.${i}.orderNo`)),
    ),
    /** Corrects or voids a sale, moving or withdrawing its callbacks that are not done. */
    act: db.transaction(
      (id: number, action: SaleAction, at: Date, by: string): SaleWithCallbacks | undefined => {
        const s = parse(q.get.get(id));
        if (!s) return undefined;
        const next = applySaleAction(s, action, at.getTime());
        if (next.status === 'active') taken(next.orderNo, 'fields.orderNo', id);
        save(next);
        q.entry.run(id, at.toISOString(), by, action.action, JSON.stringify(action));
        return { sale: next, callbacks: callbacks.syncSale(next, at, by) };
      },
    ),
    get: (id: number) => parse(q.get.get(id)),
    entries: (id: number): SaleEntry[] =>
      q.entries.all(id).map((e) => ({ ...e, data: JSON.parse(e.data) as unknown })),
    /** Sold on a date in [from, to], at most `limit`. */
    between: (from: IsoDate, to: IsoDate, limit: number) =>
      q.between.all(from, to, limit).map((r) => parse(r) as Sale),
  };
}
export type SaleStore = ReturnType<typeof saleStore>;
