import type { Db } from '../db/open.ts';
import type { LedgerEntry, LedgerRecord, Stamp } from './ledger.ts';

/** How one ledger opens a record and applies a change to it: its pure core. */
export interface LedgerRules<R extends LedgerRecord, I, A extends { action: string }> {
  /** Its two tables (020-ledgers.sql): names from the code, never from a request. */
  table: string;
  entries: string;
  open(id: number, intake: I, s: Stamp): R;
  /** The record after `a`; throws LedgerRefused when the record does not allow it. */
  apply(r: R, a: A, s: Stamp): R;
}

/**
 * A ledger in SQLite: each change an entry (never changed, never deleted: triggers refuse it),
 * and the record as its entries make it stored beside them, in the same transaction.
 */
export function ledgerStore<R extends LedgerRecord, I, A extends { action: string }>(
  db: Db,
  rules: LedgerRules<R, I, A>,
) {
  const { table, entries } = rules;
  const q = {
    insert: db.prepare(
      `INSERT INTO ${table} (day, status, merchant, record) VALUES ('', '', '', '{}')`,
    ),
    update: db.prepare(
      `UPDATE ${table} SET day = ?, status = ?, merchant = ?, record = ? WHERE id = ?`,
    ),
    entry: db.prepare(
      `INSERT INTO ${entries} (record_id, at, by, action, data) VALUES (?, ?, ?, ?, ?)`,
    ),
    get: db.prepare<[number], { record: string }>(`SELECT record FROM ${table} WHERE id = ?`),
    entries: db.prepare<[number], LedgerEntry & { data: string }>(
      `SELECT id, at, by, action, data FROM ${entries} WHERE record_id = ? ORDER BY id`,
    ),
    between: db.prepare<[string, string], { record: string }>(
      `SELECT record FROM ${table} WHERE day >= ? AND day <= ? ORDER BY day, id`,
    ),
    withStatus: db.prepare<[string], { record: string }>(
      `SELECT record FROM ${table} WHERE status = ? ORDER BY day, id`,
    ),
  };
  const parse = (r: { record: string } | undefined) =>
    r ? (JSON.parse(r.record) as R) : undefined;
  const save = (r: R) => q.update.run(r.day, r.status, r.merchantName, JSON.stringify(r), r.id);
  const write = (id: number, action: string, data: unknown, s: Stamp) =>
    q.entry.run(id, new Date(s.at).toISOString(), s.by, action, JSON.stringify(data));

  return {
    /** Opens a record; throws LedgerRefused (nothing written) when its rules refuse it. */
    add: db.transaction((intake: I, s: Stamp): R => {
      const id = Number(q.insert.run().lastInsertRowid);
      const r = rules.open(id, intake, s);
      save(r);
      write(id, 'open', intake, s);
      return r;
    }),
    /** Applies a change; undefined when there is no such record. */
    act: db.transaction((id: number, a: A, s: Stamp): R | undefined => {
      const r = parse(q.get.get(id));
      if (!r) return undefined;
      const next = rules.apply(r, a, s);
      save(next);
      write(id, a.action, a, s);
      return next;
    }),
    get: (id: number) => parse(q.get.get(id)),
    entries: (id: number): LedgerEntry[] =>
      q.entries.all(id).map((e) => ({ ...e, data: JSON.parse(e.data) as unknown })),
    /** Filed under a day from `from` to `to`, both included (`YYYY-MM-DD`). */
    between: (from: string, to: string) => q.between.all(from, to).map((r) => parse(r) as R),
    withStatus: (status: R['status']) => q.withStatus.all(status).map((r) => parse(r) as R),
  };
}
export type LedgerStore<R extends LedgerRecord, I, A extends { action: string }> = ReturnType<
  typeof ledgerStore<R, I, A>
>;
