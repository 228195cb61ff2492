import type { Db } from '../db/open.ts';
import type { Logger } from '../log.ts';
import { clockStep } from '../runner/clock-watch.ts';
import type { QueueStore } from './queue-store.ts';

/**
 * How long the clock must run on without a step, on a date it jumped to, before the queue
 * believes it and closes the day before: NTP or a person fixes a wrong clock well within it.
 */
export const CONFIRM_JUMP_MS = 10 * 60_000;
/** How often the stored "last seen" time is written (it decides a restart's new date). */
const SEEN_EVERY_MS = 60_000;

export interface DayDeps {
  db: Db;
  store: QueueStore;
  log: Logger;
  now: () => Date;
  /** The monotonic clock, which no NTP fix or BIOS date moves: it tells a step from time passing. */
  mono?: () => number;
  /** The mall's date at an instant. */
  dateAt: (ms: number) => string;
  /** Whether the queue's service on `date` was over at the instant `ms` (all its hours passed). */
  dayOver: (date: string, ms: number) => boolean;
  changed: (reason: string) => void;
}

/** What the day keeper decided at one look at the clock: for its tests and its log. */
export type DayState = 'running' | 'pending' | 'reset' | 'first';

/**
 * The queue's day. The day marker (`queue_meta.day`) is the date the queue serves: tickets are
 * numbered in it and the day's reset closes every unfinished ticket of the days before (outcome
 * `closed`, kept) and every counter. Clock steps must never close a day early, reissue a number
 * or stop the reset, so:
 *
 * - the marker only moves forward. A clock stepped back keeps the queue on the marker's date,
 *   numbering on from its highest number;
 * - it moves at once when the clock reached the new date by running (no step since the last
 *   look), or when the queue last saw the clock after the marker day's hours were over (the
 *   desk closed, the server off for the night: a restart the next morning);
 * - otherwise (a restart a day ahead from the middle of service, a live step forward) the new
 *   date waits: the queue stays on the marker's date until the clock has run on, unstepped, on
 *   the new date for CONFIRM_JUMP_MS. A step back meanwhile cancels it, and nothing was closed.
 *
 * Returns the function that looks at the clock and gives the queue's date; it is called on
 * every queue action and by a periodic check, so the reset runs without anyone touching the
 * queue, by whatever clock the server is given.
 */
export function dayKeeper({
  db,
  store,
  log,
  now,
  mono = () => performance.now(),
  dateAt,
  dayOver,
  changed,
}: DayDeps) {
  let day: string | undefined;
  let prev: { wall: number; mono: number } | undefined;
  let pending: { date: string; since: number } | undefined;
  let seenWrittenAt = -Infinity;
  let state: DayState = 'running';

  const reset = db.transaction((date: string, at: string): 'first' | 'new' => {
    const stored = store.meta('day');
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
    store.setMeta('seen', at);
    return stored === undefined ? 'first' : 'new';
  });

  function look(): string {
    const read = { wall: now().getTime(), mono: mono() };
    const date = dateAt(read.wall);
    const startup = prev === undefined;
    // The last look: this process's, or at start the last time the queue stored it saw the clock.
    const natural = prev !== undefined && clockStep(prev, read) === 0;
    const seenIso = startup ? store.meta('seen') : undefined;
    const before = prev?.wall ?? (seenIso ? Date.parse(seenIso) : undefined);
    prev = read;
    day ??= store.meta('day');

    if (day !== undefined && date <= day) {
      // The marker's day, or a clock stepped back: the queue goes on where it is.
      if (pending) log.warn('queue clock came back; the jump to a new date is dropped', pending);
      pending = undefined;
      state = 'running';
      if (date === day && read.mono - seenWrittenAt >= SEEN_EVERY_MS) {
        store.setMeta('seen', new Date(read.wall).toISOString());
        seenWrittenAt = read.mono;
      }
      return day;
    }

    // Reached by running from the marker's day, or after that day was over by the last look
    // (the desk closed, the server off for the night). A database from before the last-seen
    // time was stored restarts as it used to.
    let move =
      day === undefined ||
      (!pending &&
        (natural ||
          (startup && before === undefined) ||
          (before !== undefined && dayOver(day, before))));
    if (!move && pending && natural && pending.date <= date)
      move = read.mono - pending.since >= CONFIRM_JUMP_MS;
    if (!move) {
      // A jump to a new date the clock did not run to: wait until it holds. A further step
      // starts the wait again.
      if (!pending || !natural) {
        if (!pending)
          log.warn('queue clock jumped to a new date; waiting before the reset', {
            from: day,
            to: date,
          });
        pending = { date, since: read.mono };
      }
      state = 'pending';
      return day as string;
    }

    const at = new Date(read.wall).toISOString();
    const kind = reset(date, at);
    seenWrittenAt = read.mono;
    day = date;
    pending = undefined;
    state = kind === 'first' ? 'first' : 'reset';
    if (kind === 'new') {
      log.info('queue day started', { date });
      changed('new day');
    }
    return date;
  }

  return Object.assign(look, {
    /** What the last look decided. */
    state: () => state,
    /** Writes the last-seen time now (on shutdown), if the clock is on the marker's date. */
    remember(): void {
      if (!prev || day === undefined || dateAt(prev.wall) !== day) return;
      store.setMeta('seen', new Date(now().getTime()).toISOString());
    },
  });
}
