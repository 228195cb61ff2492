import { formatInstant, offsetMinutesAt } from '../../core/zoned-time.ts';
import type { DayAnchors } from '../program/clock-expr.ts';
import type { CounterRow, ServiceRow, TicketRow, WaitingRow } from './queue-types.ts';
import { hoursToday, isOpenAt, nextOpening } from './service-hours.ts';
import { estimateWaitMinutes, meanServiceMinutes, peopleAhead } from './wait-estimate.ts';

/**
 * What the API shows of the queue, built from one snapshot of it: tickets with the people ahead
 * and the estimated wait, the services a customer may pick, the board's state.
 */
export interface Snapshot {
  date: string;
  zone: string;
  /** Milliseconds into the mall's day, now. */
  msOfDay: number;
  anchors: DayAnchors | undefined;
  /** Tomorrow's, for when a closed service opens next. */
  anchorsTomorrow: DayAnchors | undefined;
  services: ServiceRow[];
  counters: CounterRow[];
  /** Today's waiting tickets of a service, oldest first. */
  waitingIn: (service: string) => WaitingRow[];
  /** How many wait in each service today. */
  waitingCounts: () => Record<string, number>;
  priorityFirst: boolean;
  /** Today's recent service times of a service, in ms. */
  recentServiceMs: (service: string) => number[];
  defaultServiceMinutes: number;
}

/** A stored UTC instant on the mall's clocks: `2026-12-07T10:02:03+08:00`. */
export function zoned(zone: string, utc: string): string;
export function zoned(zone: string, utc: string | null): string | undefined;
export function zoned(zone: string, utc: string | null): string | undefined {
  if (!utc) return undefined;
  const ms = Date.parse(utc);
  return formatInstant(ms, offsetMinutesAt(zone, ms));
}

const counterRef = (counters: readonly CounterRow[], number: number | null) => {
  const c = number === null ? undefined : counters.find((k) => k.number === number);
  return c ? { number: c.number, name: c.name } : undefined;
};

/** The estimate model of a snapshot: people ahead and minutes, per ticket or for a new one. */
export function waitModel(s: Snapshot) {
  const means = new Map<string, number>();
  const mean = (service: string) => {
    let m = means.get(service);
    if (m === undefined)
      means.set(
        service,
        (m = meanServiceMinutes(s.recentServiceMs(service), s.defaultServiceMinutes)),
      );
    return m;
  };
  const openFor = (service: string) =>
    s.counters.filter((c) => c.status === 'open' && c.services.includes(service)).length;
  const rows = (service: string) =>
    s.waitingIn(service).map((w) => ({
      id: w.id,
      priority: w.priority !== 'normal',
      takenAt: w.takenAt,
    }));
  return {
    waitingIn: (service: string) => s.waitingCounts()[service] ?? 0,
    /** For a ticket taken now (a normal one). */
    forNew: (service: string) =>
      estimateWaitMinutes(s.waitingCounts()[service] ?? 0, mean(service), openFor(service)),
    ahead(t: TicketRow): number {
      if (t.status !== 'waiting') return 0;
      const me = { id: t.id, priority: t.priority !== 'normal', takenAt: t.takenAt };
      return peopleAhead(me, rows(t.service), s.priorityFirst);
    },
    minutes(t: TicketRow, ahead: number): number {
      return t.status === 'waiting'
        ? estimateWaitMinutes(ahead, mean(t.service), openFor(t.service))
        : 0;
    },
  };
}

/** A ticket as the API returns it. */
export function ticketView(s: Snapshot, t: TicketRow, model = waitModel(s)) {
  const service = s.services.find((v) => v.id === t.service);
  const ahead = t.date === s.date ? model.ahead(t) : 0;
  return {
    id: t.id,
    code: t.code,
    date: t.date,
    service: t.service,
    serviceName: service?.name ?? t.service,
    serviceNameEn: service?.nameEn ?? t.service,
    number: t.number,
    priority: t.priority,
    source: t.source,
    status: t.status,
    takenAt: zoned(s.zone, t.takenAt),
    calledAt: zoned(s.zone, t.calledAt),
    callCount: t.callCount,
    startedAt: zoned(s.zone, t.startedAt),
    finishedAt: zoned(s.zone, t.finishedAt),
    noShowAt: zoned(s.zone, t.noShowAt),
    closedAt: zoned(s.zone, t.closedAt),
    counter: counterRef(s.counters, t.counter),
    ahead,
    estimatedWaitMin: t.date === s.date ? model.minutes(t, ahead) : 0,
    token: t.token,
    transfers: t.transfers,
    category: t.category ?? undefined,
    note: t.note ?? undefined,
    rating: t.rating ?? undefined,
  };
}
export type TicketView = ReturnType<typeof ticketView>;

/** What the phone page may see: no token, no note, no other customer's data. */
export function publicView(s: Snapshot, t: TicketRow) {
  const v = ticketView(s, t);
  return {
    code: v.code,
    serviceName: v.serviceName,
    status: v.status,
    ahead: v.ahead,
    estimatedWaitMin: v.estimatedWaitMin,
    counter: v.counter,
    takenAt: v.takenAt,
  };
}

/** The services a customer may pick, open or not now, with the queue in each. */
export function servicesView(s: Snapshot, model = waitModel(s)) {
  return s.services.map((v) => ({
    id: v.id,
    prefix: v.prefix,
    name: v.name,
    nameEn: v.nameEn,
    hours: hoursToday(v.hours, s.anchors),
    order: v.order,
    open: isOpenAt(v.hours, s.anchors, s.msOfDay),
    nextOpen: nextOpening(v.hours, s.anchors, s.anchorsTomorrow, s.msOfDay),
    waiting: model.waitingIn(v.id),
    estimatedWaitMin: model.forNew(v.id),
  }));
}

export interface RecentCall {
  ticket: TicketRow;
  counter: number;
  at: string;
}

/** The calling board's state: each counter's current ticket, the last five calls, the queues. */
export function stateView(s: Snapshot, current: Map<number, TicketRow>, recent: RecentCall[]) {
  const model = waitModel(s);
  return {
    date: s.date,
    counters: s.counters.map((c) => {
      const t = current.get(c.number);
      return {
        number: c.number,
        name: c.name,
        status: c.status,
        services: c.services,
        current: t && {
          code: t.code,
          status: t.status,
          calledAt: zoned(s.zone, t.calledAt),
          callCount: t.callCount,
        },
      };
    }),
    recentCalls: recent.map((r) => ({
      code: r.ticket.code,
      counter: counterRef(s.counters, r.counter) ?? {
        number: r.counter,
        name: `${r.counter}号窗口`,
      },
      calledAt: zoned(s.zone, r.at),
      callCount: r.ticket.callCount,
    })),
    waiting: Object.fromEntries(s.services.map((v) => [v.id, model.waitingIn(v.id)])),
    services: servicesView(s, model),
  };
}

/** A counter as the counter page sees it: its services and the ticket it is dealing with. */
export function counterView(
  s: Snapshot,
  c: CounterRow,
  current: TicketRow | undefined,
  model = waitModel(s),
) {
  return {
    number: c.number,
    name: c.name,
    status: c.status,
    services: c.services,
    defaultServices: c.defaultServices,
    openedBy: c.openedBy ?? undefined,
    openedAt: zoned(s.zone, c.openedAt),
    current: current && ticketView(s, current, model),
  };
}
