/**
 * The estimated wait on a ticket: the service's recent mean service time × people ahead ÷ the
 * counters open for it (Waitwhile's classic estimate). Pure.
 */

/** How many of today's latest service times the mean is taken over. */
export const RECENT_SERVICES = 10;

/**
 * The least a visit is taken to last, in minutes: walking up, saying hello and leaving take
 * that much even when a visit is finished at once (a mistaken call, a quick question), so a
 * few such visits do not promise five people ahead "about 1 minute".
 */
export const MIN_VISIT_MINUTES = 1;

/**
 * Mean of the given service times in minutes, each counted as at least MIN_VISIT_MINUTES, or
 * the default when there are none yet.
 */
export function meanServiceMinutes(recentMs: readonly number[], defaultMinutes: number): number {
  if (recentMs.length === 0) return defaultMinutes;
  const floor = MIN_VISIT_MINUTES * 60_000;
  return recentMs.reduce((a, b) => a + Math.max(floor, b), 0) / recentMs.length / 60_000;
}

/**
 * Whole minutes, rounded up: "about 4 minutes" should not turn out to be five. Never less than
 * MIN_VISIT_MINUTES per person ahead at each open counter, whatever mean it is given.
 */
export function estimateWaitMinutes(
  ahead: number,
  meanMinutes: number,
  openCounters: number,
): number {
  if (ahead <= 0) return 0;
  const perVisit = Math.max(MIN_VISIT_MINUTES, meanMinutes);
  return Math.ceil((ahead * perVisit) / Math.max(1, openCounters));
}

export interface AheadRow {
  id: number;
  priority: boolean;
  takenAt: string;
}

/**
 * People called before this ticket, within its service: a priority ticket waits for earlier
 * priority tickets; a normal one for earlier normal tickets and every waiting priority ticket.
 * Without priority (priorityRun 0) it is simply those who came earlier.
 */
export function peopleAhead(
  ticket: AheadRow,
  waiting: readonly AheadRow[],
  priorityFirst: boolean,
): number {
  const earlier = (w: AheadRow) =>
    w.takenAt < ticket.takenAt || (w.takenAt === ticket.takenAt && w.id < ticket.id);
  return waiting.filter((w) => {
    if (w.id === ticket.id) return false;
    if (!priorityFirst) return earlier(w);
    return ticket.priority ? w.priority && earlier(w) : w.priority || earlier(w);
  }).length;
}
