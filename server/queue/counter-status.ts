import type { Db } from '../db/open.ts';
import { apiError, notFound } from '../http/errors.ts';
import type { QueueStore } from './queue-store.ts';
import type { CounterRow } from './queue-types.ts';

/** The checks every counter action starts with: it exists, it is open, it is free. */
export function counterGuards(store: QueueStore) {
  return {
    counterOf(number: number): CounterRow {
      const c = store.counters().find((k) => k.number === number);
      if (!c) throw notFound(`counter ${number}`);
      return c;
    },
    refuseClosed(c: CounterRow): void {
      if (c.status === 'closed')
        throw apiError(409, 'counter-closed', `${c.name} is not open; open it first`);
    },
    refuseBusy(date: string, c: CounterRow): void {
      const t = store.current(date, c.number);
      if (t)
        throw apiError(
          409,
          'counter-busy',
          `${c.name} still has ${t.code} (${t.status}); finish it, transfer it or mark it no-show first`,
          { code: t.code },
        );
    },
  };
}

export interface StatusCore {
  store: QueueStore;
  db: Db;
  now: () => Date;
  /** A stored UTC instant on the mall's clocks (`2026-12-07T09:12:00+08:00`). */
  zoned: (utc: string) => string;
  ensureDay: () => string;
  changed: (reason: string) => void;
}

/** A desk user opens a counter (choosing its services), pauses it for a break, closes it. */
export function counterStatus(core: StatusCore) {
  const { store, db, now } = core;
  const clockOf = (utc: string) => core.zoned(utc).slice(11, 16);
  const { counterOf, refuseClosed, refuseBusy } = counterGuards(store);
  return {
    /**
     * Opens a counter for this sign-in (`session`, a hash). A counter another sign-in has open
     * is refused with who has it and since when, unless `takeover` confirms taking it over.
     */
    open(
      number: number,
      services: string[] | undefined,
      actor: string,
      session: string,
      takeover = false,
    ): CounterRow {
      core.ensureDay();
      const c = counterOf(number);
      if (c.status !== 'closed' && c.openedSession !== session && !takeover) {
        const since = c.openedAt ? clockOf(c.openedAt) : undefined;
        throw apiError(
          409,
          'counter-in-use',
          `${c.name} 正由 ${c.openedBy ?? '另一台电脑'} 使用${since ? `（${since} 起）` : ''}，接管请确认 · ${c.name} is open on another desk PC (${c.openedBy ?? 'someone'}${since ? ` since ${since}` : ''}); send takeover: true to take it over`,
          { openedBy: c.openedBy, openedAt: c.openedAt ? core.zoned(c.openedAt) : null },
        );
      }
      const known = new Set(store.services().map((s) => s.id));
      const chosen = [...new Set(services?.length ? services : c.defaultServices)];
      const unknown = chosen.find((s) => !known.has(s));
      if (unknown)
        throw apiError(400, 'unknown-service', `there is no service "${unknown}"`, {
          field: 'services',
        });
      // A takeover keeps the counter's current ticket: the customer is still at that counter.
      store.openCounter(number, chosen, actor, now().toISOString(), session);
      core.changed('counter opened');
      return counterOf(number);
    },

    close(number: number): CounterRow {
      const date = core.ensureDay();
      db.transaction(() => {
        const c = counterOf(number);
        refuseBusy(date, c);
        store.closeCounter(number);
      })();
      core.changed('counter closed');
      return counterOf(number);
    },

    pause(number: number, paused: boolean): CounterRow {
      core.ensureDay();
      const c = counterOf(number);
      refuseClosed(c);
      store.setCounterStatus(number, paused ? 'paused' : 'open');
      core.changed(paused ? 'counter paused' : 'counter resumed');
      return counterOf(number);
    },
  };
}
