import { deadlinesOf, type Complaint } from './complaint.ts';

/** A deadline this close is listed as due soon: the console's reminder before it passes. */
export const REMIND_WITHIN_MS = 4 * 3600_000;

type Deadlines = ReturnType<typeof deadlinesOf>;
export type DueList = 'overdue' | 'dueSoon' | 'paused';

/**
 * Which due list a complaint's deadlines put it on at the instant they were computed for:
 * overdue (a deadline passed with nothing done), due soon (one runs out within a few hours),
 * paused (waiting on the customer or the merchant), or none. Overdue wins over the others.
 */
export function dueListOf(d: Deadlines): DueList | undefined {
  const states = [d.answer, d.plan];
  if (states.some((s) => s.state === 'missed' && s.doneAt === undefined)) return 'overdue';
  if (states.some((s) => s.state === 'open' && s.leftMs <= REMIND_WITHIN_MS)) return 'dueSoon';
  if (states.some((s) => s.state === 'paused')) return 'paused';
  return undefined;
}

/** The deadlines a complaint has let pass with nothing done, at `now`: the overdue digest's lines. */
export function overdueDeadlines(c: Complaint, now: number) {
  const d = deadlinesOf(c, now);
  return (['answer', 'plan'] as const).flatMap((which) => {
    const s = d[which];
    return s.state === 'missed' && s.doneAt === undefined
      ? [{ deadline: which, dueAt: s.at, overdueMs: s.overdueMs }]
      : [];
  });
}
