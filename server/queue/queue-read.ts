import { notFound } from '../http/errors.ts';
import type { QueueSettings } from './queue-file.ts';
import type { QueueStore } from './queue-store.ts';
import type { TicketRow } from './queue-types.ts';
import {
  counterView,
  stateView,
  waitModel,
  zoned,
  type RecentCall,
  type Snapshot,
} from './queue-views.ts';

export interface ReadDeps {
  store: QueueStore;
  snapshot: () => Snapshot;
  settings: () => QueueSettings;
  now: () => Date;
}

/** The calling board's state and the counter page's view, read from one snapshot each. */
export function queueReads({ store, snapshot, settings, now }: ReadDeps) {
  return {
    counterView(number: number) {
      const s = snapshot();
      const c = s.counters.find((k) => k.number === number);
      if (!c) throw notFound(`counter ${number}`);
      return counterView(s, c, store.current(s.date, number));
    },

    /**
     * The counter page's view: every counter, the categories, the no-shows still recallable;
     * each counter says whether `viewer` (a sign-in's hash) is the one that opened it.
     */
    counterList(viewer?: string) {
      const s = snapshot();
      const model = waitModel(s);
      const { categories, noShowRecallMinutes, maxRecalls, english } = settings();
      const windowMs = noShowRecallMinutes * 60_000;
      const since = new Date(now().getTime() - windowMs).toISOString();
      return {
        date: s.date,
        counters: s.counters.map((c) => ({
          ...counterView(s, c, store.current(s.date, c.number), model),
          yours: c.status !== 'closed' && viewer !== undefined && c.openedSession === viewer,
        })),
        categories,
        settings: { maxRecalls, noShowRecallMinutes, english },
        noShows: store.noShowsSince(s.date, since).map((t) => ({
          code: t.code,
          service: t.service,
          counter: t.counter,
          noShowAt: zoned(s.zone, t.noShowAt as string),
          recallableUntil: zoned(
            s.zone,
            new Date(Date.parse(t.noShowAt as string) + windowMs).toISOString(),
          ),
        })),
      };
    },

    state() {
      const s = snapshot();
      const current = new Map<number, TicketRow>();
      for (const c of s.counters) {
        const t = store.current(s.date, c.number);
        if (t) current.set(c.number, t);
      }
      const recent: RecentCall[] = [];
      const seen = new Set<number>();
      for (const r of store.recentCalls(s.date)) {
        if (seen.has(r.ticketId)) continue;
        seen.add(r.ticketId);
        recent.push({
          ticket: store.ticket(r.ticketId) as TicketRow,
          counter: r.counter,
          at: r.at,
        });
        if (recent.length === 5) break;
      }
      return stateView(s, current, recent);
    },
  };
}
