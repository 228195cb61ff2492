import type { Db } from '../db/open.ts';
import type { EventBus } from '../events/bus.ts';
import { apiError, notFound } from '../http/errors.ts';
import { counterGuards } from './counter-status.ts';
import { nextStreak, pickNext } from './call-order.ts';
import type { QueueSettings } from './queue-file.ts';
import type { QueueStore } from './queue-store.ts';
import type { CounterRow, TicketRow } from './queue-types.ts';
import type { TicketView } from './queue-views.ts';
import { ratingIdOf } from './rating-id.ts';
import { normaliseCode, ticketCode } from './ticket-code.ts';

export interface CounterCore {
  store: QueueStore;
  db: Db;
  bus: EventBus;
  now: () => Date;
  settings: () => QueueSettings;
  ensureDay: () => string;
  changed: (reason: string) => void;
  announce: (ticketId: number, counter: CounterRow) => void;
  view: (t: TicketRow) => TicketView;
}

/** How often call-next re-reads the queue if another writer took its pick (another process). */
const CLAIM_ATTEMPTS = 3;

/**
 * What a desk user does with tickets at a counter: call the next one or a given one, recall,
 * no-show, start, finish, transfer. Each is one transaction; a refusal says what to do.
 */
export function counterActions(core: CounterCore) {
  const { store, db, now, settings } = core;

  const { counterOf, refuseClosed, refuseBusy } = counterGuards(store);

  /** The ticket the counter is dealing with, in one of the states the action accepts. */
  function currentOf(date: string, c: CounterRow, accepted: readonly TicketRow['status'][]) {
    refuseClosed(c);
    const t = store.current(date, c.number);
    if (!t)
      throw apiError(409, 'no-current-ticket', `${c.name} has no ticket called; call one first`);
    if (!accepted.includes(t.status))
      throw apiError(409, 'already-started', `${t.code} is already being served at ${c.name}`);
    return t;
  }

  /** Calls a ticket at a counter: the conditional update, the streak, the log; then the voice. */
  function claim(date: string, c: CounterRow, t: TicketRow, actor: string, how: string): boolean {
    const at = now().toISOString();
    if (!store.call({ id: t.id, date, counter: c.number, at })) return false;
    store.setStreak(c.number, nextStreak(c.priorityStreak, t.priority !== 'normal'));
    store.log({
      ticketId: t.id,
      date,
      at,
      action: 'call',
      counter: c.number,
      actor,
      detail: { how },
    });
    return true;
  }

  function called(ticketId: number, c: CounterRow) {
    core.announce(ticketId, c);
    core.changed('ticket called');
    return core.view(store.ticket(ticketId) as TicketRow);
  }

  /** Runs one change to the counter's current ticket, then says so. */
  function act(number: number, reason: string, change: (date: string, c: CounterRow) => number) {
    const date = core.ensureDay();
    const id = db.transaction(() => change(date, counterOf(number)))();
    core.changed(reason);
    return core.view(store.ticket(id) as TicketRow);
  }

  return {
    /** The next ticket for this counter: priority first (within priorityRun), else in order. */
    callNext(number: number, actor: string) {
      const date = core.ensureDay();
      const { id, c } = db.transaction(() => {
        const c = counterOf(number);
        refuseClosed(c);
        if (c.status === 'paused')
          throw apiError(409, 'counter-paused', `${c.name} is paused; resume it to call the next`);
        refuseBusy(date, c);
        const s = settings();
        for (let attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
          const waiting = store.waiting(date);
          const pick = pickNext(
            waiting.map((w) => ({ ...w, priority: w.priority !== 'normal' })),
            {
              services: c.services,
              priorityStreak: c.priorityStreak,
              priorityRun: s.priorityRun,
              callOrder: s.callOrder,
            },
          );
          if (!pick)
            throw apiError(404, 'queue-empty', `nobody is waiting for ${c.name}'s services`);
          const t = store.ticket(pick.id) as TicketRow;
          if (claim(date, c, t, actor, 'next')) return { id: t.id, c };
        }
        throw apiError(409, 'conflict', 'the queue changed while calling; press call next again');
      })();
      return called(id, c);
    },

    /** A given waiting ticket, or a no-show still within noShowRecallMinutes. */
    callCode(number: number, input: string, actor: string) {
      const date = core.ensureDay();
      const { id, c } = db.transaction(() => {
        const c = counterOf(number);
        refuseClosed(c);
        if (c.status === 'paused')
          throw apiError(409, 'counter-paused', `${c.name} is paused; resume it to call`);
        refuseBusy(date, c);
        const parsed = normaliseCode(input);
        if (!parsed)
          throw apiError(400, 'invalid', 'code: write a ticket number such as A012', {
            field: 'code',
          });
        const code = ticketCode(parsed.prefix, parsed.number);
        const t = store.byCode(date, code);
        if (!t) throw notFound(`ticket ${code} of today`);
        if (t.status === 'done' || t.status === 'closed')
          throw apiError(
            409,
            'ticket-finished',
            `${code} is finished (${t.status}); it cannot be called again`,
          );
        if (t.status === 'called' || t.status === 'serving')
          throw apiError(
            409,
            'ticket-taken',
            `${code} is already ${t.status} at counter ${t.counter}`,
          );
        if (t.status === 'no-show') {
          const until = Date.parse(t.noShowAt as string) + settings().noShowRecallMinutes * 60_000;
          if (now().getTime() > until)
            throw apiError(
              409,
              'no-show-expired',
              `${code} was a no-show more than ${settings().noShowRecallMinutes} minutes ago; take a new ticket`,
            );
        }
        if (!claim(date, c, t, actor, 'code'))
          throw apiError(409, 'ticket-taken', `${code} was just called elsewhere`);
        return { id: t.id, c };
      })();
      return called(id, c);
    },

    /** Calls the counter's ticket again (same voice, callCount + 1), up to maxRecalls. */
    recall(number: number, actor: string) {
      const date = core.ensureDay();
      const { id, c } = db.transaction(() => {
        const c = counterOf(number);
        const t = currentOf(date, c, ['called']);
        const max = settings().maxRecalls;
        if (t.recalls >= max)
          throw apiError(
            409,
            'recall-limit',
            `${t.code} has been recalled ${t.recalls} times (the limit); mark it no-show`,
          );
        const at = now().toISOString();
        if (!store.recall({ id: t.id, recalls: t.recalls, at }))
          throw apiError(409, 'conflict', `${t.code} changed meanwhile; try again`);
        store.log({ ticketId: t.id, date, at, action: 'recall', counter: c.number, actor });
        return { id: t.id, c };
      })();
      return called(id, c);
    },

    noShow: (number: number, actor: string) =>
      act(number, 'ticket no-show', (date, c) => {
        const t = currentOf(date, c, ['called']);
        const at = now().toISOString();
        store.noShow({ id: t.id, at });
        store.log({ ticketId: t.id, date, at, action: 'no-show', counter: c.number, actor });
        return t.id;
      }),

    start: (number: number, actor: string) =>
      act(number, 'ticket started', (date, c) => {
        const t = currentOf(date, c, ['called']);
        const at = now().toISOString();
        store.start({ id: t.id, at });
        store.log({ ticketId: t.id, date, at, action: 'start', counter: c.number, actor });
        return t.id;
      }),

    /** Done: records the category and note; may ask the customer to rate on the board. */
    finish(
      number: number,
      input: { category: string; note?: string | undefined; askRating?: boolean | undefined },
      actor: string,
    ) {
      const ticket = act(number, 'ticket finished', (date, c) => {
        const t = currentOf(date, c, ['called', 'serving']);
        const at = now().toISOString();
        store.finish({ id: t.id, at, category: input.category, note: input.note ?? null });
        store.log({
          ticketId: t.id,
          date,
          at,
          action: 'finish',
          counter: c.number,
          actor,
          detail: { category: input.category },
        });
        return t.id;
      });
      if (input.askRating && ticket.counter)
        // Not the ticket's token (it opens the phone page): a handle for this prompt alone.
        core.bus.publish('queue-rating', {
          ticketId: ticket.id,
          ratingId: ratingIdOf(ticket),
          counter: ticket.counter,
        });
      return ticket;
    },

    /**
     * Back to waiting in the service staff chose, keeping its place by the original take time.
     * Its calls start again: in the new service its next call is a first call (callCount 1),
     * not "再次呼叫（第 2 次）", even when this same counter serves that service too.
     */
    transfer: (number: number, service: string, actor: string) =>
      act(number, 'ticket transferred', (date, c) => {
        const t = currentOf(date, c, ['called', 'serving']);
        if (!store.services().some((s) => s.id === service))
          throw apiError(400, 'unknown-service', `there is no service "${service}"`, {
            field: 'service',
          });
        if (service === t.service)
          throw apiError(409, 'same-service', `${t.code} is already in ${service}`, {
            field: 'service',
          });
        store.transfer({ id: t.id, service });
        store.log({
          ticketId: t.id,
          date,
          at: now().toISOString(),
          action: 'transfer',
          counter: c.number,
          actor,
          detail: { from: t.service, to: service },
        });
        return t.id;
      }),
  };
}
