/**
 * Complaint deadlines (投诉时限): an answer within 24 h of receiving it, a plan the customer
 * accepts within 72 h. Wall-clock hours, not working hours: the group checks them so. Time spent
 * waiting on the customer or the merchant (a pause, with its reason) does not count.
 */
export const ANSWER_WITHIN_MS = 24 * 3600_000;
export const PLAN_WITHIN_MS = 72 * 3600_000;

/** A stretch of time that does not count; `to` absent while it lasts. Epoch ms. */
export interface Pause {
  from: number;
  to?: number;
}

export type Deadline =
  /** Due at `at` (epoch ms). */
  | { kind: 'due'; at: number }
  /** A pause is running: the clock is stopped with `leftMs` still to go. */
  | { kind: 'paused'; leftMs: number; since: number };

/**
 * When `withinMs` of counted time since `start` runs out, given the pauses. Pure: the same
 * record gives the same deadline at any instant, so a list and a report agree.
 */
export function deadline(start: number, withinMs: number, pauses: readonly Pause[]): Deadline {
  let at = start + withinMs;
  for (const p of [...pauses].sort((a, b) => a.from - b.from)) {
    // A pause after the time ran out changes nothing; one before it moves the end by its length.
    if (p.from >= at) break;
    const from = Math.max(p.from, start);
    if (p.to === undefined) return { kind: 'paused', leftMs: at - from, since: p.from };
    if (p.to > from) at += p.to - from;
  }
  return { kind: 'due', at };
}

export type DeadlineState =
  | { state: 'met'; at: number; doneAt: number }
  | { state: 'missed'; at: number; doneAt?: number; overdueMs: number }
  | { state: 'open'; at: number; leftMs: number }
  | { state: 'paused'; leftMs: number; since: number };

/** Where a deadline stands at `now`: met, missed (done late or not at all), open or paused. */
export function deadlineState(
  start: number,
  withinMs: number,
  pauses: readonly Pause[],
  doneAt: number | undefined,
  now: number,
): DeadlineState {
  // Pauses that began after the work was done do not move its deadline; one still running when
  // it was done (the desk answered while waiting on the merchant) ended then: done is done.
  const counted =
    doneAt === undefined
      ? pauses
      : pauses
          .filter((p) => p.from < doneAt)
          .map((p) => ({ from: p.from, to: Math.min(p.to ?? doneAt, doneAt) }));
  const d = deadline(start, withinMs, counted);
  if (d.kind === 'paused') return { state: 'paused', leftMs: d.leftMs, since: d.since };
  if (doneAt !== undefined)
    return doneAt <= d.at
      ? { state: 'met', at: d.at, doneAt }
      : { state: 'missed', at: d.at, doneAt, overdueMs: doneAt - d.at };
  return now > d.at
    ? { state: 'missed', at: d.at, overdueMs: now - d.at }
    : { state: 'open', at: d.at, leftMs: d.at - now };
}
