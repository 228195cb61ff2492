import type { Db } from '../db/open.ts';
import type { Logger } from '../log.ts';
import type { QueueStore } from './queue-store.ts';

export interface DayDeps {
  db: Db;
  store: QueueStore;
  log: Logger;
  now: () => Date;
  /** The mall's date now. */
  today: () => string;
  changed: (reason: string) => void;
}

/**
 * The day's reset, run on the first activity of a new date and at the day runner's rollover:
 * the days before's unfinished tickets are closed with outcome `closed` (kept, never deleted)
 * and every counter closes. Numbers start again by themselves, as they run per date. Returns
 * the function that makes sure it has happened and gives today's date.
 */
export function dayKeeper({ db, store, log, now, today, changed }: DayDeps): () => string {
  let day: string | undefined;
  return function ensureDay(): string {
    const date = today();
    if (date === day) return date;
    // 'first': a new database starts its first day; nothing to close, nobody to tell.
    const reset = db.transaction((): 'none' | 'first' | 'new' => {
      const stored = store.meta('day');
      // A restart mid-day changes nothing; a clock stepped back must not close today either.
      if (stored !== undefined && stored >= date) return 'none';
      const at = now().toISOString();
      for (const t of store.unfinishedBefore(date)) {
        store.closeTicket(t.id, at);
        store.log({
          ticketId: t.id,
          date: t.date,
          at,
          action: 'close',
          counter: t.counter,
          actor: 'day reset',
        });
      }
      store.closeAllCounters();
      store.setMeta('day', date);
      return stored === undefined ? 'first' : 'new';
    })();
    day = date;
    if (reset === 'new') {
      log.info('queue day started', { date });
      changed('new day');
    }
    return date;
  };
}
