import { z } from 'zod';
import type { Db } from '../db/open.ts';
import { queueSettingsSchema, type QueueFile, type QueueSettings } from './queue-file.ts';
import type {
  CounterRow,
  CounterStatus,
  Priority,
  ServiceRow,
  Source,
  TicketRow,
  WaitingRow,
} from './queue-types.ts';
import type { Rating } from './figures.ts';

const TICKET_COLUMNS = `id, date, prefix, number, code, taken_service AS takenService, service, priority,
  source, status, token, taken_at AS takenAt, called_at AS calledAt,
  first_called_at AS firstCalledAt, call_count AS callCount, recalls, counter,
  started_at AS startedAt, finished_at AS finishedAt, no_show_at AS noShowAt,
  closed_at AS closedAt, transfers, category, note, rating, rated_at AS ratedAt,
  taken_by AS takenBy`;

interface CounterRecord extends Omit<CounterRow, 'defaultServices' | 'services'> {
  defaultServices: string;
  services: string;
}

const toCounter = (r: CounterRecord): CounterRow => ({
  ...r,
  defaultServices: JSON.parse(r.defaultServices) as string[],
  services: JSON.parse(r.services) as string[],
});

/** The queue's tables: every statement prepared once, one named function per query. */
export function queueStore(db: Db) {
  const q = {
    services: db.prepare<[], Omit<ServiceRow, 'hours'> & { hoursFrom: string; hoursUntil: string }>(
      `SELECT id, prefix, name, name_en AS nameEn, hours_from AS hoursFrom,
         hours_until AS hoursUntil, sort_order AS "order" FROM queue_services ORDER BY sort_order`,
    ),
    insertService: db.prepare(
      `INSERT INTO queue_services (id, prefix, name, name_en, hours_from, hours_until, sort_order)
       VALUES (@id, @prefix, @name, @nameEn, @from, @until, @order)`,
    ),
    counters: db.prepare<[], CounterRecord>(
      `SELECT number, name, default_services AS defaultServices, services, status,
         opened_by AS openedBy, opened_at AS openedAt, opened_session AS openedSession,
         priority_streak AS priorityStreak
       FROM queue_counters ORDER BY number`,
    ),
    insertCounter: db.prepare(
      `INSERT INTO queue_counters (number, name, default_services) VALUES (?, ?, ?)`,
    ),
    setCounter: db.prepare(
      `UPDATE queue_counters SET status = @status, services = @services, opened_by = @openedBy,
         opened_at = @openedAt, opened_session = @openedSession, priority_streak = 0
       WHERE number = @number`,
    ),
    setStatus: db.prepare('UPDATE queue_counters SET status = ? WHERE number = ?'),
    setStreak: db.prepare('UPDATE queue_counters SET priority_streak = ? WHERE number = ?'),
    closeCounters: db.prepare(
      `UPDATE queue_counters SET status = 'closed', services = '[]', opened_by = NULL,
         opened_at = NULL, opened_session = NULL, priority_streak = 0 WHERE status != 'closed'`,
    ),
    meta: db.prepare<[string], string>('SELECT value FROM queue_meta WHERE key = ?').pluck(),
    setMeta: db.prepare(
      'INSERT INTO queue_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ),
    lastNumber: db
      .prepare<[string, string], number | null>(
        'SELECT max(number) FROM queue_tickets WHERE date = ? AND prefix = ?',
      )
      .pluck(),
    insertTicket: db.prepare(
      `INSERT INTO queue_tickets (date, prefix, number, code, taken_service, service, priority,
         source, status, token, taken_at, taken_by, idempotency_key)
       VALUES (@date, @prefix, @number, @code, @service, @service, @priority, @source, 'waiting',
         @token, @takenAt, @takenBy, @idempotencyKey)`,
    ),
    lastTakenAt: db
      .prepare<[string], string | null>('SELECT max(taken_at) FROM queue_tickets WHERE date = ?')
      .pluck(),
    byKey: db.prepare<[string, string], TicketRow>(
      `SELECT ${TICKET_COLUMNS} FROM queue_tickets WHERE date = ? AND idempotency_key = ?`,
    ),
    ticket: db.prepare<[number], TicketRow>(
      `SELECT ${TICKET_COLUMNS} FROM queue_tickets WHERE id = ?`,
    ),
    byToken: db.prepare<[string], TicketRow>(
      `SELECT ${TICKET_COLUMNS} FROM queue_tickets WHERE token = ?`,
    ),
    byCode: db.prepare<[string, string], TicketRow>(
      `SELECT ${TICKET_COLUMNS} FROM queue_tickets WHERE date = ? AND code = ?`,
    ),
    // Only what ordering and counting need: read on every take and every call.
    waiting: db.prepare<[string], WaitingRow>(
      `SELECT id, service, priority, taken_at AS takenAt FROM queue_tickets
       WHERE date = ? AND status = 'waiting' ORDER BY taken_at, id`,
    ),
    waitingIn: db.prepare<[string, string], WaitingRow>(
      `SELECT id, service, priority, taken_at AS takenAt FROM queue_tickets
       WHERE date = ? AND status = 'waiting' AND service = ? ORDER BY taken_at, id`,
    ),
    waitingCounts: db.prepare<[string], { service: string; n: number }>(
      `SELECT service, count(*) AS n FROM queue_tickets WHERE date = ? AND status = 'waiting'
       GROUP BY service`,
    ),
    waitingTickets: db.prepare<[string], TicketRow>(
      `SELECT ${TICKET_COLUMNS} FROM queue_tickets WHERE date = ? AND status = 'waiting'
       ORDER BY taken_at, id`,
    ),
    current: db.prepare<[string, number], TicketRow>(
      `SELECT ${TICKET_COLUMNS} FROM queue_tickets
       WHERE date = ? AND counter = ? AND status IN ('called', 'serving') ORDER BY id LIMIT 1`,
    ),
    noShows: db.prepare<[string, string], TicketRow>(
      `SELECT ${TICKET_COLUMNS} FROM queue_tickets
       WHERE date = ? AND status = 'no-show' AND no_show_at >= ? ORDER BY no_show_at DESC`,
    ),
    // The conditional updates: each changes the row only from the state it expects, so two
    // counters can never both claim one ticket.
    call: db.prepare(
      `UPDATE queue_tickets SET status = 'called', counter = @counter, called_at = @at,
         first_called_at = coalesce(first_called_at, @at), call_count = call_count + 1,
         recalls = 0, started_at = NULL
       WHERE id = @id AND status IN ('waiting', 'no-show') AND date = @date`,
    ),
    recall: db.prepare(
      `UPDATE queue_tickets SET called_at = @at, call_count = call_count + 1, recalls = recalls + 1
       WHERE id = @id AND status = 'called' AND recalls = @recalls`,
    ),
    noShow: db.prepare(
      `UPDATE queue_tickets SET status = 'no-show', no_show_at = @at
       WHERE id = @id AND status = 'called'`,
    ),
    start: db.prepare(
      `UPDATE queue_tickets SET status = 'serving', started_at = @at
       WHERE id = @id AND status = 'called'`,
    ),
    finish: db.prepare(
      `UPDATE queue_tickets SET status = 'done', finished_at = @at, category = @category,
         note = @note WHERE id = @id AND status IN ('called', 'serving')`,
    ),
    transfer: db.prepare(
      `UPDATE queue_tickets SET status = 'waiting', service = @service, counter = NULL,
         started_at = NULL, call_count = 0, recalls = 0, transfers = transfers + 1
       WHERE id = @id AND status IN ('called', 'serving')`,
    ),
    rate: db.prepare(
      `UPDATE queue_tickets SET rating = @rating, rated_at = @at
       WHERE id = @id AND status = 'done' AND rating IS NULL`,
    ),
    unfinishedBefore: db.prepare<[string], { id: number; date: string; counter: number | null }>(
      `SELECT id, date, counter FROM queue_tickets
       WHERE date < ? AND status IN ('waiting', 'called', 'serving')`,
    ),
    closeTicket: db.prepare(
      `UPDATE queue_tickets SET status = 'closed', closed_at = ? WHERE id = ?`,
    ),
    recentServiceMs: db
      .prepare<[string, string, number], number>(
        `SELECT (julianday(finished_at) - julianday(started_at)) * 86400000 FROM queue_tickets
         WHERE date = ? AND service = ? AND status = 'done' AND started_at IS NOT NULL
         ORDER BY finished_at DESC LIMIT ?`,
      )
      .pluck(),
    recentCalls: db.prepare<[string], { ticketId: number; counter: number; at: string }>(
      `SELECT ticket_id AS ticketId, counter, at FROM queue_actions
       WHERE date = ? AND action IN ('call', 'recall') ORDER BY id DESC LIMIT 100`,
    ),
    log: db.prepare(
      `INSERT INTO queue_actions (ticket_id, date, at, action, counter, actor, detail)
       VALUES (@ticketId, @date, @at, @action, @counter, @actor, @detail)`,
    ),
    range: db.prepare<[string, string], TicketRow>(
      `SELECT ${TICKET_COLUMNS} FROM queue_tickets WHERE date BETWEEN ? AND ? ORDER BY date, taken_at, id`,
    ),
  };

  return {
    isEmpty: () => q.services.all().length === 0,
    /** Fills the empty tables from queue.yaml (first start). */
    seed(file: QueueFile): void {
      db.transaction(() => {
        file.services.forEach((s, i) =>
          q.insertService.run({ ...s, from: s.hours.from, until: s.hours.until, order: i + 1 }),
        );
        for (const c of file.counters)
          q.insertCounter.run(c.number, c.name ?? `${c.number}号窗口`, JSON.stringify(c.services));
        // The settings alone: a plain object of the same fields drops services and counters.
        const settings = z.object(queueSettingsSchema.shape).parse(file);
        q.setMeta.run('settings', JSON.stringify(settings));
      })();
    },
    settings: (): QueueSettings =>
      queueSettingsSchema.parse(JSON.parse(q.meta.get('settings') ?? '{}')),
    services: (): ServiceRow[] =>
      q.services.all().map(({ hoursFrom, hoursUntil, ...s }) => ({
        ...s,
        hours: { from: hoursFrom, until: hoursUntil },
      })),
    counters: (): CounterRow[] => q.counters.all().map(toCounter),
    openCounter(number: number, services: string[], by: string, at: string, session: string): void {
      q.setCounter.run({
        number,
        status: 'open',
        services: JSON.stringify(services),
        openedBy: by,
        openedAt: at,
        openedSession: session,
      });
    },
    closeCounter(number: number): void {
      q.setCounter.run({
        number,
        status: 'closed',
        services: '[]',
        openedBy: null,
        openedAt: null,
        openedSession: null,
      });
    },
    setCounterStatus: (number: number, status: CounterStatus) => q.setStatus.run(status, number),
    setStreak: (number: number, streak: number) => q.setStreak.run(streak, number),
    closeAllCounters: () => q.closeCounters.run().changes,
    meta: (key: string) => q.meta.get(key),
    setMeta: (key: string, value: string) => q.setMeta.run(key, value),

    /** The latest take time of a date (ISO, UTC), if any. */
    lastTakenAt: (date: string) => q.lastTakenAt.get(date) ?? undefined,
    nextNumber: (date: string, prefix: string) => (q.lastNumber.get(date, prefix) ?? 0) + 1,
    insertTicket(t: {
      date: string;
      prefix: string;
      number: number;
      code: string;
      service: string;
      priority: Priority;
      source: Source;
      token: string;
      takenAt: string;
      takenBy: string;
      /** The ticket machine's Idempotency-Key, if it sent one. */
      idempotencyKey: string | null;
    }): number {
      return Number(q.insertTicket.run(t).lastInsertRowid);
    },
    ticket: (id: number) => q.ticket.get(id),
    byToken: (token: string) => q.byToken.get(token),
    byCode: (date: string, code: string) => q.byCode.get(date, code),
    /** The ticket taken on a date with this Idempotency-Key. */
    byKey: (date: string, key: string) => q.byKey.get(date, key),
    waiting: (date: string) => q.waiting.all(date),
    waitingIn: (date: string, service: string) => q.waitingIn.all(date, service),
    /** A day's waiting tickets, whole, oldest first (the console's list). */
    waitingTickets: (date: string) => q.waitingTickets.all(date),
    waitingCounts: (date: string): Record<string, number> =>
      Object.fromEntries(q.waitingCounts.all(date).map((r) => [r.service, r.n])),
    current: (date: string, counter: number) => q.current.get(date, counter),
    noShowsSince: (date: string, since: string) => q.noShows.all(date, since),

    /** Each returns whether the ticket was in the state the change expects. */
    call: (p: { id: number; date: string; counter: number; at: string }) =>
      q.call.run(p).changes === 1,
    recall: (p: { id: number; recalls: number; at: string }) => q.recall.run(p).changes === 1,
    noShow: (p: { id: number; at: string }) => q.noShow.run(p).changes === 1,
    start: (p: { id: number; at: string }) => q.start.run(p).changes === 1,
    finish: (p: { id: number; at: string; category: string; note: string | null }) =>
      q.finish.run(p).changes === 1,
    transfer: (p: { id: number; service: string }) => q.transfer.run(p).changes === 1,
    rate: (p: { id: number; rating: Rating; at: string }) => q.rate.run(p).changes === 1,
    unfinishedBefore: (date: string) => q.unfinishedBefore.all(date),
    closeTicket: (id: number, at: string) => q.closeTicket.run(at, id),

    recentServiceMs: (date: string, service: string, limit: number) =>
      q.recentServiceMs.all(date, service, limit),
    recentCalls: (date: string) => q.recentCalls.all(date),
    log(a: {
      ticketId: number;
      date: string;
      at: string;
      action: string;
      counter?: number | null;
      actor: string;
      detail?: unknown;
    }): void {
      q.log.run({
        ...a,
        counter: a.counter ?? null,
        detail: a.detail === undefined ? null : JSON.stringify(a.detail),
      });
    },
    range: (from: string, to: string) => q.range.all(from, to),
  };
}
export type QueueStore = ReturnType<typeof queueStore>;
