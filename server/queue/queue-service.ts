import { randomBytes } from 'node:crypto';
import { addDays, dateInZone, zonedDay } from '../../core/zoned-time.ts';
import type { Db } from '../db/open.ts';
import type { EventBus } from '../events/bus.ts';
import { apiError, notFound } from '../http/errors.ts';
import type { Logger } from '../log.ts';
import type { DayAnchors } from '../program/clock-expr.ts';
import type { DayPlan } from '../../core/plan.ts';
import { z } from 'zod';
import { applyQueueFile } from './configure.ts';
import { counterActions } from './counter-actions.ts';
import { parseQueueFile, queueSettingsSchema } from './queue-file.ts';
import { counterStatus } from './counter-status.ts';
import { dayKeeper } from './day-reset.ts';
import { queueReads } from './queue-read.ts';
import { computeFigures, type Rating } from './figures.ts';
import { queueStore } from './queue-store.ts';
import type { CounterRow, Priority, Source, TicketRow, WaitingRow } from './queue-types.ts';
import {
  publicView,
  servicesView,
  ticketView,
  waitModel,
  zoned,
  type Snapshot,
  type TicketView,
} from './queue-views.ts';
import { anchorsOf, hoursToday, isOpenAt, resolveHours } from './service-hours.ts';
import { ticketCode } from './ticket-code.ts';
import { callAnnouncement } from './voice-clips.ts';
import { RECENT_SERVICES } from './wait-estimate.ts';

export interface QueueDeps {
  db: Db;
  bus: EventBus;
  log: Logger;
  now: () => Date;
  schedules: { timezone(): string; plan(date: string): DayPlan };
}

/** How often the queue looks at the clock for a new day (and a step) when nobody uses it. */
const DAY_CHECK_MS = 15_000;

/** Who did something: a desk user's name or a guide screen's. */
export type Actor = string;

/**
 * The front-desk queue: tickets, counters, calls, ratings and figures. Every change is one
 * SQLite transaction (synchronous=FULL, so an acknowledged ticket survives a crash) and is
 * followed by `queue-changed`; every call and recall by exactly one `queue-called`.
 */
export function createQueue(deps: QueueDeps) {
  const { db, bus, log, now, schedules } = deps;
  const store = queueStore(db);
  // Read per use (a small JSON row): a change to the stored settings applies at once.
  const settings = () => store.settings();

  const today = () => dateInZone(schedules.timezone(), now().getTime());

  function anchors(date: string): DayAnchors | undefined {
    try {
      return anchorsOf(schedules.plan(date));
    } catch (err) {
      log.warn('no plan for the queue hours', { date, err: String(err) });
      return undefined;
    }
  }

  function changed(reason: string): void {
    bus.publish('queue-changed', { reason });
  }

  /** Whether every service's hours of `date` had passed at the instant `ms`. */
  function dayOver(date: string, ms: number): boolean {
    const at = dateInZone(schedules.timezone(), ms);
    if (at !== date) return at > date;
    const msOfDay = ms - zonedDay(schedules.timezone(), date).start;
    const a = anchors(date);
    return store.services().every((s) => {
      const hours = resolveHours(s.hours, a);
      return hours === undefined || msOfDay >= hours.until;
    });
  }

  const ensureDay = dayKeeper({
    db,
    store,
    log,
    now,
    dateAt: (ms) => dateInZone(schedules.timezone(), ms),
    dayOver,
    changed,
  });
  // The reset without anyone touching the queue, by the server's clock (a test's, if given):
  // the look also tells a step from time passing, so it runs often.
  const dayCheck = setInterval(ensureDay, DAY_CHECK_MS);
  dayCheck.unref();

  function snapshot(date = ensureDay()): Snapshot {
    const zone = schedules.timezone();
    // Read on first use and kept for the request: a take needs one service's queue, not all.
    const waiting = new Map<string, WaitingRow[]>();
    let counts: Record<string, number> | undefined;
    return {
      date,
      zone,
      // By the clock's own date: on a clock stepped back the queue stays on its day (numbers go
      // on), while the hours follow the time of day the clock shows.
      msOfDay: now().getTime() - zonedDay(zone, today()).start,
      anchors: anchors(date),
      get anchorsTomorrow() {
        return anchors(addDays(date, 1));
      },
      services: store.services(),
      counters: store.counters(),
      waitingIn(service) {
        let rows = waiting.get(service);
        if (!rows) waiting.set(service, (rows = store.waitingIn(date, service)));
        return rows;
      },
      waitingCounts: () => (counts ??= store.waitingCounts(date)),
      priorityFirst: settings().priorityRun > 0,
      recentServiceMs: (service) => store.recentServiceMs(date, service, RECENT_SERVICES),
      defaultServiceMinutes: settings().defaultServiceMinutes,
    };
  }

  const view = (t: TicketRow) => ticketView(snapshot(), t);

  /** The one way a call is announced, whoever made it: API, counter page or anything else. */
  function announce(ticketId: number, counter: CounterRow): void {
    const t = store.ticket(ticketId) as TicketRow;
    const s = settings();
    const words = callAnnouncement({
      code: t.code,
      counter: counter.number,
      english: s.english,
      digitOne: s.digitOne,
    });
    bus.publish('queue-called', {
      ticketId: t.id,
      code: t.code,
      counter: { number: counter.number, name: counter.name },
      callCount: t.callCount,
      // Boards skip calls replayed after a long disconnection: an old call is not spoken late.
      calledAt: now().toISOString(),
      ...words,
    });
  }

  /** A take retried with a key already used today: the same ticket, if it is the same take. */
  function replay(
    t: TicketRow,
    input: { service: string; priority: Priority },
    actor: Actor,
  ): TicketView {
    if (t.takenService !== input.service || t.priority !== input.priority || t.takenBy !== actor)
      throw apiError(
        422,
        'idempotency-key-reused',
        `Idempotency-Key: already used today for ${t.code}, a different ticket; send a new key for a new ticket`,
        { field: 'Idempotency-Key' },
      );
    return view(t);
  }

  const reads = queueReads({ store, snapshot, settings, now });
  const counters = counterActions({
    store,
    db,
    now,
    settings,
    ensureDay,
    changed,
    announce,
    view,
    bus,
  });

  const unsubscribe = bus.subscribe((e) => {
    // The day runner's rollover just after midnight: reset now rather than at the first ticket,
    // so boards show an empty queue before anyone touches them.
    if (e.type === 'plan-changed') ensureDay();
  });

  const status = counterStatus({
    store,
    db,
    now,
    ensureDay,
    changed,
    zoned: (utc) => zoned(schedules.timezone(), utc),
  });

  return {
    ...status,
    ...counters,
    ...reads,
    settings,
    /** queue.yaml as it was last imported or saved. */
    configText: () => store.meta('file') ?? '',
    /** Applies an edited queue.yaml; refused, with every problem at its line, if it is not valid. */
    configure(text: string): void {
      const { value, issues } = parseQueueFile(text);
      if (!value) {
        throw apiError(
          422,
          'invalid-queue-file',
          `${issues.length} problem(s): nothing was changed`,
          { issues },
        );
      }
      applyQueueFile(
        db,
        value,
        text,
        z.object(queueSettingsSchema.shape).parse(value),
        ensureDay(),
      );
      changed('queue.yaml edited');
    },
    today,
    ensureDay,

    /**
     * Issues a ticket: the next number of its service today. With an idempotency key, a retry
     * (the answer was lost: a crash, a dropped connection) gets the ticket already issued for
     * that key today, `replayed`, rather than a second one nobody holds.
     */
    take(
      input: { service: string; priority: Priority; source: Source; idempotencyKey?: string },
      actor: Actor,
    ): { ticket: TicketView; replayed: boolean } {
      const date = ensureDay();
      const key = input.idempotencyKey ?? null;
      const earlier = key === null ? undefined : store.byKey(date, key);
      if (earlier) return { ticket: replay(earlier, input, actor), replayed: true };
      const s = snapshot(date);
      const service = s.services.find((v) => v.id === input.service);
      if (!service)
        throw apiError(400, 'unknown-service', `there is no service "${input.service}"`, {
          field: 'service',
        });
      if (!isOpenAt(service.hours, s.anchors, s.msOfDay)) {
        const h = hoursToday(service.hours, s.anchors);
        throw apiError(
          409,
          'service-closed',
          `${service.name} takes tickets ${h.from}–${h.until}; it is closed now`,
        );
      }
      const id = db.transaction(() => {
        // Never before the day's last take: a clock stepped back must not put a new ticket at
        // the head of the queue (call order goes by take time).
        const clock = now().toISOString();
        const last = store.lastTakenAt(date);
        const takenAt = last !== undefined && last > clock ? last : clock;
        const number = store.nextNumber(date, service.prefix);
        const ticketId = store.insertTicket({
          date,
          prefix: service.prefix,
          number,
          code: ticketCode(service.prefix, number),
          service: service.id,
          priority: input.priority,
          source: input.source,
          token: randomBytes(16).toString('base64url'),
          takenAt,
          takenBy: actor,
          idempotencyKey: key,
        });
        store.log({ ticketId, date, at: takenAt, action: 'take', actor, detail: input });
        return ticketId;
      })();
      changed('ticket taken');
      return { ticket: view(store.ticket(id) as TicketRow), replayed: false };
    },

    ticket(id: number) {
      const t = store.ticket(id);
      if (!t) throw notFound(`ticket ${id}`);
      return view(t);
    },

    /** Today's waiting tickets, oldest first, each with the people ahead and its wait. */
    waitingTickets() {
      const s = snapshot();
      const model = waitModel(s);
      // The token is the customer's phone page: a list on a desk screen does not need it.
      return store.waitingTickets(s.date).map((t) => {
        const view: Partial<TicketView> = ticketView(s, t, model);
        delete view.token;
        return view as Omit<TicketView, 'token'>;
      });
    },

    /** The phone page's view; the token is the secret. */
    publicTicket(token: string) {
      const t = store.byToken(token);
      if (!t) throw notFound('this ticket');
      return publicView(snapshot(), t);
    },

    services: () => servicesView(snapshot()),

    /** The customer's tap on the board after a finish: once per ticket. */
    rate(token: string, rating: Rating, actor: Actor) {
      ensureDay();
      const t = store.byToken(token);
      if (!t) throw notFound('this ticket');
      if (t.rating) throw apiError(409, 'already-rated', `${t.code} has been rated already`);
      if (t.status !== 'done')
        throw apiError(
          409,
          'not-finished',
          `${t.code} is ${t.status}; rate it once it is finished`,
        );
      const at = now().toISOString();
      db.transaction(() => {
        if (!store.rate({ id: t.id, rating, at }))
          throw apiError(409, 'already-rated', `${t.code} has been rated already`);
        store.log({
          ticketId: t.id,
          date: t.date,
          at,
          action: 'rate',
          counter: t.counter,
          actor,
          detail: { rating },
        });
      })();
      changed('ticket rated');
      return view(store.ticket(t.id) as TicketRow);
    },

    /** Figures over a date range (both included). */
    figures(from: string, to: string) {
      ensureDay();
      const zone = schedules.timezone();
      const hourOf = (iso: string) => Number(zoned(zone, iso).slice(11, 13));
      return {
        from,
        to,
        timezone: zone,
        ...computeFigures(store.range(from, to), store.services(), store.counters(), hourOf),
      };
    },

    /** Every ticket of a date range, for the exports. */
    tickets(from: string, to: string) {
      ensureDay();
      return {
        rows: store.range(from, to),
        services: store.services(),
        counters: store.counters(),
      };
    },

    stop(): void {
      unsubscribe();
      clearInterval(dayCheck);
      ensureDay.remember();
    },
  };
}
export type Queue = ReturnType<typeof createQueue>;
